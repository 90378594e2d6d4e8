//! What leaflet says, in the reader's language: the same problems explained in
//! Swedish, Finnish and English as the environment asks, numbers written each
//! language's way, and every message the code says there in all three.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::common::{repo, Sandbox};

/// A contacts file with the slips people make: a Swedish key, a phone number
/// too short, an e-mail address without a domain, a contact without a name.
const BROKEN: &str = "\
[organisation]
namn = \"Åsby kommun\"
phone = \"12\"
email = \"anhorigcentrum@eskilstuna\"

[[contact]]
title = \"Anhörigkonsulent\"
";

/// The words of a message output that belong to its language: what is quoted
/// (keys, values, file names in `...` and \"...\") and the file name left out.
fn own_words(output: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in output.lines() {
        let mut plain = String::new();
        let mut quote = None;
        for c in line.replace("broken.toml", " ").chars() {
            match (quote, c) {
                (None, '`' | '"') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, c) => plain.push(c),
                _ => {}
            }
        }
        words.extend(
            plain
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_lowercase),
        );
    }
    words
}

#[test]
fn the_same_broken_file_is_explained_in_the_readers_language() {
    let sb = Sandbox::new();
    sb.write("broken.toml", BROKEN);
    let said: Vec<String> = ["C", "sv_SE.UTF-8", "fi_FI.UTF-8"]
        .iter()
        .map(|lang| {
            let run = sb.run_in(lang, &["build", "broken.toml"]);
            assert_eq!(run.code(), 1, "{lang}: {}", run.stderr());
            run.stderr()
        })
        .collect();
    let [en, sv, fi] = [&said[0], &said[1], &said[2]];
    // Each names the line and the field, in its own words; the prefix that
    // editors and scripts read is the same in every language.
    assert!(
        en.contains(
            "error: broken.toml:3:9: `organisation.phone` is not a phone number (fewer than 3 digits): \"12\""
        ),
        "{en}"
    );
    assert!(
        sv.contains(
            "fel: broken.toml:3:9: `organisation.phone` är inget telefonnummer (färre än 3 siffror): \"12\""
        ),
        "{sv}"
    );
    assert!(
        fi.contains(
            "virhe: broken.toml:3:9: `organisation.phone` ei ole puhelinnumero (alle 3 numeroa): \"12\""
        ),
        "{fi}"
    );
    assert!(sv.contains("fel: broken.toml:2:1: `organisation.namn` är ingen känd nyckel"));
    assert!(fi.contains("vihje: tarkoititko `name`? Avaimet kirjoitetaan englanniksi"));
    assert!(en != sv && sv != fi && en != fi);
    // The same problems, line for line.
    assert_eq!(en.lines().count(), sv.lines().count());
    assert_eq!(en.lines().count(), fi.lines().count());
    // No English is left in the Swedish and Finnish texts ("under" is Swedish too).
    let mut english = own_words(en);
    english.remove("under");
    for (lang, text) in [("sv", sv), ("fi", fi)] {
        let left: Vec<String> = own_words(text).intersection(&english).cloned().collect();
        assert!(left.is_empty(), "English in {lang}: {left:?}\n{text}");
    }
}

#[test]
fn decimals_are_written_with_the_languages_separator() {
    let sb = Sandbox::new();
    sb.example();
    let args = ["build", "asby.toml", "--bleed", "12.5"];
    for (lang, said) in [
        (
            "C",
            "error: a bleed of 12.5 mm is out of range (0 to 10 mm)",
        ),
        (
            "sv_SE.UTF-8",
            "fel: en utfallande kant på 12,5 mm går inte (0 till 10 mm)",
        ),
        (
            "fi_FI.UTF-8",
            "virhe: 12,5 mm:n leikkuuvara ei käy (0–10 mm)",
        ),
    ] {
        let run = sb.run_in(lang, &args);
        assert_eq!(run.code(), 1);
        assert!(run.stderr().contains(said), "{lang}: {}", run.stderr());
    }
}

#[test]
fn the_language_is_chosen_as_gnu_tools_choose_it() {
    let sb = Sandbox::new();
    sb.write("broken.toml", BROKEN);
    let says = |vars: &[(&str, &str)]| {
        let err = sb.run_with(vars, &["build", "broken.toml"]).stderr();
        err.split(':').next().unwrap_or_default().to_string()
    };
    assert_eq!(says(&[]), "error");
    assert_eq!(says(&[("LANG", "sv_FI.UTF-8")]), "fel");
    // LC_ALL before LC_MESSAGES before LANG.
    assert_eq!(
        says(&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "fi_FI.UTF-8")]),
        "virhe"
    );
    assert_eq!(
        says(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "sv_SE.UTF-8")]),
        "fel"
    );
    // LANGUAGE lists languages in order; a language leaflet lacks is passed over.
    assert_eq!(
        says(&[("LANG", "en_US.UTF-8"), ("LANGUAGE", "de:fi")]),
        "virhe"
    );
    // The C locale means English, whatever LANGUAGE says (as gettext does).
    assert_eq!(says(&[("LANG", "C"), ("LANGUAGE", "sv")]), "error");
    // LEAFLET_LANG forces a language for leaflet alone.
    assert_eq!(
        says(&[("LANG", "sv_SE.UTF-8"), ("LEAFLET_LANG", "fi")]),
        "virhe"
    );
    assert_eq!(says(&[("LANG", "de_DE.UTF-8")]), "error");
}

