//! The web form's data: its inputs, drawn from the contacts file's field table
//! ([`crate::contacts::schema`]), and the contacts file they make.
//!
//! Inputs are named after the fields: `organisation.name`, `contact[2].phone`.
//! Fields people write in each leaflet language have an input per language
//! (`organisation.unit.sv`, `organisation.unit.fi`): filled in one language they
//! become a plain string, in both a table of languages. The form is turned into a
//! contacts file and read by the same parser as the command line, so its errors
//! are the command line's, shown next to the input they name.

use std::collections::BTreeMap;

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::contacts::schema::{self, Field, Kind, Section};
use crate::contacts::{Contacts, Text, MAX_CONTACTS};

/// The languages a translated field has an input for.
pub const FIELD_LANGS: [&str; 2] = ["sv", "fi"];
/// The logo upload's input (a file part of the form).
pub const LOGO_INPUT: &str = "logo";

/// What a visitor filled in, by input name.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Input name → value.
    pub values: BTreeMap<String, String>,
    /// The logo: file name and bytes (kept in the page between requests, never on disk).
    pub logo: Option<(String, Vec<u8>)>,
}

/// A group of inputs: one table of the contacts file (one person's, for contacts).
pub struct Group {
    /// The section.
    pub section: Section,
    /// The person's number, for a contact.
    pub number: Option<usize>,
}

impl Group {
    /// The dotted prefix of its fields (`organisation`, `contact[2]`).
    pub fn prefix(&self) -> String {
        match self.number {
            Some(n) => format!("{}[{n}]", self.section.key()),
            None => self.section.key().to_string(),
        }
    }

    /// The dotted name of one of its fields (`contact[2].phone`).
    pub fn name(&self, field: &Field) -> String {
        format!("{}.{}", self.prefix(), field.key)
    }
}

/// The form's groups, in the order of the contacts file.
pub fn groups() -> impl Iterator<Item = Group> {
    Section::ALL.into_iter().flat_map(|section| {
        let numbers: Vec<Option<usize>> = if section.repeated() {
            (1..=MAX_CONTACTS).map(Some).collect()
        } else {
            vec![None]
        };
        numbers
            .into_iter()
            .map(move |number| Group { section, number })
    })
}

/// The input names of a field: one, or one per language for a translated field.
pub fn inputs(dotted: &str, field: &Field) -> Vec<(String, Option<&'static str>)> {
    if field.kind == Kind::File {
        vec![(LOGO_INPUT.to_string(), None)]
    } else if field.translated {
        FIELD_LANGS
            .iter()
            .map(|l| (format!("{dotted}.{l}"), Some(*l)))
            .collect()
    } else {
        vec![(dotted.to_string(), None)]
    }
}

