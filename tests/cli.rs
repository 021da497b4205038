//! The `annotate` command line: files, stdin, JSON Lines, errors.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn annotate");
    // The process may exit before reading (bad usage): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn stdin_to_json() {
    let out = run(&[], "“We will win,” Kim said in Seoul. 😀".as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v = &lines(&out)[0];
    assert_eq!(v["version"], 1);
    assert_eq!(v["offsets"], "utf16");
    assert_eq!(v["quotes"][0]["text"], "“We will win,”");
    assert_eq!(v["quotes"][0]["speaker"]["text"], "Kim");
    assert_eq!(v["length"], 36, "the emoji counts two UTF-16 units");
}

#[test]
fn offsets_option() {
    let text = "😀 “Hello there, friends,” Kim said.";
    let start = |unit: &str| {
        let out = run(&["--offsets", unit], text.as_bytes());
        assert!(out.status.success());
        lines(&out)[0]["quotes"][0]["start"].as_u64().unwrap()
    };
    assert_eq!((start("utf16"), start("codepoint"), start("utf8")), (3, 2, 5));
    let bad = run(&["--offsets", "miles"], b"x");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown offset unit"));
}

#[test]
fn jsonl_streams_in_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"“Yes, we can,” Kim said.\"}\n",
        "not json\n",
        "{\"id\": 7}\n",
        "\n",
        "{\"id\": 8, \"text\": \"Pompeo visited Seoul.\"}\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\"}\n");
    bytes.extend_from_slice(b"{\"id\": \"last\", \"text\": \"fin\"}\n");
    let out = run(&["--jsonl"], &bytes);
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit status 1");
    let got = lines(&out);
    let ids: Vec<String> = got.iter().map(|v| v["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "8", "\"last\""]);
    assert_eq!(got[0]["annotation"]["quotes"][0]["speaker"]["text"], "Kim");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("stdin:2: malformed JSON"), "{err}");
    assert!(err.contains("stdin:3: missing string field \"text\""), "{err}");
    assert!(err.contains("stdin:6: invalid UTF-8"), "{err}");
}

#[test]
fn files_and_bad_files() {
    let dir = std::env::temp_dir().join(format!("annotate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, "“Fine,” she said.").unwrap();
    std::fs::write(&bad, b"ok \xc3\x28 broken").unwrap();
    let missing = dir.join("missing.txt");
    let out = run(&[bad.to_str().unwrap(), good.to_str().unwrap(), missing.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 1, "the valid file is still annotated");
    assert_eq!(got[0]["quotes"][0]["text"], "“Fine,”");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt: invalid UTF-8 at byte 3"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
