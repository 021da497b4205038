//! Peak heap memory of each pipeline stage, native, measured with a counting
//! global allocator: for every stage, the live heap bytes before it, the peak
//! while it runs, and what it leaves live. For issue 7's "WASM peak memory
//! ≤ 10× the input" (`make bench`, tools/bench/scale.mjs): WASM linear memory
//! is a high-water mark, so the peak is what counts, plus the module's data
//! and stack (0.6 MB) and whatever the allocator cannot reuse. Native sizes
//! differ: `usize` is 8 bytes here and 4 in WASM (a `Span` is 16 bytes here,
//! 8 there), so span-heavy tables are about half this size in WASM; and the
//! tagger's weights are decoded into rows natively only (1 MB).
//!
//!   cargo run --release --example peak_memory article.txt
//!   cargo run --release --example peak_memory < article.txt
//!
//! (From a file, the input is read at its exact size; from standard input,
//! into a buffer grown by doubling.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use annotator::{output, passes, Document, OffsetUnit};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if q.is_null() {
            return q;
        }
        if new > l.size() {
            // Growing may move the block, holding both for a moment (WASM's
            // dlmalloc too, unless the block ends the heap): counted so.
            let now = LIVE.fetch_add(new, Relaxed) + new;
            PEAK.fetch_max(now, Relaxed);
            LIVE.fetch_sub(l.size(), Relaxed);
        } else {
            // Shrinking gives the tail back in place.
            LIVE.fetch_sub(l.size() - new, Relaxed);
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Runs `f`, printing the live bytes before, the peak during and the live bytes after.
fn stage<T>(name: &str, input: usize, f: impl FnOnce() -> T) -> T {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let out = f();
    let (peak, after) = (PEAK.load(Relaxed), LIVE.load(Relaxed));
    let x = |n: usize| n as f64 / input.max(1) as f64;
    println!(
        "{name:<22} before {:>11} ({:5.2}×)  peak {:>11} ({:5.2}×)  after {:>11} ({:5.2}×)",
        before,
        x(before),
        peak,
        x(peak),
        after,
        x(after)
    );
    out
}

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
        None => {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).expect("stdin");
            text
        }
    };
    // Warm-up: the lazily built tables (tagger model, gazetteer, lexicons).
    let _ = annotator::annotate("“We agreed,” Kim said in Seoul.", &Default::default());
    let n = text.len();
    println!("input {n} bytes; live after warm-up (input + tables) {}", LIVE.load(Relaxed));
    let all_peak_from = LIVE.load(Relaxed);
    PEAK.store(all_peak_from, Relaxed);
    let doc = stage("Document::new", n, || Document::new(&text));
    println!(
        "  tokens {} ({} cap), sentences {}, paragraphs {}",
        doc.tokens.len(),
        doc.tokens.capacity(),
        doc.sentences.len(),
        doc.paragraphs.len()
    );
    let quotes = stage("quotes::find", n, || passes::quotes::find(&doc));
    let mut entities = stage("entities::recognise", n, || passes::entities::recognise(&doc));
    let attributions = stage("attribution::attribute", n, || passes::attribution::attribute(&doc, &quotes, &mut entities));
    let analysis = passes::Analysis { quotes, attributions, entities };
    let ann = stage("output::build", n, || output::build(&text, &analysis, OffsetUnit::Utf16));
    drop(analysis);
    drop(doc);
    let json = stage("to_json", n, || ann.to_json());
    drop(ann);
    println!("json {} bytes", json.len());
}
