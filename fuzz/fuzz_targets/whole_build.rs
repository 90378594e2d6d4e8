//! Fuzz the whole build from an arbitrary contacts file: a PDF or diagnostics.
#![no_main]

use std::sync::OnceLock;

use leaflet::diagnostic::Source;
use leaflet::{Prepared, Settings};
use libfuzzer_sys::fuzz_target;

fn prepared() -> &'static Prepared {
    static P: OnceLock<Prepared> = OnceLock::new();
    P.get_or_init(|| Prepared::new(&Settings::default(), "sv").expect("bundled data"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    if let Ok(contacts) = leaflet::contacts::parse(&Source::new("fuzz.toml", text)) {
        match prepared().build_with_logo(&contacts, None) {
            Ok(built) => assert!(built.pdf.starts_with(b"%PDF-")),
            Err(e) => assert!(!e.0.is_empty()),
        }
    }
});
