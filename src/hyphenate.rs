//! Hyphenation: where a word may break, from the language's patterns and the
//! locale's own exceptions.
//!
//! Patterns (hypher) know syllables, not compound words: they happily split Swedish
//! "närstående" as "närstå-ende". A locale folder may therefore hold
//! `hyphenation.txt`, one word a line with hyphens at the allowed breaks
//! (`när-stående`); an exception wins over the patterns. A language without patterns
//! (Northern Sámi, say) is set without hyphenation, except for its exceptions.
//! Breaks keep at least 2 letters before and 3 after.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Source};
use crate::messages::msg;

/// The file in a locale folder that lists hyphenation exceptions.
pub const EXCEPTIONS_FILE: &str = "hyphenation.txt";
/// Letters kept before and after a break.
const MIN_LETTERS: (usize, usize) = (2, 3);
/// Words shorter than this (in letters) are never hyphenated.
const MIN_WORD: usize = 6;

/// Where words of one language may break.
#[derive(Debug, Clone, Default)]
pub struct Hyphenator {
    patterns: Option<hypher::Lang>,
    /// Lower-case word without hyphens → byte offsets of its allowed breaks.
    exceptions: HashMap<String, Vec<usize>>,
}

impl Hyphenator {
    /// The hyphenator for a language code (`sv`, `fi`), with no exceptions yet.
    pub fn for_language(lang: &str) -> Hyphenator {
        let code: Option<[u8; 2]> = lang.as_bytes().try_into().ok();
        Hyphenator {
            patterns: code.and_then(hypher::Lang::from_iso),
            exceptions: HashMap::new(),
        }
    }

    /// Whether the language has hyphenation patterns.
    pub fn has_patterns(&self) -> bool {
        self.patterns.is_some()
    }

    /// Read exceptions (one word a line, hyphens at the breaks, `#` comments).
    pub fn add_exceptions(&mut self, source: &Source) -> Result<(), Diagnostics> {
        let mut errors = Vec::new();
        let mut offset = 0;
        for line in source.text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let word = line.split('#').next().unwrap_or("").trim();
            if word.is_empty() {
                continue;
            }
            let at = start + line.find(word).unwrap_or(0);
            if word.contains(char::is_whitespace)
                || !word.contains('-')
                || word.starts_with('-')
                || word.ends_with('-')
            {
                errors.push(
                    Diagnostic::error(msg("hyphenation-not-a-word").arg("word", word))
                        .at(source, at)
                        .hint(msg("hint-hyphenation-word")),
                );
                continue;
            }
            let mut plain = String::new();
            let mut breaks = Vec::new();
            for (i, part) in word.split('-').enumerate() {
                if i > 0 {
                    breaks.push(plain.len());
                }
                plain.push_str(&part.to_lowercase());
            }
            self.exceptions.insert(plain, breaks);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Byte offsets in `word` where it may break with a hyphen added. Punctuation
    /// around the word is allowed; words with digits, `@` or `.` inside are never
    /// hyphenated, nor are parts of a hyphenated compound shorter than six letters.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let mut points = Vec::new();
        let mut base = 0;
        for part in word.split_inclusive(['-', '/']) {
            if let Some((start, core)) = letters_core(part) {
                let lower = core.to_lowercase();
                let letters = core.chars().count();
                // Byte offsets must mean the same in the lower-case word.
                if lower.len() == core.len() {
                    let found = match self.exceptions.get(&lower) {
                        Some(breaks) => breaks.clone(),
                        None if letters >= MIN_WORD => self.pattern_points(&lower),
                        None => Vec::new(),
                    };
                    points.extend(found.into_iter().map(|p| base + start + p));
                }
            }
            base += part.len();
        }
        points
    }

    fn pattern_points(&self, lower: &str) -> Vec<usize> {
        let Some(lang) = self.patterns else {
            return Vec::new();
        };
        let syllables: Vec<&str> =
            hypher::hyphenate_bounded(lower, lang, MIN_LETTERS.0, MIN_LETTERS.1).collect();
        let mut at = 0;
        syllables[..syllables.len().saturating_sub(1)]
            .iter()
            .map(|s| {
                at += s.len();
                at
            })
            .collect()
    }
}

/// The letters-only middle of a word part and where it starts, if it is all letters.
fn letters_core(part: &str) -> Option<(usize, &str)> {
    let start = part.find(char::is_alphabetic)?;
    let last = part.rfind(char::is_alphabetic)?;
    let end = last + part[last..].chars().next().map_or(1, char::len_utf8);
    let core = &part[start..end];
    core.chars()
        .all(char::is_alphabetic)
        .then_some((start, core))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_keep_two_letters_before_and_three_after() {
        let h = Hyphenator::for_language("sv");
        let word = "anhörigkonsulent";
        let points = h.points(word);
        assert!(!points.is_empty());
        assert!(
            points.iter().all(|&p| p >= 2 && p <= word.len() - 3),
            "{points:?}"
        );
        assert!(h.points("stöd").is_empty());
        assert!(h.points("asa.ohrstrom@asby.se").is_empty());
    }

    #[test]
    fn exceptions_win_over_patterns_and_ignore_case_and_punctuation() {
        let mut h = Hyphenator::for_language("sv");
        h.add_exceptions(&Source::new("h.txt", "# compounds\nnär-stående\n".into()))
            .expect("valid");
        assert_eq!(h.points("närstående"), vec!["när".len()]);
        assert_eq!(h.points("Närstående."), vec!["När".len()]);
    }

    #[test]
    fn a_language_without_patterns_breaks_only_at_exceptions() {
        let mut h = Hyphenator::for_language("se");
        assert!(!h.has_patterns());
        assert!(h.points("eanangotti").is_empty());
        h.add_exceptions(&Source::new("h.txt", "eanan-gotti\n".into()))
            .expect("valid");
        assert_eq!(h.points("eanangotti"), vec![5]);
    }

    #[test]
    fn a_malformed_exception_is_located() {
        let mut h = Hyphenator::for_language("fi");
        let e = h
            .add_exceptions(&Source::new("h.txt", "omais-hoitaja\ntwo words\n".into()))
            .expect_err("two words");
        assert!(e.to_string().contains("h.txt:2:1"), "{e}");
    }
}
