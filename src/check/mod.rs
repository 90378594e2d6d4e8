//! Check: the translators' lint. Compare a locale with the reference locale and
//! typeset it in every layout, reporting everything a translator must fix before
//! anything is printed.
//!
//! Reported with file:line:column: Fluent syntax errors (a select expression
//! without a default variant among them); duplicate ids; messages, attributes and
//! terms missing from the translation or unknown to the reference; variables the
//! reference uses that the translation drops (a warning) or that the reference does
//! not know (an error: `{ $puhelin }` for `{ $phone }`); references to messages or
//! terms that do not exist; straight quotation marks and apostrophes in printed
//! text (a warning); characters no font of a layout can draw (its main
//! family or a fallback); malformed hyphenation exceptions; and text that does not
//! fit its frame in any layout (typeset with the bundled example's contacts, a
//! right-to-left language in the mirrored layout). A language without hyphenation
//! patterns gets a warning, unless its script does not hyphenate (Arabic, Hebrew,
//! Ethiopic). The national helplines: one without its text or `.number` is an
//! error, a `.checked` that is not a month is an error, and one missing or more
//! than [`locale::CHECKED_FOR_MONTHS`] months old is a warning.
//!
//! With `pseudo`, every layout is also typeset with the pseudo-locale, and what would
//! not fit a translation about a third longer than Swedish is reported as warnings.

mod compare;
mod index;

use std::collections::BTreeSet;

use crate::contacts::{self, Contacts};
use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, Source};
use crate::fonts::Fonts;
use crate::hyphenate::Hyphenator;
use crate::layout::{self, Layout};
use crate::locale::{self, REFERENCE};
use crate::messages::{msg, Speaker};
use crate::store::Store;
use crate::typeset::{self, Fit};

use index::Index;

/// The contacts every layout is typeset with: the bundled example.
const EXAMPLE_CONTACTS: &str = include_str!("../../examples/asby.toml");

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
/// Helplines checked more than a year before `today` get a warning.
pub fn check(
    stores: &Stores,
    langs: &[String],
    pseudo: bool,
    today: locale::Month,
) -> Result<Report, Diagnostics> {
    let available: Vec<String> = locale::available(&stores.locales)?
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut findings = Vec::new();
    let folders = folders(stores, &available, langs, &mut findings);
    let reference = if available.iter().any(|l| l == REFERENCE) {
        Some(Index::read(&stores.locales, REFERENCE, &mut Vec::new()))
    } else {
        findings.push(
            Diagnostic::error(msg("check-no-reference").arg("reference", REFERENCE))
                .in_file(stores.locales.display_path(REFERENCE)),
        );
        None
    };
    let mut checker = Checker {
        stores,
        layouts: load_layouts(stores, &mut findings),
        example: contacts::parse(&Source::new(
            "examples/asby.toml",
            EXAMPLE_CONTACTS.to_string(),
        ))?,
        findings,
        today,
    };
    for folder in &folders {
        checker.locale(folder, reference.as_ref());
    }
    if let (true, Some(reference)) = (pseudo, &reference) {
        checker.typeset(locale::PSEUDO, Fit::Preview, reference);
    }
    Ok(Report {
        checked: folders,
        findings: checker.findings,
    })
}

/// The locale folders asked for (all when none are); one that does not exist is
/// a finding.
fn folders(
    stores: &Stores,
    available: &[String],
    langs: &[String],
    findings: &mut Vec<Diagnostic>,
) -> Vec<String> {
    if langs.is_empty() {
        return available.to_vec();
    }
    let mut folders = Vec::new();
    for lang in langs {
        if available.contains(lang) {
            folders.push(lang.clone());
        } else {
            findings.push(
                Diagnostic::error(msg("check-no-folder").arg("lang", lang))
                    .in_file(stores.locales.display_path(lang))
                    .hint(msg("hint-languages").arg("langs", available.join(", "))),
            );
        }
    }
    folders
}

/// What every locale is checked against, and the findings so far.
struct Checker<'s> {
    stores: &'s Stores,
    /// Every layout with its fonts.
    layouts: Vec<(Layout, Fonts)>,
    /// The contacts every layout is typeset with.
    example: Contacts,
    findings: Vec<Diagnostic>,
    /// The month helplines' checks are measured against.
    today: locale::Month,
}

