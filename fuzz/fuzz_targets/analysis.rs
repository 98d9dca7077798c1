//! Fuzz target: `kgexport_fuzz::analysis`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgexport_fuzz::analysis(data));
