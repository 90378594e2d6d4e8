//! Break points: a paragraph's spans as pieces that stay together, spaces, and
//! the places inside words where a line may end (after a hard hyphen or an en
//! dash between words, or at a hyphenation point with a hyphen added).
//!
//! A space before a number breaks only as a last resort where Swedish and
//! Finnish typography ask for a no-break space: between digit groups ("971 28",
//! "100 000") and after a short word or abbreviation ("kl. 9", "klo 9",
//! "Box 804", "nr 5"), so a postal code or a time is not split over two lines
//! unless the column is too narrow to set it otherwise.

use crate::content::{Para, Wrap};
use crate::diagnostic::Diagnostic;
use crate::fonts::{FaceId, Weight};
use crate::layout::Style;
use crate::pages::PlacedGlyph;

use super::breaks::LAST_RESORT_PENALTY;
use super::{weight_of, Elem, Ink, LineBreaker};

/// How one span's words are set.
struct Look {
    weight: Weight,
    link: bool,
    wrap: Wrap,
    /// The style hyphenates.
    hyphenate: bool,
    /// Type size.
    size: f32,
}

impl LineBreaker<'_> {
    /// Turn a paragraph's spans into pieces, spaces and break points, each piece
    /// and space at its embedding level (see `bidi`).
    pub(super) fn elems(
        &mut self,
        para: &Para,
        style: &Style,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Elem> {
        let levels = super::bidi::span_levels(para);
        let mut elems = Vec::new();
        for (i, span) in para.spans.iter().enumerate() {
            let weight = weight_of(style, span.bold);
            let look = Look {
                weight,
                link: i == 0 && span.link.is_some(),
                wrap: span.wrap,
                hyphenate: style.hyphenate,
                size: style.size_pt,
            };
            let span_levels = levels.as_ref().map(|l| l[i].as_slice());
            let level_at = |at: usize| span_levels.map_or(0, |l| l[at]);
            let space = self.space(weight, para, problems);
            let mut at = 0;
            let mut before = "";
            for (k, word) in span.text.split(' ').enumerate() {
                if k > 0 {
                    if let Some((face, glyph)) = &space {
                        let scale = style.size_pt / self.fonts.get(*face).units_per_em;
                        elems.push(Elem::Glue {
                            ink: Ink {
                                face: *face,
                                link: look.link,
                            },
                            width: glyph.advance as f32 * scale,
                            glyph: glyph.clone(),
                            break_cost: match span.wrap {
                                Wrap::Never => None,
                                _ if binds(before, word) => Some(LAST_RESORT_PENALTY),
                                _ => Some(0.0),
                            },
                            level: level_at(at - 1),
                        });
                    }
                }
                before = word;
                if !word.is_empty() {
                    let word_levels = span_levels.map(|l| &l[at..at + word.len()]);
                    self.word(word, word_levels, &look, para, problems, &mut elems);
                }
                at += word.len() + 1;
            }
        }
        elems
    }

    /// The space glyph of a weight's main face.
    fn space(
        &mut self,
        weight: Weight,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<(FaceId, PlacedGlyph)> {
        let shaped = self.shape(" ", weight, false, para, problems);
        let part = shaped.into_iter().next()?;
        Some((part.face, part.glyphs.into_iter().next()?))
    }

    /// Where a word may break, in order.
    fn break_points(&self, word: &str, look: &Look) -> Vec<Point> {
        let plain = |at| Point {
            at,
            hyphen: false,
            penalty: 0.0,
        };
        let mut points: Vec<Point> = match look.wrap {
            Wrap::Never => Vec::new(),
            Wrap::Address => address_points(word),
            Wrap::Words => dash_points(word),
            Wrap::Hyphenate => {
                let mut points = dash_points(word);
                if look.hyphenate {
                    points.extend(self.hyphenator.points(word).into_iter().map(|at| Point {
                        hyphen: true,
                        ..plain(at)
                    }));
                }
                points
            }
        };
        if look.wrap != Wrap::Never {
            points.extend(word_space_points(word).into_iter().map(plain));
        }
        points.sort_by_key(|p| p.at);
        points.dedup_by_key(|p| p.at);
        points
    }

    /// Shape a word and split it into pieces: a left-to-right word in one face at
    /// its break points; a right-to-left word, or one in several directions or
    /// faces, into a piece for each run of one direction and face, unbroken.
    fn word(
        &mut self,
        word: &str,
        levels: Option<&[u8]>,
        look: &Look,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
        elems: &mut Vec<Elem>,
    ) {
        // Runs of one level (none given: all 0, left to right).
        let mut runs: Vec<(std::ops::Range<usize>, u8)> = Vec::new();
        match levels {
            None => runs.push((0..word.len(), 0)),
            Some(levels) => {
                for (i, &level) in levels.iter().enumerate() {
                    match runs.last_mut() {
                        Some((range, l)) if *l == level => range.end = i + 1,
                        _ => runs.push((i..i + 1, level)),
                    }
                }
            }
        }
        let mut parts = Vec::new();
        for (range, level) in &runs {
            let text = &word[range.clone()];
            let shaped = self.shape(text, look.weight, level % 2 == 1, para, problems);
            parts.extend(shaped.into_iter().map(|p| (p, *level)));
        }
        let whole = matches!(parts.as_slice(), [(one, 0)] if one.range.len() == word.len());
        match parts.pop() {
            Some((one, _)) if whole => {
                self.broken_word(word, one.face, one.glyphs, look, para, elems);
            }
            last => {
                parts.extend(last);
                for (part, level) in parts {
                    let ink = Ink {
                        face: part.face,
                        link: look.link,
                    };
                    let scale = look.size / self.fonts.get(part.face).units_per_em;
                    push_piece(elems, ink, scale, part.glyphs, level);
                }
            }
        }
    }

    /// A left-to-right word in one face split into pieces at its break points.
    fn broken_word(
        &mut self,
        word: &str,
        face: FaceId,
        glyphs: Vec<PlacedGlyph>,
        look: &Look,
        para: &Para,
        elems: &mut Vec<Elem>,
    ) {
        let ink = Ink {
            face,
            link: look.link,
        };
        let scale = look.size / self.fonts.get(face).units_per_em;
        let points = self.break_points(word, look);
        // The hyphen a break adds is drawn as a hyphen and stands for a soft
        // hyphen (U+00AD): text taken from the PDF reads the word whole.
        let hyphen = if points.iter().any(|p| p.hyphen) {
            let mut dummy = Vec::new();
            self.shape("-", look.weight, false, para, &mut dummy)
                .into_iter()
                .find(|p| p.face == face)
                .and_then(|p| p.glyphs.into_iter().next())
                .map(|mut g| {
                    g.text = "\u{AD}".into();
                    g
                })
        } else {
            None
        };
        // Split the shaped word where a glyph starts exactly at a break point, so a
        // ligature across the point keeps the word whole there.
        let mut piece: Vec<PlacedGlyph> = Vec::new();
        let mut cluster_starts = word_cluster_starts(&glyphs, word);
        let mut next_point = points.iter().peekable();
        for (glyph, start) in glyphs.into_iter().zip(cluster_starts.drain(..)) {
            while next_point.peek().is_some_and(|p| p.at < start) {
                next_point.next();
            }
            if let Some(point) = next_point.peek() {
                if point.at == start && !piece.is_empty() && !glyph.text.is_empty() {
                    push_piece(elems, ink, scale, std::mem::take(&mut piece), 0);
                    let hyphen = point
                        .hyphen
                        .then(|| {
                            hyphen
                                .clone()
                                .map(|h| (ink, h.clone(), h.advance as f32 * scale))
                        })
                        .flatten();
                    elems.push(Elem::Break {
                        hyphen,
                        penalty: point.penalty,
                    });
                    next_point.next();
                }
            }
            piece.push(glyph);
        }
        push_piece(elems, ink, scale, piece, 0);
    }
}

/// A place inside a word where a line may end.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    /// Byte offset in the word: the next line starts there.
    at: usize,
    /// A hyphen is added at the end of the line.
    hyphen: bool,
    /// What breaking here costs, besides the line's slack.
    penalty: f32,
}

