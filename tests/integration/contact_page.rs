//! The contact page: every field of each example, the logo, the QR code, fitting,
//! per-language values and refusals.

use std::path::Path;
use std::process::Command;

use crate::common::{page_lines, page_texts, repo, Sandbox};

/// Build an example in a language; the text of its last page.
fn last_page(sb: &Sandbox, example: &str, lang: &str) -> String {
    sb.copy_example(example);
    let out = format!("{lang}.pdf");
    sb.run(&["build", example, "--lang", lang, "-o", &out]).ok();
    page_texts(&sb.path(&out)).pop().expect("pages")
}

/// Collapse white space so that wrapped lines still match.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_field_of_every_example_is_on_the_last_page_in_both_languages() {
    let cases: [(&str, &str, &[&str]); 6] = [
        (
            "asby.toml",
            "sv",
            &[
                "Åsby kommun",
                "Anhörigstöd",
                "0123-456 78",
                "anhorigstod@asby.se",
                "www.asby.se/anhorig",
                "Åsa Öhrström",
                "Anhörigkonsulent",
                "0123-456 80",
                "måndag–fredag kl. 9–12",
                "asa.ohrstrom@asby.se",
                "Jaana Kärkkäinen",
                "Anhörigsamordnare, talar finska",
                "0123-456 81",
                "tisdag och torsdag kl. 13–15",
                "jaana.karkkainen@asby.se",
                "Storgatan 12, Åsby",
                "Box 123, 123 45 Åsby",
                "Samtalen är kostnadsfria. Vi har tystnadsplikt.",
            ],
        ),
        (
            "asby.toml",
            "fi",
            &[
                "Åsby kommun",
                "Omaistuki",
                "Omaiskonsulentti",
                "ma–pe klo 9–12",
                "Omaisten koordinaattori, puhuu suomea",
                "ti ja to klo 13–15",
                "Keskustelut ovat maksuttomia. Meillä on vaitiolovelvollisuus.",
            ],
        ),
        (
            "glantan.toml",
            "sv",
            &[
                "Anhörigföreningen Gläntan",
                "070-123 45 67",
                "info@glantan.se",
                "Vi är en ideell förening för anhöriga i Åsby. Välkommen till våra träffar!",
            ],
        ),
        (
            "glantan.toml",
            "fi",
            &[
                "Anhörigföreningen Gläntan",
                "070-123 45 67",
                "info@glantan.se",
                "Olemme Åsbyn omaisten yhdistys. Tervetuloa tapaamisiimme!",
            ],
        ),
        (
            "norrby.toml",
            "sv",
            &[
                "Norrby kommun",
                "Anhörigcenter",
                "0922-123 00",
                "anhorigcenter@norrby.se",
                "www.norrby.se/anhorig",
                "Pirjo Niemi-Lindqvist",
                "Anhörigkonsulent, finskspråkig",
                "måndag–torsdag kl. 8–10",
                "pirjo.niemi-lindqvist@norrby.se",
                "Erik Lundberg",
                "Torget 3, Norrby",
                "Box 50, 953 00 Norrby",
                "Vi talar svenska och finska.",
            ],
        ),
        (
            "norrby.toml",
            "fi",
            &[
                "Norrbyn kunta",
                "Omaiskeskus",
                "www.norrby.se/omaiset",
                "Omaiskonsulentti, suomenkielinen",
                "ma–to klo 8–10",
                "Omaiskoordinaattori",
                "Torget 3, Norrby (kirjaston vieressä)",
                "Palvelemme suomeksi ja ruotsiksi.",
            ],
        ),
    ];
    for (example, lang, fields) in cases {
        let sb = Sandbox::new();
        let page = words(&last_page(&sb, example, lang));
        for field in fields {
            assert!(
                page.contains(field),
                "{example} {lang}: `{field}` missing from:\n{page}"
            );
        }
    }
}

#[test]
fn a_per_language_value_appears_only_in_its_own_leaflet() {
    let sb = Sandbox::new();
    let sv = words(&last_page(&sb, "norrby.toml", "sv"));
    let fi = words(&last_page(&sb, "norrby.toml", "fi"));
    assert!(sv.contains("Anhörigcenter") && !fi.contains("Anhörigcenter"));
    assert!(fi.contains("Omaiskeskus") && !sv.contains("Omaiskeskus"));
    assert!(fi.contains("kirjaston vieressä") && !sv.contains("kirjaston"));
}

