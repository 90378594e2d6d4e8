//! Fuzz the contacts parser and validator: any bytes give contacts or diagnostics.
#![no_main]

use leaflet::diagnostic::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Err(e) = leaflet::contacts::parse(&Source::new("fuzz.toml", text)) {
        assert!(!e.0.is_empty(), "an error without a diagnostic");
        let _ = e.to_string();
    }
});