/// Where an e-mail or web address may break (the Chicago Manual of Style's rules
/// for URLs): after the `//` of a scheme, and before `/`, `@`, `?`, `#`, `.`, `-`,
/// `_`, `=` and `&`, so a line never ends in a mark that could read as the end of
/// the address or as a hyphen. Never inside the scheme (`https://`), never between
/// two marks (`/#`), never leaving fewer than four characters for the last line
/// (`.se` stays with its domain). Breaks before `/` and `@` cost least, then `?`
/// and `#`, then the rest.
fn address_points(text: &str) -> Vec<Point> {
    let after_scheme = text.find("://").map_or(0, |i| i + 3);
    let is_mark = |c: char| "/@?#.-_=&".contains(c);
    let mut points = Vec::new();
    if after_scheme > 0 && text[after_scheme..].chars().count() >= 4 {
        points.push(Point {
            at: after_scheme,
            hyphen: false,
            penalty: 5.0,
        });
    }
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let between_marks = prev.is_none_or(is_mark);
        prev = Some(c);
        if i <= after_scheme || between_marks || !is_mark(c) || text[i..].chars().count() < 4 {
            continue;
        }
        let penalty = match c {
            '/' | '@' => 5.0,
            '?' | '#' => 15.0,
            _ => 25.0,
        };
        points.push(Point {
            at: i,
            hyphen: false,
            penalty,
        });
    }
    points
}