#[test]
fn a_missing_language_falls_back_with_a_warning_naming_the_field() {
    let sb = Sandbox::new();
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nunit = { sv = \"Anhörigstöd\" }\n",
    );
    let err = sb
        .run(&["build", "c.toml", "--lang", "fi", "-o", "fi.pdf"])
        .ok();
    assert!(
        err.contains(
            "warning: c.toml:3:8: `organisation.unit` has no `fi` text; printing the `sv` text instead"
        ),
        "{err}"
    );
    assert!(page_texts(&sb.path("fi.pdf"))
        .pop()
        .unwrap_or_default()
        .contains("Anhörigstöd"));
}

#[test]
fn the_logo_is_embedded_once_with_its_transparency() {
    let sb = Sandbox::new();
    last_page(&sb, "asby.toml", "sv");
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(sb.path("sv.pdf"))
        .output()
        .expect("pdfimages runs");
    let list = String::from_utf8_lossy(&out.stdout).into_owned();
    let rows: Vec<&str> = list.lines().skip(2).collect();
    let images = rows
        .iter()
        .filter(|r| r.split_whitespace().nth(2) == Some("image"))
        .count();
    let masks = rows
        .iter()
        .filter(|r| r.split_whitespace().nth(2) == Some("smask"))
        .count();
    assert_eq!((images, masks), (1, 1), "one logo and its mask:\n{list}");
    assert!(
        rows.iter()
            .all(|r| r.split_whitespace().next() == Some("4")),
        "on the contact page:\n{list}"
    );
}

#[test]
fn an_rgb_logo_is_printed_in_its_own_colours() {
    // Left half red, right half blue, written with the Paeth filter: the PNG's rows
    // go into the PDF as they are, and the reader must undo the filter.
    let (width, height) = (120u32, 60u32);
    let (red, blue) = ([200u8, 30, 60], [20u8, 120, 200]);
    let pixels: Vec<u8> = (0..width * height)
        .flat_map(|i| if i % width < width / 2 { red } else { blue })
        .collect();
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_filter(png::Filter::Paeth);
    let mut writer = encoder.write_header().expect("header");
    writer.write_image_data(&pixels).expect("pixels");
    writer.finish().expect("finish");
    let sb = Sandbox::new();
    std::fs::write(sb.path("logo.png"), png).expect("write the logo");
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nlogo = \"logo.png\"\nlogo_alt = \"Röd och blå\"\n",
    );
    sb.run(&["build", "c.toml", "-o", "out.pdf"]).ok();
    let status = Command::new("pdftoppm")
        .args(["-r", "100", "-singlefile", "-f", "4", "-l", "4"])
        .arg(sb.path("out.pdf"))
        .arg(sb.path("page"))
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let ppm = std::fs::read(sb.path("page.ppm")).expect("the rendered page");
    // Binary PPM: "P6\n<w> <h>\n255\n" then RGB triples.
    let header_end = ppm
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(2)
        .map(|(i, _)| i + 1)
        .expect("a PPM header");
    let count = |c: [u8; 3]| {
        ppm[header_end..]
            .chunks_exact(3)
            .filter(|p| *p == c)
            .count()
    };
    // The logo is about 30 mm wide at 100 dpi: each half covers well over 1000 pixels.
    assert!(count(red) > 1000, "red pixels: {}", count(red));
    assert!(count(blue) > 1000, "blue pixels: {}", count(blue));
}