impl Checker<'_> {
    /// Check one locale: its entries, against the reference, its references and
    /// characters; then, if its messages are complete and correct, typeset it in
    /// every layout.
    fn locale(&mut self, folder: &str, reference: Option<&Index>) {
        let before = self.findings.len();
        let index = Index::read(&self.stores.locales, folder, &mut self.findings);
        // A locale whose files cannot be read has its one error, not a
        // "missing" for each message of the reference.
        let read = !index.sources.is_empty();
        if let (Some(reference), true) = (reference, folder != REFERENCE && read) {
            compare::compare(&index, reference, &mut self.findings);
        }
        index.references(&mut self.findings);
        index.helpline_dates(self.today, &mut self.findings);
        index.straight_quotes(&mut self.findings);
        // Each set of fonts is checked once, whichever layouts share it.
        let mut checked = BTreeSet::new();
        for (layout, fonts) in &self.layouts {
            index.coverage(fonts, &layout.name, &mut checked, &mut self.findings);
        }
        if hyphenates(folder) && !Hyphenator::for_language(folder).has_patterns() {
            self.findings.push(
                Diagnostic::warning(msg("check-no-hyphenation").arg("lang", folder))
                    .in_file(self.stores.locales.display_path(folder))
                    .hint(msg("hint-hyphenation-list").arg("lang", folder)),
            );
        }
        if self.findings[before..].iter().all(|d| !d.is_error()) {
            self.typeset(folder, Fit::Strict, &index);
        }
    }

    /// Typeset a language in every layout; report what does not fit, at the
    /// message (found in `index`).
    fn typeset(&mut self, lang: &str, fit: Fit, index: &Index) {
        let locale = locale::load(&self.stores.locales, lang);
        for (layout, fonts) in &self.layouts {
            let result = locale.as_ref().map_err(Clone::clone).and_then(|locale| {
                // A right-to-left language is set in the mirrored layout, as built.
                let mirrored;
                let layout = if locale.is_right_to_left() {
                    mirrored = layout.clone().mirrored();
                    &mirrored
                } else {
                    layout
                };
                let content = content::compose(layout, locale, &self.example, &[], false)?;
                let shared = typeset::Shared::default();
                typeset::typeset(&content, layout, fonts, locale.hyphenator(), fit, &shared)
            });
            let found = match result {
                Ok(set) => set.warnings,
                Err(e) => e.0,
            };
            for mut d in found {
                d.message = msg("check-in-layout")
                    .arg("layout", layout.name.as_str())
                    .arg("problem", d.message);
                if let Some(entry) = d.field.as_deref().and_then(|id| index.entries.get(id)) {
                    d.file = Some(index.sources[entry.file].path.clone());
                    d.position = Some(index.sources[entry.file].line_col(entry.offset));
                }
                if lang == locale::PSEUDO {
                    d.severity = Severity::Warning;
                    d.message = msg("check-pseudo")
                        .arg("pseudo", locale::PSEUDO)
                        .arg("problem", d.message);
                }
                self.findings.push(d);
            }
        }
    }
}

/// Whether text in a language is hyphenated at all: not in the scripts whose
/// typography does not break words (Arabic, Hebrew, Ethiopic), where a missing
/// set of patterns is no loss.
fn hyphenates(lang: &str) -> bool {
    let Ok(id) = lang.parse::<unic_langid::LanguageIdentifier>() else {
        return true;
    };
    let ethiopic = ["am", "ti", "tig", "byn", "gez"].contains(&id.language.as_str())
        || id.script.is_some_and(|s| s.as_str() == "Ethi");
    id.character_direction() != unic_langid::CharacterDirection::RTL && !ethiopic
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

/// Render a report as JSON: `{"checked": [...], "errors": N, "findings": [...]}`,
/// each finding's message and hints said by `speaker`.
pub fn to_json(report: &Report, speaker: &Speaker<'_>) -> String {
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
                "message": speaker.say(&d.message),
                "hints": d.hints.iter().map(|h| speaker.say(h)).collect::<Vec<_>>(),
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
