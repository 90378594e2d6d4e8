//! Translators: `leaflet check` and building with an out-of-tree locale.

use std::path::Path;

use crate::common::{copy_dir, page_lines, page_texts, repo, Sandbox};

/// Copy the bundled locales into `dir/locales`, plus `sv` again as `new`.
fn locales_with_copy(sb: &Sandbox, new: &str) -> std::path::PathBuf {
    let root = sb.path("locales");
    for lang in ["sv", "fi"] {
        copy_dir(&repo(&format!("locales/{lang}")), &root.join(lang));
    }
    copy_dir(&repo("locales/sv"), &root.join(new));
    root
}

/// Remove a message (its id line and indented continuation lines) from a file.
fn remove_message(path: &Path, id: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut out = String::new();
    let mut removing = false;
    let mut found = false;
    for line in text.lines() {
        if line.starts_with(&format!("{id} =")) {
            removing = true;
            found = true;
            continue;
        }
        if removing && line.starts_with(' ') {
            continue;
        }
        removing = false;
        out.push_str(line);
        out.push('\n');
    }
    assert!(found, "`{id}` not in {}", path.display());
    std::fs::write(path, out).expect("write");
}

/// Replace text in a locale file, failing if the text is not there.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "`{from}` not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn check(sb: &Sandbox, args: &[&str]) -> (i32, String) {
    let run = sb.run(&[&["check", "--locales", "locales"], args].concat());
    assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
    (run.code(), run.stdout())
}

#[test]
fn the_bundled_locales_pass_check() {
    let sb = Sandbox::new();
    let run = sb.run(&["check"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert!(
        run.stdout()
            .contains("checked en, fi, sv: 0 errors, 0 warnings"),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_new_locale_in_a_folder_builds_without_any_code_change() {
    let sb = Sandbox::new();
    sb.example();
    locales_with_copy(&sb, "nb");
    sb.run(&[
        "build",
        "asby.toml",
        "--locales",
        "locales",
        "--lang",
        "nb",
        "-o",
        "nb.pdf",
    ])
    .ok();
    let doc = lopdf::Document::load(sb.path("nb.pdf")).expect("a PDF");
    assert_eq!(doc.get_pages().len(), 4);
    let lang = doc
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(lopdf::Object::as_str)
        .expect("/Lang");
    assert_eq!(lang, b"nb");
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning: locales/nb: there are no hyphenation patterns for `nb`"),
        "{out}"
    );
}

#[test]
fn a_removed_message_is_reported_and_stops_the_build() {
    let sb = Sandbox::new();
    sb.example();
    let root = locales_with_copy(&sb, "nb");
    remove_message(&root.join("nb/leaflet.ftl"), "carer-help");
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: locales/nb/leaflet.ftl: message `carer-help` is missing from `nb`"),
        "{out}"
    );
    assert!(
        out.contains("hint: translate it from locales/sv/leaflet.ftl:"),
        "{out}"
    );
    let err = sb
        .run(&[
            "build",
            "asby.toml",
            "--locales",
            "locales",
            "--lang",
            "nb",
            "-o",
            "nb.pdf",
        ])
        .fails();
    assert!(
        err.contains("message `carer-help` is missing in locale `nb`"),
        "{err}"
    );
    assert!(!sb.path("nb.pdf").exists(), "no mixed-language leaflet");
}

#[test]
fn a_renamed_variable_is_reported_at_its_line() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/leaflet.ftl"),
        "{ $organisation }",
        "{ $organisasjon }",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("locales/nb/leaflet.ftl:8:63:")
            && out.contains("uses the variable `$organisasjon`, which the reference does not know"),
        "{out}"
    );
}

#[test]
fn broken_syntax_is_reported_at_its_line() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/support.ftl"),
        "support-day = ",
        "support-day = { ",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error: locales/nb/support.ftl:14:") && out.contains("Fluent syntax error"),
        "{out}"
    );
}

#[test]
fn an_unknown_message_is_reported_with_a_suggestion() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/support.ftl"),
        "support-ask =",
        "support-asks =",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "locales/nb/support.ftl:19:1: `support-asks` is not in the reference locale `sv`"
        ),
        "{out}"
    );
    assert!(out.contains("did you mean `support-ask`?"), "{out}");
}

#[test]
fn check_speaks_json_for_programs() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/support.ftl"),
        "support-ask =",
        "support-asks =",
    );
    let (code, out) = check(&sb, &["nb", "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["checked"][0], "nb");
    assert!(json["errors"].as_u64().unwrap_or(0) >= 1);
    let findings = json["findings"].as_array().expect("findings");
    let unknown = findings
        .iter()
        .find(|f| f["field"] == "support-asks")
        .expect("the unknown message");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["file"], "locales/nb/support.ftl");
    assert_eq!(unknown["line"], 19);
    assert_eq!(unknown["column"], 1);
}

