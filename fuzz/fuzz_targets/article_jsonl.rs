//! Fuzz target: `kgexport_fuzz::article_jsonl`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgexport_fuzz::article_jsonl(data));
