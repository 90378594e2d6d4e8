//! Contacts file: read and validate `contacts.toml` (schema version 1) into [`Contacts`].
//!
//! The key names are a contract (see the README), listed once in [`schema`]; the
//! file is checked against that table (`validate`), so every problem is reported
//! at once with its file:line:column and the dotted field name, and a misspelt key
//! gets a "did you mean" hint. Every text value may be a plain string or a table
//! of languages (`title = { sv = "...", fi = "..." }`); [`Text::get`] picks the
//! language and says when it had to fall back to another one.

pub mod schema;
mod validate;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::ImDocument;

use crate::diagnostic::{Diagnostic, Diagnostics, Source};
use crate::messages::{msg, Message};

/// The most organisations on one contact page (a municipality, a region and an
/// association working together).
pub const MAX_ORGANISATIONS: usize = 3;
/// The most contact persons a leaflet carries, of all its organisations together:
/// what a contact page holds at a readable size. Each organisation after the first
/// takes one's place (its own lines take as much room): three organisations have
/// at most two contacts.
pub const MAX_CONTACTS: usize = 4;
/// The longest text value accepted, in characters; longer text never fits a leaflet.
pub const MAX_TEXT_CHARS: usize = 300;
/// The largest contacts file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The most keys, tables and values a contacts file may hold (the longest real
/// one holds about 150); counted before anything else is looked at, so the work
/// of validating a file is bounded.
pub const MAX_VALUES: usize = 2000;
/// The most lines of free text (`[extra] lines`) in one language.
pub const MAX_EXTRA_LINES: usize = 12;
/// The most problems reported for one file; the rest are counted.
pub const MAX_REPORTED: usize = 100;

/// Everything the organisations put on their leaflet.
#[derive(Debug, Clone, PartialEq)]
pub struct Contacts {
    /// The file they were read from, for messages.
    pub file: PathBuf,
    /// One to [`MAX_ORGANISATIONS`], the first the leaflet's publisher (the one
    /// a single `[organisation]` table describes).
    pub organisations: Vec<Organisation>,
    /// Free lines printed under the contact details.
    pub extra: Vec<Text>,
}

/// `[organisation]`, or one `[[organisation]]` of several.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// `name`, required.
    pub name: Text,
    /// `unit`, the part of the organisation that gives the support.
    pub unit: Option<Text>,
    /// `phone`, the switchboard or the unit's number.
    pub phone: Option<Text>,
    /// `email`.
    pub email: Option<Text>,
    /// `web`, an address people can type.
    pub web: Option<Text>,
    /// `logo`, a PNG or JPEG file relative to the contacts file.
    pub logo: Option<Logo>,
    /// `logo_alt`, what the logo shows, for screen readers.
    pub logo_alt: Option<Text>,
    /// Where to visit and write: `[organisation.address]`, or the top-level
    /// `[address]` for the first organisation.
    pub address: Address,
    /// The people to call or write to: `[[organisation.contact]]`, or the
    /// top-level `[[contact]]` for the first organisation.
    pub persons: Vec<Person>,
}

/// Where the logo is, and where the contacts file names it (for messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The file, relative to the contacts file's folder.
    pub path: PathBuf,
    /// The contacts file.
    pub file: PathBuf,
    /// Line and column of the value in the contacts file.
    pub position: (usize, usize),
    /// The dotted field (`organisation[2].logo`).
    pub field: String,
}

impl Contacts {
    /// The details of a blank form (`--fillable` without a contacts file): one
    /// organisation with an empty name and nothing else.
    pub fn blank() -> Contacts {
        let empty = |field: &str| Text {
            field: field.to_string(),
            values: vec![(None, String::new())],
            position: (1, 1),
        };
        Contacts {
            file: PathBuf::new(),
            organisations: vec![Organisation {
                name: empty("organisation.name"),
                unit: None,
                phone: None,
                email: None,
                web: None,
                logo: None,
                logo_alt: None,
                address: Address {
                    visiting: None,
                    postal: None,
                },
                persons: Vec::new(),
            }],
            extra: Vec::new(),
        }
    }

    /// The first organisation: the leaflet's publisher.
    pub fn lead(&self) -> &Organisation {
        &self.organisations[0]
    }

    /// Every contact person, of every organisation, in file order.
    pub fn persons(&self) -> impl Iterator<Item = &Person> {
        self.organisations.iter().flat_map(|o| &o.persons)
    }

