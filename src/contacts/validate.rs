//! Validation: walk a contacts file's span-preserving TOML tree along the field
//! table ([`super::schema`]) and report every problem at once, each with its
//! file:line:column and dotted field name; a misspelt key gets a "did you mean"
//! hint.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml_edit::{Item, TableLike, Value};

use crate::diagnostic::{Diagnostic, Source};
use crate::messages::{msg, Message};

use super::schema::{self, Field, Kind, Section};
use super::{
    Address, Contacts, Logo, Organisation, Person, Text, MAX_CONTACTS, MAX_EXTRA_LINES,
    MAX_ORGANISATIONS, MAX_TEXT_CHARS,
};

/// Collects the problems of one file.
pub(super) struct Validator<'a> {
    pub source: &'a Source,
    pub errors: Vec<Diagnostic>,
}

/// Contact people counted so far, across the organisations, and how many fit.
struct Seen {
    contacts: usize,
    /// [`MAX_CONTACTS`], less one for each organisation after the first.
    limit: usize,
    organisations: usize,
}

/// One table's values, by key.
#[derive(Default)]
struct Values {
    texts: HashMap<&'static str, Text>,
    logo: Option<Logo>,
    lines: Vec<Text>,
}

impl Values {
    fn take(&mut self, key: &str) -> Option<Text> {
        self.texts.remove(key)
    }
}

