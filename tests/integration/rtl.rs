//! Right-to-left languages: test translations into Arabic and Persian
//! (`tests/fixtures/locales/`, not bundled until a native reader has reviewed
//! them) check clean, build in every layout and as a booklet, and come out as an
//! Arabic reader expects: flush right, labels right of their values, text that
//! extracts in the order it is written, numbers and addresses intact.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{copy_dir, page_texts, repo, Sandbox};

/// The bundled locales and the test translations, in `locales/` of the sandbox.
fn locales(sb: &Sandbox) -> PathBuf {
    let root = sb.path("locales");
    for lang in ["sv", "fi", "en"] {
        copy_dir(&repo(&format!("locales/{lang}")), &root.join(lang));
    }
    for lang in ["ar", "fa"] {
        copy_dir(
            &repo(&format!("tests/fixtures/locales/{lang}")),
            &root.join(lang),
        );
    }
    root
}

/// Build `contacts` in `lang` and `layout` with the sandbox's locales.
fn build(sb: &Sandbox, contacts: &str, lang: &str, extra: &[&str]) -> PathBuf {
    let out = format!("{lang}-{}.pdf", extra.join("-").replace("--", ""));
    let mut args = vec![
        "build",
        contacts,
        "--locales",
        "locales",
        "--lang",
        lang,
        "-o",
        &out,
    ];
    args.extend(extra);
    sb.run(&args).ok();
    sb.path(&out)
}

/// Text as pdftotext gives it, without the direction marks it adds around
/// right-to-left lines, and with white space collapsed.
fn plain(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E))
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text compared as poppler can give it: without Arabic vowel and tanween
/// marks (poppler gives a mark before its letter, not after) and without the
/// spaces around punctuation (it moves a word's final full stop or comma to the
/// next word: "وحدك .كثيرون"); see the README.
fn comparable(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x0670))
        .collect();
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let punctuation = |c: Option<&char>| c.is_some_and(|c| ".,،؛؟:!".contains(*c));
    for (i, c) in chars.iter().enumerate() {
        let around = punctuation(chars.get(i + 1)) || i > 0 && punctuation(chars.get(i - 1));
        if *c == ' ' && around {
            continue;
        }
        out.push(*c);
    }
    out
}

/// A word on a page, with its left and right edges and its line's top.
#[derive(Debug)]
struct Word {
    x_min: f32,
    x_max: f32,
    y_min: f32,
    text: String,
}

/// The words of a page with their boxes (`pdftotext -bbox`), in the order
/// poppler reads them; a right-to-left word's letters come in drawing order.
fn words(pdf: &Path, page: usize) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |tag: &str, name: &str| -> f32 {
        tag.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(f32::NAN)
    };
    html.split("<word ")
        .skip(1)
        .filter_map(|w| {
            let (tag, rest) = w.split_once('>')?;
            let text = rest.split("</word>").next()?.to_string();
            Some(Word {
                x_min: attr(tag, "xMin"),
                x_max: attr(tag, "xMax"),
                y_min: attr(tag, "yMin"),
                text,
            })
        })
        .collect()
}

/// The word that reads `text` (in the order it is written), drawn right to left
/// or left to right.
fn find<'w>(words: &'w [Word], text: &str) -> &'w Word {
    let reversed: String = text.chars().rev().collect();
    words
        .iter()
        .find(|w| w.text == text || w.text == reversed)
        .unwrap_or_else(|| panic!("`{text}` on the page: {words:?}"))
}

/// Whether two words stand on one line.
fn same_line(a: &Word, b: &Word) -> bool {
    (a.y_min - b.y_min).abs() < 4.0
}

#[test]
fn arabic_and_persian_check_clean_and_build_in_every_layout_and_as_a_booklet() {
    let sb = Sandbox::new();
    sb.example();
    locales(&sb);
    for lang in ["ar", "fa"] {
        let run = sb.run(&["check", "--locales", "locales", lang]);
        let out = run.stdout();
        assert_eq!(run.code(), 0, "{out}");
        // The one warning: no translation of the tool's own messages yet.
        assert!(
            out.contains(&format!("checked {lang}: 0 errors, 1 warning")),
            "{out}"
        );
        assert!(out.contains("has no messages.ftl"), "{out}");
        for layout in ["folder-a5", "a4", "trifold-dl"] {
            let pdf = build(&sb, "asby.toml", lang, &["--layout", layout]);
            assert!(std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 1000));
        }
        let booklet = build(&sb, "asby.toml", lang, &["--impose", "booklet"]);
        let doc = lopdf::Document::load(&booklet).expect("a PDF");
        assert_eq!(doc.get_pages().len(), 2, "one sheet, two sides");
    }
}

