//! Hostile and careless input, one case each: exit 1, a message that names the
//! problem, no panic, and no PDF (or the previous one untouched).

mod common;

use common::Sandbox;

const ORG: &str = "[organisation]\nname = \"Åsby kommun\"\n";

/// Write `contacts` as c.toml, build it, and expect a refusal that says `expected`.
fn refuses(contacts: &[u8], expected: &str) {
    let sb = Sandbox::new();
    std::fs::write(sb.path("c.toml"), contacts).expect("write");
    refuses_in(&sb, &["build", "c.toml", "-o", "out.pdf"], expected);
}

fn refuses_in(sb: &Sandbox, args: &[&str], expected: &str) {
    let err = sb.run(args).fails();
    assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    assert!(
        !sb.files()
            .iter()
            .any(|f| f.ends_with(".pdf") || f.ends_with(".tmp")),
        "{:?}",
        sb.files()
    );
}

macro_rules! refuse {
    ($($name:ident: $contacts:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            refuses(AsRef::<[u8]>::as_ref(&$contacts), $expected);
        }
    )*};
}

refuse! {
    broken_toml_unclosed_section: "[organisation\nname = \"x\"\n" => "c.toml:1:";
    broken_toml_unclosed_string: "[organisation]\nname = \"Åsby\n" => "c.toml:2:";
    broken_toml_duplicate_key: "[organisation]\nname = \"a\"\nname = \"b\"\n" => "not valid TOML";
    number_as_name: "[organisation]\nname = 5\n" => "`organisation.name` must be text in quotes, but it is a number";
    string_as_section: "organisation = \"Åsby\"\n" => "`organisation` must be a table";
    string_as_contact_list: format!("contact = \"Åsa\"\n{ORG}") => "`contact` must be written as `[[contact]]` sections";
    string_as_extra_lines: format!("{ORG}[extra]\nlines = \"Välkommen\"\n") => "`extra.lines` must be a list of texts";
    boolean_as_phone: format!("{ORG}phone = true\n") => "`organisation.phone` must be text in quotes, but it is true or false";
    date_as_hours: format!("{ORG}[[contact]]\nname = \"Åsa\"\nhours = 2026-01-01\n") => "`contact[1].hours` must be text in quotes, but it is a date";
    unquoted_phone_number: format!("{ORG}phone = 0123-456 78\n") => "hint: put text in double quotes: phone = \"0123-456 78\"";
    unquoted_phone_with_leading_zero: format!("{ORG}phone = 012345\n") => "phone = \"012345\"";
    misspelt_section: "[organization]\nname = \"Åsby\"\n" => "did you mean `organisation`?";
    unknown_key_lists_the_known_ones: format!("{ORG}[[contact]]\nname = \"Åsa\"\ntelefonnummer = \"1\"\n") => "known keys here: `name`, `title`, `phone`, `email`, `hours`";
    misspelt_key: format!("{ORG}emial = \"a@b.se\"\n") => "did you mean `email`?";
    empty_name: "[organisation]\nname = \"\"\n" => "`organisation.name` is empty";
    whitespace_only_value: "[organisation]\nname = \"  \\t \"\n" => "`organisation.name` is empty";
    empty_language_table: format!("{ORG}unit = {{}}\n") => "`organisation.unit` has no text in any language";
    not_a_language_code: format!("{ORG}unit = {{ \"sv SE\" = \"x\" }}\n") => "is not a language code";
    ten_thousand_characters: format!("[organisation]\nname = \"{}\"\n", "Å".repeat(10_000)) => "is 10000 characters long; at most 300";
    bell_character: "[organisation]\nname = \"Åsby\\u0007\"\n" => "invisible character U+0007";
    nul_character: "[organisation]\nname = \"Åsby\\u0000kommun\"\n" => "invisible character U+0000";
    right_to_left_override: "[organisation]\nname = \"Åsby\u{202E}nummok\"\n" => "invisible character U+202E";
    first_strong_isolate: format!("{ORG}unit = \"\u{2068}Stöd\u{2069}\"\n") => "invisible character U+2068";
    zero_width_space: "[organisation]\nname = \"Ås\u{200B}by\"\n" => "invisible character U+200B";
    byte_order_mark_inside_a_value: "[organisation]\nname = \"\u{FEFF}Åsby\"\n" => "invisible character U+FEFF";
    latin1_file: b"[organisation]\nname = \"\xC5sby\"\n".to_vec() => "the contacts file is not UTF-8 text";
    not_an_email: format!("{ORG}email = \"anhorigstod.asby.se\"\n") => "`organisation.email` is not an e-mail address";
    web_address_with_spaces: format!("{ORG}web = \"www asby se\"\n") => "`organisation.web` is not a web address";
    phone_without_digits: format!("{ORG}phone = \"växeln\"\n") => "`organisation.phone` is not a phone number";
    contact_without_name: format!("{ORG}[[contact]]\ntitle = \"Anhörigkonsulent\"\n") => "`contact[1].name` is missing";
    unknown_schema_version: format!("version = 2\n{ORG}") => "`version` must be 1";
    no_organisation_at_all: "[address]\nvisiting = \"Storgatan 1\"\n" => "the `[organisation]` table is missing";
    logo_that_is_text: format!("{ORG}logo = \"logo.png\"\n") => "cannot read the logo";
}

