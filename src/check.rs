//! Check: the translators' lint. Compare a locale with the reference locale and
//! typeset it in every layout, reporting everything a translator must fix before
//! anything is printed.
//!
//! Reported with file:line:column: Fluent syntax errors (a select expression
//! without a default variant among them); duplicate ids; messages, attributes and
//! terms missing from the translation or unknown to the reference; variables the
//! reference uses that the translation drops (a warning) or that the reference does
//! not know (an error: `{ $puhelin }` for `{ $phone }`); references to messages or
//! terms that do not exist; characters the layouts' fonts cannot draw; right-to-left
//! text, which cannot be set yet; malformed hyphenation exceptions; and text that
//! does not fit its frame in any layout (typeset with the bundled example's
//! contacts). A language without hyphenation patterns gets a warning.
//!
//! With `pseudo`, every layout is also typeset with the pseudo-locale, and what would
//! not fit a translation about a third longer than Swedish is reported as warnings.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::contacts::{self, Contacts};
use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Source};
use crate::fonts::Fonts;
use crate::hyphenate::Hyphenator;
use crate::layout::{self, Layout};
use crate::locale::{self, REFERENCE};
use crate::store::Store;
use crate::typeset::{self, Fit};

/// The contacts every layout is typeset with: the bundled example.
const EXAMPLE_CONTACTS: &str = include_str!("../examples/asby.toml");

/// Where the data comes from.
pub struct Stores {
    /// The locales to check (and the reference among them).
    pub locales: Store,
    /// The layouts to typeset with.
    pub layouts: Store,
    /// The fonts the layouts name.
    pub fonts: Store,
}

/// The outcome of a check: every finding, errors and warnings, per locale in order.
#[derive(Debug, Default)]
pub struct Report {
    /// The locales checked.
    pub checked: Vec<String>,
    /// Everything found.
    pub findings: Vec<Diagnostic>,
}

impl Report {
    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|d| d.is_error()).count()
    }
}

/// Check the given locales (all of them when `langs` is empty).
pub fn check(stores: &Stores, langs: &[String], pseudo: bool) -> Result<Report, Diagnostics> {
    let available: Vec<String> = locale::available(&stores.locales)?
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut folders = Vec::new();
    let mut findings = Vec::new();
    if langs.is_empty() {
        folders.clone_from(&available);
    }
    for lang in langs {
        if available.contains(lang) {
            folders.push(lang.clone());
        } else {
            findings.push(
                Diagnostic::error(format!("there is no locale folder `{lang}`"))
                    .in_file(stores.locales.display_path(lang))
                    .hint(format!("available: {}", available.join(", "))),
            );
        }
    }
    let reference = if available.iter().any(|l| l == REFERENCE) {
        Some(Index::read(&stores.locales, REFERENCE, &mut Vec::new()))
    } else {
        findings.push(
            Diagnostic::error(format!(
                "there is no reference locale `{REFERENCE}` to compare with"
            ))
            .in_file(stores.locales.display_path(REFERENCE)),
        );
        None
    };
    let layouts = load_layouts(stores, &mut findings);
    let example = contacts::parse(&Source::new(
        "examples/asby.toml",
        EXAMPLE_CONTACTS.to_string(),
    ))?;
    for folder in &folders {
        let before = findings.len();
        let index = Index::read(&stores.locales, folder, &mut findings);
        if let (Some(reference), true) = (&reference, folder != REFERENCE) {
            compare(&index, reference, &mut findings);
        }
        index.references(&mut findings);
        // Each font file is checked once, whichever layouts share it.
        let mut checked = BTreeSet::new();
        for (layout, fonts) in &layouts {
            index.coverage(fonts, &layout.name, &mut checked, &mut findings);
        }
        if !Hyphenator::for_language(folder).has_patterns() {
            findings.push(
                Diagnostic::warning(format!(
                    "there are no hyphenation patterns for `{folder}`: the leaflet is set without hyphenation"
                ))
                .in_file(stores.locales.display_path(folder))
                .hint(format!("to allow breaks in long words, list them in `{folder}/hyphenation.txt`")),
            );
        }
        // Typeset only a locale whose messages are complete and correct.
        if findings[before..].iter().all(|d| !d.is_error()) {
            for (layout, fonts) in &layouts {
                typeset_with(
                    stores,
                    folder,
                    layout,
                    fonts,
                    &example,
                    Fit::Strict,
                    &index,
                    &mut findings,
                );
            }
        }
    }
    if pseudo {
        if let Some(reference) = &reference {
            for (layout, fonts) in &layouts {
                typeset_with(
                    stores,
                    locale::PSEUDO,
                    layout,
                    fonts,
                    &example,
                    Fit::Preview,
                    reference,
                    &mut findings,
                );
            }
        }
    }
    Ok(Report {
        checked: folders,
        findings,
    })
}

