//! Contacts file: read and validate `contacts.toml` (schema version 1) into [`Contacts`].
//!
//! The key names are a contract (see the README). The file is walked as a
//! span-preserving TOML tree, so every problem is reported at once with its
//! file:line:column and the dotted field name, and a misspelt key gets a
//! "did you mean" hint. Every text value may be a plain string or a table of
//! languages (`title = { sv = "...", fi = "..." }`); [`Text::get`] picks the
//! language and says when it had to fall back to another one.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::{ImDocument, Item, TableLike, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, Source};

/// The most contact persons a leaflet carries.
pub const MAX_CONTACTS: usize = 4;
/// The longest text value accepted, in characters; longer text never fits a leaflet.
pub const MAX_TEXT_CHARS: usize = 300;
/// The largest contacts file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Everything an organisation puts on its leaflet.
#[derive(Debug, Clone, PartialEq)]
pub struct Contacts {
    /// The organisation itself.
    pub organisation: Organisation,
    /// Where to visit and write.
    pub address: Address,
    /// Up to [`MAX_CONTACTS`] people to call or write to.
    pub persons: Vec<Person>,
    /// Free lines printed under the contact details.
    pub extra: Vec<Text>,
}

/// `[organisation]`.
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
}

impl Contacts {
    /// Read the organisation's logo, if the file names one (see [`Logo::load`]).
    pub fn read_logo(&self) -> Result<Option<std::sync::Arc<crate::image::Image>>, Diagnostics> {
        let logo = self
            .organisation
            .logo
            .as_ref()
            .map(Logo::load)
            .transpose()?;
        Ok(logo.map(std::sync::Arc::new))
    }
}

