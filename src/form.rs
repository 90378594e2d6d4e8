//! The web form: its fields, their contacts file, and its page.
//!
//! The form's fields mirror the contacts file: `organisation.name`,
//! `contact[2].title.sv` and so on. Texts that people translate have one input per
//! leaflet language (sv, fi); filled in one language they become a plain string,
//! in both a table of languages. The form is turned into a contacts file and read
//! by the same parser as the command line, so its errors are the command line's,
//! shown next to the field they name. Every value written into the page is escaped.

use std::collections::BTreeMap;

use crate::contacts::{Contacts, Text, MAX_CONTACTS};
use crate::diagnostic::Diagnostic;
use crate::locale::Locale;

/// The languages a translatable field has an input for.
pub const FIELD_LANGS: [&str; 2] = ["sv", "fi"];

/// What a visitor filled in, by input name.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Input name → value.
    pub values: BTreeMap<String, String>,
    /// The logo: file name and bytes (kept in the page between requests, never on disk).
    pub logo: Option<(String, Vec<u8>)>,
}

/// One input of the form.
struct Field {
    /// The dotted contacts field (`organisation.unit`).
    name: String,
    /// The label's message id.
    label: &'static str,
    /// Has an input per language.
    translated: bool,
    /// A textarea (several lines).
    multiline: bool,
    /// The input's type.
    kind: &'static str,
    /// The browser's autocomplete hint.
    autocomplete: &'static str,
}

fn field(name: impl Into<String>, label: &'static str, translated: bool) -> Field {
    Field {
        name: name.into(),
        label,
        translated,
        multiline: false,
        kind: "text",
        autocomplete: "off",
    }
}

/// The form's groups of fields, in the order of the contacts file.
fn groups() -> Vec<(String, Vec<Field>)> {
    let mut groups = vec![(
        "web-organisation".to_string(),
        vec![
            Field {
                autocomplete: "organization",
                ..field("organisation.name", "web-name", false)
            },
            field("organisation.unit", "web-unit", true),
            Field {
                kind: "tel",
                ..field("organisation.phone", "web-phone", false)
            },
            Field {
                kind: "email",
                ..field("organisation.email", "web-email", false)
            },
            Field {
                kind: "url",
                ..field("organisation.web", "web-web", false)
            },
            field("organisation.logo_alt", "web-logo-alt", true),
        ],
    )];
    groups.push((
        "web-address".to_string(),
        vec![
            field("address.visiting", "web-visiting", true),
            field("address.postal", "web-postal", false),
        ],
    ));
    for i in 1..=MAX_CONTACTS {
        let p = format!("contact[{i}]");
        groups.push((
            format!("web-contact:{i}"),
            vec![
                field(format!("{p}.name"), "web-name", false),
                field(format!("{p}.title"), "web-title-field", true),
                Field {
                    kind: "tel",
                    ..field(format!("{p}.phone"), "web-phone", false)
                },
                Field {
                    kind: "email",
                    ..field(format!("{p}.email"), "web-email", false)
                },
                field(format!("{p}.hours"), "web-hours", true),
            ],
        ));
    }
    groups.push((
        "web-extra".to_string(),
        vec![Field {
            multiline: true,
            ..field("extra.lines", "web-extra", true)
        }],
    ));
    groups
}