impl Validator<'_> {
    fn error(
        &mut self,
        span: Option<Range<usize>>,
        field: &str,
        message: Message,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(message)
            .at_span(self.source, span)
            .field(field);
        self.errors.push(d);
        let last = self.errors.len() - 1;
        &mut self.errors[last]
    }

    /// Line and column of a span's start (the file's start if there is none).
    fn position(&self, span: Option<Range<usize>>) -> (usize, usize) {
        self.source.line_col(span.map_or(0, |r| r.start))
    }

    /// The whole file: the version and every section.
    pub(super) fn document(&mut self, root: &toml_edit::Table) -> Option<Contacts> {
        self.known_keys(root, "", &schema::TOP_KEYS);
        if let Some((key, item)) = root.get_key_value("version") {
            if item.as_integer() != Some(1) {
                self.error(
                    item.span().or(key.span()),
                    "version",
                    msg("contacts-version").field("field", "version"),
                );
            }
        }
        let tables = match root.get("organisation") {
            Some(item) => self.organisation_tables(item),
            None => {
                self.error(Some(0..0), "organisation", msg("contacts-no-organisation"))
                    .hints
                    .push(msg("hint-add-organisation"));
                Vec::new()
            }
        };
        // Contacts are counted across the organisations: the page holds so many,
        // and each organisation after the first takes a contact's place.
        let mut seen = Seen {
            contacts: 0,
            limit: MAX_CONTACTS + 1 - tables.len().clamp(1, MAX_ORGANISATIONS),
            organisations: tables.len(),
        };
        let mut organisations = Vec::new();
        for (i, (t, span, prefix)) in tables.into_iter().enumerate() {
            let top = (i == 0).then_some(root);
            if let Some(org) = self.organisation(t, span, &prefix, top, &mut seen) {
                organisations.push(org);
            }
        }
        let extra = self.optional_section(root, Section::Extra, "extra");
        if organisations.is_empty() {
            return None;
        }
        Some(Contacts {
            file: self.source.path.clone(),
            organisations,
            extra: extra.lines,
        })
    }

    /// The organisation tables: one `[organisation]`, or up to
    /// [`MAX_ORGANISATIONS`] `[[organisation]]`, each with its dotted prefix.
    fn organisation_tables<'i>(
        &mut self,
        item: &'i Item,
    ) -> Vec<(&'i dyn TableLike, Option<Range<usize>>, String)> {
        let Item::ArrayOfTables(list) = item else {
            return self
                .table(item, "organisation")
                .map(|t| (t, item.span(), "organisation".to_string()))
                .into_iter()
                .collect();
        };
        let mut tables = Vec::new();
        for (i, t) in list.iter().enumerate() {
            let prefix = format!("organisation[{}]", i + 1);
            if i == MAX_ORGANISATIONS {
                self.error(
                    t.span(),
                    &prefix,
                    msg("contacts-too-many-organisations")
                        .arg("max", MAX_ORGANISATIONS)
                        .arg("number", i + 1),
                )
                .hints
                .push(msg("hint-remove-organisation"));
            }
            tables.push((t as &dyn TableLike, t.span(), prefix));
        }
        tables
    }

    /// One organisation with its address and contacts: its own
    /// (`[organisation.address]`, `[[organisation.contact]]`) or, for the first
    /// one, the top-level `[address]` and `[[contact]]` of schema version 1.
    fn organisation(
        &mut self,
        t: &dyn TableLike,
        span: Option<Range<usize>>,
        prefix: &str,
        top: Option<&toml_edit::Table>,
        seen: &mut Seen,
    ) -> Option<Organisation> {
        let mut v = self.section(t, span, Section::Organisation, prefix);
        let mut address: Option<Values> = None;
        let mut persons: Option<Vec<Person>> = None;
        let holders = [
            (Some(t), format!("{prefix}.")),
            (top.map(|r| r as &dyn TableLike), String::new()),
        ];
        for (holder, at) in holders {
            let Some(holder) = holder else { continue };
            if let Some(item) = holder.get("address") {
                let name = format!("{at}address");
                match address {
                    Some(_) => self.twice(item, &name, "address"),
                    None => {
                        let table = self.table(item, &name);
                        let values = table.map(|t| self.section(t, None, Section::Address, &name));
                        address = Some(values.unwrap_or_default());
                    }
                }
            }
            if let Some(item) = holder.get("contact") {
                let name = format!("{at}contact");
                match persons {
                    Some(_) => self.twice(item, &name, "contact"),
                    None => persons = Some(self.persons(item, &name, seen)),
                }
            }
        }
        let mut address = address.unwrap_or_default();
        Some(Organisation {
            name: v.take("name")?,
            unit: v.take("unit"),
            phone: v.take("phone"),
            email: v.take("email"),
            web: v.take("web"),
            logo_alt: v.take("logo_alt"),
            logo: v.logo,
            address: Address {
                visiting: address.take("visiting"),
                postal: address.take("postal"),
            },
            persons: persons.unwrap_or_default(),
        })
    }

    /// The first organisation's address or contacts, given in both places.
    fn twice(&mut self, item: &Item, name: &str, what: &str) {
        self.error(
            item.span(),
            name,
            msg("contacts-given-twice").arg("key", what),
        )
        .hints
        .push(msg("hint-given-twice").arg("key", what));
    }

    /// A section that may be left out: its values, or none.
    fn optional_section(
        &mut self,
        root: &toml_edit::Table,
        section: Section,
        name: &str,
    ) -> Values {
        match root
            .get(section.key())
            .and_then(|item| self.table(item, name))
        {
            Some(t) => self.section(t, None, section, name),
            None => Values::default(),
        }
    }

    /// A list of `[[contact]]` tables (named `name`, e.g. `organisation[2].contact`);
    /// `seen` counts the contacts of every organisation so far.
    fn persons(&mut self, item: &Item, name: &str, seen: &mut Seen) -> Vec<Person> {
        let tables: Vec<(&dyn TableLike, Option<Range<usize>>)> = match item {
            Item::ArrayOfTables(a) => a.iter().map(|t| (t as &dyn TableLike, t.span())).collect(),
            Item::Value(Value::Array(a)) => {
                let mut out = Vec::new();
                for v in a.iter() {
                    match v.as_inline_table() {
                        Some(t) => out.push((t as &dyn TableLike, v.span())),
                        None => {
                            self.error(
                                v.span(),
                                name,
                                msg("contacts-contact-not-table").field("field", name),
                            );
                        }
                    }
                }
                out
            }
            _ => {
                self.error(
                    item.span(),
                    name,
                    msg("contacts-contact-not-sections")
                        .field("field", name)
                        .arg("path", name),
                );
                Vec::new()
            }
        };
        let mut persons = Vec::new();
        for (i, (t, span)) in tables.into_iter().enumerate() {
            let f = format!("{name}[{}]", i + 1);
            seen.contacts += 1;
            if seen.contacts == seen.limit + 1 {
                let message = if seen.organisations > 1 {
                    msg("contacts-too-many-contacts-shared")
                        .arg("organisations", seen.organisations)
                } else {
                    msg("contacts-too-many-contacts")
                };
                let message = message.arg("max", seen.limit).arg("number", seen.contacts);
                self.error(span.clone(), &f, message)
                    .hints
                    .push(msg("hint-remove-contact").arg("path", table_path(name)));
            }
            let mut v = self.section(t, span, Section::Contact, &f);
            let Some(name) = v.take("name") else { continue };
            persons.push(Person {
                name,
                title: v.take("title"),
                phone: v.take("phone"),
                email: v.take("email"),
                hours: v.take("hours"),
            });
        }
        persons
    }

    /// One table of a section, checked field by field along the schema: unknown
    /// keys, missing required ones, and each value as its kind wants it.
    fn section(
        &mut self,
        t: &dyn TableLike,
        table_span: Option<Range<usize>>,
        section: Section,
        prefix: &str,
    ) -> Values {
        self.known_keys(t, prefix, &section.keys());
        let mut values = Values::default();
        for field in section.fields() {
            let dotted = format!("{prefix}.{}", field.key);
            let Some((key, item)) = t.get_key_value(field.key) else {
                if field.required {
                    self.missing(table_span.clone(), prefix, field);
                }
                continue;
            };
            let span = item.span().or(key.span());
            match field.kind {
                Kind::File => values.logo = self.file(item, span, &dotted),
                Kind::Lines => values.lines = self.lines(item, span, &dotted),
                _ => {
                    if let Some(text) = self.text_item(item, span, &dotted, field.kind) {
                        values.texts.insert(field.key, text);
                    }
                }
            }
        }
        values
    }

    /// A required field is missing: the hint names the table as the file writes
    /// it (`[organisation]`, `[[contact]]`, `[[organisation.contact]]`).
    fn missing(&mut self, span: Option<Range<usize>>, prefix: &str, f: &Field) {
        let path = table_path(prefix);
        let header = if prefix.ends_with(']') {
            format!("[[{path}]]")
        } else {
            format!("[{path}]")
        };
        let dotted = format!("{prefix}.{}", f.key);
        self.error(
            span,
            &dotted,
            msg("contacts-missing").field("field", &dotted),
        )
        .hints
        .push(msg("hint-add-key").arg("key", f.key).arg("header", header));
    }

    /// A file next to the contacts file (the logo).
    fn file(&mut self, item: &Item, span: Option<Range<usize>>, dotted: &str) -> Option<Logo> {
        match item.as_str() {
            Some(s) if !s.trim().is_empty() => {
                let folder = self.source.path.parent().unwrap_or(Path::new(""));
                Some(Logo {
                    path: folder.join(s.trim()),
                    file: self.source.path.clone(),
                    position: self.position(span),
                    field: dotted.to_string(),
                })
            }
            _ => {
                self.error(
                    span,
                    dotted,
                    msg("contacts-not-file-name").field("field", dotted),
                );
                None
            }
        }
    }

    fn lines(&mut self, item: &Item, span: Option<Range<usize>>, dotted: &str) -> Vec<Text> {
        let Some(array) = item.as_array() else {
            self.error(
                span,
                dotted,
                msg("contacts-not-list").field("field", dotted),
            );
            return Vec::new();
        };
        if array.len() > MAX_EXTRA_LINES {
            self.error(
                span,
                dotted,
                msg("contacts-too-many-lines")
                    .field("field", dotted)
                    .arg("lines", array.len())
                    .arg("max", MAX_EXTRA_LINES),
            );
            return Vec::new();
        }
        array
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.text_value(v, &format!("{dotted}[{}]", i + 1), Kind::Text))
            .collect()
    }

    /// The item as a table, or an error naming the field.
    fn table<'i>(&mut self, item: &'i Item, field: &str) -> Option<&'i dyn TableLike> {
        let t = item.as_table_like();
        if t.is_none() {
            self.error(
                item.span(),
                field,
                msg("contacts-not-table")
                    .field("field", field)
                    .arg("path", field),
            );
        }
        t
    }

    fn known_keys(&mut self, t: &dyn TableLike, field: &str, known: &[&str]) {
        for (key, _) in t.iter() {
            if known.contains(&key) {
                continue;
            }
            let span = t.key(key).and_then(|k| k.span());
            let dotted = if field.is_empty() {
                key.to_string()
            } else {
                format!("{field}.{key}")
            };
            let message = msg("contacts-unknown-key").field("field", &dotted);
            let d = self.error(span, &dotted, message);
            let meant = schema::key_for_word(key)
                .filter(|k| known.contains(k))
                .map(|k| msg("hint-english-key").arg("key", k))
                .or_else(|| {
                    crate::store::did_you_mean(key, known)
                        .map(|m| msg("hint-did-you-mean").arg("key", m))
                });
            d.hints.push(meant.unwrap_or_else(|| {
                let keys: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                msg("hint-known-keys").arg("keys", keys.join(", "))
            }));
        }
    }

    fn text_item(
        &mut self,
        item: &Item,
        span: Option<Range<usize>>,
        dotted: &str,
        kind: Kind,
    ) -> Option<Text> {
        match item.as_value() {
            Some(v) => self.text_value(v, dotted, kind),
            None => {
                self.error(
                    span,
                    dotted,
                    msg("contacts-not-text-section").field("field", dotted),
                );
                None
            }
        }
    }

    fn text_value(&mut self, v: &Value, field: &str, kind: Kind) -> Option<Text> {
        match v {
            Value::String(s) => {
                let text = self.checked(s.value(), v.span(), field, kind)?;
                Some(Text {
                    field: field.to_string(),
                    values: vec![(None, text)],
                    position: self.position(v.span()),
                })
            }
            Value::InlineTable(t) => self.languages(t, v.span(), field, kind),
            other => {
                let found = match other {
                    Value::Integer(_) | Value::Float(_) => msg("value-number"),
                    Value::Boolean(_) => msg("value-boolean"),
                    Value::Datetime(_) => msg("value-date"),
                    Value::Array(_) => msg("value-list"),
                    _ => msg("value-other"),
                };
                let d = self.error(
                    v.span(),
                    field,
                    msg("contacts-not-text")
                        .field("field", field)
                        .arg("found", found),
                );
                d.hints.push(
                    msg("hint-write-text")
                        .arg("key", field.rsplit('.').next().unwrap_or(field))
                        .arg("example", kind.example()),
                );
                None
            }
        }
    }

    /// A table of languages: `{ sv = "...", fi = "..." }`.
    fn languages(
        &mut self,
        t: &toml_edit::InlineTable,
        span: Option<Range<usize>>,
        field: &str,
        kind: Kind,
    ) -> Option<Text> {
        let mut values = Vec::new();
        for (lang, item) in t.iter() {
            let key_span = t.key(lang).and_then(|k| k.span());
            let dotted = format!("{field}.{lang}");
            if lang.parse::<unic_langid::LanguageIdentifier>().is_err() || lang.len() > 8 {
                self.error(
                    key_span,
                    &dotted,
                    msg("contacts-not-language")
                        .arg("lang", lang)
                        .field("field", field),
                )
                .hints
                .push(msg("hint-language-codes"));
                continue;
            }
            match item.as_str() {
                Some(s) => {
                    if let Some(text) = self.checked(s, item.span(), &dotted, kind) {
                        values.push((Some(lang.to_string()), text));
                    }
                }
                None => {
                    self.error(
                        item.span(),
                        &dotted,
                        msg("contacts-not-quoted").field("field", &dotted),
                    );
                }
            }
        }
        if values.is_empty() && t.is_empty() {
            self.error(
                span.clone(),
                field,
                msg("contacts-no-language").field("field", field),
            );
        }
        (!values.is_empty()).then(|| Text {
            field: field.to_string(),
            values,
            position: self.position(span),
        })
    }

    /// Check one string; return it as printed (see [`spaced`]).
    fn checked(
        &mut self,
        s: &str,
        span: Option<Range<usize>>,
        field: &str,
        kind: Kind,
    ) -> Option<String> {
        let text = &spaced(s.trim());
        // An address copied from a web page's link: the address is what follows
        // `mailto:`, without the link's `?subject=...`.
        let text = match (kind, strip_prefix_ignoring_case(text, "mailto:")) {
            (Kind::Email, Some(address)) => address.split('?').next().unwrap_or(address),
            _ => text,
        };
        if text.is_empty() {
            self.error(span, field, msg("contacts-empty").field("field", field))
                .hints
                .push(msg("hint-fill-in"));
            return None;
        }
        if let Some(c) = text.chars().find(|c| is_forbidden(*c)) {
            self.error(
                span,
                field,
                msg("contacts-invisible")
                    .field("field", field)
                    .arg("code", format!("{:04X}", c as u32)),
            )
            .hints
            .push(msg("hint-retype"));
            return None;
        }
        let marks = marks_in_a_row(text);
        if marks > MAX_MARKS {
            self.error(
                span,
                field,
                msg("contacts-too-many-marks")
                    .field("field", field)
                    .arg("marks", marks)
                    .arg("max", MAX_MARKS),
            )
            .hints
            .push(msg("hint-retype"));
            return None;
        }
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.error(
                span,
                field,
                msg("contacts-too-long")
                    .field("field", field)
                    .arg("chars", chars)
                    .arg("max", MAX_TEXT_CHARS),
            );
            return None;
        }
        if let Some((what, hint)) = kind_problem(text, kind) {
            self.error(span, field, what.field("field", field).arg("text", text))
                .hints
                .push(hint);
            return None;
        }
        Some(text.to_string())
    }
}