fn push_piece(elems: &mut Vec<Elem>, ink: Ink, scale: f32, glyphs: Vec<PlacedGlyph>, level: u8) {
    if glyphs.is_empty() {
        return;
    }
    let width = glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * scale;
    elems.push(Elem::Piece {
        ink,
        glyphs,
        width,
        level,
    });
}

/// Byte offsets just after a word separator of a script that writes one instead
/// of a space (the Ethiopic wordspace ፡, UAX #14 class BA), where a line may
/// break with nothing added.
fn word_space_points(word: &str) -> Vec<usize> {
    word.char_indices()
        .filter(|(_, c)| *c == '\u{1361}')
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&at| at < word.len())
        .collect()
}

/// The byte offset in `word` where each glyph's cluster starts.
fn word_cluster_starts(glyphs: &[PlacedGlyph], word: &str) -> Vec<usize> {
    let mut offset = 0;
    let mut starts = Vec::with_capacity(glyphs.len());
    for g in glyphs {
        starts.push(offset.min(word.len()));
        offset += g.text.len();
    }
    starts
}

/// Whether the space between two words should not break: the next word is a
/// number, and the one before ends in a digit (digit groups) or is a short word
/// or abbreviation of at most three letters ("kl.", "klo", "Box", "nr"). Such a
/// space breaks only as a last resort, where the words cannot be set otherwise
/// (a column too narrow for "123 456 78 90 eller 123 456 78 91"), rather than
/// the text being refused.
fn binds(before: &str, next: &str) -> bool {
    if !next.starts_with(|c: char| c.is_numeric()) {
        return false;
    }
    let short = before
        .trim_start_matches(['(', '[', '"', '“', '”', '‘', '’'])
        .trim_end_matches('.');
    before.ends_with(|c: char| c.is_numeric())
        || (!short.is_empty()
            && short.chars().count() <= 3
            && short.chars().all(char::is_alphabetic))
}

/// What a break after an en dash costs: as much as a hyphenation, so that
/// "måndag–fredag" is split only where that saves an uneven line.
const EN_DASH_PENALTY: f32 = 50.0;