fn load_layouts(stores: &Stores, findings: &mut Vec<Diagnostic>) -> Vec<(Layout, Fonts)> {
    let names = match layout::names(&stores.layouts) {
        Ok(n) => n,
        Err(e) => {
            findings.extend(e.0);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for name in names {
        let loaded = layout::load(&stores.layouts, &name)
            .and_then(|l| Fonts::load(&stores.fonts, &l.fonts).map(|f| (l, f)));
        match loaded {
            Ok(pair) => out.push(pair),
            Err(e) => findings.extend(e.0),
        }
    }
    out
}

/// Typeset one layout with one locale; report what does not fit, at the message.
#[allow(clippy::too_many_arguments)]
fn typeset_with(
    stores: &Stores,
    lang: &str,
    layout: &Layout,
    fonts: &Fonts,
    example: &Contacts,
    fit: Fit,
    index: &Index,
    findings: &mut Vec<Diagnostic>,
) {
    let result = locale::load(&stores.locales, lang).and_then(|locale| {
        let content = content::compose(layout, &locale, example, None)?;
        typeset::typeset(
            &content,
            layout,
            fonts,
            locale.hyphenator(),
            fit,
            &typeset::Shared::default(),
        )
    });
    let found = match result {
        Ok(set) => set.warnings,
        Err(e) => e.0,
    };
    for mut d in found {
        d.message = format!("layout `{}`: {}", layout.name, d.message);
        if let Some(entry) = d.field.as_deref().and_then(|id| index.entries.get(id)) {
            d.file = Some(index.sources[entry.file].path.clone());
            d.position = Some(index.sources[entry.file].line_col(entry.offset));
        }
        if lang == locale::PSEUDO {
            d.severity = Severity::Warning;
            d.message = format!(
                "with text a third longer ({}), {}",
                locale::PSEUDO,
                d.message
            );
        }
        findings.push(d);
    }
}

/// What a locale defines, with positions.
struct Index {
    folder: String,
    sources: Vec<Source>,
    /// Message and term ids (terms with their `-`).
    entries: BTreeMap<String, Entry>,
}

struct Entry {
    file: usize,
    offset: usize,
    has_value: bool,
    /// Attribute name → offset.
    attributes: BTreeMap<String, usize>,
    /// Variable name → offset of its first use.
    variables: BTreeMap<String, usize>,
    /// Referenced message and term ids, with offsets.
    references: Vec<(String, usize)>,
    /// Text as written, with the offset of each piece.
    texts: Vec<(usize, String)>,
}

impl Index {
    /// Parse a locale folder; syntax errors and duplicate ids go to `findings`.
    fn read(store: &Store, folder: &str, findings: &mut Vec<Diagnostic>) -> Index {
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
                            Diagnostic::error(format!("Fluent syntax error ({})", e.kind))
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
                    e.pattern(text, &a.value);
                }
                if let Some(first) = entries.get(&id) {
                    let first: &Entry = first;
                    let (line, _) = sources[first.file].line_col(first.offset);
                    findings.push(
                        Diagnostic::error(format!("`{id}` is defined twice"))
                            .at(source, e.offset)
                            .field(id.clone())
                            .hint(format!(
                                "it is first defined in {}:{line}",
                                sources[first.file].path.display()
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

    fn at(&self, entry: &Entry, offset: usize, d: Diagnostic) -> Diagnostic {
        d.at(&self.sources[entry.file], offset)
    }

    /// References to messages or terms this locale does not define, and helplines
    /// without text or number.
    fn references(&self, findings: &mut Vec<Diagnostic>) {
        for (id, entry) in &self.entries {
            if id.starts_with(locale::HELPLINE_PREFIX)
                && (!entry.has_value || !entry.attributes.contains_key("number"))
            {
                findings.push(
                    self.at(
                        entry,
                        entry.offset,
                        Diagnostic::error(format!(
                            "the helpline `{id}` needs a text and a `.number`"
                        )),
                    )
                    .field(id.clone())
                    .hint(format!(
                        "{id} = what the line is for\n      .number = 0200-239 500"
                    )),
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
                            Diagnostic::error(format!(
                                "`{id}` refers to `{target}`, which does not exist"
                            )),
                        )
                        .field(id.clone()),
                    );
                }
            }
        }
    }

    /// Characters the fonts cannot draw, and right-to-left text (reported with the
    /// first layout checked). Fonts already in `checked` are skipped.
    fn coverage(
        &self,
        fonts: &Fonts,
        layout: &str,
        checked: &mut BTreeSet<String>,
        findings: &mut Vec<Diagnostic>,
    ) {
        let first = checked.is_empty();
        let faces: Vec<_> = [&fonts.regular, &fonts.bold]
            .iter()
            .filter(|f| checked.insert(f.file.clone()))
            .map(|f| (f.file.clone(), f.face()))
            .collect();
        if faces.is_empty() {
            return;
        }
        for (id, entry) in &self.entries {
            let mut reported = BTreeSet::new();
            for (offset, text) in &entry.texts {
                for (i, c) in text.char_indices() {
                    if c.is_whitespace() || !reported.insert(c) {
                        continue;
                    }
                    let at = offset + i;
                    if first && crate::typeset::linebreak::is_right_to_left(c) {
                        let d = Diagnostic::error(format!(
                            "`{id}` is written right to left (`{c}`, U+{:04X}), which leaflet cannot set yet",
                            c as u32
                        ))
                        .hint("right-to-left languages (Arabic, Hebrew, Persian, Urdu) come in a later version");
                        findings.push(self.at(entry, at, d).field(id.clone()));
                        break;
                    }
                    for (file, face) in &faces {
                        if face.glyph_index(c).is_none() {
                            let d = Diagnostic::error(format!(
                                "the font `{file}` (layout `{layout}`) cannot draw `{c}` (U+{:04X}) in `{id}`",
                                c as u32
                            ))
                            .hint("use another character, or a layout whose font has it");
                            findings.push(self.at(entry, at, d).field(id.clone()));
                        }
                    }
                }
            }
        }
    }
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

/// Compare a translation with the reference.
fn compare(index: &Index, reference: &Index, findings: &mut Vec<Diagnostic>) {
    let folder = &index.folder;
    for (id, r) in &reference.entries {
        let rpos = || {
            let (line, _) = reference.sources[r.file].line_col(r.offset);
            format!("{}:{line}", reference.sources[r.file].path.display())
        };
        if id.starts_with(locale::HELPLINE_PREFIX) {
            continue; // each language lists its own helplines
        }
        let Some(t) = index.entries.get(id) else {
            let kind = if id.starts_with('-') {
                "term"
            } else {
                "message"
            };
            // Point at the file of the same name, where the translator would add it.
            let name = reference.sources[r.file].path.file_name();
            let file = index
                .sources
                .iter()
                .find(|s| s.path.file_name() == name)
                .or(index.sources.first())
                .map_or_else(|| folder.into(), |s| s.path.clone());
            findings.push(
                Diagnostic::error(format!("{kind} `{id}` is missing from `{folder}`"))
                    .in_file(file)
                    .field(id.clone())
                    .hint(format!("translate it from {}", rpos())),
            );
            continue;
        };
        if r.has_value && !t.has_value {
            findings.push(
                index
                    .at(
                        t,
                        t.offset,
                        Diagnostic::error(format!("`{id}` has no text, only attributes")),
                    )
                    .field(id.clone()),
            );
        }
        for a in r.attributes.keys() {
            if !t.attributes.contains_key(a) {
                findings.push(
                    index
                        .at(
                            t,
                            t.offset,
                            Diagnostic::error(format!("`{id}` lacks the attribute `.{a}`")),
                        )
                        .field(id.clone())
                        .hint(format!("see {}", rpos())),
                );
            }
        }
        for (a, offset) in &t.attributes {
            if !r.attributes.contains_key(a) {
                findings.push(
                    index
                        .at(
                            t,
                            *offset,
                            Diagnostic::error(format!(
                                "`{id}.{a}` is not in the reference locale `{REFERENCE}`"
                            )),
                        )
                        .field(id.clone())
                        .hint("nothing prints it: remove it, or check its spelling"),
                );
            }
        }
        for (v, offset) in &t.variables {
            if !r.variables.contains_key(v) {
                let known: Vec<String> = r.variables.keys().map(|k| format!("`${k}`")).collect();
                let hint = if known.is_empty() {
                    format!("`{id}` takes no variables")
                } else {
                    format!(
                        "`{id}` knows {}; variable names stay untranslated",
                        known.join(", ")
                    )
                };
                findings.push(
                    index
                        .at(t, *offset, Diagnostic::error(format!("`{id}` uses the variable `${v}`, which the reference does not know")))
                        .field(id.clone())
                        .hint(hint),
                );
            }
        }
        for v in r.variables.keys() {
            if !t.variables.contains_key(v) {
                findings.push(
                    index
                        .at(t, t.offset, Diagnostic::warning(format!("`{id}` does not use the variable `${v}`; its value will not be printed")))
                        .field(id.clone())
                        .hint(format!("see {}", rpos())),
                );
            }
        }
    }
    let missing: Vec<&str> = reference
        .entries
        .keys()
        .filter(|id| !index.entries.contains_key(*id))
        .map(String::as_str)
        .collect();
    for (id, t) in &index.entries {
        if !reference.entries.contains_key(id) && !id.starts_with(locale::HELPLINE_PREFIX) {
            findings.push(
                index
                    .at(t, t.offset, Diagnostic::error(format!("`{id}` is not in the reference locale `{REFERENCE}`")))
                    .field(id.clone())
                    .hint(match crate::store::did_you_mean(id, &missing) {
                        Some(m) => format!("did you mean `{m}`? The reference has that id and this locale lacks it"),
                        None => "nothing prints it: remove it, or check its spelling against the reference".into(),
                    }),
            );
        }
    }
}

/// Render a report as JSON: `{"checked": [...], "errors": N, "findings": [...]}`.
pub fn to_json(report: &Report) -> String {
    let findings: Vec<serde_json::Value> = report
        .findings
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "file": d.file.as_ref().map(|f| f.display().to_string()),
                "line": d.position.map(|p| p.0),
                "column": d.position.map(|p| p.1),
                "field": d.field,
                "message": d.message,
                "hints": d.hints,
            })
        })
        .collect();
    let value = serde_json::json!({
        "checked": report.checked,
        "errors": report.errors(),
        "findings": findings,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
