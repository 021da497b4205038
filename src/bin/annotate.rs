//! `annotate`: the annotator on the command line.
//!
//! ```text
//! annotate [--offsets utf16|codepoint|utf8] [--pretty] [FILE...]
//! annotate --jsonl [--offsets ...] < docs.jsonl > annotations.jsonl
//! ```
//!
//! Without `--jsonl`, each FILE (or standard input) is annotated and its
//! JSON written on one line. With `--jsonl`, each input line
//! `{"id": …, "text": "…"}` gives one output line `{"id": …, "annotation": …}`,
//! in order, as soon as it is read. Bad input is reported on standard error
//! with its file or line number; every valid document is still annotated,
//! and the exit status is 1 if anything was bad (2 for bad usage).

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annotator::{annotate, OffsetUnit, Options};
use serde::Serialize;

const USAGE: &str = "\
usage: annotate [--offsets utf16|codepoint|utf8] [--pretty] [FILE...]
       annotate --jsonl [--offsets utf16|codepoint|utf8]

Annotates news text: quotes, speakers, persons, locations. Writes the
annotation JSON (one line per input file; standard input when no FILE).

  --jsonl            read {\"id\",\"text\"} lines on stdin, write {\"id\",\"annotation\"} lines
  --offsets UNIT     offset unit: utf16 (default, JavaScript), codepoint (Python), utf8 (bytes)
  --pretty           indent the JSON (not with --jsonl)
  -h, --help         this help
  -V, --version      the version
";

struct Args {
    jsonl: bool,
    pretty: bool,
    options: Options,
    files: Vec<PathBuf>,
}

fn parse_args() -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut args = Args { jsonl: false, pretty: false, options: Options::default(), files: Vec::new() };
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("jsonl") => args.jsonl = true,
            Long("pretty") => args.pretty = true,
            Long("offsets") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                let v = v.string().map_err(|e| e.to_string())?;
                args.options.offsets = v.parse::<OffsetUnit>().map_err(|e| e.to_string())?;
            }
            Short('h') | Long("help") => {
                print!("{USAGE}");
                return Ok(None);
            }
            Short('V') | Long("version") => {
                println!("annotate {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            Value(v) => args.files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if args.jsonl && !args.files.is_empty() {
        return Err("--jsonl reads standard input; give no FILE".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotate: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = if args.jsonl { run_jsonl(&args, &mut out) } else { run_files(&args, &mut out) };
    match result.and_then(|bad| out.flush().map(|_| bad)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotate: writing output: {e}");
            ExitCode::from(1)
        }
    }
}

/// Annotates each file (or stdin); returns the number of bad inputs.
fn run_files(args: &Args, out: &mut impl Write) -> io::Result<usize> {
    let inputs: Vec<Option<&PathBuf>> = if args.files.is_empty() { vec![None] } else { args.files.iter().map(Some).collect() };
    let mut bad = 0;
    for input in inputs {
        let name = input.map_or("<stdin>".to_string(), |p| p.display().to_string());
        let bytes = match input {
            Some(p) => std::fs::read(p),
            None => {
                let mut v = Vec::new();
                io::stdin().lock().read_to_end(&mut v).map(|_| v)
            }
        };
        let text = match bytes.map_err(|e| e.to_string()).and_then(|b| {
            String::from_utf8(b).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
        }) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("annotate: {name}: {e}");
                bad += 1;
                continue;
            }
        };
        let ann = annotate(&text, &args.options);
        if args.pretty {
            serde_json::to_writer_pretty(&mut *out, &ann)?;
        } else {
            serde_json::to_writer(&mut *out, &ann)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(bad)
}

#[derive(Serialize)]
struct OutLine<'a> {
    id: &'a serde_json::Value,
    annotation: annotator::Annotation,
}

/// Streams JSON Lines from stdin; returns the number of bad lines.
fn run_jsonl(args: &Args, out: &mut impl Write) -> io::Result<usize> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    let mut bad = 0;
    let mut n = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        n += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l.trim(),
            Err(e) => {
                eprintln!("annotate: stdin:{n}: invalid UTF-8 at byte {}", e.valid_up_to());
                bad += 1;
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("annotate: stdin:{n}: malformed JSON: {e}");
                bad += 1;
                continue;
            }
        };
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            eprintln!("annotate: stdin:{n}: missing string field \"text\"");
            bad += 1;
            continue;
        };
        let id = value.get("id").unwrap_or(&serde_json::Value::Null);
        let ann = annotate(text, &args.options);
        serde_json::to_writer(&mut *out, &OutLine { id, annotation: ann })?;
        out.write_all(b"\n")?;
        out.flush()?; // streaming: each result as soon as it is ready
    }
    Ok(bad)
}