    /// Every text of the file, each knowing its field (`contact[2].title`), in
    /// file order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.organisations
            .iter()
            .flat_map(Organisation::texts)
            .chain(&self.extra)
    }

    /// Read each organisation's logo, if it names one (see [`Logo::load`]): one
    /// entry per organisation, in order.
    pub fn read_logos(&self) -> Result<Logos, Diagnostics> {
        let mut logos = Vec::new();
        let mut errors = Vec::new();
        for org in &self.organisations {
            match org.logo.as_ref().map(Logo::load).transpose() {
                Ok(logo) => logos.push(logo.map(std::sync::Arc::new)),
                Err(e) => errors.extend(e.0),
            }
        }
        if errors.is_empty() {
            Ok(logos)
        } else {
            Err(Diagnostics(errors))
        }
    }
}

impl Contacts {
    /// Problems found after the file was read (text too wide to set, a language
    /// a value lacks) placed at the value they name in the contacts file.
    pub fn locate(&self, mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
        for d in problems.iter_mut().filter(|d| d.file.is_none()) {
            let Some(field) = d.field.as_deref() else {
                continue;
            };
            let text = self.organisations.iter().flat_map(Organisation::texts);
            let named = text.chain(&self.extra).find(|t| {
                field == t.field
                    || field
                        .strip_prefix(t.field.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            });
            if let Some(t) = named {
                d.file = Some(self.file.clone());
                d.position = Some(t.position);
            }
        }
        problems
    }
}

/// The organisations' logos, read: one entry per organisation, in order.
pub type Logos = Vec<Option<std::sync::Arc<crate::image::Image>>>;

impl Organisation {
    /// The dotted name of one of its fields, as the file names it
    /// (`organisation.logo`, `organisation[2].logo`).
    pub fn field(&self, key: &str) -> String {
        let prefix = self
            .name
            .field
            .rsplit_once('.')
            .map_or("organisation", |(prefix, _)| prefix);
        format!("{prefix}.{key}")
    }

    /// Every text of the organisation, its address and its contacts, in file order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        let own = [
            &self.unit,
            &self.phone,
            &self.email,
            &self.web,
            &self.logo_alt,
        ];
        let address = [&self.address.visiting, &self.address.postal];
        let persons = self.persons.iter().flat_map(|p| {
            std::iter::once(&p.name).chain(
                [&p.title, &p.phone, &p.email, &p.hours]
                    .into_iter()
                    .flatten(),
            )
        });
        std::iter::once(&self.name)
            .chain(own.into_iter().flatten())
            .chain(address.into_iter().flatten())
            .chain(persons)
    }
}

impl Logo {
    /// Read the logo; an error names the contacts file's line and the field.
    pub fn load(&self) -> Result<crate::image::Image, Diagnostics> {
        crate::image::load(&self.path).map_err(|e| {
            let located = e.0.into_iter().map(|e| {
                let mut d = Diagnostic::error(
                    msg("contacts-logo")
                        .field("field", &self.field)
                        .arg("path", self.path.display().to_string())
                        .arg("problem", e.message),
                )
                .in_file(&self.file)
                .field(self.field.clone());
                d.position = Some(self.position);
                d.hints = e.hints;
                d
            });
            Diagnostics(located.collect())
        })
    }
}

/// `[address]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Address {
    /// `visiting`.
    pub visiting: Option<Text>,
    /// `postal`.
    pub postal: Option<Text>,
}

/// One `[[contact]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// `name`, required.
    pub name: Text,
    /// `title`.
    pub title: Option<Text>,
    /// `phone`.
    pub phone: Option<Text>,
    /// `email`.
    pub email: Option<Text>,
    /// `hours`, when the phone is answered.
    pub hours: Option<Text>,
}

/// A text value: the same in every language, or given per language.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The dotted field name, for messages (`contact[2].title`).
    pub field: String,
    /// `(language, text)` pairs in file order; the language is `None` for a plain string.
    pub values: Vec<(Option<String>, String)>,
    /// Line and column of the value in the contacts file.
    pub position: (usize, usize),
}

impl Text {
    /// It has no text at all (a blank form's organisation name).
    pub fn is_blank(&self) -> bool {
        self.values.iter().all(|(_, t)| t.is_empty())
    }

    /// Its own text in `lang`: not a plain string's, nor another language's.
    pub fn own(&self, lang: &str) -> Option<&str> {
        let found = self.values.iter().find(|(l, _)| l.as_deref() == Some(lang));
        found.map(|(_, t)| t.as_str())
    }

    /// The language printed instead of `lang` when the value has no text in it.
    pub fn fallback(&self, lang: &str) -> Option<&str> {
        let has = self
            .values
            .iter()
            .any(|(l, _)| l.as_deref().is_none_or(|l| l == lang));
        if has {
            None
        } else {
            self.values[0].0.as_deref()
        }
    }

