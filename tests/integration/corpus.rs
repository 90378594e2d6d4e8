//! Contact details as long and varied as real organisations' (the sets in
//! `tests/fixtures/contacts/`: municipalities, city districts, regions and
//! associations, 40–50 character e-mail addresses, 60–95 character web
//! addresses, four contacts, long units, several organisations on one page):
//! every set builds in every bundled layout and language, every e-mail
//! and web address is printed whole (once the line breaks inside it are taken
//! out), no postal code is split over two lines, and the QR code decodes to
//! the first web address (with `https://` where it is given without a scheme).

use std::path::{Path, PathBuf};
use std::process::Command;

use leaflet::contacts::schema::{self, Kind};
use leaflet::content::printed_web_address;

use crate::common::{repo, Sandbox};

/// The files of a repository folder ending in `.ext`, sorted.
fn files(folder: &str, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(repo(folder))
        .expect("the folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// The e-mail and web addresses of a contacts file as printed in `lang`, and its
/// first web address as given (what the QR code says).
fn addresses(file: &Path, lang: &str) -> (Vec<String>, Option<String>) {
    let contacts = leaflet::contacts::load(file).expect("a valid contacts file");
    let mut printed = Vec::new();
    let mut first_web = None;
    for text in contacts.texts() {
        let kind = schema::find(&text.field).map(|p| p.field.kind);
        let value = text.get(lang).0.to_string();
        match kind {
            Some(Kind::Email) => printed.push(value),
            Some(Kind::Web) => {
                printed.push(printed_web_address(&value).to_string());
                first_web.get_or_insert(value);
            }
            _ => {}
        }
    }
    (printed, first_web)
}

/// The Swedish postal codes ("123 45") in the texts of a contacts file as
/// printed in `lang`.
fn postal_codes(file: &Path, lang: &str) -> Vec<String> {
    let contacts = leaflet::contacts::load(file).expect("a valid contacts file");
    let mut codes = Vec::new();
    for text in contacts.texts() {
        let chars: Vec<char> = text.get(lang).0.chars().collect();
        let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
        for i in 0..chars.len() {
            let starts = i == 0 || !digit(i - 1);
            if starts
                && (i..i + 3).all(digit)
                && chars.get(i + 3) == Some(&' ')
                && (i + 4..i + 6).all(digit)
                && !digit(i + 6)
            {
                codes.push(chars[i..i + 6].iter().collect());
            }
        }
    }
    codes
}

/// The QR codes on every page of a PDF, decoded by zbarimg.
fn qr_codes(pdf: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut found = Vec::new();
    for page in std::fs::read_dir(dir.path()).expect("the pages").flatten() {
        let out = Command::new("zbarimg")
            .args(["-q", "--raw"])
            .arg(page.path())
            .output()
            .expect("zbarimg runs (apt-get install zbar-tools)");
        found.extend(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string),
        );
    }
    found
}

/// Build one set in one layout and language; what is wrong, if anything is.
fn check(file: &Path, layout: &str, lang: &str, with_qr: bool) -> Result<(), String> {
    let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
    let case = format!("{name} in {layout}, {lang}");
    let sb = Sandbox::new();
    let file = file.to_string_lossy();
    let run = sb.run(&[
        "build", &file, "--lang", lang, "--layout", layout, "-o", "out.pdf",
    ]);
    if run.code() != 0 {
        return Err(format!("{case}: not built:\n{}", run.stderr()));
    }
    let pdf = sb.path("out.pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text: String = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect();
    let (printed, web) = addresses(Path::new(file.as_ref()), lang);
    for address in printed {
        if !text.contains(&address) {
            return Err(format!("{case}: `{address}` is not printed whole"));
        }
    }
    // A postal code is never split over two lines.
    let lines = crate::common::page_lines(&pdf).concat();
    for code in postal_codes(Path::new(file.as_ref()), lang) {
        if !lines.lines().any(|l| l.contains(&code)) {
            return Err(format!("{case}: the postal code `{code}` is split"));
        }
    }
    if with_qr {
        let codes = qr_codes(&pdf);
        // The address with its scheme: as given, or `https://`.
        let web = web.map(|w| {
            if w.contains("://") {
                w
            } else {
                format!("https://{w}")
            }
        });
        if codes != web.iter().cloned().collect::<Vec<_>>() {
            return Err(format!("{case}: the QR codes say {codes:?}, not {web:?}"));
        }
    }
    Ok(())
}

#[test]
fn every_real_sized_contact_set_builds_whole_in_every_layout() {
    let sets = files("tests/fixtures/contacts", "toml");
    assert!(sets.len() >= 30, "the corpus is there: {}", sets.len());
    let layouts: Vec<String> = files("layouts", "toml")
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    // Every bundled language: in one with no text of its own in a set (English
    // here), the Swedish text is printed beside that language's longer or
    // shorter fixed text, and must fit as well.
    let mut langs: Vec<String> = std::fs::read_dir(repo("locales"))
        .expect("the locales")
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    langs.sort();
    assert!(langs.len() >= 3, "{langs:?}");
    let mut cases = Vec::new();
    for set in &sets {
        for layout in &layouts {
            for lang in &langs {
                // The QR code is the same in every language but for per-language
                // web addresses; it is decoded in Swedish.
                cases.push((set, layout.as_str(), lang.as_str(), lang == "sv"));
            }
        }
    }
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = cases.len().div_ceil(threads);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .filter_map(|(set, layout, lang, qr)| check(set, layout, lang, *qr).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a checking thread"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} builds:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
