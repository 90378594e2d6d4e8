//! A locale's entries with where they are: each message and term, its text, its
//! attributes, the variables it uses and what it refers to, read with Fluent's
//! own parser so that every finding can name its file, line and column.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::diagnostic::{Diagnostic, Source};
use crate::fonts::Fonts;
use crate::locale;
use crate::messages::msg;
use crate::store::Store;

/// What a locale defines, with positions.
/// A locale's entries, as its files define them.
pub(super) struct Index {
    /// The locale's folder name (`fi`).
    pub folder: String,
    /// Its `.ftl` files.
    pub sources: Vec<Source>,
    /// Message and term ids (terms with their `-`).
    pub entries: BTreeMap<String, Entry>,
}

/// One message or term.
pub(super) struct Entry {
    /// Which of the index's sources defines it.
    pub file: usize,
    /// Where its id stands in that file.
    pub offset: usize,
    /// It has text (not only attributes).
    pub has_value: bool,
    /// Attribute name → offset.
    pub attributes: BTreeMap<String, usize>,
    /// Attribute name → its text, for an attribute that is plain text.
    pub attribute_texts: BTreeMap<String, String>,
    /// Variable name → offset of its first use.
    pub variables: BTreeMap<String, usize>,
    /// Referenced message and term ids, with offsets.
    references: Vec<(String, usize)>,
    /// Text as written, with the offset of each piece.
    texts: Vec<(usize, String)>,
}

