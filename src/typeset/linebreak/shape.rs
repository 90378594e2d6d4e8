//! Shaping: turn text into the fonts' glyphs (kerning, ligatures, Arabic joining
//! and marks applied), left to right or right to left, each face drawing the
//! characters it has (see [`crate::fonts::Fonts::face_runs`]), each glyph with the
//! characters it stands for, so that copying and search give the real text. Text
//! no font can draw is reported.

use std::rc::Rc;

use crate::content::Para;
use crate::diagnostic::Diagnostic;
use crate::fonts::{FaceId, ShapedGlyph, Weight};
use crate::messages::msg;
use crate::pages::PlacedGlyph;

use super::LineBreaker;

/// Text shaped in one face: its glyphs in the order they are drawn (left to
/// right), and the bytes of the shaped text they stand for.
#[derive(Clone)]
pub(super) struct Shaped {
    /// The face.
    pub face: FaceId,
    /// The glyphs, left to right.
    pub glyphs: Vec<PlacedGlyph>,
    /// Its bytes in the text that was shaped.
    pub range: std::ops::Range<usize>,
}

/// Shaped text as cached: per face run, its placed glyphs and bytes, and where
/// a glyph is missing (`.notdef`), the byte offsets of its characters.
pub(super) type Cached = Rc<Vec<(Shaped, Vec<usize>)>>;

impl LineBreaker<'_> {
    /// Shape text (cached) in a direction, in as many faces as it needs, and turn
    /// it into placed glyphs with their text; a character no face draws is a
    /// problem reported against the paragraph.
    pub(super) fn shape(
        &mut self,
        text: &str,
        weight: Weight,
        rtl: bool,
        para: &Para,
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Shaped> {
        let runs = self.shaped_runs(text, weight, rtl);
        runs.iter()
            .map(|(shaped, missing)| {
                for &at in missing {
                    let c = text[at.min(text.len())..].chars().next().unwrap_or('?');
                    problems.push(
                        Diagnostic::error(
                            msg("typeset-no-glyph")
                                .arg("font", &self.fonts.get(shaped.face).file)
                                .arg("char", c.to_string())
                                .arg("code", format!("{:04X}", c as u32))
                                .arg("origin", para.source.said()),
                        )
                        .field(para.source.id())
                        .hint(msg("hint-no-glyph")),
                    );
                }
                shaped.clone()
            })
            .collect()
    }

    /// Text split into the faces that draw it, each part shaped; made once per
    /// text, weight and direction.
    fn shaped_runs(&mut self, text: &str, weight: Weight, rtl: bool) -> Cached {
        let key = (weight, rtl, text.to_string());
        if let Some(s) = self.shaped.get(&key) {
            return Rc::clone(s);
        }
        let lang = self.lang.as_deref();
        let runs: Vec<_> = self
            .fonts
            .face_runs(text, weight)
            .into_iter()
            .map(|run| {
                let part = &text[run.range.clone()];
                let shaped = self.fonts.get(run.face).shape(part, rtl, lang);
                let missing = shaped
                    .iter()
                    .filter(|g| g.id == 0)
                    .map(|g| run.range.start + g.cluster)
                    .collect();
                let placed = Shaped {
                    face: run.face,
                    glyphs: placed(part, &shaped, rtl),
                    range: run.range,
                };
                (placed, missing)
            })
            .collect();
        let runs = Rc::new(runs);
        self.shaped.insert(key, Rc::clone(&runs));
        runs
    }
}