#[test]
fn arabic_text_extracts_in_the_order_it_is_written() {
    let sb = Sandbox::new();
    sb.example();
    locales(&sb);
    let pdf = build(&sb, "asby.toml", "ar", &[]);
    let pages: Vec<String> = page_texts(&pdf).iter().map(|p| plain(p)).collect();
    for (page, written) in [
        (2, "هل أنت من الأقارب الراعين؟"),
        (2, "إذن لست وحدك. كثيرون قللوا ساعات عملهم أو توقفوا عن العمل ليتمكنوا من تدبير حياتهم اليومية."),
        (3, "رعاية بديلة في البيت، لكي يكون لديك وقت لنفسك"),
        (3, "يختلف الدعم من بلدية إلى أخرى. اسأل عما هو متاح حيث تسكن."),
    ] {
        let got = comparable(&pages[page - 1]);
        assert!(
            got.contains(&comparable(written)),
            "page {page} has `{written}`:\n{got}"
        );
    }
    // Ligatures give their letters in order (lam-alef: لا, not ال).
    assert!(pages[2].contains("الأقارب") || pages[1].contains("الأقارب"));
    // Every mark is there, next to its letter.
    let marks = |t: &str| t.chars().filter(|c| *c == '\u{064B}').count();
    let written = "ترعى شخصًا قريبًا";
    assert!(marks(&pages[1]) >= marks(written));
    // Numbers and addresses come out whole.
    for whole in [
        "0123-456 78",
        "anhorigstod@asby.se",
        "www.asby.se/anhorig",
        "0200-239 500",
    ] {
        assert!(pages[3].contains(whole), "`{whole}` whole:\n{}", pages[3]);
    }
}

#[test]
fn arabic_paragraphs_are_flush_right_with_labels_right_of_their_values() {
    let sb = Sandbox::new();
    sb.example();
    locales(&sb);
    let pdf = build(&sb, "asby.toml", "ar", &[]);
    // The page's paragraphs share their right edge, not their left.
    let page = words(&pdf, 2);
    let mut lines: Vec<(f32, f32, f32)> = Vec::new(); // top, left, right
    for w in &page {
        match lines.iter_mut().find(|l| (l.0 - w.y_min).abs() < 4.0) {
            Some(l) => (l.1, l.2) = (l.1.min(w.x_min), l.2.max(w.x_max)),
            None => lines.push((w.y_min, w.x_min, w.x_max)),
        }
    }
    assert!(lines.len() > 10, "{lines:?}");
    let rights: Vec<f32> = lines.iter().map(|l| l.2).collect();
    let lefts: Vec<f32> = lines.iter().map(|l| l.1).collect();
    let spread = |v: &[f32]| {
        v.iter().copied().fold(f32::MIN, f32::max) - v.iter().copied().fold(f32::MAX, f32::min)
    };
    assert!(spread(&rights) < 1.0, "one right edge: {rights:?}");
    assert!(spread(&lefts) > 20.0, "a ragged left edge: {lefts:?}");
    // On the contact page each label stands right of its value.
    let page = words(&pdf, 4);
    let label = find(&page, "الهاتف");
    let value = page
        .iter()
        .find(|w| w.text == "0123-456" && same_line(w, label))
        .expect("the phone number on the label's line");
    assert!(label.x_min > value.x_max, "{label:?} right of {value:?}");
    // The page itself says so.
    let doc = lopdf::Document::load(&pdf).expect("a PDF");
    let catalog = doc.catalog().expect("a catalog");
    assert_eq!(
        catalog.get(b"Lang").and_then(lopdf::Object::as_str).ok(),
        Some(b"ar".as_slice())
    );
    let viewer = catalog
        .get(b"ViewerPreferences")
        .and_then(lopdf::Object::as_dict)
        .expect("viewer preferences");
    assert_eq!(
        viewer
            .get(b"Direction")
            .and_then(lopdf::Object::as_name)
            .ok(),
        Some(b"R2L".as_slice())
    );
}

#[test]
fn mixed_lines_come_out_in_the_right_visual_order() {
    let sb = Sandbox::new();
    locales(&sb);
    sb.write(
        "blandat.toml",
        "[organisation]\nname = \"Åsby kommun\"\n\n[[contact]]\nname = \"محمد العلي\"\ntitle = { sv = \"Anhörigkonsulent\", ar = \"مستشار الأقارب، الهاتف 0123-456 80\" }\nphone = \"0123-456 81\"\n",
    );
    // An Arabic leaflet: a Swedish name inside an Arabic line stands where the
    // line starts (the right), a number keeps its groups in order.
    let pdf = build(&sb, "blandat.toml", "ar", &[]);
    let page = words(&pdf, 4);
    let swedish = find(&page, "medmänniska");
    let arabic = page
        .iter()
        .find(|w| {
            same_line(w, swedish)
                && w.text
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        })
        .expect("Arabic on the helpline's line");
    assert!(
        swedish.x_min > arabic.x_max,
        "{swedish:?} right of {arabic:?}"
    );
    let phone_word = find(&page, "الهاتف");
    let title: Vec<&Word> = page
        .iter()
        .filter(|w| w.text == "0123-456" || w.text == "80")
        .filter(|w| (w.y_min - phone_word.y_min).abs() < 30.0)
        .collect();
    let first = title
        .iter()
        .find(|w| w.text == "0123-456")
        .expect("0123-456");
    let last = title.iter().find(|w| w.text == "80").expect("80");
    assert!(first.x_max < last.x_min, "0123-456 before 80: {title:?}");
    // A Swedish leaflet: an Arabic name reads right to left, its first word
    // on the right.
    let pdf = build(&sb, "blandat.toml", "sv", &[]);
    let page = words(&pdf, 4);
    let (given, family) = (find(&page, "محمد"), find(&page, "العلي"));
    assert!(same_line(given, family));
    assert!(given.x_min > family.x_max, "{given:?} right of {family:?}");
}
