//! Golden PDFs: the SHA-256 of what `leaflet build` writes for every bundled example
//! in every bundled language and layout, and with each print option (booklet, bleed
//! with crop marks, PDF/A, PDF/UA), dated by a fixed `SOURCE_DATE_EPOCH`.
//!
//! A refactor keeps every hash. A change that is meant to change the bytes records
//! the new hashes with `LEAFLET_BLESS=1 cargo test --test integration golden` and says in its
//! commit message why the bytes changed. A case the tool refuses is recorded as
//! `refused`, so that a case starting (or stopping) to build is noticed too.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::common::repo;

/// The date every golden PDF carries: 2026-01-01T00:00:00Z.
const EPOCH: &str = "1767225600";
/// Where the hashes are kept.
const HASHES: &str = "tests/fixtures/golden/hashes.txt";

/// One build: a name and the arguments after `build`.
struct Case {
    name: String,
    args: Vec<String>,
}

/// The names of the entries of a repository folder, sorted, filtered by `keep`.
fn entries(folder: &str, keep: impl Fn(&Path) -> Option<String>) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo(folder))
        .expect("a bundled folder")
        .flatten()
        .filter_map(|e| keep(&e.path()))
        .collect();
    names.sort();
    names
}

fn cases() -> Vec<Case> {
    let examples = entries("examples", |p| {
        (p.extension()? == "toml").then(|| p.file_stem()?.to_str().map(str::to_string))?
    });
    let langs = entries("locales", |p| {
        p.is_dir()
            .then(|| p.file_name()?.to_str().map(str::to_string))?
    });
    let layouts = entries("layouts", |p| {
        (p.extension()? == "toml").then(|| p.file_stem()?.to_str().map(str::to_string))?
    });
    let mut cases = Vec::new();
    for example in &examples {
        let contacts = repo(&format!("examples/{example}.toml"))
            .to_string_lossy()
            .into_owned();
        let case = |name: String, extra: &[&str]| Case {
            name,
            args: [contacts.as_str()]
                .iter()
                .chain(extra)
                .map(|s| s.to_string())
                .collect(),
        };
        for lang in &langs {
            for layout in &layouts {
                cases.push(case(
                    format!("{example}-{lang}-{layout}"),
                    &["--lang", lang, "--layout", layout],
                ));
            }
        }
        for (option, args) in [
            ("booklet", &["--impose", "booklet"][..]),
            ("bleed-crop", &["--bleed", "3", "--crop-marks"]),
            ("pdf-a", &["--pdf-a"]),
            ("pdf-ua", &["--pdf-ua"]),
            ("pdf-a-ua", &["--pdf-a", "--pdf-ua"]),
        ] {
            cases.push(case(format!("{example}-sv-folder-a5-{option}"), args));
        }
    }
    cases
}

/// The hash of the PDF a case writes, or `refused`.
fn outcome(case: &Case, dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .arg("build")
        .args(&case.args)
        .args(["-o", "-"])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{}: {err}", case.name);
    if out.status.success() {
        Sha256::digest(&out.stdout)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    } else {
        "refused".to_string()
    }
}

#[test]
fn every_example_builds_to_the_recorded_bytes() {
    let cases = cases();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = cases.len().div_ceil(threads);
    let found: BTreeMap<String, String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                let dir = dir.path();
                s.spawn(move || {
                    part.iter()
                        .map(|c| (c.name.clone(), outcome(c, dir)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a build thread"))
            .collect()
    });
    let written: String = found.iter().map(|(k, v)| format!("{k} {v}\n")).collect();
    if std::env::var_os("LEAFLET_BLESS").is_some() {
        std::fs::write(repo(HASHES), written).expect("write the hashes");
        return;
    }
    let recorded = std::fs::read_to_string(repo(HASHES)).unwrap_or_default();
    let expected: BTreeMap<String, String> = recorded
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut differ = Vec::new();
    for name in expected.keys().chain(found.keys()) {
        let (e, f) = (expected.get(name), found.get(name));
        if e != f && !differ.iter().any(|(n, _, _)| n == name) {
            differ.push((name.clone(), e.cloned(), f.cloned()));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} golden PDFs differ (recorded → now):\n{}\n\
         If the change is meant to change the bytes, record the new hashes with \
         `LEAFLET_BLESS=1 cargo test --test integration golden` and say why in the commit message.",
        differ.len(),
        found.len(),
        differ
            .iter()
            .map(|(n, e, f)| format!(
                "  {n}: {} → {}",
                e.as_deref().unwrap_or("(none)"),
                f.as_deref().unwrap_or("(none)")
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
