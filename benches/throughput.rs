//! Native throughput of the annotator, per layer and end to end, on the
//! development corpora in `../shared/data` (or `$SHARED_DIR/data`).
//!
//! ```text
//! cargo bench --bench throughput                 # every corpus, every layer
//! cargo bench --bench throughput -- polnear/     # a filter, as usual
//! ```
//!
//! Each benchmark runs its layer over every document of a corpus, one
//! document at a time (as the command line and the page do), and reports
//! bytes of text per second. The inputs of a layer (the document, the quotes,
//! the entities) are built once, outside the timed loop; the attribution pass
//! changes the entities it is given, so it gets a fresh clone per iteration
//! (the clone is not timed). Under `cargo test` each benchmark runs once on
//! the first few documents (a smoke test, no timing). `make bench` reads
//! Criterion's estimates from `$CRITERION_HOME` (tools/bench/report.mjs)
//! into BENCH.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use annotator::passes::{self, attribution, entities, quotes};
use annotator::{annotate, output, Document, OffsetUnit, Options};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

const CORPORA: &[&str] = &["polnear-dev", "conll2003-dev"];

fn data_dir() -> PathBuf {
    match std::env::var_os("SHARED_DIR") {
        Some(dir) => PathBuf::from(dir).join("data"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
    }
}

/// The `text` of every line of `<name>.jsonl`.
fn load(name: &str) -> Vec<String> {
    let path = data_dir().join(format!("{name}.jsonl"));
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set SHARED_DIR to the folder holding data/)", path.display()));
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a text field").to_owned()
        })
        .collect()
}

/// `cargo bench` passes `--bench`; `cargo test --all-targets` does not, and
/// Criterion then runs each benchmark once as a smoke test: a few documents
/// are enough there (and a debug build over whole corpora would be slow).
fn smoke_test() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

fn bench(c: &mut Criterion) {
    let opts = Options::default();
    for &name in CORPORA {
        // The smoke test passes without the shared data; a benchmark needs it.
        if smoke_test() && !data_dir().join(format!("{name}.jsonl")).exists() {
            eprintln!("{name}: no data in {} (set SHARED_DIR): skipped", data_dir().display());
            continue;
        }
        let mut texts = load(name);
        if smoke_test() {
            texts.truncate(3);
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t)).collect();
        let found: Vec<Vec<quotes::Quote>> = docs.iter().map(quotes::find).collect();
        let ents: Vec<entities::Entities> = docs.iter().map(entities::recognise).collect();
        let analyses: Vec<passes::Analysis> = docs.iter().map(passes::analyse).collect();

        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));

        g.bench_function("document", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(Document::new(black_box(t)));
                }
            })
        });
        g.bench_function("quotes", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(quotes::find(black_box(d)));
                }
            })
        });
        g.bench_function("entities", |b| {
            b.iter(|| {
                for d in &docs {
                    black_box(entities::recognise(black_box(d)));
                }
            })
        });
        g.bench_function("attribution", |b| {
            b.iter_batched_ref(
                || ents.clone(),
                |ents| {
                    for ((d, q), e) in docs.iter().zip(&found).zip(ents.iter_mut()) {
                        black_box(attribution::attribute(d, q, e));
                    }
                },
                BatchSize::LargeInput,
            )
        });
        g.bench_function("output", |b| {
            b.iter(|| {
                for (t, a) in texts.iter().zip(&analyses) {
                    black_box(output::build(t, a, OffsetUnit::Utf16));
                }
            })
        });
        g.bench_function("annotate", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(annotate(black_box(t), &opts));
                }
            })
        });
        g.bench_function("annotate+json", |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(annotate(black_box(t), &opts).to_json());
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
