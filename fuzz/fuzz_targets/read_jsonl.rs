//! Fuzz target `read_jsonl`: see `tenor_fuzz::check_read_jsonl` for the input layout and the invariants checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tenor_fuzz::check_read_jsonl(data));