#[test]
fn the_pseudo_locale_previews_longer_text_and_marks_what_would_not_fit() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb
        .run(&["build", "asby.toml", "--lang", "qps", "-o", "qps.pdf"])
        .ok();
    assert!(
        err.contains("warning: the label `Ɓeeşöķşaaḓřeeşş` is"),
        "{err}"
    );
    let pages = page_texts(&sb.path("qps.pdf"));
    assert_eq!(pages.len(), 4);
    assert!(pages[1].contains("Äř ḓuu aaƞħöřiɠ?"), "{}", pages[1]);
    let run = sb.run(&["check", "--pseudo", "sv"]);
    assert_eq!(run.code(), 0);
    assert!(
        run.stdout()
            .contains("warning: with text a third longer (qps), layout `folder-a5`"),
        "{}",
        run.stdout()
    );
}

const NARROW_LAYOUT: &str = r##"
description = "a narrow column, to see where words break"
[page]
width_mm = 148
height_mm = 210
[fonts]
regular = "NotoSans-Regular.ttf"
bold = "NotoSans-Bold.ttf"
[colours]
text = "#000000"
[styles.body]
size_pt = 12
colour = "text"
hyphenate = true
[[pages]]
name = "narrow"
[[pages.frames]]
x_mm = 20
y_mm = 20
width_mm = 33
height_mm = 100
blocks = [{ kind = "text", message = "carer-intro", style = "body" }]
[[pages]]
name = "contact"
[[pages.frames]]
x_mm = 14
y_mm = 14
width_mm = 120
height_mm = 182
blocks = [{ kind = "contacts", org_style = "body", name_style = "body", style = "body" }]
"##;

#[test]
fn a_hyphenation_exception_moves_the_break_in_the_pdf() {
    let sb = Sandbox::new();
    sb.write("c.toml", "[organisation]\nname = \"Åsby kommun\"\n");
    std::fs::create_dir_all(sb.path("layouts")).expect("mkdir");
    sb.write("layouts/narrow.toml", NARROW_LAYOUT);
    let root = locales_with_copy(&sb, "nb");
    let intro = root.join("sv/leaflet.ftl");
    let text = std::fs::read_to_string(&intro).expect("read");
    let start = text.find("carer-intro =").expect("carer-intro");
    let end = text.find("carer-help =").expect("carer-help");
    std::fs::write(
        &intro,
        format!(
            "{}carer-intro = anhörigkonsulentverksamheten\n{}",
            &text[..start],
            &text[end..]
        ),
    )
    .expect("write");
    let first_page = |exception: &str| {
        std::fs::write(root.join("sv/hyphenation.txt"), exception).expect("write");
        sb.run(&[
            "build",
            "c.toml",
            "--locales",
            "locales",
            "--layouts",
            "layouts",
            "--layout",
            "narrow",
            "-o",
            "n.pdf",
        ])
        .ok();
        page_lines(&sb.path("n.pdf"))[0].clone()
    };
    let compound = first_page("anhörig-konsulent-verksamheten\n");
    assert!(
        // The hyphen a break adds reads as a soft hyphen (U+00AD).
        compound.contains("anhörig\u{AD}\nkonsulent\u{AD}\nverksamheten"),
        "{compound}"
    );
    let other = first_page("anhörigkon-sulentverk-samheten\n");
    assert!(
        other.contains("anhörigkon\u{AD}\nsulentverk\u{AD}\nsamheten"),
        "{other}"
    );
}

#[test]
fn a_translation_without_the_tools_messages_gets_one_warning() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    std::fs::remove_file(root.join("nb/messages.ftl")).expect("remove");
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning: locales/nb: `nb` has no messages.ftl: leaflet speaks English"),
        "{out}"
    );
    // One warning for the file (and one that nb has no hyphenation patterns),
    // not one for each of its messages.
    assert!(!out.contains("is missing"), "{out}");
    assert!(out.contains("checked nb: 0 errors, 2 warnings"), "{out}");
    // For programs, in the reader's language too.
    let json = sb
        .run_in(
            "fi_FI.UTF-8",
            &["check", "--locales", "locales", "--format", "json", "nb"],
        )
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        report["findings"][0]["message"],
        "kielellä `nb` ei ole tiedostoa messages.ftl: leaflet puhuu englantia niille, jotka lukevat kieltä `nb`"
    );
}

#[test]
fn the_tools_messages_are_checked_like_the_leaflets_text() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    let file = root.join("nb/messages.ftl");
    remove_message(&file, "contacts-empty");
    edit(
        &file,
        "contacts-missing = { $field } saknas",
        "contacts-missing = { $falt } saknas",
    );
    // Never printed, so any character will do: no font needs to draw it.
    edit(&file, "severity-hint = tips", "severity-hint = tips 🙂");
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "warning: locales/nb/messages.ftl: message `contacts-empty` is missing from `nb`; leaflet says it in English meanwhile"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "`contacts-missing` uses the variable `$falt`, which the reference does not know"
        ),
        "{out}"
    );
    assert!(!out.contains("U+1F642"), "{out}");
    // A translator's messages are said without a code change.
    sb.write(
        "broken.toml",
        "[organisation]\nname = \"x\"\nphone = \"1\"\n",
    );
    let err = sb
        .run_in(
            "nb_NO.UTF-8",
            &["build", "broken.toml", "--locales", "locales"],
        )
        .stderr();
    assert!(err.starts_with("fel: broken.toml:3:9: "), "{err}");
    assert!(err.contains("\n  tips 🙂: "), "{err}");
}