impl Index {
    /// Parse a locale folder; syntax errors and duplicate ids go to `findings`.
    pub(super) fn read(store: &Store, folder: &str, findings: &mut Vec<Diagnostic>) -> Index {
        let sources = match locale::sources(store, folder) {
            Ok(s) => s,
            Err(e) => {
                findings.extend(e.0);
                Vec::new()
            }
        };
        let mut entries = BTreeMap::new();
        for (file, source) in sources.iter().enumerate() {
            let text = source.text.as_str();
            let resource = match fluent_syntax::parser::parse(text) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        findings.push(
                            Diagnostic::error(
                                msg("locale-syntax").arg("detail", e.kind.to_string()),
                            )
                            .at(source, e.pos.start),
                        );
                    }
                    r
                }
            };
            for entry in &resource.body {
                let (id, value, attributes) = match entry {
                    ast::Entry::Message(m) => {
                        (m.id.name.to_string(), m.value.as_ref(), &m.attributes)
                    }
                    ast::Entry::Term(t) => {
                        (format!("-{}", t.id.name), Some(&t.value), &t.attributes)
                    }
                    _ => continue,
                };
                let name = match entry {
                    ast::Entry::Message(m) => m.id.name,
                    ast::Entry::Term(t) => t.id.name,
                    _ => continue,
                };
                let mut e = Entry {
                    file,
                    offset: locale::offset_of(text, name),
                    has_value: value.is_some(),
                    attributes: BTreeMap::new(),
                    attribute_texts: BTreeMap::new(),
                    variables: BTreeMap::new(),
                    references: Vec::new(),
                    texts: Vec::new(),
                };
                if let Some(v) = value {
                    e.pattern(text, v);
                }
                for a in attributes {
                    e.attributes
                        .insert(a.id.name.to_string(), locale::offset_of(text, a.id.name));
                    if let [ast::PatternElement::TextElement { value }] =
                        a.value.elements.as_slice()
                    {
                        e.attribute_texts
                            .insert(a.id.name.to_string(), value.to_string());
                    }
                    e.pattern(text, &a.value);
                }
                if let Some(first) = entries.get(&id) {
                    let first: &Entry = first;
                    let (line, _) = sources[first.file].line_col(first.offset);
                    findings.push(
                        Diagnostic::error(msg("check-defined-twice").arg("id", &id))
                            .at(source, e.offset)
                            .field(id.clone())
                            .hint(msg("hint-first-defined").arg(
                                "place",
                                format!("{}:{line}", sources[first.file].path.display()),
                            )),
                    );
                    continue;
                }
                entries.insert(id, e);
            }
        }
        Index {
            folder: folder.to_string(),
            sources,
            entries,
        }
    }

    pub(super) fn at(&self, entry: &Entry, offset: usize, d: Diagnostic) -> Diagnostic {
        d.at(&self.sources[entry.file], offset)
    }

    /// Whether the entry is in one of the files read on a screen, never printed.
    pub(super) fn on_screen(&self, entry: &Entry) -> bool {
        self.file_name(entry)
            .is_some_and(|name| locale::SCREEN_FILES.contains(&name))
    }

    /// Whether the entry is one of the tool's own messages, which English
    /// stands in for.
    pub(super) fn is_tool_message(&self, entry: &Entry) -> bool {
        self.file_name(entry) == Some(locale::MESSAGES_FILE)
    }

    /// Whether the locale has a file of this name.
    pub(super) fn has_file(&self, name: &str) -> bool {
        self.sources
            .iter()
            .any(|s| s.path.file_name().and_then(|n| n.to_str()) == Some(name))
    }

    /// The locale's folder as a person sees it (`locales/fi`).
    pub(super) fn folder_path(&self) -> std::path::PathBuf {
        self.sources
            .first()
            .and_then(|s| s.path.parent())
            .map_or_else(|| self.folder.clone().into(), std::path::Path::to_path_buf)
    }

    fn file_name(&self, entry: &Entry) -> Option<&str> {
        self.sources[entry.file].path.file_name()?.to_str()
    }

    /// When each helpline's number and hours were last checked (`.checked`,
    /// `2026-11`): not said, or more than [`locale::CHECKED_FOR_MONTHS`] months
    /// before `today`, is a warning naming it; a `.checked` that is not a month
    /// is an error.
    pub(super) fn helpline_dates(&self, today: locale::Month, findings: &mut Vec<Diagnostic>) {
        for (id, entry) in &self.entries {
            if !id.starts_with(locale::HELPLINE_PREFIX) {
                continue;
            }
            let at = entry.attributes.get("checked").copied();
            let text = entry.attribute_texts.get("checked");
            let d = match (text, text.and_then(|t| locale::Month::parse(t))) {
                (None, _) => Diagnostic::warning(msg("check-helpline-undated").arg("id", id))
                    .hint(msg("hint-helpline-checked").arg("month", today.to_string())),
                (Some(t), None) => Diagnostic::error(
                    msg("check-helpline-bad-date")
                        .arg("id", id)
                        .arg("value", t.as_str()),
                ),
                (Some(_), Some(month)) if month.is_stale(today) => Diagnostic::warning(
                    msg("check-helpline-stale")
                        .arg("id", id)
                        .arg("month", month.to_string())
                        .arg("months", locale::CHECKED_FOR_MONTHS),
                )
                .hint(msg("hint-helpline-checked").arg("month", today.to_string())),
                _ => continue,
            };
            findings.push(
                self.at(entry, at.unwrap_or(entry.offset), d)
                    .field(id.clone()),
            );
        }
    }

    /// References to messages or terms this locale does not define, and helplines
    /// without text or number.
    pub(super) fn references(&self, findings: &mut Vec<Diagnostic>) {
        for (id, entry) in &self.entries {
            if id.starts_with(locale::HELPLINE_PREFIX)
                && (!entry.has_value || !entry.attributes.contains_key("number"))
            {
                findings.push(
                    self.at(
                        entry,
                        entry.offset,
                        Diagnostic::error(msg("check-helpline").arg("id", id)),
                    )
                    .field(id.clone())
                    .hint(msg("hint-helpline").arg("id", id)),
                );
            }
            for (target, offset) in &entry.references {
                let known = match target.split_once('.') {
                    Some((m, a)) => self
                        .entries
                        .get(m)
                        .is_some_and(|e| e.attributes.contains_key(a)),
                    None => self.entries.contains_key(target),
                };
                if !known {
                    findings.push(
                        self.at(
                            entry,
                            *offset,
                            Diagnostic::error(
                                msg("check-unknown-reference")
                                    .arg("id", id)
                                    .arg("target", target),
                            ),
                        )
                        .field(id.clone()),
                    );
                }
            }
        }
    }

    /// Straight quotation marks and apostrophes (`'`, `"`) in printed text: a
    /// typewriter's marks beside the typographic ones of the rest of the leaflet.
    /// A warning, once per message.
    pub(super) fn straight_quotes(&self, findings: &mut Vec<Diagnostic>) {
        for (id, entry) in &self.entries {
            if self.on_screen(entry) {
                continue;
            }
            let found = entry.texts.iter().find_map(|(offset, text)| {
                text.char_indices()
                    .find(|(_, c)| matches!(c, '\'' | '"'))
                    .map(|(i, c)| (offset + i, c))
            });
            if let Some((at, c)) = found {
                let d = Diagnostic::warning(
                    msg("check-straight-quote")
                        .arg("id", id)
                        .arg("char", c.to_string()),
                )
                .hint(msg("hint-straight-quote"));
                findings.push(self.at(entry, at, d).field(id.clone()));
            }
        }
    }

    /// Characters no font of a layout can draw (none of its main family and
    /// fallbacks, in regular or in bold). A set of fonts already checked is
    /// skipped.
    pub(super) fn coverage(
        &self,
        fonts: &Fonts,
        layout: &str,
        checked: &mut BTreeSet<Vec<String>>,
        findings: &mut Vec<Diagnostic>,
    ) {
        let files: Vec<String> = fonts.faces().map(|f| f.file.clone()).collect();
        if !checked.insert(files) {
            return;
        }
        let weights = [
            fonts.chain_of(crate::fonts::Weight::Regular),
            fonts.chain_of(crate::fonts::Weight::Bold),
        ];
        for (id, entry) in &self.entries {
            if self.on_screen(entry) {
                continue;
            }
            let mut reported = BTreeSet::new();
            for (offset, text) in &entry.texts {
                for (i, c) in text.char_indices() {
                    if c.is_whitespace() || !reported.insert(c) {
                        continue;
                    }
                    let at = offset + i;
                    // Invisible format characters (a Persian zero-width non-joiner)
                    // need no glyph: shaping uses them and draws nothing.
                    if is_format(c) {
                        continue;
                    }
                    for chain in &weights {
                        let drawn = chain.iter().any(|f| f.draws(c));
                        if let (false, Some(main)) = (drawn, chain.first()) {
                            let d = Diagnostic::error(
                                msg("check-no-glyph")
                                    .arg("font", &main.file)
                                    .arg("layout", layout)
                                    .arg("char", c.to_string())
                                    .arg("code", format!("{:04X}", c as u32))
                                    .arg("id", id),
                            )
                            .hint(msg("hint-check-no-glyph"));
                            findings.push(self.at(entry, at, d).field(id.clone()));
                        }
                    }
                }
            }
        }
    }
}

