//! `--fillable`: the contact page as a PDF form, read and filled in by real
//! readers: pypdf (the form's entries), pdfium (Chrome's engine fills every field
//! in and draws it) and poppler (draws what pdfium saved), through
//! `tests/pdf_forms.py`. pdf.js lists the fields in `tests/e2e/pdfjs.test.mjs`.

use std::path::Path;

use serde_json::Value;

use crate::common::{repo, Sandbox};

/// What the test helper says about a PDF, as JSON.
fn helper(args: &[&str]) -> Value {
    let out = std::process::Command::new("python3")
        .arg(repo("tests/pdf_forms.py"))
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "pdf_forms.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn fields(pdf: &Path) -> Value {
    helper(&["fields", pdf.to_str().expect("a UTF-8 path")])
}

/// Every field of a form: its page and its entries.
fn widgets(form: &Value) -> Vec<(usize, Value)> {
    form["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| {
            let page = p["page"].as_u64().unwrap_or(0) as usize;
            p["widgets"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |w| (page, w.clone()))
        })
        .collect()
}

const NAMES: [&str; 12] = [
    "organisation.name",
    "organisation.unit",
    "organisation.phone",
    "organisation.email",
    "organisation.web",
    "address.visiting",
    "address.postal",
    "contact[1]",
    "contact[2]",
    "contact[3]",
    "contact[4]",
    "extra.lines",
];

/// A blank form in every layout, and as a booklet: the twelve fields, each with
/// its tooltip, printed, inside its page, on the page(s) of the contact details
/// only, with an appearance and the form's font; the form needs no appearances
/// made by the reader.
#[test]
fn a_blank_form_has_its_fields_on_the_contact_page_in_every_layout() {
    let sb = Sandbox::new();
    let cases: [(&str, &[&str]); 4] = [
        ("folder-a5", &[]),
        ("a4", &[]),
        ("trifold-dl", &[]),
        ("folder-a5", &["--impose", "booklet"]),
    ];
    for (layout, extra) in cases {
        let out = format!("{layout}-{}.pdf", extra.len());
        let mut args = vec![
            "build",
            "--fillable",
            "--lang",
            "fi",
            "--layout",
            layout,
            "-o",
            &out,
        ];
        args.extend_from_slice(extra);
        let said = sb.run(&args).ok();
        // The fields are set to fit their page; nobody wrote anything to shorten.
        assert!(!said.contains("warning"), "{layout}: {said}");
        let form = fields(&sb.path(&out));
        let found = widgets(&form);
        let mut names: Vec<&str> = found
            .iter()
            .filter_map(|(_, w)| w["name"].as_str())
            .collect();
        names.sort_unstable();
        let mut expected = NAMES.to_vec();
        expected.sort_unstable();
        assert_eq!(names, expected, "{layout} {extra:?}");
        let pages: Vec<&Value> = form["pages"].as_array().into_iter().flatten().collect();
        for (page, w) in &found {
            let name = &w["name"];
            assert!(
                w["tooltip"].as_str().is_some_and(|t| !t.is_empty()),
                "{name}: a tooltip"
            );
            assert_eq!(w["flags"], 4, "{name}: printed");
            assert_eq!(w["type"], "/Tx");
            assert_eq!(
                w["da"], "/FF 0 Tf 0 g",
                "{name}: the form font, sized to fit"
            );
            assert_eq!(w["has_appearance"], true, "{name}");
            assert!(w["value"].is_null(), "{name}: blank");
            let multiline = w["field_flags"].as_i64().unwrap_or(0) & 4096 != 0;
            let tall = name
                .as_str()
                .is_some_and(|n| n.starts_with("contact") || n == "extra.lines");
            assert_eq!(multiline, tall, "{name}: several lines");
            let media = &pages[*page]["media_box"];
            let rect: Vec<f64> = w["rect"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_f64)
                .collect();
            let (width, height) = (
                media[2].as_f64().unwrap_or(0.0),
                media[3].as_f64().unwrap_or(0.0),
            );
            assert!(
                rect[0] >= 0.0 && rect[1] >= 0.0 && rect[2] <= width && rect[3] <= height,
                "{layout}: {name} at {rect:?} outside its page ({width} × {height})"
            );
            assert_eq!(pages[*page]["tabs"], "/S", "tab order by structure");
        }
        // The fields are on the page(s) the layout gives the contact details: the
        // last page; on a booklet's first sheet (the back cover is on its outside);
        // on both sides of a trifold (the people inside, the organisation on the back).
        let on: std::collections::BTreeSet<usize> = found.iter().map(|(p, _)| *p).collect();
        let expected: Vec<usize> = match (layout, extra.is_empty()) {
            ("trifold-dl", _) => vec![0, 1],
            (_, false) => vec![0],
            _ => vec![pages.len() - 1],
        };
        assert_eq!(
            on.into_iter().collect::<Vec<_>>(),
            expected,
            "{layout} {extra:?}"
        );
        let form = &form["acro_form"];
        assert_eq!(form["fields"], 12);
        assert_eq!(form["need_appearances"], false);
        assert_eq!(form["fonts"]["/FF"], "/Type0");
    }
}

