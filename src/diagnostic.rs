//! Diagnostics: the one type every stage uses to report a problem to a person.
//!
//! A [`Diagnostic`] carries a severity, where the problem is (file, line and column,
//! and the field or message it concerns), a lowercase message and hints, each a
//! [`Message`] said in the reader's language ([`crate::messages`]). Stages collect
//! every problem they find and fail with all of them at once ([`Diagnostics`]);
//! warnings travel beside a successful result. Rendering happens here and only
//! here, in the one voice of the tool, the `file:line:column:` prefix the same in
//! every language:
//!
//! ```text
//! error: asby.toml:4:1: `organisation.phne` is not a known key
//!   hint: did you mean `phone`?
//! fel: asby.toml:4:1: `organisation.phne` är ingen känd nyckel
//!   tips: menade du `phone`?
//! ```

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::messages::{msg, Message, Speaker};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The output cannot be made.
    Error,
    /// The output is made, but a person should look at this.
    Warning,
}

/// What sort of problem it is, for a program that answers for it (the web
/// server's HTTP status); people read the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// Something in the input that a person can fix.
    #[default]
    Input,
    /// Input larger than is accepted.
    TooLarge,
    /// A request that cannot be read (a broken upload).
    Request,
    /// Work that took longer than is allowed.
    Timeout,
    /// Work refused because as much is already running and waiting as is allowed;
    /// asking again later will do.
    Busy,
    /// A bug in leaflet.
    Internal,
}

/// One problem, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What sort of problem it is.
    pub kind: Kind,
    /// The file the problem is in, if it is in a file.
    pub file: Option<PathBuf>,
    /// 1-based line and column (in characters) in `file`.
    pub position: Option<(usize, usize)>,
    /// The field, key or message the problem concerns (`organisation.phone`).
    pub field: Option<String>,
    /// What is wrong, lowercase, without a final full stop.
    pub message: Message,
    /// What to do about it; each becomes a `hint:` line.
    pub hints: Vec<Message>,
}

impl Diagnostic {
    /// Make an error with a message and nothing else.
    pub fn error(message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Input,
            file: None,
            position: None,
            field: None,
            message,
            hints: Vec::new(),
        }
    }

    /// Make a warning with a message and nothing else.
    pub fn warning(message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Name the file the problem is in.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Place the problem at a byte offset of a source text.
    pub fn at(mut self, source: &Source, offset: usize) -> Self {
        self.file = Some(source.path.clone());
        self.position = Some(source.line_col(offset));
        self
    }

    /// Place the problem at the start of a byte range, if there is one.
    pub fn at_span(self, source: &Source, span: Option<Range<usize>>) -> Self {
        match span {
            Some(span) => self.at(source, span.start),
            None => self.in_file(source.path.clone()),
        }
    }

    /// Say what sort of problem it is.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Name the field or message the problem concerns.
    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Add a hint.
    pub fn hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }

    /// Whether this diagnostic stops the output.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as a person reads it on a terminal, in `speaker`'s language:
    /// `error: FILE:LINE:COLUMN: message`, then a line for each hint.
    pub fn render(&self, speaker: &Speaker<'_>) -> String {
        let label = match self.severity {
            Severity::Error => msg("severity-error"),
            Severity::Warning => msg("severity-warning"),
        };
        let mut out = format!("{}: ", speaker.say(&label));
        if let Some(file) = &self.file {
            out.push_str(&file.display().to_string());
            if let Some((line, col)) = self.position {
                out.push_str(&format!(":{line}:{col}"));
            }
            out.push_str(": ");
        }
        out.push_str(&speaker.say(&self.message));
        let hint = speaker.say(&msg("severity-hint"));
        for h in &self.hints {
            out.push_str(&format!("\n  {hint}: {}", speaker.say(h)));
        }
        out
    }
}

/// In English: what tests and the library's own callers see.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&Speaker::english()))
    }
}

/// Every problem that stopped a stage, in the order they were found.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Wrap a single error.
    pub fn one(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

/// Both results, or every problem of either.
pub fn both<A, B>(
    a: Result<A, Diagnostics>,
    b: Result<B, Diagnostics>,
) -> Result<(A, B), Diagnostics> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(Diagnostics(
            [a.err(), b.err()]
                .into_iter()
                .flatten()
                .flat_map(|d| d.0)
                .collect(),
        )),
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics::one(d)
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl Diagnostics {
    /// Every diagnostic as a person reads it, in `speaker`'s language, a line each.
    pub fn render(&self, speaker: &Speaker<'_>) -> String {
        let lines: Vec<String> = self.0.iter().map(|d| d.render(speaker)).collect();
        lines.join("\n")
    }
}

/// A text read from a file, kept to turn byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it (or the bundled name).
    pub path: PathBuf,
    /// The whole text.
    pub text: String,
    /// Where each line starts, found once on the first question: a file with
    /// thousands of problems is not scanned again for each.
    lines: std::sync::OnceLock<Vec<usize>>,
}

impl Source {
    /// Keep a text under its path.
    pub fn new(path: impl AsRef<Path>, text: String) -> Self {
        Source {
            path: path.as_ref().to_path_buf(),
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// Turn a byte offset into a 1-based line and character column.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.lines.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line.saturating_sub(1)];
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let s = Source::new("x.toml", "a = 1\nnamn = \"Åsa\"\nö".to_string());
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(6), (2, 1));
        let o = s.text.rfind('ö').unwrap_or(0);
        assert_eq!(s.line_col(o), (3, 1));
        let q = s.text.find("\"Åsa").unwrap_or(0) + 2; // inside Å
        assert_eq!(s.line_col(q), (2, 9));
    }

    #[test]
    fn renders_file_position_and_hints() {
        let s = Source::new("a.toml", "x\ny".to_string());
        let d = Diagnostic::error(msg("contacts-unknown-key").field("field", "organisation.phne"))
            .at(&s, 2)
            .hint(msg("hint-did-you-mean").arg("key", "phone"));
        assert_eq!(
            d.to_string(),
            "error: a.toml:2:1: `organisation.phne` is not a known key\n  hint: did you mean `phone`?"
        );
    }
}