/// Invisible format characters (zero-width joiners and non-joiners, direction
/// marks, the soft hyphen): shaping uses them and draws nothing.
fn is_format(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x061C | 0x200B..=0x200F | 0x2060..=0x2069 | 0xFEFF)
}

impl Entry {
    fn pattern(&mut self, text: &str, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => self
                    .texts
                    .push((locale::offset_of(text, value), value.to_string())),
                ast::PatternElement::Placeable { expression } => self.expression(text, expression),
            }
        }
    }

    fn expression(&mut self, text: &str, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.inline(text, selector);
                for v in variants {
                    self.pattern(text, &v.value);
                }
            }
            ast::Expression::Inline(i) => self.inline(text, i),
        }
    }

    fn inline(&mut self, text: &str, inline: &ast::InlineExpression<&str>) {
        use ast::InlineExpression as I;
        match inline {
            I::StringLiteral { value } => self
                .texts
                .push((locale::offset_of(text, value), value.to_string())),
            I::NumberLiteral { .. } => {}
            I::VariableReference { id } => {
                self.variables
                    .entry(id.name.to_string())
                    .or_insert(locale::offset_of(text, id.name));
            }
            I::MessageReference { id, attribute } => {
                let target = match attribute {
                    Some(a) => format!("{}.{}", id.name, a.name),
                    None => id.name.to_string(),
                };
                self.references
                    .push((target, locale::offset_of(text, id.name)));
            }
            I::TermReference { id, arguments, .. } => {
                self.references
                    .push((format!("-{}", id.name), locale::offset_of(text, id.name)));
                if let Some(args) = arguments {
                    self.arguments(text, args);
                }
            }
            I::FunctionReference { arguments, .. } => self.arguments(text, arguments),
            I::Placeable { expression } => self.expression(text, expression),
        }
    }

    fn arguments(&mut self, text: &str, args: &ast::CallArguments<&str>) {
        for a in &args.positional {
            self.inline(text, a);
        }
        for a in &args.named {
            self.inline(text, &a.value);
        }
    }
}
