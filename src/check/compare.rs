//! Comparing a translation with the reference locale: what is missing from it,
//! what it has that the reference does not, and variables that differ.

use crate::diagnostic::Diagnostic;
use crate::locale::{self, REFERENCE};

use super::index::{Entry, Index};

/// Compare a translation with the reference.
pub(super) fn compare(index: &Index, reference: &Index, findings: &mut Vec<Diagnostic>) {
    for (id, r) in &reference.entries {
        if id.starts_with(locale::HELPLINE_PREFIX) {
            continue; // each language lists its own helplines
        }
        let pair = Pair {
            id,
            index,
            reference,
            r,
        };
        match index.entries.get(id) {
            None => findings.push(pair.missing()),
            Some(t) => {
                pair.value_and_attributes(t, findings);
                pair.variables(t, findings);
            }
        }
    }
    unknown(index, reference, findings);
}

/// An entry of the reference and the translation it is compared with.
struct Pair<'a> {
    id: &'a str,
    index: &'a Index,
    reference: &'a Index,
    /// The reference's entry.
    r: &'a Entry,
}

impl Pair<'_> {
    /// Where the reference defines the entry, as `file:line`.
    fn reference_position(&self) -> String {
        let source = &self.reference.sources[self.r.file];
        let (line, _) = source.line_col(self.r.offset);
        format!("{}:{line}", source.path.display())
    }

    /// A finding at `offset` of the translation's entry `t`.
    fn at(&self, t: &Entry, offset: usize, d: Diagnostic) -> Diagnostic {
        self.index.at(t, offset, d).field(self.id)
    }

    /// The entry is missing: point at the file of the same name, where the
    /// translator would add it.
    fn missing(&self) -> Diagnostic {
        let (id, index) = (self.id, self.index);
        let kind = if id.starts_with('-') {
            "term"
        } else {
            "message"
        };
        let name = self.reference.sources[self.r.file].path.file_name();
        let file = index
            .sources
            .iter()
            .find(|s| s.path.file_name() == name)
            .or(index.sources.first())
            .map_or_else(|| index.folder.clone().into(), |s| s.path.clone());
        Diagnostic::error(format!("{kind} `{id}` is missing from `{}`", index.folder))
            .in_file(file)
            .field(id)
            .hint(format!("translate it from {}", self.reference_position()))
    }

    /// A text the reference has, and the attributes of both.
    fn value_and_attributes(&self, t: &Entry, findings: &mut Vec<Diagnostic>) {
        let (id, r) = (self.id, self.r);
        if r.has_value && !t.has_value {
            let d = Diagnostic::error(format!("`{id}` has no text, only attributes"));
            findings.push(self.at(t, t.offset, d));
        }
        for a in r.attributes.keys() {
            if !t.attributes.contains_key(a) {
                let d = Diagnostic::error(format!("`{id}` lacks the attribute `.{a}`"));
                findings.push(
                    self.at(t, t.offset, d)
                        .hint(format!("see {}", self.reference_position())),
                );
            }
        }
        for (a, offset) in &t.attributes {
            if !r.attributes.contains_key(a) {
                let d = Diagnostic::error(format!(
                    "`{id}.{a}` is not in the reference locale `{REFERENCE}`"
                ));
                findings.push(
                    self.at(t, *offset, d)
                        .hint("nothing prints it: remove it, or check its spelling"),
                );
            }
        }
    }

    /// Variables the reference does not know (errors) and ones the translation
    /// drops (warnings).
    fn variables(&self, t: &Entry, findings: &mut Vec<Diagnostic>) {
        let (id, r) = (self.id, self.r);
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
                let d = Diagnostic::error(format!(
                    "`{id}` uses the variable `${v}`, which the reference does not know"
                ));
                findings.push(self.at(t, *offset, d).hint(hint));
            }
        }
        for v in r.variables.keys() {
            if !t.variables.contains_key(v) {
                let d = Diagnostic::warning(format!(
                    "`{id}` does not use the variable `${v}`; its value will not be printed"
                ));
                findings.push(
                    self.at(t, t.offset, d)
                        .hint(format!("see {}", self.reference_position())),
                );
            }
        }
    }
}

/// Ids the translation has and the reference does not (helplines aside): a typo
/// of a missing id gets it as a hint.
fn unknown(index: &Index, reference: &Index, findings: &mut Vec<Diagnostic>) {
    let missing: Vec<&str> = reference
        .entries
        .keys()
        .filter(|id| !index.entries.contains_key(*id))
        .map(String::as_str)
        .collect();
    for (id, t) in &index.entries {
        if reference.entries.contains_key(id) || id.starts_with(locale::HELPLINE_PREFIX) {
            continue;
        }
        let d = Diagnostic::error(format!(
            "`{id}` is not in the reference locale `{REFERENCE}`"
        ));
        let hint = match crate::store::did_you_mean(id, &missing) {
            Some(m) => {
                format!("did you mean `{m}`? The reference has that id and this locale lacks it")
            }
            None => {
                "nothing prints it: remove it, or check its spelling against the reference".into()
            }
        };
        findings.push(index.at(t, t.offset, d).field(id.clone()).hint(hint));
    }
}