/// Decode the QR codes on a page with zbarimg.
fn qr_codes(pdf: &Path, page: usize) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let prefix = dir.path().join("page");
    let n = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png", "-singlefile", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let out = Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(prefix.with_extension("png"))
        .output()
        .expect("zbarimg runs (apt-get install zbar-tools)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn the_qr_code_decodes_to_the_web_address_in_each_language() {
    let sb = Sandbox::new();
    last_page(&sb, "norrby.toml", "sv");
    last_page(&sb, "norrby.toml", "fi");
    assert_eq!(
        qr_codes(&sb.path("sv.pdf"), 4),
        vec!["https://www.norrby.se/anhorig".to_string()]
    );
    assert_eq!(
        qr_codes(&sb.path("fi.pdf"), 4),
        vec!["https://www.norrby.se/omaiset".to_string()]
    );
    // No web address, no code.
    last_page(&sb, "glantan.toml", "sv");
    assert!(qr_codes(&sb.path("sv.pdf"), 4).is_empty());
    // Written without a scheme, as people often write it: the code says what
    // the link says, so that a phone opens the page.
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nweb = \"www.asby.se/anhorig\"\n",
    );
    sb.run(&["build", "c.toml", "-o", "c.pdf"]).ok();
    assert_eq!(
        qr_codes(&sb.path("c.pdf"), 4),
        vec!["https://www.asby.se/anhorig".to_string()]
    );
    // Letters beyond ASCII as the link has them: a code does not say how its
    // bytes are encoded, and readers guess differently.
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nweb = \"www.åsby.se/anhörigstöd\"\n",
    );
    sb.run(&["build", "c.toml", "-o", "c.pdf"]).ok();
    assert_eq!(
        qr_codes(&sb.path("c.pdf"), 4),
        vec!["https://www.%C3%A5sby.se/anh%C3%B6rigst%C3%B6d".to_string()]
    );
}

fn person(i: usize, title: &str) -> String {
    format!(
        "[[contact]]\nname = \"Person Nummer {i}\"\ntitle = \"{title}\"\nphone = \"0123-456 8{i}\"\nemail = \"person{i}@asby.se\"\nhours = \"måndag–fredag kl. 9–12\"\n"
    )
}

#[test]
fn the_longest_real_details_fit_by_shrinking_with_a_warning() {
    // Four contacts with long titles and 40–50 character e-mail addresses, a long
    // unit, an 86-character web address and two extra lines.
    let sb = Sandbox::new();
    let text = std::fs::read_to_string(crate::common::repo(
        "tests/fixtures/contacts/20-long-everything.toml",
    ))
    .expect("the fixture");
    sb.write("c.toml", &text);
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).ok();
    assert!(
        err.contains("warning: the contact details are set at"),
        "{err}"
    );
    // Every address whole, once the line breaks inside it are taken out.
    let last: String = page_texts(&sb.path("out.pdf"))
        .pop()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    for email in [
        "kristina.lindqvist-bergstrom",
        "anna-karin.soderholm.nystrom",
    ] {
        assert!(
            last.contains(&format!("{email}@regionvastrasjobotten.se")),
            "{last}"
        );
    }
}