    /// Pick the text for `lang`: the plain string, the exact language, or the first
    /// language given, with a warning naming the field when it had to fall back.
    pub fn get(&self, lang: &str) -> (&str, Option<Diagnostic>) {
        if let Some((_, text)) = self
            .values
            .iter()
            .find(|(l, _)| l.as_deref().is_none_or(|l| l == lang))
        {
            return (text, None);
        }
        let (other, text) = &self.values[0];
        let other = other.as_deref().unwrap_or("?");
        let warning = Diagnostic::warning(
            msg("contacts-language-fallback")
                .field("field", &self.field)
                .arg("lang", lang)
                .arg("other", other),
        )
        .field(self.field.clone())
        .hint(
            msg("hint-add-language")
                .arg("lang", lang)
                .field("field", &self.field),
        );
        (text, Some(warning))
    }
}

/// Read, parse and validate a contacts file.
pub fn load(path: &Path) -> Result<Contacts, Diagnostics> {
    let text = crate::store::read_text_file(path, MAX_FILE_BYTES, msg("what-contacts-file"))?;
    parse(&Source::new(path, text))
}

/// Parse and validate a contacts file sent as bytes (to the web form or API) with
/// the same limits and the same UTF-8 check as [`load`], so both accept and
/// refuse the same files; `name` names it in messages.
pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<Contacts, Diagnostics> {
    let what = msg("what-contacts-file");
    let fail = |d: Diagnostic| Diagnostics::one(d.in_file(name));
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            Diagnostic::error(
                msg("file-too-large")
                    .arg("what", what)
                    .arg("bytes", bytes.len())
                    .arg("max", MAX_FILE_BYTES),
            )
            .kind(crate::diagnostic::Kind::TooLarge),
        ));
    }
    let text = crate::store::text(bytes, &what).map_err(|d| fail(*d))?;
    parse(&Source::new(name, text))
}

/// Parse and validate a contacts file's text; report every problem at once.
pub fn parse(source: &Source) -> Result<Contacts, Diagnostics> {
    // A control character the TOML parser would refuse with a message that says
    // nothing (a NUL in a comment), said plainly where it is.
    let control = source
        .text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    if let Some((at, c)) = control {
        return Err(Diagnostic::error(
            msg("contacts-control-character").arg("code", format!("{:04X}", c as u32)),
        )
        .at(source, at)
        .hint(msg("hint-retype"))
        .into());
    }
    let doc = ImDocument::parse(source.text.as_str()).map_err(|e| {
        let mut d =
            Diagnostic::error(msg("contacts-not-toml").arg("detail", e.message().trim_end()))
                .at_span(source, e.span());
        if let Some(hint) = syntax_hint(source, e.span()) {
            d = d.hint(hint);
        }
        Diagnostics::one(d)
    })?;
    let values = count_values(doc.as_item());
    if values > MAX_VALUES {
        return Err(Diagnostic::error(
            msg("contacts-too-many-values")
                .arg("values", values)
                .arg("max", MAX_VALUES),
        )
        .in_file(&source.path)
        .into());
    }
    let mut v = validate::Validator {
        source,
        errors: Vec::new(),
    };
    let contacts = v.document(doc.as_table());
    match contacts {
        Some(c) if v.errors.is_empty() => Ok(c),
        _ => {
            let mut errors = v.errors;
            if errors.len() > MAX_REPORTED {
                let more = errors.len() - MAX_REPORTED;
                errors.truncate(MAX_REPORTED);
                errors.push(
                    Diagnostic::error(msg("contacts-more-problems").arg("count", more))
                        .in_file(&source.path),
                );
            }
            Err(Diagnostics(errors))
        }
    }
}

/// Every key, table, list and value in a parsed file, counted without limit of
/// depth (the TOML parser limits the depth itself).
fn count_values(item: &toml_edit::Item) -> usize {
    fn value(v: &toml_edit::Value) -> usize {
        1 + match v {
            toml_edit::Value::Array(a) => a.iter().map(value).sum(),
            toml_edit::Value::InlineTable(t) => t.iter().map(|(_, v)| value(v)).sum(),
            _ => 0,
        }
    }
    match item {
        toml_edit::Item::None => 0,
        toml_edit::Item::Value(v) => value(v),
        toml_edit::Item::Table(t) => 1 + t.iter().map(|(_, i)| count_values(i)).sum::<usize>(),
        toml_edit::Item::ArrayOfTables(a) => {
            1 + a
                .iter()
                .map(|t| 1 + t.iter().map(|(_, i)| count_values(i)).sum::<usize>())
                .sum::<usize>()
        }
    }
}

