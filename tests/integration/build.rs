//! `leaflet build` on real inputs: the PDF's pages, fonts, text and metadata.

use crate::common::{copy_locales, fonts, info, page_box, page_lines, page_texts, Sandbox};

const A5: [f32; 4] = [0.0, 0.0, 419.53, 595.28];

fn close(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05)
}

#[test]
fn the_example_builds_as_four_a5_pages_in_both_languages() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    for lang in ["sv", "fi"] {
        let out = format!("asby-{lang}.pdf");
        sb.run(&[
            "build",
            contacts.to_str().unwrap_or_default(),
            "--lang",
            lang,
            "-o",
            &out,
        ])
        .ok();
        let doc = lopdf::Document::load(sb.path(&out)).expect("a PDF");
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 4, "{lang}: 4 pages");
        for (_, id) in pages {
            for key in ["MediaBox", "CropBox", "TrimBox", "BleedBox"] {
                let b = page_box(&doc, id, key);
                assert!(
                    close(&b, &A5),
                    "{lang}: {key} is {b:?}, not A5 as [llx lly urx ury]"
                );
            }
        }
    }
}

#[test]
fn every_font_is_embedded_and_subset() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    sb.run(&[
        "build",
        contacts.to_str().unwrap_or_default(),
        "-o",
        "out.pdf",
    ])
    .ok();
    let doc = lopdf::Document::load(sb.path("out.pdf")).expect("a PDF");
    let found = fonts(&doc);
    assert_eq!(found.len(), 2, "regular and bold: {found:?}");
    for (name, embedded) in found {
        assert!(embedded, "{name} is not embedded");
        let (tag, rest) = name.split_once('+').expect("a subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(rest.starts_with("NotoSans-"), "{name}");
    }
    let size = std::fs::metadata(sb.path("out.pdf"))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(
        size < 60_000,
        "subset fonts keep the PDF small; it is {size} bytes"
    );
}

#[test]
fn the_contact_details_stand_on_the_final_page_and_nowhere_else() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    for lang in ["sv", "fi"] {
        sb.run(&[
            "build",
            contacts.to_str().unwrap_or_default(),
            "--lang",
            lang,
            "-o",
            "out.pdf",
        ])
        .ok();
        let pages = page_texts(&sb.path("out.pdf"));
        let last = pages.last().expect("pages");
        assert!(
            last.contains("Åsby kommun"),
            "{lang}: organisation on the last page:\n{last}"
        );
        let details = [
            "Åsa Öhrström",
            "0123-456 80",
            "asa.ohrstrom@asby.se",
            "Jaana Kärkkäinen",
            "0123-456 81",
            "jaana.karkkainen@asby.se",
            "0123-456 78",
            "anhorigstod@asby.se",
            "www.asby.se/anhorig",
            "Storgatan 12, Åsby",
        ];
        for detail in details {
            assert!(
                last.contains(detail),
                "{lang}: `{detail}` on the last page:\n{last}"
            );
            for (i, page) in pages[..pages.len() - 1].iter().enumerate() {
                assert!(
                    !page.contains(detail),
                    "{lang}: `{detail}` also on page {}",
                    i + 1
                );
            }
        }
        // The national helplines come from the locale, on the same page.
        assert!(
            last.contains("0200-239 500") && last.contains("1177"),
            "{lang}:\n{last}"
        );
    }
}

#[test]
fn swedish_and_finnish_texts_differ_and_extract_with_their_letters() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    let text = |lang: &str| {
        let out = format!("{lang}.pdf");
        sb.run(&[
            "build",
            contacts.to_str().unwrap_or_default(),
            "--lang",
            lang,
            "-o",
            &out,
        ])
        .ok();
        page_texts(&sb.path(&out)).join("\n")
    };
    let sv = text("sv");
    let fi = text("fi");
    assert_ne!(sv, fi);
    for word in [
        "Är du anhörig?",
        "närstående",
        "växelvård",
        "Besöksadress",
        "Telefon",
    ] {
        assert!(sv.contains(word), "sv lacks `{word}`");
    }
    for word in [
        "Oletko omainen?",
        "läheistäsi",
        "vuorotteluhoitoa",
        "Käyntiosoite",
        "Puhelin",
        "Sähköposti",
    ] {
        assert!(fi.contains(word), "fi lacks `{word}`");
    }
    assert!(
        !fi.contains("Besöksadress"),
        "no Swedish labels in the Finnish leaflet"
    );
    // Per-language values in the contacts file follow the leaflet's language.
    assert!(sv.contains("Anhörigkonsulent") && fi.contains("Omaiskonsulentti"));
    // No bidi isolation marks from Fluent.
    assert!(!sv.contains('\u{2068}') && !fi.contains('\u{2069}'));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    let c = contacts.to_str().unwrap_or_default();
    sb.run(&["build", c, "-o", "a.pdf"]).ok();
    sb.run(&["build", c, "-o", "b.pdf"]).ok();
    let a = std::fs::read(sb.path("a.pdf")).expect("a");
    let b = std::fs::read(sb.path("b.pdf")).expect("b");
    assert!(a == b, "two builds differ");
}

