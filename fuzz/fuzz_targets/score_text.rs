//! Fuzz target `score_text`: see `tenor_fuzz::check_score_text` for the input layout and the invariants checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tenor_fuzz::check_score_text(data));