#[test]
fn a_character_no_font_draws_is_an_error_at_its_place() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/leaflet.ftl"),
        "Är du anhörig?",
        "Är du anhörig? 李",
    );
    // Arabic and Hebrew are drawn by the layouts' fallback families.
    edit(
        &root.join("nb/leaflet.ftl"),
        "Då är du anhörig.",
        "Då är du anhörig. مرحبا שלום",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("locales/nb/leaflet.ftl:20:32: no font of the layout `a4` (`NotoSans-Regular.ttf` or a fallback) can draw `李` (U+674E) in `carer-heading`"),
        "{out}"
    );
    assert_eq!(
        out.matches("can draw").count(),
        2,
        "regular and bold, once for all layouts:\n{out}"
    );
}

/// A year and a month after the helplines were checked (1 January 2028).
const A_YEAR_LATER: &str = "1830297600";

#[test]
fn helplines_checked_over_a_year_ago_are_named_by_check_and_said_once_by_build() {
    let sb = Sandbox::new();
    sb.example();
    let run = sb.run_with(&[("SOURCE_DATE_EPOCH", A_YEAR_LATER)], &["check", "sv"]);
    let out = run.stdout();
    assert_eq!(run.code(), 0, "warnings, not errors: {out}");
    assert!(
        out.contains("warning: locales/sv/contact.ftl:45:6: the helpline `helpline-mind` was last checked 2026-11, more than 12 months ago"),
        "{out}"
    );
    assert_eq!(
        out.matches("was last checked").count(),
        5,
        "each helpline:\n{out}"
    );
    let err = sb
        .run_with(
            &[("SOURCE_DATE_EPOCH", A_YEAR_LATER)],
            &["build", "asby.toml"],
        )
        .ok();
    assert_eq!(
        err.matches("the helplines were not checked").count(),
        1,
        "once:\n{err}"
    );
    assert!(err.contains("90101 (checked 2026-11)"), "{err}");
    // Today (the tests' fixed day) they are fresh.
    let err = sb.run(&["build", "asby.toml"]).ok();
    assert!(!err.contains("not checked"), "{err}");
}

#[test]
fn a_helpline_without_a_checked_month_gets_a_warning() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/contact.ftl"),
        "    .number = 112\n    .checked = 2026-11\n",
        "    .number = 112\n",
    );
    edit(
        &root.join("nb/contact.ftl"),
        ".checked = 2026-11",
        ".checked = november",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "the helpline `helpline-112` does not say when its number and hours were last checked"
        ),
        "{out}"
    );
    assert!(
        out.contains("has `.checked = november`, which is not a month"),
        "{out}"
    );
}

/// The commands (`sh` blocks) and the backticked names of a translators' guide.
fn guide_parts(file: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(repo(file)).expect("the guide");
    let commands = text
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split_once("```").map(|(c, _)| c.to_string()))
        .collect();
    let names = text
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|n| !n.is_empty() && !n.contains(' '))
        .map(str::to_string)
        .collect();
    (commands, names)
}

#[test]
fn the_translators_guide_in_swedish_gives_the_same_commands_and_names() {
    // Translators into Sweden's minority languages read Swedish more easily than
    // English: the Swedish guide must not fall behind the English one.
    let (commands, names) = guide_parts("locales/README.md");
    let (sv_commands, sv_names) = guide_parts("locales/README.sv.md");
    assert!(commands.len() >= 5, "{commands:?}");
    assert_eq!(
        sv_commands, commands,
        "the same commands, in the same order"
    );
    let missing: Vec<&String> = names.iter().filter(|n| !sv_names.contains(n)).collect();
    assert!(missing.is_empty(), "not in the Swedish guide: {missing:?}");
}

#[test]
fn a_straight_apostrophe_in_printed_text_is_a_warning_at_its_place() {
    let sb = Sandbox::new();
    let root = locales_with_copy(&sb, "nb");
    edit(
        &root.join("nb/support.ftl"),
        "support-groups = anhöriggrupper",
        "support-groups = 'anhöriggrupper'",
    );
    let (code, out) = check(&sb, &["nb"]);
    assert_eq!(code, 0, "a warning, not an error: {out}");
    let line = std::fs::read_to_string(root.join("nb/support.ftl"))
        .expect("read")
        .lines()
        .position(|l| l.starts_with("support-groups ="))
        .expect("the message")
        + 1;
    assert!(
        out.contains(&format!(
            "warning: locales/nb/support.ftl:{line}:18: `support-groups` has a straight '"
        )),
        "{out}"
    );
    assert!(out.contains("’ for an apostrophe"), "{out}");
    // The tool's own messages are read on screen, where straight marks are usual.
    let (_, out) = check(&sb, &["sv"]);
    assert!(!out.contains("straight"), "{out}");
}