#[test]
fn a_logo_that_is_not_an_image() {
    let sb = Sandbox::new();
    sb.write("c.toml", &format!("{ORG}logo = \"logo.png\"\n"));
    sb.write("logo.png", "GIF89a not a png");
    refuses_in(
        &sb,
        &["build", "c.toml", "-o", "out.pdf"],
        "the logo is neither a PNG nor a JPEG image",
    );
}

#[test]
fn a_png_with_a_broken_palette() {
    // Found by fuzzing the logo reader: PLTE of 262 bytes, not whole RGB entries.
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend(kind);
        c.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        c.extend(crc.sum().to_be_bytes());
        c
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &[0, 0, 0, 4, 0, 0, 0, 2, 1, 3, 0, 0, 0]));
    png.extend(chunk(b"PLTE", &[62; 262]));
    let mut rows = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut rows, &[0, 0b1010_0000, 0, 0b0101_0000]).expect("deflate");
    png.extend(chunk(b"IDAT", &rows.finish().expect("deflate")));
    png.extend(chunk(b"IEND", b""));
    let sb = Sandbox::new();
    sb.write("c.toml", &format!("{ORG}logo = \"logo.png\"\n"));
    std::fs::write(sb.path("logo.png"), png).expect("write the logo");
    refuses_in(
        &sb,
        &["build", "c.toml", "-o", "out.pdf"],
        "the logo is not a readable PNG (its palette is damaged)",
    );
}

#[test]
fn a_hundred_megabyte_file_is_refused_before_it_is_read() {
    let sb = Sandbox::new();
    let file = std::fs::File::create(sb.path("huge.toml")).expect("create");
    file.set_len(100 * 1024 * 1024)
        .expect("a sparse 100 MB file");
    let started = std::time::Instant::now();
    refuses_in(
        &sb,
        &["build", "huge.toml", "-o", "out.pdf"],
        "the contacts file is 104857600 bytes; at most 1048576 bytes are read",
    );
    assert!(started.elapsed().as_secs() < 5, "not read whole");
}

#[test]
fn a_folder_instead_of_a_file() {
    let sb = Sandbox::new();
    std::fs::create_dir(sb.path("contacts.toml")).expect("mkdir");
    refuses_in(
        &sb,
        &["build", "contacts.toml", "-o", "out.pdf"],
        "is a folder, not a contacts file",
    );
}

#[test]
fn a_missing_file() {
    let sb = Sandbox::new();
    refuses_in(
        &sb,
        &["build", "gone.toml", "-o", "out.pdf"],
        "gone.toml: cannot read the contacts file",
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    // Root reads any file whatever its mode, so a symbolic link loop stands in.
    let sb = Sandbox::new();
    std::os::unix::fs::symlink("loop.toml", sb.path("loop.toml")).expect("symlink");
    refuses_in(
        &sb,
        &["build", "loop.toml", "-o", "out.pdf"],
        "loop.toml: cannot read the contacts file",
    );
}

#[cfg(unix)]
#[test]
fn a_full_device_says_there_is_no_space() {
    let sb = Sandbox::new();
    sb.example();
    std::os::unix::fs::symlink("/dev/full", sb.path("full.pdf")).expect("symlink");
    let err = sb.run(&["build", "asby.toml", "-o", "full.pdf"]).fails();
    assert!(
        err.contains("full.pdf: cannot write the PDF (no space left on the device)"),
        "{err}"
    );
    let link = std::fs::symlink_metadata(sb.path("full.pdf")).expect("still there");
    assert!(
        link.file_type().is_symlink(),
        "the link is not replaced by a file"
    );
}

#[test]
fn output_to_standard_output_is_written_directly() {
    let sb = Sandbox::new();
    sb.example();
    let run = sb.run(&["build", "asby.toml", "-o", "-"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.0.stdout.starts_with(b"%PDF-1.7"));
    assert!(!sb
        .files()
        .iter()
        .any(|f| f.ends_with(".pdf") || f.ends_with(".tmp")));
}

#[test]
fn an_invalid_source_date_epoch() {
    let sb = Sandbox::new();
    sb.example();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["build", "asby.toml", "-o", "out.pdf"])
        .current_dir(sb.path(""))
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("SOURCE_DATE_EPOCH must be whole seconds since 1970, not `yesterday`"));
    assert!(!sb.path("out.pdf").exists());
}