impl Form {
    fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", |v| v.trim())
    }

    /// A translatable field's values: `[(lang, text)]` for the languages filled in.
    fn translated(&self, name: &str) -> Vec<(&'static str, &str)> {
        FIELD_LANGS
            .iter()
            .map(|l| (*l, self.get(&format!("{name}.{l}"))))
            .filter(|(_, v)| !v.is_empty())
            .collect()
    }

    /// The contacts file the form describes (what "save the details" downloads).
    pub fn to_toml(&self) -> String {
        use toml_edit::{value, Array, DocumentMut, InlineTable, Item, Table, Value};
        let text = |pairs: Vec<(&str, &str)>| -> Option<Value> {
            match pairs.as_slice() {
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
        };
        let mut doc = DocumentMut::new();
        let mut tables: Vec<(String, Table)> = Vec::new();
        let mut contacts = toml_edit::ArrayOfTables::new();
        for (_, fields) in groups() {
            for f in fields.iter().filter(|f| !f.multiline) {
                let (section, key) = f.name.split_once('.').unwrap_or(("", &f.name));
                let v = if f.translated {
                    text(self.translated(&f.name))
                } else {
                    text(
                        vec![("", self.get(&f.name))]
                            .into_iter()
                            .filter(|(_, v)| !v.is_empty())
                            .collect(),
                    )
                };
                let Some(v) = v else { continue };
                if section.starts_with("contact[") {
                    let index: usize = section[8..section.len() - 1].parse().unwrap_or(1);
                    while contacts.len() < index {
                        contacts.push(Table::new());
                    }
                    if let Some(t) = contacts.get_mut(index - 1) {
                        t.insert(key, Item::Value(v));
                    }
                } else {
                    match tables.iter_mut().find(|(n, _)| n == section) {
                        Some((_, t)) => {
                            t.insert(key, Item::Value(v));
                        }
                        None => {
                            let mut t = Table::new();
                            t.insert(key, Item::Value(v));
                            tables.push((section.to_string(), t));
                        }
                    }
                }
            }
        }
        if let Some((name, _)) = &self.logo {
            let org = tables.iter_mut().find(|(n, _)| n == "organisation");
            match org {
                Some((_, t)) => {
                    t.insert("logo", value(name.as_str()));
                }
                None => {
                    let mut t = Table::new();
                    t.insert("logo", value(name.as_str()));
                    tables.push(("organisation".into(), t));
                }
            }
        }
        // Extra lines: line n of each language's box makes line n.
        let per_lang: Vec<(&str, Vec<&str>)> = FIELD_LANGS
            .iter()
            .map(|l| {
                (
                    *l,
                    self.get(&format!("extra.lines.{l}"))
                        .lines()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect(),
                )
            })
            .collect();
        let count = per_lang.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        let mut lines = Array::new();
        for i in 0..count {
            let pairs: Vec<(&str, &str)> = per_lang
                .iter()
                .filter_map(|(l, v)| v.get(i).map(|t| (*l, *t)))
                .collect();
            if let Some(v) = text(pairs) {
                lines.push(v);
            }
        }
        tables.sort_by_key(|(n, _)| ["organisation", "address"].iter().position(|o| o == n));
        for (name, t) in tables {
            doc.insert(&name, Item::Table(t));
        }
        if !contacts.is_empty() {
            doc.insert("contact", Item::ArrayOfTables(contacts));
        }
        if !lines.is_empty() {
            let mut extra = Table::new();
            extra.insert("lines", value(lines));
            doc.insert("extra", Item::Table(extra));
        }
        doc.to_string()
    }

    /// The form filled from a contacts file (what "load the details" does).
    pub fn from_contacts(contacts: &Contacts) -> Form {
        let mut form = Form::default();
        let mut put = |name: &str, text: &Option<Text>, translated: bool| {
            let Some(text) = text else { return };
            for (lang, value) in &text.values {
                let key = match (translated, lang.as_deref()) {
                    (false, _) => name.to_string(),
                    (true, None) => format!("{name}.sv"),
                    (true, Some(l)) if FIELD_LANGS.contains(&l) => format!("{name}.{l}"),
                    (true, Some(_)) => continue, // a language the form has no input for
                };
                form.values.entry(key).or_insert_with(|| value.clone());
            }
        };
        let o = &contacts.organisation;
        put("organisation.name", &Some(o.name.clone()), false);
        put("organisation.unit", &o.unit, true);
        put("organisation.phone", &o.phone, false);
        put("organisation.email", &o.email, false);
        put("organisation.web", &o.web, false);
        put("organisation.logo_alt", &o.logo_alt, true);
        put("address.visiting", &contacts.address.visiting, true);
        put("address.postal", &contacts.address.postal, false);
        for (i, p) in contacts.persons.iter().enumerate() {
            let f = |k: &str| format!("contact[{}].{k}", i + 1);
            put(&f("name"), &Some(p.name.clone()), false);
            put(&f("title"), &p.title, true);
            put(&f("phone"), &p.phone, false);
            put(&f("email"), &p.email, false);
            put(&f("hours"), &p.hours, true);
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
}

/// The input an error belongs to: the one its field names, or the first input of
/// a translated field.
pub fn input_for(field: &str) -> Option<String> {
    for (_, fields) in groups() {
        for f in fields {
            if f.name == field {
                return Some(if f.translated {
                    format!("{field}.sv")
                } else {
                    field.to_string()
                });
            }
            if f.translated
                && field.starts_with(&f.name)
                && FIELD_LANGS
                    .iter()
                    .any(|l| field == format!("{}.{l}", f.name))
            {
                return Some(field.to_string());
            }
            if field.starts_with("extra.lines") && f.name == "extra.lines" {
                return Some("extra.lines.sv".into());
            }
        }
    }
    None
}

/// An HTML `id` for an input name.
pub fn id(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What the page shows besides the form.
pub struct PageState<'a> {
    /// The interface language (`sv`, `fi`, `en`).
    pub ui: &'a str,
    /// The interface languages there are.
    pub ui_langs: &'a [String],
    /// Leaflet languages and layouts (name, description) to choose from.
    pub leaflet_langs: &'a [String],
    /// Layouts.
    pub layouts: &'a [(String, String)],
    /// Errors to show.
    pub errors: &'a [Diagnostic],
    /// Warnings to show.
    pub warnings: &'a [Diagnostic],
    /// The contact page as a PNG, base64.
    pub preview: Option<String>,
}

/// The whole page.
pub fn page(t: &Locale, form: &Form, s: &PageState<'_>) -> String {
    let m = |id: &str| esc(&t.message(id).unwrap_or_else(|_| id.to_string()));
    let mut errors_for: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    let mut general = Vec::new();
    for e in s.errors {
        match e.field.as_deref().and_then(input_for) {
            Some(input) => errors_for.entry(input).or_default().push(e),
            None => general.push(e),
        }
    }
    let mut h = String::with_capacity(32 * 1024);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{ui}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n<script src=\"/app.js\" defer></script>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{intro}</p>\n",
        ui = esc(s.ui),
        title = m("web-title"),
        intro = m("web-intro")
    ));
    // Interface language: plain links, no script needed.
    h.push_str(&format!(
        "<nav aria-label=\"{}\"><ul class=\"langs\">",
        m("web-interface-language")
    ));
    for l in s.ui_langs {
        let current = if l == s.ui {
            " aria-current=\"page\""
        } else {
            ""
        };
        h.push_str(&format!(
            "<li><a href=\"/?ui={l}\" lang=\"{l}\"{current}>{}</a></li>",
            esc(&language_name(l))
        ));
    }
    h.push_str("</ul></nav>\n");
    if !s.errors.is_empty() {
        h.push_str(&format!(
            "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><h2>{}</h2><ul>",
            m("web-errors-heading")
        ));
        for e in s.errors {
            match e.field.as_deref().and_then(input_for) {
                Some(input) => h.push_str(&format!(
                    "<li><a href=\"#{}\">{}</a></li>",
                    id(&input),
                    esc(&message(e))
                )),
                None => h.push_str(&format!("<li>{}</li>", esc(&message(e)))),
            }
        }
        h.push_str("</ul></div>\n");
    }
    h.push_str("<form method=\"post\" action=\"/\" enctype=\"multipart/form-data\" id=\"form\" novalidate>\n");
    h.push_str(&format!(
        "<input type=\"hidden\" name=\"ui\" value=\"{}\">\n",
        esc(s.ui)
    ));
    h.push_str(&format!(
        "<p class=\"note\">{}</p>\n",
        m("web-both-languages")
    ));
    for (group, fields) in groups() {
        let legend = match group.split_once(':') {
            Some((id, n)) => esc(&t.message_with(id, &[("number", n)]).unwrap_or_default()),
            None => m(&group),
        };
        // Contact persons 2 to 4 stay folded away until they are needed.
        let optional = group.split_once(':').is_some_and(|(_, n)| n != "1");
        let used = fields.iter().any(|f| {
            form.values
                .iter()
                .any(|(k, v)| k.starts_with(&f.name) && !v.trim().is_empty())
                || errors_for.keys().any(|k| k.starts_with(&f.name))
        });
        let folded = optional && !used;
        if folded {
            h.push_str(&format!("<details><summary>{legend}</summary>\n"));
        }
        h.push_str(&format!("<fieldset><legend>{legend}</legend>\n"));
        for f in &fields {
            let label = m(f.label);
            let names: Vec<(String, String)> = if f.translated {
                FIELD_LANGS
                    .iter()
                    .map(|l| {
                        let which = if *l == "sv" {
                            m("web-in-swedish")
                        } else {
                            m("web-in-finnish")
                        };
                        (format!("{}.{l}", f.name), format!("{label} ({which})"))
                    })
                    .collect()
            } else {
                vec![(f.name.clone(), label.clone())]
            };
            for (name, label) in names {
                let input_id = id(&name);
                let errs = errors_for.get(&name).map(Vec::as_slice).unwrap_or(&[]);
                let err_id = format!("{input_id}-error");
                let invalid = if errs.is_empty() {
                    String::new()
                } else {
                    format!(" aria-invalid=\"true\" aria-describedby=\"{err_id}\"")
                };
                let value = esc(form.values.get(&name).map_or("", String::as_str));
                h.push_str(&format!(
                    "<div class=\"field\"><label for=\"{input_id}\">{label}</label>"
                ));
                if f.multiline {
                    h.push_str(&format!("<textarea id=\"{input_id}\" name=\"{}\" rows=\"3\"{invalid}>{value}</textarea>", esc(&name)));
                } else {
                    h.push_str(&format!(
                        "<input id=\"{input_id}\" name=\"{}\" type=\"{}\" autocomplete=\"{}\" value=\"{value}\"{invalid}>",
                        esc(&name),
                        f.kind,
                        f.autocomplete
                    ));
                }
                h.push_str(&format!(
                    "<p class=\"error\" id=\"{err_id}\" aria-live=\"polite\">"
                ));
                for e in errs {
                    h.push_str(&esc(&message(e)));
                    h.push(' ');
                }
                h.push_str("</p></div>\n");
            }
            if f.name == "organisation.web" {
                // The logo upload sits with the organisation's details.
                h.push_str(&format!("<div class=\"field\"><label for=\"logo\">{}</label><input id=\"logo\" name=\"logo\" type=\"file\" accept=\"image/png,image/jpeg\">", m("web-logo")));
                if let Some((name, bytes)) = &form.logo {
                    use base64::Engine as _;
                    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                    let kept = t
                        .message_with("web-logo-kept", &[("file", name)])
                        .unwrap_or_default();
                    h.push_str(&format!(
                        "<p class=\"note\">{}</p><input type=\"hidden\" name=\"logo_name\" value=\"{}\"><input type=\"hidden\" name=\"logo_data\" value=\"{data}\">",
                        esc(&kept),
                        esc(name)
                    ));
                }
                let errs = errors_for
                    .get("organisation.logo")
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                h.push_str("<p class=\"error\" id=\"logo-error\" aria-live=\"polite\">");
                for e in errs {
                    h.push_str(&esc(&message(e)));
                }
                h.push_str("</p></div>\n");
            }
        }
        h.push_str("</fieldset>\n");
        if folded {
            h.push_str("</details>\n");
        }
    }
    // The leaflet's options.
    h.push_str(&format!(
        "<fieldset><legend>{}</legend>\n",
        m("web-leaflet")
    ));
    let selected = |name: &str, v: &str, default: &str| {
        if form.values.get(name).map_or(v == default, |x| x == v) {
            " selected"
        } else {
            ""
        }
    };
    h.push_str(&format!(
        "<div class=\"field\"><label for=\"lang\">{}</label><select id=\"lang\" name=\"lang\">",
        m("web-leaflet-language")
    ));
    for l in s.leaflet_langs {
        h.push_str(&format!(
            "<option value=\"{l}\"{}>{}</option>",
            selected("lang", l, s.ui),
            esc(&language_name(l))
        ));
    }
    h.push_str("</select></div>\n");
    h.push_str(&format!("<div class=\"field\"><label for=\"layout\">{}</label><select id=\"layout\" name=\"layout\">", m("web-layout")));
    for (name, description) in s.layouts {
        h.push_str(&format!(
            "<option value=\"{}\"{}>{}</option>",
            esc(name),
            selected("layout", name, crate::layout::DEFAULT),
            esc(description)
        ));
    }
    h.push_str("</select></div>\n</fieldset>\n");
    h.push_str(&format!(
        "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"preview\">{}</button> <button type=\"submit\" name=\"action\" value=\"pdf\">{}</button> <button type=\"submit\" name=\"action\" value=\"toml\">{}</button></div>\n",
        m("web-preview"),
        m("web-download-pdf"),
        m("web-download-toml")
    ));
    h.push_str(&format!(
        "<fieldset><legend>{}</legend><div class=\"field\"><label for=\"contacts_file\">contacts.toml</label><input id=\"contacts_file\" name=\"contacts_file\" type=\"file\" accept=\".toml,application/toml,text/plain\"></div><button type=\"submit\" name=\"action\" value=\"load\">{}</button></fieldset>\n",
        m("web-load-toml"),
        m("web-load")
    ));
    h.push_str("</form>\n");
    if !s.warnings.is_empty() {
        h.push_str(&format!(
            "<div class=\"warnings\"><h2>{}</h2><ul>",
            m("web-warnings-heading")
        ));
        for w in s.warnings {
            h.push_str(&format!("<li>{}</li>", esc(&message(w))));
        }
        h.push_str("</ul></div>\n");
    }
    if let Some(png) = &s.preview {
        h.push_str(&format!(
            "<section aria-labelledby=\"preview-heading\"><h2 id=\"preview-heading\">{}</h2><img class=\"preview\" src=\"data:image/png;base64,{png}\" alt=\"{}\"></section>\n",
            m("web-preview-heading"),
            m("web-preview-alt")
        ));
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// A diagnostic's message with its hints, as one line for the page.
pub fn message(d: &Diagnostic) -> String {
    let mut s = d.message.clone();
    for hint in &d.hints {
        s.push_str(" (");
        s.push_str(hint);
        s.push(')');
    }
    s
}

/// A language's own name.
fn language_name(tag: &str) -> String {
    match tag {
        "sv" => "Svenska".into(),
        "fi" => "Suomi".into(),
        "en" => "English".into(),
        other => other.into(),
    }
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
        let back = Form::from_contacts(&contacts);
        assert_eq!(back.values, form.values);
    }

    #[test]
    fn errors_find_their_inputs() {
        assert_eq!(
            input_for("organisation.phone").as_deref(),
            Some("organisation.phone")
        );
        assert_eq!(
            input_for("contact[2].title").as_deref(),
            Some("contact[2].title.sv")
        );
        assert_eq!(
            input_for("contact[2].title.fi").as_deref(),
            Some("contact[2].title.fi")
        );
        assert_eq!(esc("<a href=\"x\">&"), "&lt;a href=&quot;x&quot;&gt;&amp;");
    }
}
