//! Print production: booklet imposition, the bundled layouts, bleed and crop marks,
//! metadata and PDF/A.

use std::path::Path;
use std::process::Command;

use crate::common::{fonts, info, page_box, page_texts, Sandbox};

const MM: f32 = 72.0 / 25.4;

/// The text inside a rectangle of one page, in points from the top-left corner.
fn text_in(pdf: &Path, page: usize, x: f32, y: f32, w: f32, h: f32) -> String {
    let n = page.to_string();
    let num = |v: f32| format!("{}", v.round() as i64);
    let out = Command::new("pdftotext")
        .args([
            "-enc",
            "UTF-8",
            "-f",
            &n,
            "-l",
            &n,
            "-x",
            &num(x),
            "-y",
            &num(y),
            "-W",
            &num(w),
            "-H",
            &num(h),
        ])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    // Words joined by single spaces, whatever the line breaks.
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn build(sb: &Sandbox, args: &[&str]) -> lopdf::Document {
    sb.example();
    sb.run(&[&["build", "asby.toml", "-o", "out.pdf"], args].concat())
        .ok();
    lopdf::Document::load(sb.path("out.pdf")).expect("a PDF")
}

fn close(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05)
}

#[test]
fn a_booklet_puts_pages_four_and_one_then_two_and_three_on_a4_landscape() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--impose", "booklet"]);
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 2, "one sheet, two sides");
    for id in pages.values() {
        assert!(close(
            &page_box(&doc, *id, "MediaBox"),
            &[0.0, 0.0, 841.89, 595.28]
        ));
    }
    let pdf = sb.path("out.pdf");
    let half = 841.89 / 2.0;
    let side =
        |page, left: bool| text_in(&pdf, page, if left { 0.0 } else { half }, 0.0, half, 595.0);
    assert!(
        side(1, true).contains("Kontakta oss") && side(1, true).contains("asa.ohrstrom@asby.se")
    );
    assert!(side(1, false).contains("Hjälper du någon"));
    assert!(side(2, true).contains("Är du anhörig?"));
    assert!(side(2, false).contains("Det finns stöd för dig"));
    // Still vector text in the same two subset fonts.
    assert_eq!(fonts(&doc).len(), 2);
    assert!(fonts(&doc)
        .iter()
        .all(|(name, embedded)| *embedded && name.as_bytes().get(6) == Some(&b'+')));
}

#[test]
fn the_a4_layout_is_one_sheet_front_and_back_with_contacts_on_the_back() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--layout", "a4"]);
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 2);
    for id in pages.values() {
        assert!(close(
            &page_box(&doc, *id, "MediaBox"),
            &[0.0, 0.0, 595.28, 841.89]
        ));
    }
    let texts = page_texts(&sb.path("out.pdf"));
    assert!(texts[0].contains("Hjälper du någon") && texts[0].contains("Är du anhörig?"));
    assert!(texts[1].contains("Åsa Öhrström") && !texts[0].contains("Åsa Öhrström"));
}

#[test]
fn the_trifold_has_its_cover_in_front_and_the_contact_details_last() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--layout", "trifold-dl", "--lang", "fi"]);
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 2);
    for id in pages.values() {
        assert!(close(
            &page_box(&doc, *id, "MediaBox"),
            &[0.0, 0.0, 841.89, 595.28]
        ));
    }
    let pdf = sb.path("out.pdf");
    // Outside: flap 0–97 mm, back 97–197 mm, front 197–297 mm.
    let flap = text_in(&pdf, 1, 0.0, 0.0, 97.0 * MM, 595.0);
    let back = text_in(&pdf, 1, 97.0 * MM, 0.0, 100.0 * MM, 595.0);
    let front = text_in(&pdf, 1, 197.0 * MM, 0.0, 100.0 * MM, 595.0);
    assert!(
        front.contains("Autatko läheistäsi") && front.contains("Åsby kommun"),
        "{front}"
    );
    assert!(
        back.contains("Jaana Kärkkäinen") && back.contains("jaana.karkkainen@asby.se"),
        "{back}"
    );
    assert!(
        flap.contains("Oletko omainen?") && flap.contains("Valtakunnalliset tukipuhelimet"),
        "{flap}"
    );
    // Inside, left to right: who is a carer, the support, the organisation's details.
    let inside: Vec<String> = [(0.0, 100.0), (100.0, 100.0), (200.0, 97.0)]
        .iter()
        .map(|(x, w)| text_in(&pdf, 2, x * MM, 0.0, w * MM, 595.0))
        .collect();
    assert!(
        inside[0].contains("Ruotsissa lähes joka viides"),
        "{}",
        inside[0]
    );
    assert!(
        inside[1].contains("Sinulle on tarjolla tukea"),
        "{}",
        inside[1]
    );
    assert!(
        inside[2].contains("Ota yhteyttä") && inside[2].contains("anhorigstod@asby.se"),
        "{}",
        inside[2]
    );
}