#[test]
fn summaries_and_progress_are_in_the_readers_language() {
    let sb = Sandbox::new();
    sb.example();
    let err = sb.run_in("sv_SE.UTF-8", &["build", "asby.toml"]).ok();
    assert!(err.contains("skrev asby-sv.pdf (4 sidor, "), "{err}");
    let run = sb.run_in(
        "fi_FI.UTF-8",
        &[
            "batch",
            "asby.toml",
            "--lang",
            "sv",
            "--lang",
            "fi",
            "--out-dir",
            "out",
        ],
    );
    let err = run.ok();
    assert!(err.contains("valmis: out/asby-fi.pdf"), "{err}");
    assert!(err.contains("2/2 esitettä valmiina ("), "{err}");
    let out = sb.run_in("sv_SE.UTF-8", &["check"]).stdout();
    assert!(
        out.contains("kontrollerade en, fi, sv: 0 fel, 0 varningar"),
        "{out}"
    );
    let out = sb.run_in("fi_FI.UTF-8", &["list"]).stdout();
    assert!(
        out.starts_with("kielet:\n") && out.contains("\ntaitot:\n"),
        "{out}"
    );
}

/// The ids a Fluent file defines, each with the variables it uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = repo(&format!("locales/{lang}/messages.ftl"));
    let text = std::fs::read_to_string(&path).expect("messages.ftl");
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", path.display()));
    let mut found = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern_variables(value, &mut vars);
            }
            let fresh = found.insert(m.id.name.to_string(), vars).is_none();
            assert!(fresh, "{lang}: `{}` twice", m.id.name);
        }
    }
    found
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for v in variants {
                pattern_variables(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_variables(i, vars),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        _ => {}
    }
}

/// Every `msg("...")` in the source, with where it is.
fn ids_in_source() -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    let mut folders = vec![repo("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            // The code, not its unit tests (which also name a message that is not).
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                for part in line.split("msg(\"").skip(1) {
                    let id = part.split('"').next().unwrap_or_default();
                    ids.entry(id.to_string())
                        .or_insert_with(|| format!("{}:{}", path.display(), n + 1));
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_says_is_in_sv_fi_and_en_with_the_same_variables() {
    let used = ids_in_source();
    assert!(
        used.len() > 150,
        "the scan finds the messages: {}",
        used.len()
    );
    let en = messages("en");
    for lang in ["sv", "fi", "en"] {
        let defined = messages(lang);
        for (id, at) in &used {
            assert!(defined.contains_key(id), "`{id}` ({at}) is not in {lang}");
        }
        // Nothing unused: a message is said by the code, is a form variant of one
        // that is, or is the decimal separator.
        for id in defined.keys() {
            let base = id.strip_suffix("-form").unwrap_or(id);
            assert!(
                used.contains_key(base) || id == "number-decimal-separator",
                "{lang}: nothing says `{id}`"
            );
        }
        assert_eq!(
            defined.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "{lang} and en define the same messages"
        );
        for (id, vars) in &defined {
            assert_eq!(vars, &en[id], "{lang}: the variables of `{id}`");
        }
    }
}

#[test]
fn text_too_wide_to_set_is_placed_at_its_line_in_the_contacts_file() {
    let sb = Sandbox::new();
    sb.write(
        "long.toml",
        "[organisation]\nname = \"Eskilstuna kommun\"\nemail = \"anhorigcentrumsforvaltningensstodenhetforanhorigaochnarstaende@eskilstuna.se\"\n",
    );
    let err = sb.run_in("sv_SE.UTF-8", &["build", "long.toml"]).stderr();
    assert!(
        err.starts_with(
            "fel: long.toml:3:9: \"anhorigcentrumsforvaltningensstodenhetforanhorigaochnarstaende\" (fältet `organisation.email`) är "
        ),
        "{err}"
    );
    assert!(
        err.contains(" mm bredare än sin ram och går inte att bryta"),
        "{err}"
    );
    assert!(!sb.path("long-sv.pdf").exists());
}
