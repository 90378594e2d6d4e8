//! Bad input, one case each: exit 1, a message that names the problem (the file,
//! line and field where there is one), no panic, and no PDF, or the previous one
//! untouched. Contacts files are fixtures (`tests/fixtures/refused/`, see its
//! README); what cannot be a plain text file is written here.

use std::path::Path;

use crate::common::{copy_locales, repo, Sandbox};

const ORG: &str = "[organisation]\nname = \"Åsby kommun\"\n";

/// Run `args` in `sb` and expect a refusal that says `expected`, leaving no PDF.
fn refuses_in(sb: &Sandbox, args: &[&str], expected: &str) -> String {
    let err = sb.run(args).fails();
    assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    assert!(
        !sb.files()
            .iter()
            .any(|f| f.ends_with(".pdf") || f.ends_with(".tmp")),
        "{:?}",
        sb.files()
    );
    err
}

/// Write `contacts` as c.toml, build it, and expect a refusal that says `expected`.
fn refuses(contacts: &[u8], expected: &str) {
    let sb = Sandbox::new();
    std::fs::write(sb.path("c.toml"), contacts).expect("write");
    refuses_in(&sb, &["build", "c.toml", "-o", "out.pdf"], expected);
}

/// Every fixture in `tests/fixtures/refused/`: all are run, and every one that is
/// not refused as expected is reported.
#[test]
fn every_refused_fixture_is_refused_with_its_message() {
    let dir = repo("tests/fixtures/refused");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the fixtures")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".toml").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 30, "the fixtures are there: {names:?}");
    let failures: Vec<String> = names
        .iter()
        .filter_map(|name| refused_fixture(&dir, name).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

/// Build one fixture; what went wrong, if anything did.
fn refused_fixture(dir: &Path, name: &str) -> Result<(), String> {
    let file = format!("{name}.toml");
    let expected = std::fs::read_to_string(dir.join(format!("{name}.expected")))
        .map_err(|e| format!("{name}: no {name}.expected ({e})"))?;
    let sb = Sandbox::new();
    std::fs::copy(dir.join(&file), sb.path(&file)).map_err(|e| format!("{name}: {e}"))?;
    let run = sb.run(&["build", &file, "-o", "out.pdf"]);
    let err = run.stderr();
    if run.code() != 1 || err.contains("panicked") {
        return Err(format!("{name}: exit {}, not 1:\n{err}", run.code()));
    }
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        if !err.contains(line) {
            return Err(format!("{name}: expected `{line}` in:\n{err}"));
        }
    }
    if sb.files() != vec![file] {
        return Err(format!("{name}: left files behind: {:?}", sb.files()));
    }
    Ok(())
}

macro_rules! refuse {
    ($($name:ident: $contacts:expr => $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            refuses(AsRef::<[u8]>::as_ref(&$contacts), $expected);
        }
    )*};
}

// Invisible characters, bytes that are not UTF-8 and generated text: not plain
// fixture files.
refuse! {
    ten_thousand_characters: format!("[organisation]\nname = \"{}\"\n", "Å".repeat(10_000)) => "is 10000 characters long; at most 300";
    right_to_left_override: "[organisation]\nname = \"Åsby\u{202E}nummok\"\n" => "invisible character U+202E";
    first_strong_isolate: format!("{ORG}unit = \"\u{2068}Stöd\u{2069}\"\n") => "invisible character U+2068";
    zero_width_space: "[organisation]\nname = \"Ås\u{200B}by\"\n" => "invisible character U+200B";
    byte_order_mark_inside_a_value: "[organisation]\nname = \"\u{FEFF}Åsby\"\n" => "invisible character U+FEFF";
    latin1_file: b"[organisation]\nname = \"\xC5sby\"\n".to_vec() => "the contacts file is not UTF-8 text";
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
        "is a folder; give the path of the contacts file",
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
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to the year 9999), not `yesterday`"
    ));
    assert!(!sb.path("out.pdf").exists());
}

/// A date past the year 9999 cannot be written as a PDF date: it used to be left
/// out without a word, so the same input no longer gave a dated document.
#[test]
fn a_source_date_epoch_past_the_year_9999() {
    let sb = Sandbox::new();
    sb.example();
    for value in ["99999999999999", "-1"] {
        let run = sb.run_with(
            &[("SOURCE_DATE_EPOCH", value)],
            &["build", "asby.toml", "-o", "out.pdf"],
        );
        assert_eq!(run.code(), 1, "{value}: {}", run.stderr());
        assert!(
            run.stderr().contains(&format!("not `{value}`")),
            "{}",
            run.stderr()
        );
        assert!(!sb.path("out.pdf").exists());
    }
}

