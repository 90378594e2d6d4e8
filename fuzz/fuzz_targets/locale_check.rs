//! Fuzz Fluent loading and `check`: a translation file of any bytes (next to the
//! bundled reference) loads or is reported, and `check` never panics.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use leaflet::store::Store;
use libfuzzer_sys::fuzz_target;

/// A locales folder with the bundled sv and a `zz` locale the fuzzer writes.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root =
            std::env::temp_dir().join(format!("leaflet-fuzz-locales-{}", std::process::id()));
        let sv = root.join("sv");
        std::fs::create_dir_all(&sv).expect("mkdir");
        std::fs::create_dir_all(root.join("zz")).expect("mkdir");
        let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/../locales/sv");
        for entry in std::fs::read_dir(bundled).expect("bundled sv").flatten() {
            std::fs::copy(entry.path(), sv.join(entry.file_name())).expect("copy");
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let root = folder();
    std::fs::write(root.join("zz/fuzz.ftl"), data).expect("write");
    let locales = Store::locales(Some(root));
    let _ = leaflet::locale::load(&locales, "zz");
    let stores = leaflet::check::Stores {
        locales,
        layouts: Store::layouts(None),
        fonts: Store::fonts(None),
    };
    // A fixed month: the same input, the same run.
    let today = leaflet::locale::Month::of(Some(1_795_000_000));
    if let Ok(report) = leaflet::check::check(&stores, &["zz".to_string()], false, today) {
        let _ = leaflet::check::to_json(&report, &leaflet::messages::Speaker::english());
    }
});
