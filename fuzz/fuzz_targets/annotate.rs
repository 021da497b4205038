//! Fuzz target: any bytes, decoded lossily as UTF-8, annotated in every
//! offset unit; panics (a crash for libFuzzer) if the output breaks the
//! contract. Run by `make fuzz` (long) and `make test` (short); see
//! `fuzz/run.sh`.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The same checks as the integration tests (`check_every_unit`).
#[allow(dead_code)]
#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_every_unit(&String::from_utf8_lossy(data));
});