#[test]
fn list_describes_every_bundled_layout() {
    let sb = Sandbox::new();
    let out = sb.run(&["list"]);
    out.ok();
    for name in ["a4", "folder-a5", "trifold-dl"] {
        let line = out
            .stdout()
            .lines()
            .find(|l| l.trim_start().starts_with(name))
            .map(str::to_string);
        let line = line.unwrap_or_else(|| panic!("{name} listed:\n{}", out.stdout()));
        assert!(
            line.len() > name.len() + 20,
            "{name} has a description: {line}"
        );
    }
}

#[test]
fn bleed_grows_the_media_box_and_sets_trim_and_bleed_boxes() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--bleed", "3", "--crop-marks"]);
    let (_, page) = doc.get_pages().into_iter().next().expect("a page");
    let media = page_box(&doc, page, "MediaBox");
    let trim = page_box(&doc, page, "TrimBox");
    let bleed = page_box(&doc, page, "BleedBox");
    // The trim box is A5, [llx lly urx ury].
    assert!(
        ((trim[2] - trim[0]) - 148.0 * MM).abs() < 0.05
            && ((trim[3] - trim[1]) - 210.0 * MM).abs() < 0.05,
        "{trim:?}"
    );
    for i in 0..2 {
        assert!(
            (trim[i] - bleed[i] - 3.0 * MM).abs() < 0.05,
            "bleed 3 mm: {bleed:?} {trim:?}"
        );
        assert!(
            (bleed[i + 2] - trim[i + 2] - 3.0 * MM).abs() < 0.05,
            "bleed 3 mm: {bleed:?} {trim:?}"
        );
        assert!(
            bleed[i] > media[i] && bleed[i + 2] < media[i + 2],
            "room for crop marks outside the bleed"
        );
    }
}

#[test]
fn an_office_booklet_with_bleed_is_refused() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb
        .run(&["build", "asby.toml", "--impose", "booklet", "--bleed", "3"])
        .fails();
    assert!(
        err.contains("--impose booklet is for office printers"),
        "{err}"
    );
    let err = sb.run(&["build", "asby.toml", "--bleed", "30"]).fails();
    assert!(err.contains("a bleed of 30 mm is out of range"), "{err}");
    assert!(
        !sb.files().iter().any(|f| f.ends_with(".pdf")),
        "{:?}",
        sb.files()
    );
}

#[test]
fn the_document_carries_subject_keywords_and_producer() {
    let sb = Sandbox::new();
    let doc = build(&sb, &[]);
    assert_eq!(
        info(&doc, "Subject").as_deref(),
        Some("Information om anhörigstöd i kommunen")
    );
    assert!(info(&doc, "Keywords")
        .unwrap_or_default()
        .contains("anhörigstöd"));
    assert!(info(&doc, "Producer")
        .unwrap_or_default()
        .starts_with("leaflet "));
    let prefs = doc
        .catalog()
        .and_then(|c| c.get(b"ViewerPreferences"))
        .and_then(lopdf::Object::as_dict)
        .expect("viewer preferences");
    assert_eq!(
        prefs
            .get(b"DisplayDocTitle")
            .and_then(lopdf::Object::as_bool)
            .ok(),
        Some(true)
    );
}

#[test]
fn pdf_a_carries_xmp_identification_and_an_srgb_output_intent() {
    let sb = Sandbox::new();
    let doc = build(&sb, &["--pdf-a", "--lang", "fi"]);
    let catalog = doc.catalog().expect("catalog");
    let metadata = catalog
        .get(b"Metadata")
        .and_then(lopdf::Object::as_reference)
        .expect("/Metadata");
    let stream = doc
        .get_object(metadata)
        .and_then(lopdf::Object::as_stream)
        .expect("a stream");
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "the XMP stays uncompressed"
    );
    let xmp = String::from_utf8(stream.content.clone()).expect("UTF-8 XMP");
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(
        xmp.contains("Åsby kommun") && xmp.contains("<rdf:li>fi</rdf:li>"),
        "{xmp}"
    );
    let intents = catalog
        .get(b"OutputIntents")
        .and_then(lopdf::Object::as_array)
        .expect("/OutputIntents");
    let intent = intents[0].as_dict().expect("an intent");
    assert_eq!(
        intent.get(b"S").and_then(lopdf::Object::as_name).ok(),
        Some(b"GTS_PDFA1".as_slice())
    );
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(lopdf::Object::as_reference)
        .expect("a profile");
    let profile = doc
        .get_object(profile)
        .and_then(lopdf::Object::as_stream)
        .expect("ICC stream");
    assert_eq!(
        profile.dict.get(b"N").and_then(lopdf::Object::as_i64).ok(),
        Some(3)
    );
}

#[test]
fn a_booklet_is_refused_for_a_layout_whose_pages_do_not_fold_into_one() {
    let sb = Sandbox::new();
    sb.example();
    for layout in ["a4", "trifold-dl"] {
        let err = sb
            .run(&[
                "build",
                "asby.toml",
                "--layout",
                layout,
                "--impose",
                "booklet",
            ])
            .fails();
        assert!(
            err.contains(&format!(
                "the layout `{layout}` cannot be imposed as a booklet"
            )),
            "{err}"
        );
        assert!(
            err.contains("--impose booklet is for these layouts: folder-a5"),
            "{err}"
        );
    }
    assert!(!sb.files().iter().any(|f| f.ends_with(".pdf")));
}