/// A dotted name as a table header writes it, without numbers:
/// `organisation[2].contact[1]` is `organisation.contact`.
fn table_path(dotted: &str) -> String {
    dotted
        .split('.')
        .map(|part| part.split('[').next().unwrap_or(part))
        .collect::<Vec<_>>()
        .join(".")
}

/// What is wrong with a value for its kind, and the hint, if anything is (the
/// field and the text are added by the caller).
fn kind_problem(text: &str, kind: Kind) -> Option<(Message, Message)> {
    match kind {
        Kind::Phone if text.chars().filter(char::is_ascii_digit).count() < 3 => {
            Some((msg("contacts-not-phone"), msg("hint-phone")))
        }
        Kind::Email if !is_email(text) => Some((msg("contacts-not-email"), msg("hint-email"))),
        Kind::Web if text.contains(char::is_whitespace) || !text.contains('.') => {
            Some((msg("contacts-not-web"), msg("hint-web")))
        }
        Kind::Web if !matches!(scheme(text).as_deref(), None | Some("http" | "https")) => {
            Some((msg("contacts-web-scheme"), msg("hint-web")))
        }
        _ => None,
    }
}

/// `text` without `prefix` at its start, in any case (`MAILTO:`).
fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A text with the white space a person sees as space (tabs and line breaks from
/// pasted text or a multi-line string, runs of spaces) made one space, and none
/// around it; no-break spaces stay.
fn spaced(s: &str) -> String {
    s.split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Control characters, bidirectional overrides and zero-width characters: they make
/// the printed text differ from what a person sees in the file.
/// So are line and paragraph separators (a line break the file does not show), the
/// Arabic letter mark, variation selectors and tag characters (which hide text).
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2069
            | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE007F | 0xE0100..=0xE01EF)
}

/// The most combining marks one letter carries in any language leaflet has
/// (Vietnamese and pointed Hebrew use two or three); more is noise that readers
/// and fonts handle badly.
const MAX_MARKS: usize = 4;

/// The longest run of combining marks in a text.
fn marks_in_a_row(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        if unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::NSM {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// The scheme a web address names (`https` in `https://...`, `javascript` in
/// `javascript:...`), lower-cased; None for `www.example.se` and for a host with a
/// port (`example.se:8080`). Only `https` and `http` lead to a web page: any other
/// would be printed and put in the QR code as it is.
fn scheme(text: &str) -> Option<String> {
    let (name, rest) = text.split_once(':')?;
    let mut chars = name.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let is_port = rest.starts_with(|c: char| c.is_ascii_digit());
    (is_scheme && !is_port).then(|| name.to_ascii_lowercase())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !s.contains(char::is_whitespace)
}