#[test]
fn the_document_names_its_title_author_and_language() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    sb.run(&[
        "build",
        contacts.to_str().unwrap_or_default(),
        "--lang",
        "fi",
        "-o",
        "fi.pdf",
    ])
    .ok();
    let doc = lopdf::Document::load(sb.path("fi.pdf")).expect("a PDF");
    assert_eq!(info(&doc, "Author").as_deref(), Some("Åsby kommun"));
    let title = info(&doc, "Title").unwrap_or_default();
    assert!(
        title.starts_with("Tukea sinulle") && title.ends_with("Åsby kommun"),
        "{title}"
    );
    let catalog = doc.catalog().expect("a catalog");
    let lang = catalog
        .get(b"Lang")
        .and_then(lopdf::Object::as_str)
        .expect("/Lang");
    assert_eq!(lang, b"fi");
    // Without SOURCE_DATE_EPOCH no clock time is written.
    assert_eq!(info(&doc, "CreationDate"), None);
}

#[test]
fn source_date_epoch_dates_the_document() {
    let sb = Sandbox::new();
    let contacts = sb.example();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["build", contacts.to_str().unwrap_or_default(), "-o"])
        .arg(sb.path("dated.pdf"))
        .env("SOURCE_DATE_EPOCH", "1781049600")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let doc = lopdf::Document::load(sb.path("dated.pdf")).expect("a PDF");
    assert_eq!(
        info(&doc, "CreationDate").as_deref(),
        Some("D:20260610000000Z")
    );
}

#[test]
fn a_regional_tag_falls_back_to_its_language_and_names_the_default_output() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb.run(&["build", "asby.toml", "--lang", "sv-FI"]).ok();
    assert!(err.contains("wrote asby-sv.pdf (4 pages"), "{err}");
    assert!(sb.files().contains(&"asby-sv.pdf".to_string()));
}

#[test]
fn list_names_languages_and_layouts() {
    let sb = Sandbox::new();
    let out = sb.run(&["list"]);
    out.ok();
    let text = out.stdout();
    assert!(text.contains("  fi\n") && text.contains("  sv\n"), "{text}");
    assert!(text.contains("folder-a5") && text.contains("A5"), "{text}");
}

#[cfg(unix)]
#[test]
fn a_new_pdf_is_readable_by_others_and_a_replaced_one_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.example();
    sb.run(&["build", "asby.toml", "-o", "new.pdf"]).ok();
    let mode = |name: &str| {
        std::fs::metadata(sb.path(name))
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    };
    assert_eq!(mode("new.pdf"), 0o644);
    sb.write("old.pdf", "old");
    std::fs::set_permissions(sb.path("old.pdf"), std::fs::Permissions::from_mode(0o640))
        .expect("chmod");
    sb.run(&["build", "asby.toml", "-o", "old.pdf"]).ok();
    assert_eq!(mode("old.pdf"), 0o640);
}

/// A build killed while writing (`kill -9`) leaves its temporary file; the next
/// build into that folder removes it once it is stale, and nothing else.
#[test]
fn temporary_files_left_by_a_killed_build_are_swept_away() {
    let sb = Sandbox::new();
    sb.example();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in [
        ".leaflet-killed.pdf.tmp",
        ".leaflet-writing.pdf.tmp",
        "notes.pdf.tmp",
    ] {
        let file = std::fs::File::create(sb.path(name)).expect("a file");
        if name != ".leaflet-writing.pdf.tmp" {
            file.set_modified(hour_ago).expect("an old time");
        }
    }
    sb.run(&["build", "asby.toml", "-o", "out.pdf"]).ok();
    assert!(
        !sb.path(".leaflet-killed.pdf.tmp").exists(),
        "{:?}",
        sb.files()
    );
    assert!(
        sb.path(".leaflet-writing.pdf.tmp").exists(),
        "another build's file is left"
    );
    assert!(sb.path("notes.pdf.tmp").exists(), "a file not ours is left");
}

#[test]
fn a_bullet_stays_beside_its_text_where_a_word_label_would_stand_above() {
    // A translator's bullet with a run of numbers that breaks at one of its
    // spaces beside the bullet and would not under it: a label such as
    // "Postadress" stands above such a value, but a bullet alone on a line
    // above its text would look like a mistake.
    let sb = Sandbox::new();
    let locales = sb.path("locales");
    copy_locales(&locales);
    let support = locales.join("sv/support.ftl");
    let text = std::fs::read_to_string(&support).expect("support.ftl");
    let numbers = vec!["12"; 13].join(" ");
    let text = text
        .lines()
        .map(|l| {
            if l.starts_with("support-talk =") {
                format!("support-talk = 4{numbers}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&support, text).expect("write");
    let example = sb.example();
    sb.run(&[
        "build",
        &example.to_string_lossy(),
        "--locales",
        &locales.to_string_lossy(),
        "--layout",
        "trifold-dl",
        "-o",
        "out.pdf",
    ])
    .ok();
    let lines = page_lines(&sb.path("out.pdf")).concat();
    assert!(lines.lines().any(|l| l.starts_with("• 412 12")), "{lines}");
}
