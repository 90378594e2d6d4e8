//! Typesetting: place the content's paragraphs (broken into lines by
//! [`crate::linebreak`]), logos and QR codes in their frames, producing finished
//! [`Page`]s.
//!
//! - Each message has its frame on its page (the layout's page plan); text never
//!   flows to another frame or page. So a paragraph is never split, a heading never
//!   ends a frame, and there are no widows or orphans by construction. Text that
//!   does not fit its frame is an error naming the page, what does not fit and by
//!   how much; nothing is clipped.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::{Content, Flow, FrameText, Origin, Para, ParaRole};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::fonts::Fonts;
use crate::hyphenate::Hyphenator;
use crate::image::Image;
use crate::layout::{Align, HAlign, Layout, Style};
use crate::linebreak::{weight_of, LineBreaker};
use crate::pages::{
    Element, FillRect, GlyphRun, ImageBox, Item, Key, Page, Part, StrokeRect, Structure, Tag,
};

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// What to do with text that does not fit its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It is an error: the leaflet is not made.
    Strict,
    /// It is a warning, the text runs past the frame and the frame is outlined in
    /// red: a preview for translators and designers (the pseudo-locale).
    Preview,
}

/// Typeset pages, with the warnings that did not stop them.
#[derive(Debug)]
pub struct Typeset {
    /// The finished pages.
    pub pages: Vec<Page>,
    /// Overflows in [`Fit::Preview`].
    pub warnings: Vec<Diagnostic>,
}

/// The outline drawn around a frame whose text does not fit, in preview.
const OVERFLOW_OUTLINE: [f32; 3] = [0.85, 0.1, 0.1];

/// Typeset a leaflet's content with a layout's fonts and styles.
pub fn typeset(
    content: &Content<'_>,
    layout: &Layout,
    fonts: &Fonts,
    hyphenator: &Hyphenator,
    fit: Fit,
    shared: &Shared,
) -> Result<Typeset, Diagnostics> {
    let mut setter = Setter::new(fonts, hyphenator);
    let width = layout.page.width_mm * PT_PER_MM;
    let height = layout.page.height_mm * PT_PER_MM;
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    let mut misfits = Vec::new();
    for (number, page) in content.pages.iter().enumerate() {
        let mut items = Vec::new();
        for (f, frame) in page.frames.iter().enumerate() {
            if let Some(done) = shared.0.get(&(number, f)) {
                items.extend(done.iter().cloned());
                continue;
            }
            match setter.frame(frame, layout, height, (number, f)) {
                Ok(set) => {
                    items.extend(set.items);
                    let misfit = set.overflow.is_some() || !set.misfits.is_empty();
                    if let Some(o) = &set.overflow {
                        misfits.push(overflow(number + 1, page.name, o, &content.lang));
                    }
                    misfits.extend(set.misfits);
                    if misfit {
                        items.push(Item::Outline(outline(frame.frame, height)));
                    }
                }
                Err(mut found) => errors.append(&mut found),
            }
        }
        let mut finished = Page::new(width, height);
        finished.items = items;
        pages.push(finished);
    }
    match fit {
        Fit::Strict => errors.append(&mut misfits),
        Fit::Preview => misfits
            .iter_mut()
            .for_each(|d| d.severity = Severity::Warning),
    }
    misfits.append(&mut setter.warnings);
    if errors.is_empty() {
        Ok(Typeset {
            pages,
            warnings: misfits,
        })
    } else {
        Err(Diagnostics(errors))
    }
}

/// The frames that do not depend on the contacts (body text, helplines), typeset
/// once per language and layout and reused for every organisation.
#[derive(Debug, Default)]
pub struct Shared(HashMap<(usize, usize), Vec<Item>>);