/// A contacts file fills the fields in; every value is still a field's value.
#[test]
fn a_contacts_file_fills_the_fields_in() {
    let sb = Sandbox::new();
    sb.example();
    sb.run(&[
        "build",
        "--fillable",
        "asby.toml",
        "--lang",
        "sv",
        "-o",
        "form.pdf",
    ])
    .ok();
    let found = widgets(&fields(&sb.path("form.pdf")));
    let value = |name: &str| {
        found
            .iter()
            .find(|(_, w)| w["name"] == name)
            .and_then(|(_, w)| w["value"].as_str().map(str::to_string))
            .unwrap_or_default()
    };
    assert_eq!(value("organisation.name"), "Åsby kommun");
    assert_eq!(value("organisation.phone"), "0123-456 78");
    assert_eq!(value("organisation.email"), "anhorigstod@asby.se");
    assert_eq!(value("address.visiting"), "Storgatan 12, Åsby");
    assert!(
        value("contact[1]").starts_with("Åsa Öhrström\nAnhörigkonsulent\n0123-456 80"),
        "{}",
        value("contact[1]")
    );
    assert!(value("contact[1]").ends_with("asa.ohrstrom@asby.se"));
    assert_eq!(value("contact[3]"), "");
}

/// Every field filled in with pdfium (Chrome's engine) as a person types: the
/// text is kept letter for letter (Č and đ too), and pdfium and poppler both draw
/// it inside every field, with the border; the blank form draws empty fields
/// with their borders.
#[test]
fn every_field_filled_in_with_pdfium_shows_in_pdfium_and_poppler() {
    let typed = "Åsa Öhrström-Čuđe 0123-456 78";
    let sb = Sandbox::new();
    sb.run(&["build", "--fillable", "--lang", "sv", "-o", "blank.pdf"])
        .ok();
    let (blank, filled) = (sb.path("blank.pdf"), sb.path("filled.pdf"));
    let (blank, filled) = (
        blank.to_str().unwrap_or_default(),
        filled.to_str().unwrap_or_default(),
    );
    let kept = helper(&["fill", blank, filled, typed]);
    let values: Vec<&str> = kept["values"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(values, vec![typed; 12]);
    for (file, inked) in [(blank, false), (filled, true)] {
        for field in helper(&["ink", file]).as_array().into_iter().flatten() {
            for engine in ["pdfium", "poppler"] {
                let ink = field[engine].as_f64().unwrap_or(0.0);
                assert_eq!(
                    ink > 0.01,
                    inked,
                    "{file}: {} in {engine}: {ink}",
                    field["name"]
                );
                let border = field[format!("{engine}_border")].as_f64().unwrap_or(0.0);
                assert!(
                    border > 0.9,
                    "{file}: {} has its border in {engine}: {border}",
                    field["name"]
                );
            }
        }
    }
}

/// The form is tagged: each field a Form element whose only kid is its widget.
#[test]
fn each_field_is_a_form_element_of_the_structure() {
    let sb = Sandbox::new();
    sb.run(&[
        "build",
        "--fillable",
        "--pdf-ua",
        "--pdf-a",
        "--lang",
        "sv",
        "-o",
        "form.pdf",
    ])
    .ok();
    let doc = lopdf::Document::load(sb.path("form.pdf")).expect("a PDF");
    let forms: Vec<&lopdf::Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(b"Form".as_slice()))
        .collect();
    assert_eq!(forms.len(), 12);
    for form in forms {
        let kids = form
            .get(b"K")
            .and_then(lopdf::Object::as_array)
            .expect("kids");
        assert_eq!(kids.len(), 1);
        let objr = kids[0].as_dict().expect("an object reference");
        assert_eq!(
            objr.get(b"Type").and_then(lopdf::Object::as_name).ok(),
            Some(b"OBJR".as_slice())
        );
        assert!(form.get(b"Alt").is_ok(), "what it asks for");
    }
}

/// What a form cannot be is refused with its reason: several organisations (their
/// fields would not fit a page), and a right-to-left language.
#[test]
fn a_form_for_several_organisations_or_right_to_left_is_refused() {
    let sb = Sandbox::new();
    std::fs::copy(
        repo("tests/fixtures/contacts/34-kommun-och-forening.toml"),
        sb.path("many.toml"),
    )
    .expect("copy");
    let err = sb
        .run(&["build", "--fillable", "many.toml", "-o", "x.pdf"])
        .fails();
    assert!(
        err.contains("a fillable leaflet has the fields of one organisation"),
        "{err}"
    );
    let err = sb
        .run(&[
            "build",
            "--fillable",
            "--locales",
            repo("tests/fixtures/locales").to_str().unwrap_or_default(),
            "--lang",
            "ar",
            "-o",
            "x.pdf",
        ])
        .fails();
    assert!(
        err.contains("a fillable leaflet is not made in ar"),
        "{err}"
    );
}

/// Real-shaped contact details (the corpus: long e-mail and web addresses, long
/// units, four contacts) fill the form in every layout and language, one thread a
/// language; only files of several organisations are refused, as they must be.
#[test]
fn the_corpus_fills_the_form_in_every_layout_and_language() {
    let sb = Sandbox::new();
    let dir = repo("tests/fixtures/contacts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 30);
    let fill = |lang: &str| {
        let mut failed = Vec::new();
        for file in &files {
            let several = std::fs::read_to_string(file)
                .unwrap_or_default()
                .contains("[[organisation]]");
            for layout in ["folder-a5", "a4", "trifold-dl"] {
                let path = file.to_str().unwrap_or_default();
                let out = format!("{lang}.pdf");
                let run = sb.run(&[
                    "build",
                    "--fillable",
                    path,
                    "--lang",
                    lang,
                    "--layout",
                    layout,
                    "-o",
                    &out,
                ]);
                let refused = run.stderr().contains("has the fields of one organisation");
                if (run.code() == 0) == several || (several && !refused) {
                    failed.push(format!("{path} {layout} {lang}: {}", run.stderr()));
                }
            }
        }
        failed
    };
    let failed: Vec<String> = std::thread::scope(|s| {
        let fill = &fill;
        let threads: Vec<_> = ["sv", "fi", "en"]
            .map(|lang| s.spawn(move || fill(lang)))
            .into_iter()
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().expect("a thread"))
            .collect()
    });
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
