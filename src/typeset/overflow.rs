//! What the typesetter says about text that does not fit: how much is too long,
//! what lies below the frame's bottom and what to shorten (the messages of the
//! locale, or the contact details that take the most lines), and the warning that
//! the contact details had to shrink.

use crate::content::Origin;
use crate::diagnostic::Diagnostic;
use crate::messages::{msg, Message};
use crate::units::excess_mm;

use super::stack::{FieldLines, Stack};

/// How much a frame's text is too long, and what lies below its bottom.
pub(super) struct Overflow {
    /// Points too tall.
    over: f32,
    /// The type size of the last flow, to say how many lines that is.
    size: f32,
    /// Whether it was already set at its smallest allowed size.
    shrunk: bool,
    /// Where the flows below the bottom come from.
    sources: Vec<Origin>,
    /// The frame's contacts fields and how many lines each takes.
    fields: Vec<FieldLines>,
}

impl Overflow {
    /// The overflow of a stack taller than `height`.
    pub(super) fn of(stack: &Stack, height: f32) -> Overflow {
        Overflow {
            over: stack.height - height,
            size: stack.bottoms.last().map_or(12.0, |b| b.size),
            shrunk: stack.scale < 1.0,
            sources: stack
                .bottoms
                .iter()
                .filter(|b| b.y > height + 0.01)
                .map(|b| b.source.clone())
                .collect(),
            fields: stack.fields.clone(),
        }
    }

    /// The error for page `page` (1-based, named `name` in the layout).
    pub(super) fn diagnostic(&self, page: usize, name: &str, lang: &str) -> Diagnostic {
        let lines = (self.over / (self.size * 1.3)).ceil().max(1.0) as i64;
        let said = if self.shrunk {
            msg("typeset-overflow-smallest")
        } else {
            msg("typeset-overflow")
        };
        let mut d = Diagnostic::error(
            said.arg("page", page)
                .arg("name", name)
                .arg("over", excess_mm(self.over))
                .arg("lines", lines)
                .arg("size", self.size),
        );
        let shown: Vec<Message> = self.sources.iter().take(6).map(Origin::said).collect();
        if !shown.is_empty() {
            d = d.hint(msg("hint-does-not-fit").arg("sources", shown));
        }
        if let Some(first) = self.sources.first() {
            d = d.field(first.id());
        }
        if self.fields.is_empty() {
            return d.hint(msg("hint-shorten-messages").arg("lang", lang));
        }
        // The contact details decide how full the page is: name the longest ones.
        // Fields over several lines first, then the last ones on the page.
        let mut fields: Vec<&FieldLines> = self.fields.iter().rev().collect();
        fields.sort_by_key(|f| std::cmp::Reverse(f.lines));
        let named: Vec<Message> = fields
            .iter()
            .take(5)
            .map(|f| {
                msg("field-lines")
                    .field("field", &f.field)
                    .arg("lines", f.lines)
            })
            .collect();
        d.hint(
            msg("hint-shorten-contacts")
                .arg("lines", lines)
                .arg("fields", named),
        )
    }
}

/// The warning that the contact details are set smaller than their style to fit.
pub(super) fn shrunk(size: f32) -> Diagnostic {
    Diagnostic::warning(msg("typeset-shrunk").arg("size", size)).hint(msg("hint-shrunk"))
}
