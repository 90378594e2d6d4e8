//! The document's logical structure (tagged PDF): what a screen reader reads, in
//! reading order, whatever page or panel it is printed on.

use crate::content::{Content, Flow, FrameText, Para, ParaRole};
use crate::pages::{Element, Key, Part, Structure};
use crate::typeset::QR_FIGURE;

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