impl Logo {
    /// Read the logo; an error names the contacts file's line and the field.
    pub fn load(&self) -> Result<crate::image::Image, Diagnostics> {
        crate::image::load(&self.path).map_err(|e| {
            let located = e.0.into_iter().map(|e| {
                let mut d = Diagnostic::error(format!(
                    "`organisation.logo` ({}): {}",
                    self.path.display(),
                    e.message
                ))
                .in_file(&self.file)
                .field("organisation.logo");
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
}

impl Text {
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
        let warning = Diagnostic::warning(format!(
            "`{}` has no `{lang}` text; printing the `{other}` text instead",
            self.field
        ))
        .field(self.field.clone())
        .hint(format!("add `{lang} = \"...\"` to `{}`", self.field));
        (text, Some(warning))
    }
}

/// What kind of text a field holds, for its checks.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Plain,
    Phone,
    Email,
    Web,
}

/// Read, parse and validate a contacts file.
pub fn load(path: &Path) -> Result<Contacts, Diagnostics> {
    let text = crate::store::read_text_file(path, MAX_FILE_BYTES, "contacts file")?;
    parse(&Source::new(path, text))
}

/// Parse and validate a contacts file's text; report every problem at once.
pub fn parse(source: &Source) -> Result<Contacts, Diagnostics> {
    let doc = ImDocument::parse(source.text.as_str()).map_err(|e| {
        let mut d = Diagnostic::error(format!(
            "this is not valid TOML ({})",
            e.message().trim_end()
        ))
        .at_span(source, e.span());
        if let Some(hint) = syntax_hint(source, e.span()) {
            d = d.hint(hint);
        }
        Diagnostics::one(d)
    })?;
    let mut v = Validator {
        source,
        errors: Vec::new(),
    };
    let contacts = v.document(doc.as_table());
    match contacts {
        Some(c) if v.errors.is_empty() => Ok(c),
        _ => Err(Diagnostics(v.errors)),
    }
}

/// A hint for the commonest syntax slip: a value that is not in quotes.
fn syntax_hint(source: &Source, span: Option<Range<usize>>) -> Option<String> {
    let start = span?.start.min(source.text.len());
    let line_start = source.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = source.text[line_start..].lines().next()?;
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    let quoted = value.starts_with('"') || value.starts_with('\'');
    let structured = value.starts_with('{') || value.starts_with('[');
    if key.is_empty() || quoted || structured {
        return None;
    }
    Some(format!(
        "put text in double quotes: {key} = \"{}\"",
        value.trim_end_matches('"')
    ))
}

struct Validator<'a> {
    source: &'a Source,
    errors: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(
        &mut self,
        span: Option<Range<usize>>,
        field: &str,
        message: String,
    ) -> &mut Diagnostic {
        let d = Diagnostic::error(message)
            .at_span(self.source, span)
            .field(field);
        self.errors.push(d);
        let last = self.errors.len() - 1;
        &mut self.errors[last]
    }

    fn document(&mut self, root: &toml_edit::Table) -> Option<Contacts> {
        self.known_keys(
            root,
            "",
            &["version", "organisation", "address", "contact", "extra"],
        );
        if let Some((key, item)) = root.get_key_value("version") {
            if item.as_integer() != Some(1) {
                self.error(
                    item.span().or(key.span()),
                    "version",
                    "`version` must be 1 (the only schema version there is)".into(),
                );
            }
        }
        let organisation = match root.get("organisation") {
            Some(item) => self.organisation(item),
            None => {
                self.error(
                    Some(0..0),
                    "organisation",
                    "the `[organisation]` table is missing".into(),
                )
                .hints
                .push("add `[organisation]` with at least `name = \"...\"`".into());
                None
            }
        };
        let address = root
            .get("address")
            .and_then(|item| self.table(item, "address"))
            .map(|t| {
                self.known_keys(t, "address", &["visiting", "postal"]);
                Address {
                    visiting: self.optional(t, "address", "visiting", Kind::Plain),
                    postal: self.optional(t, "address", "postal", Kind::Plain),
                }
            })
            .unwrap_or_default();
        let persons = root
            .get("contact")
            .map(|item| self.persons(item))
            .unwrap_or_default();
        let extra = root
            .get("extra")
            .and_then(|item| self.table(item, "extra"))
            .map(|t| {
                self.known_keys(t, "extra", &["lines"]);
                self.lines(t)
            })
            .unwrap_or_default();
        Some(Contacts {
            organisation: organisation?,
            address,
            persons,
            extra,
        })
    }

    fn organisation(&mut self, item: &Item) -> Option<Organisation> {
        let t = self.table(item, "organisation")?;
        let f = "organisation";
        self.known_keys(
            t,
            f,
            &["name", "unit", "phone", "email", "web", "logo", "logo_alt"],
        );
        let name = self.required(t, item.span(), f, "name");
        let logo = t.get_key_value("logo").and_then(|(key, it)| {
            let span = it.span().or(key.span());
            match it.as_str() {
                Some(s) if !s.trim().is_empty() => {
                    let folder = self.source.path.parent().unwrap_or(Path::new(""));
                    Some(Logo {
                        path: folder.join(s.trim()),
                        file: self.source.path.clone(),
                        position: self.source.line_col(span.map_or(0, |r| r.start)),
                    })
                }
                _ => {
                    self.error(
                        span,
                        "organisation.logo",
                        "`organisation.logo` must be a file name in quotes".into(),
                    );
                    None
                }
            }
        });
        Some(Organisation {
            unit: self.optional(t, f, "unit", Kind::Plain),
            phone: self.optional(t, f, "phone", Kind::Phone),
            email: self.optional(t, f, "email", Kind::Email),
            web: self.optional(t, f, "web", Kind::Web),
            logo,
            logo_alt: self.optional(t, f, "logo_alt", Kind::Plain),
            name: name?,
        })
    }

    fn persons(&mut self, item: &Item) -> Vec<Person> {
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
                                "contact",
                                "each `contact` must be a table with `name = \"...\"`".into(),
                            );
                        }
                    }
                }
                out
            }
            _ => {
                self.error(
                    item.span(),
                    "contact",
                    "`contact` must be written as `[[contact]]` sections".into(),
                );
                Vec::new()
            }
        };
        let mut persons = Vec::new();
        for (i, (t, span)) in tables.into_iter().enumerate() {
            let f = format!("contact[{}]", i + 1);
            if i == MAX_CONTACTS {
                self.error(
                    span.clone(),
                    &f,
                    format!(
                        "at most {MAX_CONTACTS} contacts fit the leaflet; this is contact {}",
                        i + 1
                    ),
                )
                .hints
                .push(
                    "remove a `[[contact]]` section or give a shared phone number instead".into(),
                );
            }
            self.known_keys(t, &f, &["name", "title", "phone", "email", "hours"]);
            let name = self.required(t, span, &f, "name");
            let person = Person {
                title: self.optional(t, &f, "title", Kind::Plain),
                phone: self.optional(t, &f, "phone", Kind::Phone),
                email: self.optional(t, &f, "email", Kind::Email),
                hours: self.optional(t, &f, "hours", Kind::Plain),
                name: match name {
                    Some(n) => n,
                    None => continue,
                },
            };
            persons.push(person);
        }
        persons
    }

    fn lines(&mut self, t: &dyn TableLike) -> Vec<Text> {
        let Some((key, item)) = t.get_key_value("lines") else {
            return Vec::new();
        };
        let Some(array) = item.as_array() else {
            self.error(
                item.span().or(key.span()),
                "extra.lines",
                "`extra.lines` must be a list of texts, e.g. lines = [\"...\", \"...\"]".into(),
            );
            return Vec::new();
        };
        array
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                self.text_value(v, &format!("extra.lines[{}]", i + 1), Kind::Plain)
            })
            .collect()
    }

    /// The item as a table, or an error naming the field.
    fn table<'i>(&mut self, item: &'i Item, field: &str) -> Option<&'i dyn TableLike> {
        let t = item.as_table_like();
        if t.is_none() {
            self.error(
                item.span(),
                field,
                format!("`{field}` must be a table: write it as a `[{field}]` section"),
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
            let message = format!("`{dotted}` is not a known key");
            let d = self.error(span, &dotted, message);
            match crate::store::did_you_mean(key, known) {
                Some(m) => d.hints.push(format!("did you mean `{m}`?")),
                None => d.hints.push(format!(
                    "known keys here: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
    }

    fn required(
        &mut self,
        t: &dyn TableLike,
        table_span: Option<Range<usize>>,
        field: &str,
        key: &str,
    ) -> Option<Text> {
        if t.get(key).is_none() {
            let section = if field.starts_with("contact") {
                "[[contact]]".to_string()
            } else {
                format!("[{field}]")
            };
            self.error(
                table_span,
                &format!("{field}.{key}"),
                format!("`{field}.{key}` is missing"),
            )
            .hints
            .push(format!("add `{key} = \"...\"` under `{section}`"));
            return None;
        }
        self.optional(t, field, key, Kind::Plain)
    }

    fn optional(&mut self, t: &dyn TableLike, field: &str, key: &str, kind: Kind) -> Option<Text> {
        let (k, item) = t.get_key_value(key)?;
        let dotted = format!("{field}.{key}");
        match item.as_value() {
            Some(v) => self.text_value(v, &dotted, kind),
            None => {
                self.error(
                    item.span().or(k.span()),
                    &dotted,
                    format!("`{dotted}` must be text in quotes, not a section"),
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
                })
            }
            Value::InlineTable(t) => {
                let mut values = Vec::new();
                for (lang, item) in t.iter() {
                    let key_span = t.key(lang).and_then(|k| k.span());
                    let dotted = format!("{field}.{lang}");
                    if lang.parse::<unic_langid::LanguageIdentifier>().is_err() || lang.len() > 8 {
                        self.error(
                            key_span,
                            &dotted,
                            format!("`{lang}` in `{field}` is not a language code"),
                        )
                        .hints
                        .push("use language codes such as `sv` and `fi`".into());
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
                                format!("`{dotted}` must be text in quotes"),
                            );
                        }
                    }
                }
                if values.is_empty() && t.is_empty() {
                    self.error(
                        v.span(),
                        field,
                        format!("`{field}` has no text in any language"),
                    );
                }
                (!values.is_empty()).then(|| Text {
                    field: field.to_string(),
                    values,
                })
            }
            other => {
                let found = match other {
                    Value::Integer(_) | Value::Float(_) => "a number",
                    Value::Boolean(_) => "true or false",
                    Value::Datetime(_) => "a date",
                    Value::Array(_) => "a list",
                    _ => "something else",
                };
                let d = self.error(
                    v.span(),
                    field,
                    format!("`{field}` must be text in quotes, but it is {found}"),
                );
                let example = match kind {
                    Kind::Phone => "\"0123-456 78\"",
                    Kind::Email => "\"name@example.se\"",
                    Kind::Web => "\"www.example.se\"",
                    Kind::Plain => "\"...\"",
                };
                d.hints.push(format!(
                    "write `{} = {example}`, or a table of languages: {{ sv = \"...\", fi = \"...\" }}",
                    field.rsplit('.').next().unwrap_or(field)
                ));
                None
            }
        }
    }

    /// Check one string; return it with surrounding white space removed.
    fn checked(
        &mut self,
        s: &str,
        span: Option<Range<usize>>,
        field: &str,
        kind: Kind,
    ) -> Option<String> {
        let text = s.trim();
        if text.is_empty() {
            self.error(span, field, format!("`{field}` is empty"))
                .hints
                .push("remove the line, or fill it in".into());
            return None;
        }
        if let Some(c) = text.chars().find(|c| is_forbidden(*c)) {
            self.error(
                span,
                field,
                format!(
                    "`{field}` contains the invisible character U+{:04X}",
                    c as u32
                ),
            )
            .hints
            .push("retype the text; pasted text can carry control or direction characters".into());
            return None;
        }
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            self.error(
                span,
                field,
                format!(
                    "`{field}` is {chars} characters long; at most {MAX_TEXT_CHARS} fit a leaflet"
                ),
            );
            return None;
        }
        let problem = match kind {
            Kind::Plain => None,
            Kind::Phone if text.chars().filter(char::is_ascii_digit).count() < 3 => Some((
                "is not a phone number (fewer than 3 digits)",
                "write it as \"0123-456 78\"",
            )),
            Kind::Email if !is_email(text) => Some((
                "is not an e-mail address",
                "write it as \"name@example.se\"",
            )),
            Kind::Web if text.contains(char::is_whitespace) || !text.contains('.') => Some((
                "is not a web address",
                "write it as \"www.example.se/page\"",
            )),
            _ => None,
        };
        if let Some((what, hint)) = problem {
            self.error(span, field, format!("`{field}` {what}: \"{text}\""))
                .hints
                .push(hint.into());
            return None;
        }
        Some(text.to_string())
    }
}

/// Control characters, bidirectional overrides and zero-width characters: they make
/// the printed text differ from what a person sees in the file.
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Contacts, Diagnostics> {
        parse(&Source::new("c.toml", text.to_string()))
    }

    #[test]
    fn per_language_values_fall_back_with_a_warning() {
        let c = parse_str("[organisation]\nname = { sv = \"Åsby kommun\" }\n").expect("valid");
        let (text, warning) = c.organisation.name.get("fi");
        assert_eq!(text, "Åsby kommun");
        assert!(warning
            .expect("warns")
            .message
            .contains("organisation.name"));
        assert!(c.organisation.name.get("sv").1.is_none());
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