impl Shared {
    /// Typeset every frame whose content does not depend on the contacts; any
    /// problem with them is an error (they are the same for every organisation).
    pub fn new(
        content: &Content<'_>,
        layout: &Layout,
        fonts: &Fonts,
        hyphenator: &Hyphenator,
    ) -> Result<Shared, Diagnostics> {
        let mut setter = Setter::new(fonts, hyphenator);
        let height = layout.page.height_mm * PT_PER_MM;
        let mut shared = HashMap::new();
        let mut errors = Vec::new();
        for (number, page) in content.pages.iter().enumerate() {
            for (f, frame) in page.frames.iter().enumerate() {
                if frame.frame.depends_on_contacts() {
                    continue;
                }
                match setter.frame(frame, layout, height, (number, f)) {
                    Ok(set) => {
                        if let Some(o) = &set.overflow {
                            errors.push(overflow(number + 1, page.name, o, &content.lang));
                        }
                        errors.extend(set.misfits);
                        shared.insert((number, f), set.items);
                    }
                    Err(mut found) => errors.append(&mut found),
                }
            }
        }
        if errors.is_empty() {
            Ok(Shared(shared))
        } else {
            Err(Diagnostics(errors))
        }
    }
}

fn outline(frame: &crate::layout::Frame, page_height: f32) -> StrokeRect {
    StrokeRect {
        x: frame.x_mm * PT_PER_MM,
        y: page_height - (frame.y_mm + frame.height_mm) * PT_PER_MM,
        width: frame.width_mm * PT_PER_MM,
        height: frame.height_mm * PT_PER_MM,
        colour: OVERFLOW_OUTLINE,
        line_width: 1.5,
    }
}

fn overflow(page: usize, name: &str, o: &Overflow, lang: &str) -> Diagnostic {
    let lines = (o.over / (o.size * 1.3)).ceil().max(1.0);
    let mut d = Diagnostic::error(format!(
        "page {page} (`{name}`): the text is {:.1} mm too long for its frame (about {lines} line{} of {:.1} pt){}",
        o.over / PT_PER_MM,
        if lines > 1.0 { "s" } else { "" },
        o.size,
        if o.shrunk { ", even at its smallest allowed size" } else { "" },
    ));
    let shown: Vec<String> = o.sources.iter().take(6).map(Origin::to_string).collect();
    d = d.hint(format!("does not fit: {}", shown.join(", ")));
    if let Some(first) = o.sources.first() {
        d = d.field(first.id());
    }
    if o.fields.is_empty() {
        d = d.hint(format!("shorten these messages in `locales/{lang}/`"));
    } else {
        // The contact details decide how full the page is: name the longest ones.
        // Fields over several lines first, then the last ones on the page.
        let mut fields: Vec<&(String, usize)> = o.fields.iter().rev().collect();
        fields.sort_by_key(|f| std::cmp::Reverse(f.1));
        let named: Vec<String> = fields
            .iter()
            .take(5)
            .map(|(f, n)| format!("`{f}` ({n} line{})", if *n == 1 { "" } else { "s" }))
            .collect();
        d = d.hint(format!(
            "shorten or leave out about {lines} line{} of contact details in the contacts file, e.g. {}",
            if lines > 1.0 { "s" } else { "" },
            named.join(", ")
        ));
    }
    d
}

/// How much a frame's text is too long, and what lies below its bottom.
struct Overflow {
    over: f32,
    size: f32,
    /// Whether it was already set at its smallest allowed size.
    shrunk: bool,
    sources: Vec<Origin>,
    /// The frame's contacts fields and how many lines each takes.
    fields: Vec<(String, usize)>,
}

/// A typeset frame.
struct SetFrame {
    items: Vec<Item>,
    overflow: Option<Overflow>,
    misfits: Vec<Diagnostic>,
}

/// Frames are set at scales from 1 down to their `min_scale` in steps this big,
/// measured in points of the shrinking style.
const SHRINK_STEP_PT: f32 = 0.25;
/// The paragraph number a QR code's figure has in its flow's key.
pub const QR_FIGURE: usize = u16::MAX as usize;
/// Space between a QR code and the text beside it.
const QR_GAP_MM: f32 = 4.0;
/// The smallest QR module an office printer reliably resolves.
const MIN_QR_MODULE_MM: f32 = 0.5;
/// The blank border a QR reader needs, in modules.
const QR_QUIET_ZONE: usize = 4;
/// Below this resolution a printed logo looks blurred.
const MIN_LOGO_DPI: f32 = 150.0;

