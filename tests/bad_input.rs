//! Bad input: exit 1, a message that names the file, line and field, and no PDF.

mod common;

use common::Sandbox;

const GOOD_ORG: &str = "[organisation]\nname = \"Åsby kommun\"\n";

/// Build `contacts` and expect a refusal; returns stderr.
fn refused(contacts: &str) -> String {
    let sb = Sandbox::new();
    sb.write("c.toml", contacts);
    let err = sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert_eq!(
        sb.files(),
        vec!["c.toml".to_string()],
        "no output and no temporary file left behind"
    );
    err
}

#[test]
fn a_misspelt_key_is_named_with_its_line_and_a_suggestion() {
    let err = refused(&format!("{GOOD_ORG}phnoe = \"0123-456 78\"\n"));
    assert!(
        err.contains("c.toml:3:1: `organisation.phnoe` is not a known key"),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `phone`?"), "{err}");
}

#[test]
fn a_number_where_text_belongs_is_named_with_its_line() {
    let err = refused(&format!(
        "{GOOD_ORG}[[contact]]\nname = \"Åsa\"\nphone = 12345678\n"
    ));
    assert!(
        err.contains("c.toml:5:9: `contact[1].phone` must be text in quotes, but it is a number"),
        "{err}"
    );
    assert!(err.contains("phone = \"0123-456 78\""), "{err}");
}

#[test]
fn a_missing_organisation_name_is_named() {
    let err = refused("[organisation]\nunit = \"Anhörigstöd\"\n");
    assert!(
        err.contains("c.toml:1:1: `organisation.name` is missing"),
        "{err}"
    );
}

#[test]
fn broken_toml_syntax_is_located() {
    let err = refused("[organisation\nname = \"x\"\n");
    assert!(err.contains("c.toml:1:"), "{err}");
    assert!(err.contains("not valid TOML"), "{err}");
}

#[test]
fn an_unquoted_phone_number_gets_a_hint_to_quote_it() {
    let err = refused(&format!("{GOOD_ORG}phone = 0123-456 78\n"));
    assert!(err.contains("c.toml:3:"), "{err}");
    assert!(
        err.contains("hint: put text in double quotes: phone = \"0123-456 78\""),
        "{err}"
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let err = refused("[organisation]\nnamn = \"x\"\nemail = \"not an address\"\n[adress]\n");
    assert!(
        err.contains("`organisation.namn` is not a known key"),
        "{err}"
    );
    assert!(err.contains("`organisation.name` is missing"), "{err}");
    assert!(
        err.contains("`organisation.email` is not an e-mail address"),
        "{err}"
    );
    assert!(err.contains("`adress` is not a known key"), "{err}");
    assert!(err.contains("did you mean `address`?"), "{err}");
}

#[test]
fn a_contact_page_that_does_not_fit_is_refused_with_what_overflows() {
    let mut contacts = format!("{GOOD_ORG}phone = \"0123-456 78\"\nemail = \"info@asby.se\"\n");
    for i in 1..=4 {
        contacts.push_str(&format!(
            "[[contact]]\nname = \"Person Nummer {i}\"\ntitle = \"Anhörigkonsulent med ansvar för samtalsgrupper och avlösning i hemmet\"\nphone = \"0123-456 8{i}\"\nemail = \"person{i}@asby.se\"\nhours = \"måndag, tisdag, onsdag och torsdag kl. 9–12 och 13–15\"\n"
        ));
    }
    let err = refused(&contacts);
    assert!(err.contains("page 4 (`contact`): the text is"), "{err}");
    assert!(err.contains("mm too long for its frame"), "{err}");
    assert!(err.contains("does not fit: field `contact[4]"), "{err}");
}

#[test]
fn a_failed_build_leaves_an_existing_pdf_untouched() {
    let sb = Sandbox::new();
    sb.write("c.toml", "[organisation]\n");
    sb.write("out.pdf", "previous leaflet");
    sb.run(&["build", "c.toml", "-o", "out.pdf"]).fails();
    assert_eq!(
        std::fs::read_to_string(sb.path("out.pdf")).ok().as_deref(),
        Some("previous leaflet")
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
fn a_missing_contacts_file_is_named() {
    let sb = Sandbox::new();
    let err = sb.run(&["build", "nowhere.toml"]).fails();
    assert!(
        err.contains("nowhere.toml: cannot read the contacts file"),
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