#[test]
fn postal_codes_and_times_are_never_split_over_two_lines() {
    // The longest fixture, whose postal address, phone hours and times wrap in
    // every layout: a space in "971 28", "Box 804" or "kl. 9.00–12.00" is a
    // no-break space in Swedish typography, and a line may end after the dash
    // of "måndag–fredag" (where that saves a line) but not inside "8.30–10.00".
    let sb = Sandbox::new();
    let file = repo("tests/fixtures/contacts/20-long-everything.toml");
    let file = file.to_string_lossy();
    for layout in ["a4", "folder-a5", "trifold-dl"] {
        let out = format!("{layout}.pdf");
        sb.run(&["build", &file, "--layout", layout, "-o", &out])
            .ok();
        let lines: Vec<String> = page_lines(&sb.path(&out))
            .iter()
            .flat_map(|page| page.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        for whole in [
            "971 28",
            "Box 804",
            "kl. 8.30–10.00",
            "kl. 9–11",
            "kl. 13–15",
            "kl. 9.00–12.00",
        ] {
            assert!(
                lines.iter().any(|l| l.contains(whole)),
                "{layout}: `{whole}` is split:\n{}",
                lines.join("\n")
            );
        }
        if layout == "a4" {
            // Beside its label in two lines, rather than below it in two lines
            // and the label's own.
            assert!(
                lines.contains(&"Telefon 016-941 47 95, måndag–".to_string()),
                "{}",
                lines.join("\n")
            );
        }
    }
}

#[test]
fn a_run_of_numbers_wider_than_the_column_still_breaks() {
    // Spaces between numbers break only as a last resort: a run of them wider
    // than the tri-fold's column is broken, not refused.
    let sb = Sandbox::new();
    let numbers = "Bankgiro 123 456 78 90 123 456 78 91 123 456 78 92 123 456 78 93";
    sb.write(
        "c.toml",
        &format!("[organisation]\nname = \"Åsby kommun\"\n\n[extra]\nlines = [\"{numbers}\"]\n"),
    );
    sb.run(&["build", "c.toml", "--layout", "trifold-dl", "-o", "out.pdf"])
        .ok();
    let text = words(&page_texts(&sb.path("out.pdf")).concat());
    assert!(text.contains(numbers), "{text}");
}

#[test]
fn a_number_that_would_break_beside_its_label_stands_whole_under_it() {
    // Beside "Postadress" in the tri-fold the giro number breaks at one of its
    // spaces; under the label it fits whole, in as many lines.
    let sb = Sandbox::new();
    let number = "Bg 123 45 67 89 01 23 45 67";
    sb.write(
        "c.toml",
        &format!(
            "[organisation]\nname = \"Åsby kommun\"\n\n[organisation.address]\npostal = \"{number}\"\n"
        ),
    );
    sb.run(&["build", "c.toml", "--layout", "trifold-dl", "-o", "out.pdf"])
        .ok();
    let lines: Vec<String> = page_lines(&sb.path("out.pdf"))
        .iter()
        .flat_map(|page| page.lines().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let at = lines.iter().position(|l| l == "Postadress");
    assert!(
        at.is_some_and(|i| lines.get(i + 1).is_some_and(|l| l == number)),
        "{}",
        lines.join("\n")
    );
}

/// Build with a phone number of `digits` fours; `None` when it is built, else
/// how many millimetres the refusal says it is too wide.
fn phone_too_wide_by(sb: &Sandbox, digits: usize) -> Option<f32> {
    let phone = format!("0123-{}", "4".repeat(digits));
    sb.write(
        "p.toml",
        &format!("[organisation]\nname = \"Åsby kommun\"\nphone = \"{phone}\"\n"),
    );
    let run = sb.run(&["build", "p.toml", "--layout", "folder-a5", "-o", "p.pdf"]);
    if run.code() == 0 {
        return None;
    }
    let err = run.stderr();
    let over = err
        .split(" mm wider than its frame")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok());
    assert!(over.is_some(), "{err}");
    over
}

#[test]
fn a_value_too_wide_even_under_its_label_is_refused_by_what_to_take_away() {
    // The refusal said how much wider the number was than the column beside
    // the label, 29 mm more than a user has to take away: it can stand under
    // its label, across the whole frame. What it says now is enough to take
    // away, and at most a tenth of a millimetre (its rounding up) more than the
    // digits that must go.
    let sb = Sandbox::new();
    let over = phone_too_wide_by(&sb, 50).expect("50 digits are refused");
    let digit = (phone_too_wide_by(&sb, 60).expect("60 digits are refused") - over) / 10.0;
    let must_go = (1..50)
        .find(|&k| phone_too_wide_by(&sb, 50 - k).is_none())
        .expect("a short enough number is built");
    let (least, most) = ((must_go - 1) as f32 * digit, must_go as f32 * digit);
    assert!(
        over > least && over <= most + 0.15,
        "{over} mm said; {must_go} digits of {digit} mm must go"
    );
}

#[test]
fn contacts_too_long_even_when_shrunk_are_refused_naming_the_fields() {
    // Absurd: four contacts whose titles are paragraphs.
    let sb = Sandbox::new();
    let mut c = String::from("[organisation]\nname = \"Åsby kommun\"\nunit = \"Anhörigstöd och stöd till närstående i hela kommunen\"\nphone = \"0123-456 78\"\n");
    let title = "Anhörigkonsulent med särskilt ansvar för samtalsgrupper, avlösning i hemmet, växelvård och korttidsboende, dagverksamhet för personer med demenssjukdom, stöd till barn som anhöriga och till anhöriga till personer med psykisk ohälsa eller missbruk";
    for i in 1..=4 {
        c.push_str(&person(i, title));
    }
    c.push_str(&format!("[extra]\nlines = [\"{title}\", \"{title}\"]\n"));
    sb.write("c.toml", &c);
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert!(
        err.contains("page 4 (`contact`): the text is")
            && err.contains("even at its smallest allowed size"),
        "{err}"
    );
    assert!(
        err.contains("does not fit: ") && err.contains("field `"),
        "{err}"
    );
    assert!(
        err.contains("of contact details in the contacts file, e.g. `extra.lines[2]` (4 lines)")
            && err.contains("`contact[4].title` (4 lines)"),
        "{err}"
    );
    assert!(!sb.path("out.pdf").exists());
}

#[test]
fn a_fifth_contact_is_refused() {
    let sb = Sandbox::new();
    let mut c = String::from("[organisation]\nname = \"Åsby kommun\"\n");
    for i in 1..=5 {
        c.push_str(&person(i, "Anhörigkonsulent"));
    }
    sb.write("c.toml", &c);
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert!(
        err.contains("at most 4 contacts fit the leaflet; this is contact 5"),
        "{err}"
    );
    assert!(err.contains("c.toml:27:1:"), "{err}");
}

fn refused_logo(logo: &[u8]) -> String {
    let sb = Sandbox::new();
    sb.write(
        "c.toml",
        "[organisation]\nname = \"Åsby kommun\"\nlogo = \"logo.png\"\n",
    );
    if !logo.is_empty() {
        std::fs::write(sb.path("logo.png"), logo).expect("write the logo");
    }
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert!(err.contains("c.toml:3:8: `organisation.logo` ("), "{err}");
    assert!(!sb.path("out.pdf").exists());
    err
}

#[test]
fn a_missing_logo_is_refused() {
    let err = refused_logo(&[]);
    assert!(err.contains("cannot read the logo"), "{err}");
}

#[test]
fn a_corrupt_png_is_refused() {
    let mut png =
        std::fs::read(crate::common::repo("examples/asby-logo.png")).expect("the example logo");
    png.truncate(200);
    let err = refused_logo(&png);
    assert!(err.contains("the logo is not a readable PNG"), "{err}");
}

#[test]
fn a_huge_png_is_refused_from_its_header() {
    // Signature and a header chunk claiming 30000 × 30000 pixels, and nothing else.
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    png.extend(30000u32.to_be_bytes());
    png.extend(30000u32.to_be_bytes());
    png.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let err = refused_logo(&png);
    assert!(
        err.contains("30000 × 30000 pixels; at most 6000 pixels a side"),
        "{err}"
    );
}

#[test]
fn init_writes_a_commented_template_that_builds() {
    for (lang, comment) in [
        ("sv", "# Kontaktuppgifter till foldern"),
        ("fi", "# Omaistukiesitteen yhteystiedot"),
        ("en", "# Contact details for the carer-support leaflet"),
    ] {
        let sb = Sandbox::new();
        let run = sb.run(&["init", "--lang", lang]);
        run.ok();
        assert!(run.stdout().starts_with(comment), "{}", run.stdout());
        // It names the languages there are, found in the locales.
        assert!(run.stdout().contains(": en, fi, sv."), "{}", run.stdout());
        sb.write("mine.toml", &run.stdout());
        sb.run(&["build", "mine.toml", "--lang", lang, "-o", "mine.pdf"])
            .ok();
    }
}

/// The templates `leaflet init` prints name every field of the contacts file in
/// its section (written out, or commented out for a field most leave out), so a
/// person filling one in learns of every field there is.
#[test]
fn init_templates_list_every_field_of_the_schema() {
    use leaflet::contacts::schema::{Section, FIELDS};
    for lang in ["sv", "fi", "en"] {
        let sb = Sandbox::new();
        let template = sb.run(&["init", "--lang", lang]).stdout();
        let mut section: Option<Section> = None;
        let mut seen = Vec::new();
        for line in template.lines() {
            let line = line.trim_start_matches(['#', ' ']);
            let header = line.trim_start_matches('[').split(']').next();
            if line.starts_with('[') {
                section = Section::ALL.into_iter().find(|s| Some(s.key()) == header);
                continue;
            }
            if let (Some(s), Some((key, _))) = (section, line.split_once('=')) {
                seen.push((s, key.trim().to_string()));
            }
        }
        for f in FIELDS {
            assert!(
                seen.contains(&(f.section, f.key.to_string())),
                "{lang}: the template does not name `{}.{}`",
                f.section.key(),
                f.key
            );
        }
    }
}
