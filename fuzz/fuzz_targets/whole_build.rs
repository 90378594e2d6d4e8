//! Fuzz the whole build from an arbitrary contacts file: a PDF or diagnostics.
#![no_main]

use std::sync::OnceLock;

use leaflet::{Prepared, Settings};
use libfuzzer_sys::fuzz_target;

fn prepared() -> &'static Prepared {
    static P: OnceLock<Prepared> = OnceLock::new();
    P.get_or_init(|| Prepared::new(&Settings::default(), "sv").expect("bundled data"))
}

fuzz_target!(|data: &[u8]| {
    // The path the API takes: bytes, decoded and limited as the command line does.
    if let Ok(contacts) = leaflet::contacts::from_bytes("fuzz.toml", data.to_vec()) {
        let logos = vec![None; contacts.organisations.len()];
        match prepared().build_with_logos(&contacts, &logos) {
            Ok(built) => assert!(built.pdf.starts_with(b"%PDF-")),
            Err(e) => assert!(!e.0.is_empty()),
        }
    }
});