/// Devices and pipes are refused before they are opened: `/dev/zero` never ends
/// (it was read until memory ran out), a pipe with no writer never begins (the
/// build waited for ever).
#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_before_they_are_read() {
    let sb = Sandbox::new();
    sb.example();
    let fifo = sb.path("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let started = std::time::Instant::now();
    refuses_in(
        &sb,
        &["build", "/dev/zero", "-o", "out.pdf"],
        "the contacts file is not an ordinary file (but a device, a pipe or a socket)",
    );
    refuses_in(
        &sb,
        &["build", "pipe.toml", "-o", "out.pdf"],
        "pipe.toml: the contacts file is not an ordinary file",
    );
    refuses_in(
        &sb,
        &[
            "build",
            "asby.toml",
            "--layout",
            "/dev/zero",
            "-o",
            "out.pdf",
        ],
        "the layout file is not an ordinary file",
    );
    assert!(
        started.elapsed().as_secs() < 10,
        "nothing was read to its end"
    );
}

/// 40 000 unknown keys (430 KB) took 13 s to report, each error's line found by
/// scanning the file again; the file is now refused by its count of values,
/// before anything is validated.
#[test]
fn a_file_of_forty_thousand_keys_is_refused_at_once() {
    let mut toml = String::from("[organisation]\nname = \"Åsby kommun\"\n");
    for i in 0..40_000 {
        toml.push_str(&format!("key{i} = 1\n"));
    }
    let sb = Sandbox::new();
    std::fs::write(sb.path("c.toml"), &toml).expect("write");
    let started = std::time::Instant::now();
    let err = refuses_in(
        &sb,
        &["build", "c.toml", "-o", "out.pdf"],
        "c.toml: the file has 40003 keys and values; a contacts file has at most 2000",
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

/// Under the limit of values, a file full of mistakes reports the first hundred,
/// each at its line, and counts the rest.
#[test]
fn many_mistakes_are_reported_a_hundred_at_a_time() {
    let mut toml = String::from("[organisation]\nname = \"Åsby kommun\"\n");
    for i in 0..1_500 {
        toml.push_str(&format!("key{i} = 1\n"));
    }
    let sb = Sandbox::new();
    std::fs::write(sb.path("c.toml"), &toml).expect("write");
    let err = refuses_in(
        &sb,
        &["build", "c.toml", "-o", "out.pdf"],
        "c.toml:3:1: `organisation.key0`",
    );
    assert!(err.contains("c.toml:102:1: `organisation.key99`"), "{err}");
    assert!(!err.contains("`organisation.key100`"), "{err}");
    assert!(err.contains("and 1400 more problems"), "{err}");
}

/// A NUL byte in a comment: the TOML parser's message was "this is not valid TOML
/// ()"; it now says what and where.
#[test]
fn a_nul_byte_in_a_comment_is_named_where_it_is() {
    refuses(
        b"[organisation]\n# the \0 here\nname = \"\xc3\x85sby kommun\"\n",
        "c.toml:2:7: the file holds the control character U+0000",
    );
}

/// A Finnish build of the example with the spoilt copy of the locales.
const BUILD_FI_WITH_SPOILT_LOCALES: [&str; 8] = [
    "build",
    "asby.toml",
    "--lang",
    "fi",
    "--locales",
    "locales",
    "-o",
    "out.pdf",
];

/// Fluent placeables nested 5 000 deep overflowed the parser's stack: `check`
/// aborted (exit 134) and a locale that passed `check` at depth 5 000 killed the
/// server. Such a file is now refused, at the place it nests too deep.
#[test]
fn a_locale_nested_thousands_deep_is_refused_not_a_crash() {
    let sb = Sandbox::new();
    sb.example();
    let root = sb.path("locales");
    copy_locales(&root);
    let file = root.join("fi/leaflet.ftl");
    let text = std::fs::read_to_string(&file).expect("read");
    let deep = format!("{}x{}", "{ ".repeat(5000), " }".repeat(5000));
    std::fs::write(
        &file,
        text.replacen("carer-heading = ", &format!("carer-heading = {deep} "), 1),
    )
    .expect("write");
    let check = sb.run(&["check", "--locales", "locales"]);
    assert_eq!(check.code(), 1, "{}", check.stderr());
    assert!(
        check
            .stdout()
            .contains("the braces { … } nest more than 16 levels deep here")
            || check
                .stderr()
                .contains("the braces { … } nest more than 16 levels deep here"),
        "{}{}",
        check.stdout(),
        check.stderr()
    );
    refuses_in(&sb, &BUILD_FI_WITH_SPOILT_LOCALES, "leaflet.ftl:");
}

/// fluent-syntax 0.11 panics on a `\u` escape whose digits stop at a non-ASCII
/// letter (`{"\uä"}`; the `locale_check` fuzz target found it): `check`, a build
/// and every message of a language with it in `messages.ftl` aborted. Such a
/// file is now refused at the escape, before it is parsed.
#[test]
fn a_short_unicode_escape_is_refused_not_a_crash() {
    let sb = Sandbox::new();
    sb.example();
    let root = sb.path("locales");
    copy_locales(&root);
    let spoil = |file: &str, id: &str| {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        let spoilt = text.replacen(&format!("{id} = "), &format!("{id} = {{\"\\uä\"}} "), 1);
        assert_ne!(text, spoilt, "{id} in {file}");
        std::fs::write(&path, spoilt).expect("write");
    };
    spoil("fi/leaflet.ftl", "carer-heading");
    let check = sb.run(&["check", "--locales", "locales"]);
    assert_eq!(check.code(), 1, "{}", check.stderr());
    let said = format!("{}{}", check.stdout(), check.stderr());
    assert!(!said.contains("panicked"), "{said}");
    assert!(
        said.contains("fi/leaflet.ftl:")
            && said.contains("needs four hexadecimal digits after \\u"),
        "{said}"
    );
    refuses_in(
        &sb,
        &BUILD_FI_WITH_SPOILT_LOCALES,
        "needs four hexadecimal digits",
    );
    // In the tool's own Finnish messages: it speaks English instead of aborting.
    spoil("fi/messages.ftl", "locale-too-deep");
    let run = sb.run_in("fi_FI.UTF-8", &BUILD_FI_WITH_SPOILT_LOCALES);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
}

/// A locale file that is not UTF-8 is one error naming the file, not 71
/// "missing message" errors (one for each message the file was thought to lack).
#[test]
fn a_locale_file_that_is_not_utf8_is_one_error() {
    let sb = Sandbox::new();
    let root = sb.path("locales");
    copy_locales(&root);
    let file = root.join("fi/leaflet.ftl");
    let mut bytes = std::fs::read(&file).expect("read");
    bytes.extend(b"\nextra = caf\xe9\n");
    std::fs::write(&file, bytes).expect("write");
    let check = sb.run(&["check", "--locales", "locales"]);
    let said = format!("{}{}", check.stdout(), check.stderr());
    assert_eq!(check.code(), 1, "{said}");
    assert!(said.contains("leaflet.ftl"), "{said}");
    assert!(said.contains("not UTF-8"), "{said}");
    assert!(!said.contains("missing"), "{said}");
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
    let text = std::fs::read_to_string(repo("layouts/folder-a5.toml")).expect("layout");
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
    copy_locales(&sb.path("locales"));
    let file = sb.path("locales/sv/leaflet.ftl");
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

#[test]
fn an_unknown_language_lists_the_available_ones() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb.run(&["build", "asby.toml", "--lang", "de"]).fails();
    assert!(err.contains("there is no leaflet text in `de`"), "{err}");
    assert!(
        err.contains("available languages: `en`, `fi`, `sv`"),
        "{err}"
    );
}

#[test]
fn output_into_a_missing_folder_is_refused() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb
        .run(&["build", "asby.toml", "-o", "no/such/folder/x.pdf"])
        .fails();
    assert!(
        err.contains("the folder `no/such/folder` does not exist"),
        "{err}"
    );
}

#[test]
fn the_output_may_not_overwrite_the_contacts_file() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb.run(&["build", "asby.toml", "-o", "asby.toml"]).fails();
    assert!(err.contains("would overwrite the contacts file"), "{err}");
    assert!(std::fs::read_to_string(sb.path("asby.toml"))
        .unwrap_or_default()
        .contains("[organisation]"));
}

#[test]
fn usage_errors_exit_with_2() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["build"]).code(), 2);
    assert_eq!(sb.run(&["bild", "x.toml"]).code(), 2);
}

/// A translation too long for its frame is placed at its message (the README
/// promised FILE:LINE:COLUMN for every error; typesetting errors had none).
#[test]
fn a_message_too_long_for_its_frame_is_named_at_its_line() {
    let sb = Sandbox::new();
    sb.example();
    let root = sb.path("locales");
    copy_locales(&root);
    let file = root.join("sv/leaflet.ftl");
    let text = std::fs::read_to_string(&file).expect("read");
    let line = text
        .lines()
        .position(|l| l.starts_with("carer-heading ="))
        .expect("the message")
        + 1;
    let long = "Mycket lång rubrik ".repeat(40);
    std::fs::write(
        &file,
        text.replacen("carer-heading = ", &format!("carer-heading = {long}"), 1),
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
        &format!("leaflet.ftl:{line}:1: page 2"),
    );
}