/// Places a frame's content: paragraphs, logos and QR codes.
struct Setter<'f> {
    lines: LineBreaker<'f>,
    /// QR codes already made (a frame is set again while it shrinks).
    qr: HashMap<(String, u32), Option<Vec<Vec<bool>>>>,
    /// Notes that do not stop the leaflet (a shrunk contact block, a blurry logo).
    warnings: Vec<Diagnostic>,
}

/// Something placed in a frame, in points from the frame's inner top-left corner,
/// y growing downwards.
enum Placed {
    /// A run at x, on the baseline y.
    Run(f32, f32, GlyphRun),
    /// A filled rectangle: x, top, width, height, colour, tag.
    Rect(f32, f32, f32, f32, [f32; 3], Tag),
    /// A picture: x, top, width, height, tag.
    Picture(f32, f32, f32, f32, Arc<Image>, Tag),
}

/// A frame's content stacked at one scale.
struct Stack {
    placed: Vec<Placed>,
    height: f32,
    /// Per flow: its bottom, where it came from, its type size.
    bottoms: Vec<(f32, Origin, f32)>,
    /// Contacts fields and their line counts.
    fields: Vec<(String, usize)>,
}

impl<'f> Setter<'f> {
    fn new(fonts: &'f Fonts, hyphenator: &'f Hyphenator) -> Self {
        Setter {
            lines: LineBreaker::new(fonts, hyphenator),
            qr: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// The QR code of `url` at `size`, made once.
    fn qr_code(&mut self, url: &str, size: f32) -> Option<Vec<Vec<bool>>> {
        self.qr
            .entry((url.to_string(), size.to_bits()))
            .or_insert_with(|| qr_code(url, size))
            .clone()
    }

    /// Note a warning once, however often a frame is set while it shrinks.
    fn warn(&mut self, warning: Diagnostic) {
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
    }

    fn frame(
        &mut self,
        frame: &FrameText<'_>,
        layout: &Layout,
        page_height: f32,
        at: (usize, usize),
    ) -> Result<SetFrame, Vec<Diagnostic>> {
        let f = frame.frame;
        let mut items = Vec::new();
        if let Some(fill) = &f.fill {
            items.push(Item::Fill(FillRect {
                x: f.x_mm * PT_PER_MM,
                y: page_height - (f.y_mm + f.height_mm) * PT_PER_MM,
                width: f.width_mm * PT_PER_MM,
                height: f.height_mm * PT_PER_MM,
                colour: layout.colour(fill).0,
                tag: Tag::Artifact,
            }));
        }
        let left = (f.x_mm + f.padding_mm) * PT_PER_MM;
        let top = (f.y_mm + f.padding_mm) * PT_PER_MM;
        let width = (f.width_mm - 2.0 * f.padding_mm) * PT_PER_MM;
        let height = (f.height_mm - 2.0 * f.padding_mm) * PT_PER_MM;

        // Shrink what may shrink, a step at a time, until it fits or may not shrink more.
        let mut misfits = Vec::new();
        let mut scale = 1.0f32;
        let mut stack = self.stack(&frame.flows, layout, width, scale, &mut misfits, at)?;
        let step = shrink_step(&frame.flows, layout);
        while stack.height > height + 0.01 && scale > frame.min_scale + 1e-4 {
            scale = (scale - step).max(frame.min_scale);
            misfits.clear();
            stack = self.stack(&frame.flows, layout, width, scale, &mut misfits, at)?;
        }
        if scale < 1.0 && stack.height <= height + 0.01 {
            if let Some(size) = shrunk_size(&frame.flows, layout, scale) {
                self.warn(Diagnostic::warning(format!(
                    "the contact details are set at {size:.1} pt to fit their frame"
                )).hint("below 12 pt is harder to read; shorten or leave out some details to keep 12 pt"));
            }
        }
        let overflow = (stack.height > height + 0.01).then(|| Overflow {
            over: stack.height - height,
            size: stack.bottoms.last().map_or(12.0, |b| b.2),
            shrunk: scale < 1.0,
            sources: stack
                .bottoms
                .iter()
                .filter(|(bottom, _, _)| *bottom > height + 0.01)
                .map(|(_, source, _)| source.clone())
                .collect(),
            fields: stack.fields.clone(),
        });
        // Text that does not fit starts at the top and runs past the bottom (preview).
        let shift = match f.align {
            Align::Bottom if overflow.is_none() => height - stack.height,
            _ => 0.0,
        };
        let y = |from_top: f32| page_height - (top + shift + from_top);
        for placed in stack.placed {
            items.push(match placed {
                Placed::Run(x, baseline, mut run) => {
                    (run.x, run.y) = (left + x, y(baseline));
                    Item::Text(run)
                }
                Placed::Rect(x, t, w, h, colour, tag) => Item::Fill(FillRect {
                    x: left + x,
                    y: y(t + h),
                    width: w,
                    height: h,
                    colour,
                    tag,
                }),
                Placed::Picture(x, t, w, h, image, tag) => Item::Image(ImageBox {
                    x: left + x,
                    y: y(t + h),
                    width: w,
                    height: h,
                    image,
                    tag,
                }),
            });
        }
        Ok(SetFrame {
            items,
            overflow,
            misfits,
        })
    }

    /// Stack a frame's flows from its top at one scale of its shrinkable paragraphs.
    fn stack(
        &mut self,
        flows: &[Flow],
        layout: &Layout,
        width: f32,
        scale: f32,
        misfits: &mut Vec<Diagnostic>,
        (page, frame): (usize, usize),
    ) -> Result<Stack, Vec<Diagnostic>> {
        let key = |flow: usize, para: usize| Key {
            page: page as u16,
            frame: frame as u16,
            flow: flow as u16,
            para: para as u16,
        };
        let mut problems = Vec::new();
        let mut out = Stack {
            placed: Vec::new(),
            height: 0.0,
            bottoms: Vec::new(),
            fields: Vec::new(),
        };
        let mut prev_after: Option<f32> = None;
        for (f, flow) in flows.iter().enumerate() {
            match flow {
                Flow::Para(para) => {
                    let style = scaled(layout, para, scale);
                    let Some(set) = self.para(
                        para,
                        &style,
                        layout,
                        width,
                        misfits,
                        &mut problems,
                        key(f, 0),
                    ) else {
                        continue;
                    };
                    out.height += gap(prev_after, &style, para);
                    let (placed, h) = set;
                    out.placed.extend(offset(placed, 0.0, out.height));
                    out.height += h;
                    out.bottoms
                        .push((out.height, para.source.clone(), style.size_pt));
                    record_field(&mut out.fields, para, h, &style);
                    prev_after = Some(style.space_after_pt);
                }
                Flow::Logo {
                    image,
                    width_mm,
                    height_mm,
                    align,
                    ..
                } => {
                    let (w, h) = fit_box(image, width_mm * PT_PER_MM, height_mm * PT_PER_MM, width);
                    let dpi = image.width as f32 / (w / 72.0);
                    if dpi < MIN_LOGO_DPI {
                        self.warn(
                            Diagnostic::warning(format!(
                                "the logo prints at {dpi:.0} dpi ({} × {} pixels for {:.0} × {:.0} mm); it may look blurred",
                                image.width,
                                image.height,
                                w / PT_PER_MM,
                                h / PT_PER_MM
                            ))
                            .field("organisation.logo")
                            .hint(format!("use an image at least {:.0} pixels wide", (w / 72.0 * MIN_LOGO_DPI).ceil())),
                        );
                    }
                    let x = match align {
                        HAlign::Left => 0.0,
                        HAlign::Right => width - w,
                    };
                    let tag = Tag::Content(key(f, 0), Part::Figure);
                    out.placed
                        .push(Placed::Picture(x, out.height, w, h, Arc::clone(image), tag));
                    out.height += height_mm * PT_PER_MM;
                    out.bottoms
                        .push((out.height, Origin::Field("organisation.logo".into()), 12.0));
                    prev_after = Some(0.0);
                }
                Flow::Qr {
                    url,
                    size_mm,
                    paras,
                    ..
                } => {
                    let size = size_mm * PT_PER_MM;
                    let mut code = self.qr_code(url, size);
                    let mut text_width = match code {
                        Some(_) => width - size - QR_GAP_MM * PT_PER_MM,
                        None => width,
                    };
                    // Lines that cannot break beside the code get the full width instead.
                    if code.is_some() {
                        let mut trial = Vec::new();
                        for (p, para) in paras.iter().enumerate() {
                            let style = scaled(layout, para, scale);
                            self.para(
                                para,
                                &style,
                                layout,
                                text_width,
                                &mut Vec::new(),
                                &mut trial,
                                key(f, p),
                            );
                        }
                        if !trial.is_empty() {
                            code = None;
                            text_width = width;
                            self.warn(
                                Diagnostic::warning("there is no room for the QR code beside the organisation's details; the leaflet has none")
                                    .field("organisation.web")
                                    .hint("shorter lines (unit, e-mail, web address) leave room for it"),
                            );
                        }
                    }
                    let start = out.height;
                    let mut text_height = 0.0;
                    let mut first = true;
                    let mut last_size = 12.0;
                    for (p, para) in paras.iter().enumerate() {
                        let style = scaled(layout, para, scale);
                        let Some((placed, h)) = self.para(
                            para,
                            &style,
                            layout,
                            text_width,
                            misfits,
                            &mut problems,
                            key(f, p),
                        ) else {
                            continue;
                        };
                        let g = if first {
                            gap(prev_after, &style, para)
                        } else {
                            gap(Some(0.0), &style, para).max(0.0)
                        };
                        first = false;
                        text_height += g;
                        out.placed.extend(offset(placed, 0.0, start + text_height));
                        text_height += h;
                        last_size = style.size_pt;
                        out.bottoms
                            .push((start + text_height, para.source.clone(), style.size_pt));
                        record_field(&mut out.fields, para, h, &style);
                        prev_after = Some(style.space_after_pt);
                    }
                    match code {
                        Some(modules) => {
                            let module = size / (modules.len() + 2 * QR_QUIET_ZONE) as f32;
                            let x0 = width - size + QR_QUIET_ZONE as f32 * module;
                            let y0 = start + QR_QUIET_ZONE as f32 * module;
                            for (row, dark) in modules.iter().enumerate() {
                                for (col, len) in runs(dark) {
                                    out.placed.push(Placed::Rect(
                                        x0 + col as f32 * module,
                                        y0 + row as f32 * module,
                                        len as f32 * module,
                                        module,
                                        [0.0; 3],
                                        Tag::Content(key(f, QR_FIGURE), Part::Figure),
                                    ));
                                }
                            }
                            out.height = start + text_height.max(size);
                            out.bottoms.push((
                                start + size,
                                Origin::Field("organisation.web".into()),
                                last_size,
                            ));
                        }
                        None => {
                            if self.qr_code(url, size).is_none() {
                                self.warn(
                                    Diagnostic::warning(format!(
                                        "the web address is too long for a {size_mm} mm QR code with modules of at least {MIN_QR_MODULE_MM} mm; the leaflet has none"
                                    ))
                                    .field("organisation.web")
                                    .hint("a shorter address (a redirect such as www.example.se/stod) gets its QR code"),
                                );
                            }
                            out.height = start + text_height;
                        }
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// Break a paragraph and place its lines from y 0; returns them and their height.
    #[allow(clippy::too_many_arguments)] // the paragraph, its setting, and where problems go
    fn para(
        &mut self,
        para: &Para,
        style: &Style,
        layout: &Layout,
        width: f32,
        misfits: &mut Vec<Diagnostic>,
        problems: &mut Vec<Diagnostic>,
        key: Key,
    ) -> Option<(Vec<Placed>, f32)> {
        let set = match self.lines.paragraph(para, style, width, misfits) {
            Ok(set) => set,
            Err(mut p) => {
                problems.append(&mut p);
                return None;
            }
        };
        let colour = layout.colour(&style.colour).0;
        let line_height = style.size_pt * style.leading;
        let font = self.lines.fonts().get(weight_of(style, false));
        let glyph_height = (font.ascender - font.descender) / font.units_per_em * style.size_pt;
        let ascent = font.ascender / font.units_per_em * style.size_pt;
        let baseline_in_line = (line_height - glyph_height) / 2.0 + ascent;
        let mut placed = Vec::new();
        let mut y = 0.0;
        for (i, line) in set.lines.iter().enumerate() {
            let baseline = y + baseline_in_line;
            if i == 0 {
                if let Some(label) = &set.label {
                    placed.push(Placed::Run(
                        0.0,
                        baseline,
                        GlyphRun {
                            colour,
                            tag: Tag::Content(key, Part::Label),
                            ..label.clone()
                        },
                    ));
                }
            }
            for (x, run) in line {
                placed.push(Placed::Run(
                    set.text_x + x,
                    baseline,
                    GlyphRun {
                        colour,
                        tag: Tag::Content(key, Part::Text),
                        ..run.clone()
                    },
                ));
            }
            y += line_height;
        }
        Some((placed, y))
    }
}

/// Note how many lines a contacts field takes.
fn record_field(fields: &mut Vec<(String, usize)>, para: &Para, height: f32, style: &Style) {
    if let Origin::Field(f) = &para.source {
        let lines = (height / (style.size_pt * style.leading)).round() as usize;
        fields.push((f.clone(), lines));
    }
}

/// The space above a paragraph: the larger of the previous one's space after and
/// its own space before (none at the top of a frame), plus its extra space.
fn gap(prev_after: Option<f32>, style: &Style, para: &Para) -> f32 {
    prev_after.map_or(0.0, |after| after.max(style.space_before_pt)) + para.extra_space_before
}

/// Move placed things down by `dy` (and right by `dx`).
fn offset(placed: Vec<Placed>, dx: f32, dy: f32) -> impl Iterator<Item = Placed> {
    placed.into_iter().map(move |p| match p {
        Placed::Run(x, y, run) => Placed::Run(x + dx, y + dy, run),
        Placed::Rect(x, y, w, h, c, t) => Placed::Rect(x + dx, y + dy, w, h, c, t),
        Placed::Picture(x, y, w, h, i, t) => Placed::Picture(x + dx, y + dy, w, h, i, t),
    })
}

/// A paragraph's style at a scale (only shrinkable paragraphs scale).
fn scaled(layout: &Layout, para: &Para, scale: f32) -> Style {
    let mut style = layout.style(&para.style).clone();
    if para.shrinkable && scale < 1.0 {
        style.size_pt *= scale;
        style.space_before_pt *= scale;
        style.space_after_pt *= scale;
    }
    style
}

/// The scale step that shrinks the frame's detail style by [`SHRINK_STEP_PT`].
fn shrink_step(flows: &[Flow], layout: &Layout) -> f32 {
    shrunk_size(flows, layout, 1.0).map_or(1.0, |size| SHRINK_STEP_PT / size)
}

/// The size of the frame's smallest shrinkable style at a scale.
fn shrunk_size(flows: &[Flow], layout: &Layout, scale: f32) -> Option<f32> {
    flows
        .iter()
        .flat_map(|f| match f {
            Flow::Para(p) => std::slice::from_ref(p),
            Flow::Qr { paras, .. } => paras.as_slice(),
            Flow::Logo { .. } => &[],
        })
        .filter(|p| p.shrinkable)
        .map(|p| layout.style(&p.style).size_pt * scale)
        .min_by(f32::total_cmp)
}

/// An image's size scaled into a box (never wider than the frame), aspect kept.
fn fit_box(image: &Image, box_w: f32, box_h: f32, frame_w: f32) -> (f32, f32) {
    let box_w = box_w.min(frame_w);
    let aspect = image.width as f32 / image.height as f32;
    if box_w / box_h > aspect {
        (box_h * aspect, box_h)
    } else {
        (box_w, box_w / aspect)
    }
}

/// The dark modules of a QR code of `url` (rows of booleans), if its modules are at
/// least [`MIN_QR_MODULE_MM`] at `size` points with the quiet zone.
fn qr_code(url: &str, size: f32) -> Option<Vec<Vec<bool>>> {
    // Medium error correction at least; higher where it fits the same size.
    let code =
        qrcodegen::QrCode::encode_binary(url.as_bytes(), qrcodegen::QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let module = size / (n.unsigned_abs() as usize + 2 * QR_QUIET_ZONE) as f32;
    if module < MIN_QR_MODULE_MM * PT_PER_MM {
        return None;
    }
    Some(
        (0..n)
            .map(|y| (0..n).map(|x| code.get_module(x, y)).collect())
            .collect(),
    )
}

/// Runs of dark modules in a row: (start, length), so a row is a few rectangles.
fn runs(row: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < row.len() {
        if row[i] {
            let start = i;
            while i < row.len() && row[i] {
                i += 1;
            }
            out.push((start, i - start));
        } else {
            i += 1;
        }
    }
    out
}

/// The document's logical structure, in reading order: frames by their `order`
/// (then page order), flows top to bottom; headings and paragraphs as their styles
/// say, list items as L/LI/Lbl/LBody, the logo and the QR code as figures.
pub fn structure(content: &Content<'_>) -> Structure {
    let mut frames: Vec<(usize, usize, &FrameText<'_>)> = content
        .pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.frames
                .iter()
                .enumerate()
                .map(move |(f, frame)| (p, f, frame))
        })
        .collect();
    frames.sort_by_key(|(p, f, frame)| (frame.frame.order.unwrap_or(u32::MAX), *p, *f));
    let mut s = Structure {
        elements: vec![element("Document", None, None)],
    };
    let mut list: Option<(usize, usize)> = None; // (list number, its element)
    for (p, f, frame) in frames {
        let key = |flow: usize, para: usize| Key {
            page: p as u16,
            frame: f as u16,
            flow: flow as u16,
            para: para as u16,
        };
        for (i, flow) in frame.flows.iter().enumerate() {
            match flow {
                Flow::Para(para) => add_para(&mut s, &mut list, para, key(i, 0)),
                Flow::Qr { paras, alt, .. } => {
                    for (j, para) in paras.iter().enumerate() {
                        add_para(&mut s, &mut list, para, key(i, j));
                    }
                    list = None;
                    let mut figure =
                        element("Figure", Some(0), Some((key(i, QR_FIGURE), Part::Figure)));
                    figure.alt = Some(alt.clone());
                    s.elements.push(figure);
                }
                Flow::Logo { alt, .. } => {
                    list = None;
                    let mut figure = element("Figure", Some(0), Some((key(i, 0), Part::Figure)));
                    figure.alt = Some(alt.clone());
                    s.elements.push(figure);
                }
            }
        }
    }
    s
}

fn element(role: &'static str, parent: Option<usize>, content: Option<(Key, Part)>) -> Element {
    Element {
        role,
        parent,
        content,
        alt: None,
        lang: None,
    }
}

fn add_para(s: &mut Structure, list: &mut Option<(usize, usize)>, para: &Para, key: Key) {
    match para.role {
        ParaRole::Block(role) => {
            *list = None;
            let mut e = element(role.name(), Some(0), Some((key, Part::Text)));
            e.lang.clone_from(&para.lang);
            s.elements.push(e);
            if para.label.is_some() {
                let parent = s.elements.len() - 1;
                s.elements
                    .push(element("Span", Some(parent), Some((key, Part::Label))));
            }
        }
        ParaRole::Item(n) => {
            let l = match *list {
                Some((number, l)) if number == n => l,
                _ => {
                    s.elements.push(element("L", Some(0), None));
                    let l = s.elements.len() - 1;
                    *list = Some((n, l));
                    l
                }
            };
            s.elements.push(element("LI", Some(l), None));
            let li = s.elements.len() - 1;
            if para.label.is_some() {
                s.elements
                    .push(element("Lbl", Some(li), Some((key, Part::Label))));
            }
            let mut body = element("LBody", Some(li), Some((key, Part::Text)));
            body.lang.clone_from(&para.lang);
            s.elements.push(body);
        }
    }
}
