//! Comparing a translation with the reference locale: what is missing from it,
//! what it has that the reference does not, and variables that differ.

use crate::diagnostic::Diagnostic;
use crate::locale::{self, REFERENCE};
use crate::messages::{msg, Message};

use super::index::{Entry, Index};

/// Compare a translation with the reference. A translation without the tool's
/// messages ([`locale::MESSAGES_FILE`]) gets one warning for the file, not one
/// for each message: the tool speaks English to its readers until it is there.
pub(super) fn compare(index: &Index, reference: &Index, findings: &mut Vec<Diagnostic>) {
    let has_messages = index.has_file(locale::MESSAGES_FILE);
    if !has_messages && reference.has_file(locale::MESSAGES_FILE) {
        findings.push(
            Diagnostic::warning(
                msg("check-no-messages-file")
                    .arg("lang", index.folder.as_str())
                    .arg("file", locale::MESSAGES_FILE),
            )
            .in_file(index.folder_path())
            .hint(
                msg("hint-copy-messages")
                    .arg("reference", REFERENCE)
                    .arg("file", locale::MESSAGES_FILE),
            ),
        );
    }
    for (id, r) in &reference.entries {
        if id.starts_with(locale::HELPLINE_PREFIX) {
            continue; // each language lists its own helplines
        }
        if !has_messages && reference.is_tool_message(r) {
            continue;
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

    /// The hint to see the reference's entry.
    fn see_reference(&self) -> Message {
        msg("hint-see").arg("place", self.reference_position())
    }

    /// A finding at `offset` of the translation's entry `t`.
    fn at(&self, t: &Entry, offset: usize, d: Diagnostic) -> Diagnostic {
        self.index.at(t, offset, d).field(self.id)
    }

    /// The entry is missing: point at the file of the same name, where the
    /// translator would add it. One of the tool's own messages is a warning:
    /// English stands in for it.
    fn missing(&self) -> Diagnostic {
        let (id, index) = (self.id, self.index);
        let message = if id.starts_with('-') {
            msg("check-missing-term")
        } else {
            msg("check-missing-message")
        };
        let name = self.reference.sources[self.r.file].path.file_name();
        let file = index
            .sources
            .iter()
            .find(|s| s.path.file_name() == name)
            .or(index.sources.first())
            .map_or_else(|| index.folder.clone().into(), |s| s.path.clone());
        let message = message.arg("id", id).arg("lang", index.folder.as_str());
        let d = if self.reference.is_tool_message(self.r) {
            Diagnostic::warning(msg("check-missing-tool-message").arg("problem", message))
        } else {
            Diagnostic::error(message)
        };
        d.in_file(file)
            .field(id)
            .hint(msg("hint-translate-from").arg("place", self.reference_position()))
    }

    /// A text the reference has, and the attributes of both.
    fn value_and_attributes(&self, t: &Entry, findings: &mut Vec<Diagnostic>) {
        let (id, r) = (self.id, self.r);
        if r.has_value && !t.has_value {
            let d = Diagnostic::error(msg("check-no-value").arg("id", id));
            findings.push(self.at(t, t.offset, d));
        }
        for a in r.attributes.keys() {
            if !t.attributes.contains_key(a) {
                let d =
                    Diagnostic::error(msg("check-no-attribute").arg("id", id).arg("attribute", a));
                findings.push(self.at(t, t.offset, d).hint(self.see_reference()));
            }
        }
        for (a, offset) in &t.attributes {
            if !r.attributes.contains_key(a) {
                let d = Diagnostic::error(
                    msg("check-not-in-reference")
                        .arg("id", format!("{id}.{a}"))
                        .arg("reference", REFERENCE),
                );
                findings.push(self.at(t, *offset, d).hint(msg("hint-nothing-prints-it")));
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
                    msg("hint-no-variables").arg("id", id)
                } else {
                    msg("hint-known-variables")
                        .arg("id", id)
                        .arg("variables", known.join(", "))
                };
                let d = Diagnostic::error(
                    msg("check-unknown-variable")
                        .arg("id", id)
                        .arg("variable", v.as_str()),
                );
                findings.push(self.at(t, *offset, d).hint(hint));
            }
        }
        for v in r.variables.keys() {
            if !t.variables.contains_key(v) {
                let d = Diagnostic::warning(
                    msg("check-unused-variable")
                        .arg("id", id)
                        .arg("variable", v.as_str()),
                );
                findings.push(self.at(t, t.offset, d).hint(self.see_reference()));
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
        let d = Diagnostic::error(
            msg("check-not-in-reference")
                .arg("id", id)
                .arg("reference", REFERENCE),
        );
        let hint = match crate::store::did_you_mean(id, &missing) {
            Some(m) => msg("hint-did-you-mean-id").arg("id", m),
            None => msg("hint-nothing-prints-it-spelling"),
        };
        findings.push(index.at(t, t.offset, d).field(id.clone()).hint(hint));
    }
}