/// Shaped glyphs (left to right) as placed glyphs, each with the characters it
/// stands for: one glyph a character where a cluster has as many glyphs as
/// characters (a letter and its mark), else the cluster's text on its first glyph
/// (a ligature) and its marks on theirs.
///
/// Right to left, two things help text extraction (pdftotext, pdf.js, pdfium),
/// which reverse right-to-left text character by character: a glyph that stands
/// for several characters (the lam-alef ligature) carries them reversed, so that
/// they come out in the text's order; and a cluster's letter is drawn before its
/// marks (each mark moved back over it), so that the mark joins its letter.
fn placed(text: &str, shaped: &[ShapedGlyph], rtl: bool) -> Vec<PlacedGlyph> {
    let mut out: Vec<PlacedGlyph> = shaped
        .iter()
        .map(|g| PlacedGlyph {
            id: g.id,
            advance: g.advance,
            offset: g.offset,
            text: Default::default(),
        })
        .collect();
    // Glyph indices in the text's (logical) order.
    let mut order: Vec<usize> = (0..shaped.len()).collect();
    if rtl {
        order.reverse();
    }
    let mut i = 0;
    while i < order.len() {
        let cluster = shaped[order[i]].cluster;
        let mut j = i;
        while j < order.len() && shaped[order[j]].cluster == cluster {
            j += 1;
        }
        // Clusters come in text order: the next one starts where this one ends.
        let end = order
            .get(j)
            .map_or(text.len(), |&k| shaped[k].cluster)
            .max(cluster);
        let part = &text[cluster.min(text.len())..end.min(text.len())];
        if j == i + 1 {
            out[order[i]].text = part.into();
        } else {
            assign(&mut out, &order[i..j], &split_chars(part));
        }
        i = j;
    }
    if rtl {
        for g in &mut out {
            if g.text.chars().nth(1).is_some() {
                g.text = g.text.chars().rev().collect::<String>().into();
            }
        }
        letters_before_marks(&mut out, shaped);
    }
    out
}

/// Within each cluster (glyphs of one cluster stand together), draw the glyphs
/// that advance before those that do not (marks), each keeping its place.
fn letters_before_marks(out: &mut [PlacedGlyph], shaped: &[ShapedGlyph]) {
    let mut i = 0;
    while i < out.len() {
        let mut j = i + 1;
        while j < out.len() && shaped[j].cluster == shaped[i].cluster {
            j += 1;
        }
        let group = &mut out[i..j];
        if group.len() > 1 && group.iter().any(|g| g.advance == 0) {
            // Each glyph's place from the cluster's start.
            let mut pen = 0;
            let mut placed: Vec<(i32, PlacedGlyph)> = group
                .iter()
                .map(|g| {
                    let at = pen + g.offset.0;
                    pen += g.advance;
                    (at, g.clone())
                })
                .collect();
            placed.sort_by_key(|(_, g)| g.advance == 0);
            let mut pen = 0;
            for (slot, (at, mut g)) in group.iter_mut().zip(placed) {
                g.offset.0 = at - pen;
                pen += g.advance;
                *slot = g;
            }
        }
        i = j;
    }
}

/// Give a cluster's glyphs (in text order) its characters.
fn assign(out: &mut [PlacedGlyph], glyphs: &[usize], chars: &[&str]) {
    let (mut glyphs, mut chars) = (glyphs, chars);
    // Marks at the cluster's end, each drawn by a glyph of its own.
    while let (Some((&g, gs)), Some((c, cs))) = (glyphs.split_last(), chars.split_last()) {
        let is_mark = c.chars().next().is_some_and(crate::fonts::is_mark);
        if glyphs.len() > 1 && out[g].advance == 0 && is_mark {
            out[g].text = (*c).into();
            (glyphs, chars) = (gs, cs);
        } else {
            break;
        }
    }
    if glyphs.len() == chars.len() {
        for (&g, c) in glyphs.iter().zip(chars) {
            out[g].text = (*c).into();
        }
    } else if let Some(&first) = glyphs.first() {
        out[first].text = chars.concat().into();
    }
}

/// A text's characters, each as a string.
fn split_chars(text: &str) -> Vec<&str> {
    text.char_indices()
        .map(|(i, c)| &text[i..i + c.len_utf8()])
        .collect()
}

/// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms).
pub fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}
