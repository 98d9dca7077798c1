//! Fuzz target: `kgexport_fuzz::sentences`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgexport_fuzz::sentences(data));
