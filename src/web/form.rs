//! The web form's data: its inputs, drawn from the contacts file's field table
//! ([`crate::contacts::schema`]), and the contacts file they make.
//!
//! Inputs are named after the fields: `organisation.phone`, `contact[2].phone` for
//! the first organisation (as schema version 1 names them), and
//! `organisation[2].phone`, `organisation[2].contact[1].phone` for the others.
//! Fields people write in each leaflet language have an input per language there
//! is (`organisation.name.sv`, `organisation.name.fi`, `organisation.name.en`;
//! a translator's new language gets its own with no code change): filled in one
//! language they become a plain string, in more a table of languages. The form is turned into a
//! contacts file and read by the same parser as the command line, so its errors
//! are the command line's, shown next to the input they name.

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::contacts::schema::{self, Field, Kind, Section};
use crate::contacts::{Contacts, Text, MAX_CONTACTS, MAX_ORGANISATIONS};

/// What a visitor filled in, by input name.
#[derive(Debug, Clone)]
pub struct Form {
    /// Input name → value.
    pub values: BTreeMap<String, String>,
    /// The organisations' logos (by organisation, from 1): file name and bytes,
    /// kept in the page between requests, never on disk.
    pub logos: BTreeMap<usize, (String, Vec<u8>)>,
    /// The languages a translated field has an input for, the reference
    /// language first (a plain text goes in its input).
    pub langs: Vec<String>,
}

/// A group of inputs: one table of the contacts file (one person's, for contacts).
pub struct Group {
    /// The section.
    pub section: Section,
    /// The organisation, from 1 (the extra lines belong to none: 1).
    pub org: usize,
    /// The person's number, for a contact.
    pub number: Option<usize>,
}

impl Group {
    /// The dotted prefix of its fields (`organisation`, `contact[2]`,
    /// `organisation[2].address`).
    pub fn prefix(&self) -> String {
        let own = match self.number {
            Some(n) => format!("{}[{n}]", self.section.key()),
            None => self.section.key().to_string(),
        };
        match (self.section, self.org) {
            (Section::Extra, _) | (_, 1) => own,
            (Section::Organisation, n) => format!("organisation[{n}]"),
            (_, n) => format!("organisation[{n}].{own}"),
        }
    }

    /// The dotted name of one of its fields (`contact[2].phone`).
    pub fn name(&self, field: &Field) -> String {
        format!("{}.{}", self.prefix(), field.key)
    }
}

/// The form's groups, in the order of the contacts file: each organisation with
/// its address and contacts, then the extra lines.
pub fn groups() -> impl Iterator<Item = Group> {
    let org_groups = (1..=MAX_ORGANISATIONS).flat_map(|org| {
        let own = [Section::Organisation, Section::Address].map(|section| Group {
            section,
            org,
            number: None,
        });
        let people = (1..=MAX_CONTACTS).map(move |n| Group {
            section: Section::Contact,
            org,
            number: Some(n),
        });
        own.into_iter().chain(people)
    });
    org_groups.chain(std::iter::once(Group {
        section: Section::Extra,
        org: 1,
        number: None,
    }))
}

/// The logo upload's input of an organisation (a file part of the form).
pub fn logo_input(org: usize) -> String {
    match org {
        1 => "logo".to_string(),
        n => format!("organisation[{n}].logo"),
    }
}

/// The input names of a field: one, or one per language in `langs` for a
/// translated field.
pub fn inputs<'l>(
    group: &Group,
    field: &Field,
    langs: &'l [String],
) -> Vec<(String, Option<&'l str>)> {
    let dotted = group.name(field);
    if field.kind == Kind::File {
        vec![(logo_input(group.org), None)]
    } else if field.translated {
        langs
            .iter()
            .map(|l| (format!("{dotted}.{l}"), Some(l.as_str())))
            .collect()
    } else {
        vec![(dotted, None)]
    }
}

impl Form {
    /// An empty form with an input per language in `langs` for translated fields.
    pub fn new(langs: Vec<String>) -> Form {
        Form {
            values: BTreeMap::new(),
            logos: BTreeMap::new(),
            langs,
        }
    }

    fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", |v| v.trim())
    }

    /// A field's value as TOML: a string, a table of the languages filled in, or
    /// nothing when it is empty.
    fn value(&self, group: &Group, field: &Field) -> Option<Value> {
        let pairs: Vec<(&str, &str)> = inputs(group, field, &self.langs)
            .into_iter()
            .map(|(name, lang)| (lang.unwrap_or(""), self.get(&name)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        text(&pairs)
    }

    /// One group's table: its fields that are filled in.
    fn table(&self, group: &Group) -> Table {
        let mut table = Table::new();
        for field in group.section.fields() {
            let v = match field.kind {
                Kind::File => self
                    .logos
                    .get(&group.org)
                    .map(|(name, _)| Value::from(name.as_str())),
                Kind::Lines => self.lines(),
                _ => self.value(group, field),
            };
            if let Some(v) = v {
                table.insert(field.key, Item::Value(v));
            }
        }
        table
    }

    /// The contacts file the form describes (what "save the details" downloads):
    /// schema version 1's one `[organisation]` with `[address]` and `[[contact]]`
    /// when one organisation is filled in, `[[organisation]]` tables each with its
    /// own address and contacts when more are.
    pub fn to_toml(&self) -> String {
        // Per organisation: its table, its address and its contacts.
        let mut orgs: BTreeMap<usize, (Table, Table, ArrayOfTables)> = BTreeMap::new();
        let mut extra = Table::new();
        for group in groups() {
            let table = self.table(&group);
            if table.is_empty() {
                continue;
            }
            let entry = orgs.entry(group.org).or_default();
            match (group.section, group.number) {
                (Section::Organisation, _) => entry.0 = table,
                (Section::Address, _) => entry.1 = table,
                // A person keeps their number: an empty one before a filled one
                // stays, and the contacts file says its name is missing.
                (Section::Contact, Some(n)) => {
                    while entry.2.len() < n {
                        entry.2.push(Table::new());
                    }
                    if let Some(t) = entry.2.get_mut(n - 1) {
                        *t = table;
                    }
                }
                _ => extra = table,
            }
        }
        let mut doc = DocumentMut::new();
        if orgs.keys().any(|&org| org > 1) {
            let mut list = ArrayOfTables::new();
            for org in 1..=orgs.keys().max().copied().unwrap_or(1) {
                let (mut table, address, contacts) = orgs.remove(&org).unwrap_or_default();
                if !address.is_empty() {
                    table.insert(Section::Address.key(), Item::Table(address));
                }
                if !contacts.is_empty() {
                    table.insert(Section::Contact.key(), Item::ArrayOfTables(contacts));
                }
                list.push(table);
            }
            doc.insert(Section::Organisation.key(), Item::ArrayOfTables(list));
        } else if let Some((table, address, contacts)) = orgs.remove(&1) {
            for (key, item) in [
                (Section::Organisation, Item::Table(table)),
                (Section::Address, Item::Table(address)),
                (Section::Contact, Item::ArrayOfTables(contacts)),
            ] {
                let empty = match &item {
                    Item::Table(t) => t.is_empty(),
                    Item::ArrayOfTables(a) => a.is_empty(),
                    _ => true,
                };
                if !empty || key == Section::Organisation {
                    doc.insert(key.key(), item);
                }
            }
        }
        if !extra.is_empty() {
            doc.insert(Section::Extra.key(), Item::Table(extra));
        }
        doc.to_string()
    }

    /// Extra lines: line n of each language's box makes line n.
    fn lines(&self) -> Option<Value> {
        let per_lang: Vec<(&str, Vec<&str>)> = self
            .langs
            .iter()
            .map(|l| {
                let lines = self
                    .get(&format!("extra.lines.{l}"))
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                (l.as_str(), lines)
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

    /// The form filled from a contacts file (what "load the details" does),
    /// with an input per language in `langs`, and the texts it has no input for.
    pub fn from_contacts(contacts: &Contacts, langs: Vec<String>) -> (Form, Vec<LeftOut>) {
        let mut form = Form::new(langs);
        let mut left_out = Vec::new();
        for text in contacts.texts() {
            let Some(place) = schema::find(&text.field) else {
                continue;
            };
            if place.field.kind == Kind::Lines {
                continue;
            }
            let group = Group {
                section: place.field.section,
                org: place.org,
                number: place.number,
            };
            let name = group.name(place.field);
            left_out.extend(form.put(&name, text, place.field.translated));
        }
        // Line n of each language's box makes line n (`lines`). A plain line is
        // every language's: it goes in the first language's box, and in the box of
        // each language with lines of its own, so that line n stays line n in each.
        // A line without a language's text leaves a gap no box can hold: that
        // language's later lines of its own are left out (its plain ones are
        // printed anyway, as every language's).
        for line in &contacts.extra {
            for (lang, value) in &line.values {
                if lang.as_ref().is_some_and(|l| !form.langs.contains(l)) {
                    left_out.push(LeftOut::new(line, lang.as_deref(), value));
                }
            }
        }
        for (i, lang) in form.langs.clone().into_iter().enumerate() {
            if i > 0 && !contacts.extra.iter().any(|t| t.own(&lang).is_some()) {
                continue;
            }
            let mut lines = Vec::new();
            let mut gap = false;
            for line in &contacts.extra {
                let plain = line.values.iter().find(|(l, _)| l.is_none());
                match (line.own(&lang), plain) {
                    (Some(text), _) if !gap => lines.push(text),
                    (Some(text), _) => left_out.push(LeftOut::new(line, Some(&lang), text)),
                    (None, Some((_, text))) if !gap => lines.push(text),
                    (None, Some(_)) => {}
                    (None, None) => gap = true,
                }
            }
            if !lines.is_empty() {
                form.values
                    .insert(format!("extra.lines.{lang}"), lines.join("\n"));
            }
        }
        (form, left_out)
    }

    /// Fill the input(s) of one text: a translated field's plain text goes in the
    /// first language's input. A field with one input takes the first language's
    /// text, or the first text; the other texts with no input are given back,
    /// but for one the same as the text kept.
    fn put(&mut self, name: &str, text: &Text, translated: bool) -> Vec<LeftOut> {
        let first = self.langs.first().cloned().unwrap_or_default();
        let kept = (!translated).then(|| {
            text.values
                .iter()
                .position(|(l, _)| l.as_deref() == Some(first.as_str()))
                .unwrap_or(0)
        });
        let kept_text = kept.and_then(|k| text.values.get(k)).map(|(_, v)| v);
        let mut left_out = Vec::new();
        for (i, (lang, value)) in text.values.iter().enumerate() {
            let key = match (kept, lang.as_deref()) {
                (Some(k), _) if k == i => name.to_string(),
                // The same text in another language is not lost.
                (Some(_), _) if kept_text == Some(value) => continue,
                (None, None) => format!("{name}.{first}"),
                (None, Some(l)) if self.langs.iter().any(|k| k == l) => format!("{name}.{l}"),
                _ => {
                    left_out.push(LeftOut::new(text, lang.as_deref(), value));
                    continue;
                }
            };
            self.values.entry(key).or_insert_with(|| value.clone());
        }
        left_out
    }
}

/// A text of a contacts file that the form has no input for: a second language's
/// text of a field with one input, or a language the form does not offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The field, dotted (`address.postal`, `extra.lines[2]`).
    pub field: String,
    /// Its language, if it has one.
    pub lang: Option<String>,
    /// The text.
    pub text: String,
}

impl LeftOut {
    /// `value`, the text of `of` in `lang`, left out.
    fn new(of: &Text, lang: Option<&str>, value: &str) -> LeftOut {
        LeftOut {
            field: of.field.clone(),
            lang: lang.map(str::to_string),
            text: value.to_string(),
        }
    }
}

/// A text as TOML: one plain string, or a table of languages.
fn text(pairs: &[(&str, &str)]) -> Option<Value> {
    match pairs {
        [] => None,
        // One text, or the same in every language filled in (a plain line loaded
        // into every box): every language's, as it prints the same.
        [(_, one), rest @ ..] if rest.iter().all(|(_, v)| v == one) => Some(Value::from(*one)),
        many => {
            let mut t = InlineTable::new();
            for (l, v) in many {
                t.insert(*l, Value::from(*v));
            }
            Some(Value::InlineTable(t))
        }
    }
}

impl Form {
    /// The input a diagnostic's field belongs to (see [`input_for`]), among
    /// this form's inputs.
    pub fn input_for(&self, dotted: &str) -> Option<String> {
        input_for(dotted, &self.langs, |name| !self.get(name).is_empty())
    }
}

/// The input a diagnostic's field belongs to: the one it names, or, for a
/// translated field written in one box (a plain text in the contacts file), the
/// first box that is `filled` (the first box if none is); none for a language
/// the form has no input for.
pub fn input_for(dotted: &str, langs: &[String], filled: impl Fn(&str) -> bool) -> Option<String> {
    let place = schema::find(dotted)?;
    let group = Group {
        section: place.field.section,
        org: place.org,
        number: place.number,
    };
    let names = inputs(&group, place.field, langs);
    let first = || {
        names
            .iter()
            .find(|(name, _)| filled(name))
            .or(names.first())
            .map(|(name, _)| name.clone())
    };
    // The dotted name as the first organisation's fields are named on the form
    // (`organisation[1].unit.fi` is `organisation.unit.fi`).
    let written = schema_name(dotted, &group, place.field);
    let base = group.name(place.field);
    // A line of the extra lines goes to the first language's box.
    if written == base || place.field.kind == Kind::Lines {
        first()
    } else {
        names
            .iter()
            .find(|(name, lang)| lang.is_some() && *name == written)
            .map(|(name, _)| name.clone())
    }
}

/// A diagnostic's dotted name with the field's part as the form names it, and what
/// follows (a language) kept: `organisation[1].contact[2].title.fi` is
/// `contact[2].title.fi`.
fn schema_name(dotted: &str, group: &Group, field: &Field) -> String {
    let key_at = dotted
        .match_indices(&format!(".{}", field.key))
        .map(|(i, _)| i + 1 + field.key.len())
        .last()
        .unwrap_or(dotted.len());
    format!("{}{}", group.name(field), &dotted[key_at..])
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

    /// The form's languages as the bundled locales give them.
    fn langs() -> Vec<String> {
        vec!["sv".into(), "fi".into(), "en".into()]
    }

    fn filled(pairs: &[(&str, &str)]) -> Form {
        let mut form = Form::new(langs());
        for (k, v) in pairs {
            form.values.insert(k.to_string(), v.to_string());
        }
        form
    }

    #[test]
    fn a_filled_form_round_trips_through_its_contacts_file() {
        let form = filled(&[
            ("organisation.name.sv", "Åsby kommun"),
            ("organisation.unit.sv", "Anhörigstöd"),
            ("organisation.unit.fi", "Omaistuki"),
            ("contact[1].name", "Åsa \"Öhrström\""),
            ("contact[1].hours.sv", "måndag kl. 9–12"),
            ("extra.lines.sv", "Rad ett\nRad två"),
        ]);
        let toml = form.to_toml();
        let contacts =
            crate::contacts::parse(&Source::new("form.toml", toml.clone())).expect(&toml);
        let lead = contacts.lead();
        assert_eq!(lead.persons[0].name.values[0].1, "Åsa \"Öhrström\"");
        assert_eq!(lead.unit.as_ref().map(|u| u.values.len()), Some(2));
        assert_eq!(contacts.extra.len(), 2);
        assert!(toml.starts_with("[organisation]"), "{toml}");
        assert!(
            toml.find("[[contact]]") < toml.find("[extra]"),
            "contacts before the extra lines:\n{toml}"
        );
        let (back, left_out) = Form::from_contacts(&contacts, langs());
        assert_eq!(back.values, form.values);
        assert_eq!(left_out, []);
    }

    #[test]
    fn several_organisations_make_organisation_tables_and_come_back() {
        let form = filled(&[
            ("organisation.name.sv", "Åsby kommun"),
            ("contact[1].name", "Åsa"),
            ("organisation[2].name.sv", "Region Åsby"),
            ("organisation[2].address.visiting.sv", "Sjukhuset, hus 2"),
            ("organisation[2].contact[1].name", "Berit"),
            ("organisation[3].name.sv", "Anhörigföreningen"),
        ]);
        let toml = form.to_toml();
        let contacts =
            crate::contacts::parse(&Source::new("form.toml", toml.clone())).expect(&toml);
        assert_eq!(contacts.organisations.len(), 3, "{toml}");
        assert_eq!(
            contacts.organisations[1].persons[0].name.values[0].1,
            "Berit"
        );
        let (back, left_out) = Form::from_contacts(&contacts, langs());
        assert_eq!(back.values, form.values);
        assert_eq!(left_out, []);
    }

    #[test]
    fn texts_the_form_has_no_input_for_are_given_back() {
        let toml = "[organisation]\n\
            name = { fi = \"Ruotsinsuomalaiset omaiset\", sv = \"Sverigefinska anhöriga\" }\n\
            [address]\npostal = { fi = \"PL 12, 123 45 Åsby\", sv = \"Box 12, 123 45 Åsby\" }\n\
            [[contact]]\nname = \"Aino\"\n\
            [extra]\nlines = [\"Rad ett\", { sv = \"Rad två\", fi = \"Rivi kaksi\" }]\n";
        let contacts = crate::contacts::parse(&Source::new("c.toml", toml.into())).expect(toml);
        // The postal address has one box: it takes the Swedish text, the first
        // language's, though the Finnish comes first. A form without Finnish
        // inputs has no box for the other Finnish texts either.
        let (form, left_out) = Form::from_contacts(&contacts, vec!["sv".into(), "en".into()]);
        assert_eq!(form.values["address.postal"], "Box 12, 123 45 Åsby");
        assert_eq!(
            form.values["organisation.name.sv"],
            "Sverigefinska anhöriga"
        );
        assert_eq!(form.values["extra.lines.sv"], "Rad ett\nRad två");
        let said: Vec<(&str, Option<&str>, &str)> = left_out
            .iter()
            .map(|l| (l.field.as_str(), l.lang.as_deref(), l.text.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "organisation.name",
                    Some("fi"),
                    "Ruotsinsuomalaiset omaiset"
                ),
                ("address.postal", Some("fi"), "PL 12, 123 45 Åsby"),
                ("extra.lines[2]", Some("fi"), "Rivi kaksi"),
            ]
        );
        // With Finnish inputs only the postal address's second text has nowhere
        // to go. The plain line stands in the Finnish box too, so that saving
        // keeps each line where it was in each language.
        let (form, left_out) = Form::from_contacts(&contacts, langs());
        assert_eq!(
            form.values["organisation.name.fi"],
            "Ruotsinsuomalaiset omaiset"
        );
        assert_eq!(form.values["extra.lines.fi"], "Rad ett\nRivi kaksi");
        assert!(!form.values.contains_key("extra.lines.en"));
        assert_eq!(left_out.len(), 1, "{left_out:?}");
        let saved = form.to_toml();
        assert!(
            saved.contains("lines = [\"Rad ett\", { sv = \"Rad två\", fi = \"Rivi kaksi\" }]"),
            "{saved}"
        );
    }

    #[test]
    fn a_line_missing_a_language_leaves_its_later_lines_out_and_a_same_text_is_kept() {
        let toml = "[organisation]\nname = \"Åsby kommun\"\n\
            [address]\npostal = { sv = \"Box 12, 123 45 Åsby\", fi = \"Box 12, 123 45 Åsby\" }\n\
            [[contact]]\nname = \"Aino\"\n\
            [extra]\nlines = [{ sv = \"Rad ett\" }, \"Rad två\", { sv = \"Rad tre\", fi = \"Rivi kolme\" }]\n";
        let contacts = crate::contacts::parse(&Source::new("c.toml", toml.into())).expect(toml);
        let (form, left_out) = Form::from_contacts(&contacts, langs());
        // Line 1 has no Finnish: the Finnish box cannot hold line 3 as line 3.
        assert_eq!(form.values.get("extra.lines.fi"), None);
        assert_eq!(form.values["extra.lines.sv"], "Rad ett\nRad två\nRad tre");
        assert_eq!(form.values["address.postal"], "Box 12, 123 45 Åsby");
        let said: Vec<(&str, Option<&str>)> = left_out
            .iter()
            .map(|l| (l.field.as_str(), l.lang.as_deref()))
            .collect();
        assert_eq!(said, [("extra.lines[3]", Some("fi"))]);
    }

    #[test]
    fn errors_find_their_inputs() {
        let langs = langs();
        let input = |f: &str| input_for(f, &langs, |_| false);
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
        // A translated field written in the Finnish box alone.
        assert_eq!(
            input_for("contact[2].title", &langs, |name| name.ends_with(".fi")).as_deref(),
            Some("contact[2].title.fi")
        );
        assert_eq!(
            input("organisation[1].unit.fi").as_deref(),
            Some("organisation.unit.fi")
        );
        assert_eq!(
            input("organisation[2].contact[1].phone").as_deref(),
            Some("organisation[2].contact[1].phone")
        );
        assert_eq!(
            input("organisation[2].logo").as_deref(),
            Some("organisation[2].logo")
        );
        assert_eq!(input("organisation.phne"), None);
        assert_eq!(input("contact[2].title.de"), None);
    }
}