#[test]
fn a_negative_bleed() {
    let sb = Sandbox::new();
    sb.example();
    refuses_in(
        &sb,
        &["build", "asby.toml", "--bleed=-3", "-o", "out.pdf"],
        "a bleed of -3 mm is out of range",
    );
}

#[test]
fn a_language_tag_that_is_not_one() {
    let sb = Sandbox::new();
    sb.example();
    refuses_in(
        &sb,
        &["build", "asby.toml", "--lang", "x!y", "-o", "out.pdf"],
        "`x!y` is not a language code",
    );
}

#[test]
fn an_unknown_layout() {
    let sb = Sandbox::new();
    sb.example();
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--layout",
            "folder-a6",
            "-o",
            "out.pdf",
        ],
        "there is no layout `folder-a6`",
    );
}

fn layout_with(sb: &Sandbox, from: &str, to: &str) {
    let text = std::fs::read_to_string(common::repo("layouts/folder-a5.toml")).expect("layout");
    assert!(text.contains(from), "{from}");
    sb.write("bad.toml", &text.replacen(from, to, 1));
}

#[test]
fn a_layout_with_a_negative_size() {
    let sb = Sandbox::new();
    sb.example();
    layout_with(&sb, "width_mm = 148", "width_mm = -148");
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--layout",
            "./bad.toml",
            "-o",
            "out.pdf",
        ],
        "`page` sizes must be between 0 and 2000 mm",
    );
}

#[test]
fn a_layout_with_an_absurd_size() {
    let sb = Sandbox::new();
    sb.example();
    layout_with(&sb, "height_mm = 210", "height_mm = 1e30");
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--layout",
            "./bad.toml",
            "-o",
            "out.pdf",
        ],
        "`page` sizes must be between 0 and 2000 mm",
    );
}

#[test]
fn a_layout_naming_a_style_it_lacks() {
    let sb = Sandbox::new();
    sb.example();
    layout_with(
        &sb,
        "message = \"carer-intro\", style = \"body\"",
        "message = \"carer-intro\", style = \"bodie\"",
    );
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--layout",
            "./bad.toml",
            "-o",
            "out.pdf",
        ],
        "uses the style `bodie`, which `[styles]` does not define",
    );
}

#[test]
fn a_locale_with_a_syntax_error() {
    let sb = Sandbox::new();
    sb.example();
    let root = sb.path("locales/sv");
    std::fs::create_dir_all(&root).expect("mkdir");
    for entry in std::fs::read_dir(common::repo("locales/sv"))
        .expect("sv")
        .flatten()
    {
        std::fs::copy(entry.path(), root.join(entry.file_name())).expect("copy");
    }
    let file = root.join("leaflet.ftl");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("carer-heading = ", "carer-heading = { ", 1),
    )
    .expect("write");
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--locales",
            "locales",
            "-o",
            "out.pdf",
        ],
        "Fluent syntax error",
    );
}

#[test]
fn a_previous_pdf_survives_a_failed_build_untouched() {
    let sb = Sandbox::new();
    sb.write("c.toml", "[organisation]\nname = 5\n");
    sb.write("out.pdf", "%PDF-1.7 last year's leaflet");
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert!(err.contains("must be text in quotes"), "{err}");
    assert_eq!(
        std::fs::read_to_string(sb.path("out.pdf")).ok().as_deref(),
        Some("%PDF-1.7 last year's leaflet")
    );
}