impl Form {
    fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", |v| v.trim())
    }

    /// A field's value as TOML: a string, a table of the languages filled in, or
    /// nothing when it is empty.
    fn value(&self, dotted: &str, field: &Field) -> Option<Value> {
        let pairs: Vec<(&str, &str)> = inputs(dotted, field)
            .into_iter()
            .map(|(name, lang)| (lang.unwrap_or(""), self.get(&name)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        text(&pairs)
    }

    /// The contacts file the form describes (what "save the details" downloads).
    pub fn to_toml(&self) -> String {
        let mut doc = DocumentMut::new();
        let mut contacts = toml_edit::ArrayOfTables::new();
        for group in groups() {
            let mut table = Table::new();
            for field in group.section.fields() {
                let v = match field.kind {
                    Kind::File => self
                        .logo
                        .as_ref()
                        .map(|(name, _)| Value::from(name.as_str())),
                    Kind::Lines => self.lines(),
                    _ => self.value(&group.name(field), field),
                };
                if let Some(v) = v {
                    table.insert(field.key, Item::Value(v));
                }
            }
            match group.number {
                // A person keeps their number: an empty one before a filled one
                // stays, and the contacts file says its name is missing.
                Some(n) if !table.is_empty() => {
                    while contacts.len() < n {
                        contacts.push(Table::new());
                    }
                    if let Some(t) = contacts.get_mut(n - 1) {
                        *t = table;
                    }
                }
                Some(_) => {}
                None if table.is_empty() => {}
                None => {
                    doc.insert(group.section.key(), Item::Table(table));
                }
            }
        }
        if !contacts.is_empty() {
            // Before `[extra]`, as in the contacts file.
            let extra = doc.remove(Section::Extra.key());
            doc.insert(Section::Contact.key(), Item::ArrayOfTables(contacts));
            if let Some(extra) = extra {
                doc.insert(Section::Extra.key(), extra);
            }
        }
        doc.to_string()
    }

    /// Extra lines: line n of each language's box makes line n.
    fn lines(&self) -> Option<Value> {
        let per_lang: Vec<(&str, Vec<&str>)> = FIELD_LANGS
            .iter()
            .map(|l| {
                let lines = self
                    .get(&format!("extra.lines.{l}"))
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                (*l, lines)
            })
            .collect();
        let count = per_lang.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        let mut lines = Array::new();
        for i in 0..count {
            let pairs: Vec<(&str, &str)> = per_lang
                .iter()
                .filter_map(|(l, v)| v.get(i).map(|t| (*l, *t)))
                .collect();
            if let Some(v) = text(&pairs) {
                lines.push(v);
            }
        }
        (!lines.is_empty()).then_some(Value::Array(lines))
    }

    /// The form filled from a contacts file (what "load the details" does).
    pub fn from_contacts(contacts: &Contacts) -> Form {
        let mut form = Form::default();
        for text in contacts.texts() {
            match schema::find(&text.field) {
                Some((f, _)) if f.kind == Kind::Lines => {}
                Some((f, _)) => form.put(&text.field, text, f.translated),
                None => {}
            }
        }
        for lang in FIELD_LANGS {
            let lines: Vec<&str> = contacts
                .extra
                .iter()
                .filter_map(|t| {
                    t.values
                        .iter()
                        // A plain line is every language's: like other plain
                        // texts it goes in the first language's box.
                        .find(|(l, _)| l.as_deref().map_or(lang == FIELD_LANGS[0], |l| l == lang))
                        .map(|(_, v)| v.as_str())
                })
                .collect();
            if !lines.is_empty() {
                form.values
                    .insert(format!("extra.lines.{lang}"), lines.join("\n"));
            }
        }
        form
    }

    /// Fill the input(s) of one text: a translated field's plain text goes in the
    /// first language's input, a language the form has no input for is left out.
    fn put(&mut self, name: &str, text: &Text, translated: bool) {
        for (lang, value) in &text.values {
            let key = match (translated, lang.as_deref()) {
                (false, _) => name.to_string(),
                (true, None) => format!("{name}.{}", FIELD_LANGS[0]),
                (true, Some(l)) if FIELD_LANGS.contains(&l) => format!("{name}.{l}"),
                (true, Some(_)) => continue,
            };
            self.values.entry(key).or_insert_with(|| value.clone());
        }
    }
}

/// A text as TOML: one plain string, or a table of languages.
fn text(pairs: &[(&str, &str)]) -> Option<Value> {
    match pairs {
        [] => None,
        [(_, one)] => Some(Value::from(*one)),
        many => {
            let mut t = InlineTable::new();
            for (l, v) in many {
                t.insert(*l, Value::from(*v));
            }
            Some(Value::InlineTable(t))
        }
    }
}

/// The input a diagnostic's field belongs to: the one it names, or the first
/// input of a translated field; none for a language the form has no input for.
pub fn input_for(dotted: &str) -> Option<String> {
    let (field, number) = schema::find(dotted)?;
    let base = Group {
        section: field.section,
        number,
    }
    .name(field);
    let first = || {
        inputs(&base, field)
            .into_iter()
            .next()
            .map(|(name, _)| name)
    };
    // A line of the extra lines goes to the first language's box.
    if dotted == base || field.kind == Kind::Lines {
        first()
    } else {
        let own = FIELD_LANGS.iter().any(|l| dotted == format!("{base}.{l}"));
        (field.translated && own).then(|| dotted.to_string())
    }
}

/// An HTML `id` for an input name.
pub fn id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Source;

    #[test]
    fn a_filled_form_round_trips_through_its_contacts_file() {
        let mut form = Form::default();
        for (k, v) in [
            ("organisation.name", "Åsby kommun"),
            ("organisation.unit.sv", "Anhörigstöd"),
            ("organisation.unit.fi", "Omaistuki"),
            ("contact[1].name", "Åsa \"Öhrström\""),
            ("contact[1].hours.sv", "måndag kl. 9–12"),
            ("extra.lines.sv", "Rad ett\nRad två"),
        ] {
            form.values.insert(k.into(), v.into());
        }
        let toml = form.to_toml();
        let contacts =
            crate::contacts::parse(&Source::new("form.toml", toml.clone())).expect(&toml);
        assert_eq!(contacts.persons[0].name.values[0].1, "Åsa \"Öhrström\"");
        assert_eq!(
            contacts.organisation.unit.as_ref().map(|u| u.values.len()),
            Some(2)
        );
        assert_eq!(contacts.extra.len(), 2);
        assert!(
            toml.find("[[contact]]") < toml.find("[extra]"),
            "contacts before the extra lines:\n{toml}"
        );
        let back = Form::from_contacts(&contacts);
        assert_eq!(back.values, form.values);
    }

    #[test]
    fn errors_find_their_inputs() {
        let input = |f: &str| input_for(f);
        assert_eq!(
            input("organisation.phone").as_deref(),
            Some("organisation.phone")
        );
        assert_eq!(
            input("contact[2].title").as_deref(),
            Some("contact[2].title.sv")
        );
        assert_eq!(
            input("contact[2].title.fi").as_deref(),
            Some("contact[2].title.fi")
        );
        assert_eq!(
            input("extra.lines[2].fi").as_deref(),
            Some("extra.lines.sv")
        );
        assert_eq!(input("organisation.logo").as_deref(), Some("logo"));
        assert_eq!(input("organisation.phne"), None);
        assert_eq!(input("contact[2].title.de"), None);
    }
}