/// Just after a hard hyphen or an en dash, where a line may break between words
/// of at least four letters before and three after ("e-|post", "Ann-|Marie" and
/// the abbreviated "mån-|fre" are too short, "8.30–|10.00" is a range of
/// numbers; "närstående-|centrumet" and, at a cost, "måndag–|fredag" may break).
fn dash_points(word: &str) -> Vec<Point> {
    word.match_indices(['-', '–'])
        .map(|(i, dash)| (i, i + dash.len()))
        .filter(|&(i, after_dash)| {
            let before = word[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .count();
            let after = word[after_dash..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .count();
            before >= 4 && after >= 3
        })
        .map(|(i, after_dash)| Point {
            at: after_dash,
            hyphen: false,
            penalty: if word[i..].starts_with('-') {
                0.0
            } else {
                EN_DASH_PENALTY
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The address cut at its break points.
    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for p in address_points(text) {
            out.push(&text[start..p.at]);
            start = p.at;
        }
        out.push(&text[start..]);
        out
    }

    #[test]
    fn web_addresses_break_after_the_scheme_and_before_marks() {
        assert_eq!(
            pieces("https://www.haparanda.se/omsorg-och-hjalp/anhorigstod.html"),
            [
                "https://",
                "www",
                ".haparanda",
                ".se",
                "/omsorg",
                "-och",
                "-hjalp",
                "/anhorigstod",
                ".html"
            ]
        );
        assert_eq!(
            pieces("www.a.se/sv/#kontakt?x=1&y=2"),
            ["www", ".a", ".se", "/sv", "/#kontakt", "?x", "=1", "&y=2"]
        );
        // Short ends stay with what comes before them.
        assert_eq!(pieces("www.a.se/sv/"), ["www", ".a", ".se", "/sv/"]);
        assert_eq!(pieces("http://a.b"), ["http://a.b"]);
        assert_eq!(pieces("http://ab.s"), ["http://", "ab.s"]);
        assert_eq!(pieces("www.haparanda.se"), ["www", ".haparanda.se"]);
        assert!(
            address_points("https://").is_empty(),
            "not inside the scheme"
        );
    }

    #[test]
    fn email_addresses_break_before_the_at_and_dots() {
        assert_eq!(
            pieces("anna-karin.soderholm@bjorkdala.se"),
            ["anna", "-karin", ".soderholm", "@bjorkdala.se"]
        );
        let points = address_points("anna.berg@asby.se");
        let at = points.iter().find(|p| p.at == 9).expect("a break before @");
        let dot = points.iter().find(|p| p.at == 4).expect("a break before .");
        assert!(at.penalty < dot.penalty, "@ is the better break");
        assert!(points.iter().all(|p| !p.hyphen));
    }

    #[test]
    fn ethiopic_text_breaks_after_its_wordspace() {
        let word = "ሰላም፡ተስፋይ";
        assert_eq!(word_space_points(word), vec!["ሰላም፡".len()]);
        assert!(word_space_points("ሰላም፡").is_empty(), "not at the end");
    }

    #[test]
    fn hyphens_and_en_dashes_break_only_between_long_words() {
        let at = |word| dash_points(word).iter().map(|p| p.at).collect::<Vec<_>>();
        assert_eq!(at("e-post"), Vec::<usize>::new());
        assert_eq!(at("Mån-fre"), Vec::<usize>::new());
        assert_eq!(at("Ann-Marie"), Vec::<usize>::new());
        assert_eq!(at("Anna-Karin"), vec!["Anna-".len()]);
        assert_eq!(at("8.30–10.00"), Vec::<usize>::new());
        assert_eq!(at("9–11"), Vec::<usize>::new());
        assert_eq!(at("närstående-centrumet"), vec!["närstående-".len()]);
        assert_eq!(at("måndag–fredag"), vec!["måndag–".len()]);
        assert_eq!(at("maanantai–perjantai"), vec!["maanantai–".len()]);
        let [hyphen] = dash_points("närstående-centrumet")[..] else {
            panic!("one break")
        };
        let [dash] = dash_points("måndag–fredag")[..] else {
            panic!("one break")
        };
        assert!(
            hyphen.penalty < dash.penalty,
            "a hyphen is the better break"
        );
    }

    #[test]
    fn numbers_stay_with_their_digit_groups_and_short_words() {
        for (before, next) in [
            ("971", "28"),
            ("100", "000"),
            ("kl.", "9.00–12.00"),
            ("klo", "9–12"),
            ("Box", "804,"),
            ("nr", "5"),
            ("hus", "12"),
            ("(kl.", "9–12)"),
        ] {
            assert!(binds(before, next), "{before} {next}");
        }
        for (before, next) in [
            ("804,", "971"),
            ("vardagar", "9–12"),
            ("kl.", "Sjöbotten"),
            ("", "12"),
            ("C", "och"),
            ("t.ex.", "12"),
        ] {
            assert!(!binds(before, next), "{before} {next}");
        }
    }
}