/// A hint for the commonest syntax slips: a value that is not in quotes, and a
/// key written in Swedish or Finnish with å, ä or ö (which a key cannot have).
fn syntax_hint(source: &Source, span: Option<Range<usize>>) -> Option<Message> {
    let start = span?.start.min(source.text.len());
    let line_start = source.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = source.text[line_start..].lines().next()?;
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if !key.is_ascii() {
        return Some(match schema::key_for_word(key) {
            Some(k) => msg("hint-english-key-letters").arg("key", k),
            None => msg("hint-english-keys"),
        });
    }
    let quoted = value.starts_with('"') || value.starts_with('\'');
    let structured = value.starts_with('{') || value.starts_with('[');
    if key.is_empty() || quoted || structured {
        return None;
    }
    Some(
        msg("hint-quotes")
            .arg("key", key)
            .arg("value", value.trim_end_matches('"')),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Contacts, Diagnostics> {
        parse(&Source::new("c.toml", text.to_string()))
    }

    #[test]
    fn per_language_values_fall_back_with_a_warning() {
        let c = parse_str("[organisation]\nname = { sv = \"Åsby kommun\" }\n").expect("valid");
        let (text, warning) = c.lead().name.get("fi");
        assert_eq!(text, "Åsby kommun");
        assert!(warning
            .expect("warns")
            .to_string()
            .contains("organisation.name"));
        assert!(c.lead().name.get("sv").1.is_none());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let e =
            parse_str("[organisation]\nnamn = \"x\"\nphone = 123\n[[contact]]\ntitle = \"t\"\n")
                .expect_err("invalid");
        let text = e.to_string();
        assert!(
            text.contains("c.toml:2:1: `organisation.namn` is not a known key"),
            "{text}"
        );
        assert!(text.contains("did you mean `name`?"), "{text}");
        assert!(text.contains("`organisation.name` is missing"), "{text}");
        assert!(
            text.contains("c.toml:3:9: `organisation.phone` must be text in quotes"),
            "{text}"
        );
        assert!(text.contains("`contact[1].name` is missing"), "{text}");
    }

    #[test]
    fn tabs_and_line_breaks_in_a_text_are_spaces() {
        // Pasted from a spreadsheet (a tab), or a long name over two lines of a
        // multi-line string: what a person sees is a space.
        let c = parse_str(
            "[organisation]\nname = \"\"\"Vård- och omsorgsförvaltningen,\n  Lilla Edets kommun\"\"\"\n\
             unit = \"Anhörigstöd\t(Kvarnen)  \"\n",
        )
        .expect("valid");
        let org = c.lead();
        assert_eq!(
            org.name.get("sv").0,
            "Vård- och omsorgsförvaltningen, Lilla Edets kommun"
        );
        let unit = org.unit.as_ref().expect("a unit");
        assert_eq!(unit.get("sv").0, "Anhörigstöd (Kvarnen)");
        // A line separator is no space a person sees: still refused.
        let e = parse_str("[organisation]\nname = \"Åsby\u{2028}kommun\"\n").expect_err("LS");
        assert!(e.to_string().contains("U+2028"), "{e}");
    }

    #[test]
    fn an_email_address_copied_from_a_link_loses_its_mailto_and_no_break_spaces() {
        for given in [
            "mailto:anna.berg@asby.se",
            "MAILTO:anna.berg@asby.se",
            "mailto:anna.berg@asby.se?subject=Anhörigstöd",
            "anna.berg@asby.se\u{a0}",
        ] {
            let c = parse_str(&format!(
                "[organisation]\nname = \"Åsby\"\nemail = \"{given}\"\n"
            ))
            .expect("valid");
            let email = c.lead().email.as_ref().expect("an e-mail address");
            assert_eq!(email.get("sv").0, "anna.berg@asby.se");
        }
    }

    #[test]
    fn invisible_and_direction_characters_are_refused() {
        let e = parse_str("[organisation]\nname = \"Åsby\u{202E}kommun\"\n").expect_err("bidi");
        assert!(e.to_string().contains("U+202E"));
    }

    #[test]
    fn unquoted_phone_number_gets_a_quoting_hint() {
        let e =
            parse_str("[organisation]\nname = \"x\"\nphone = 0123-456 78\n").expect_err("syntax");
        let text = e.to_string();
        assert!(text.contains("c.toml:3:"), "{text}");
        assert!(text.contains("phone = \"0123-456 78\""), "{text}");
    }
}
