//! Fuzz target: the JsonLd writer (`kgexport_fuzz::writer`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kgexport_fuzz::writer(kgexport::export::Format::JsonLd, data));
