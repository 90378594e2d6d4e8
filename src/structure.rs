//! The document's logical structure (tagged PDF): what a screen reader reads, and
//! in which order, whatever page or panel it is printed on.
//!
//! Identity is minted once, where content is placed: the typesetter gives each
//! paragraph and figure it places a [`Key`], tags every item it draws for it with
//! that key, and records a [`Node`] for it in the same step. The tree is then
//! assembled from the frames' nodes in reading order ([`assemble`]), so every
//! tagged item has its element by construction, and a figure that was not placed
//! (a QR code left out for lack of room) has none. The PDF writer treats an item
//! whose key has no element as an internal error, never as decoration.

use crate::content::ParaRole;

/// What an item is in the document's logical structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tag {
    /// Decoration (backgrounds, marks): screen readers skip it.
    #[default]
    Artifact,
    /// Part of the content placed as `Key`.
    Content(Key, Part),
}

/// A paragraph or figure placed by the typesetter: its page, frame, flow and
/// paragraph (within a QR group) in the layout's plan. The same for every
/// organisation, so shared frames keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Page of the plan.
    pub page: u16,
    /// Frame of the page.
    pub frame: u16,
    /// Flow of the frame.
    pub flow: u16,
    /// Paragraph of the flow (0 for a lone paragraph).
    pub para: u16,
}

/// Which part of a placed paragraph or figure an item draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A paragraph's text.
    Text,
    /// A paragraph's label (bullet, "Telefon", a helpline's number).
    Label,
    /// A picture: the logo or the QR code.
    Figure,
    /// A paragraph's link: its phone number, e-mail or web address, and the
    /// link annotations over it.
    Link,
    /// A form's field: its widget annotation.
    Field,
}

/// What the typesetter placed, recorded as it placed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A paragraph, whose text items (and label items, if `labelled`) carry `key`.
    Para {
        /// Its identity.
        key: Key,
        /// A paragraph or heading, or an item of a list.
        role: ParaRole,
        /// It has a label (bullet, "Telefon").
        labelled: bool,
        /// Its language, when it is not the document's (a fallback value).
        lang: Option<String>,
        /// Its link's text (a phone number, e-mail or web address at its start),
        /// whose items carry [`Part::Link`].
        link: Option<String>,
        /// It has text after its link.
        rest: bool,
        /// Its text whole, when a line break hyphenated a word in it: screen
        /// readers and text extraction read it so, not "ekono- miskt".
        whole: Option<String>,
    },
    /// A form's field (`--fillable`), whose widget carries `key`.
    Field {
        /// Its identity.
        key: Key,
        /// What it asks for.
        tip: String,
    },
    /// A picture (the logo, the QR code) with its text alternative.
    Figure {
        /// Its identity.
        key: Key,
        /// What it shows, for screen readers.
        alt: String,
        /// The language of `alt` when it is not the document's (a fallback).
        lang: Option<String>,
    },
}

/// The logical structure of a document, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Element 0 is the document; every other element names its parent.
    pub elements: Vec<Element>,
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The standard structure type: Document, H1…H6, P, L, LI, Lbl, LBody,
    /// Figure, Link, Span, Form.
    pub role: &'static str,
    /// The parent element's index (none for the document).
    pub parent: Option<usize>,
    /// The items that are its content.
    pub content: Option<(Key, Part)>,
    /// A text alternative (figures).
    pub alt: Option<String>,
    /// The language, when it is not the document's.
    pub lang: Option<String>,
    /// The text it stands for, whole (a link's address, however it is broken
    /// across lines).
    pub actual_text: Option<String>,
}

/// The structure of a document from its frames' nodes, the frames in reading
/// order: headings and paragraphs as their styles say, list items as
/// L/LI/Lbl/LBody, a labelled paragraph's label as a Span, figures with their
/// text alternatives.
pub fn assemble<'n>(frames: impl IntoIterator<Item = &'n [Node]>) -> Structure {
    let mut tree = Tree {
        s: Structure {
            elements: vec![element("Document", None, None)],
        },
        list: None,
    };
    for node in frames.into_iter().flatten() {
        match node {
            Node::Para {
                key,
                role,
                labelled,
                lang,
                link,
                rest,
                whole,
            } => {
                let text = TextParts {
                    labelled: *labelled,
                    link: link.as_deref(),
                    rest: *rest,
                    whole: whole.as_deref(),
                };
                tree.para(*key, *role, &text, lang.as_deref());
            }
            Node::Field { key, tip } => {
                tree.list = None;
                let mut form = element("Form", Some(0), Some((*key, Part::Field)));
                form.alt = Some(tip.clone());
                tree.s.elements.push(form);
            }
            Node::Figure { key, alt, lang } => {
                tree.list = None;
                let mut figure = element("Figure", Some(0), Some((*key, Part::Figure)));
                figure.alt = Some(alt.clone());
                figure.lang.clone_from(lang);
                tree.s.elements.push(figure);
            }
        }
    }
    tree.s
}

/// The structure being assembled.
struct Tree {
    s: Structure,
    /// The list being filled: its number in the content and its element.
    list: Option<(usize, usize)>,
}

impl Tree {
    fn push(&mut self, e: Element) -> usize {
        self.s.elements.push(e);
        self.s.elements.len() - 1
    }

    fn para(&mut self, key: Key, role: ParaRole, text: &TextParts<'_>, lang: Option<&str>) {
        match role {
            ParaRole::Block(role) => {
                self.list = None;
                let body = self.push(element(role.name(), Some(0), None));
                if text.labelled {
                    self.push(element("Span", Some(body), Some((key, Part::Label))));
                }
                self.body(body, key, text, lang);
            }
            ParaRole::Item(n) => {
                let l = match self.list {
                    Some((number, l)) if number == n => l,
                    _ => {
                        let l = self.push(element("L", Some(0), None));
                        self.list = Some((n, l));
                        l
                    }
                };
                let li = self.push(element("LI", Some(l), None));
                if text.labelled {
                    self.push(element("Lbl", Some(li), Some((key, Part::Label))));
                }
                let body = self.push(element("LBody", Some(li), None));
                self.body(body, key, text, lang);
            }
        }
    }

    /// A paragraph's text in its element: its own content, or, when it starts
    /// with a link, a Link element and a Span for the text after it.
    fn body(&mut self, body: usize, key: Key, text: &TextParts<'_>, lang: Option<&str>) {
        self.s.elements[body].lang = lang.map(str::to_string);
        let Some(link) = text.link else {
            self.s.elements[body].content = Some((key, Part::Text));
            self.s.elements[body].actual_text = text.whole.map(str::to_string);
            return;
        };
        let mut e = element("Link", Some(body), Some((key, Part::Link)));
        e.actual_text = Some(link.to_string());
        self.push(e);
        if text.rest {
            self.push(element("Span", Some(body), Some((key, Part::Text))));
        }
    }
}

/// What a paragraph's text has: a label, a link at its start, text after it,
/// and its text whole if a line break hyphenated it.
struct TextParts<'a> {
    labelled: bool,
    link: Option<&'a str>,
    rest: bool,
    whole: Option<&'a str>,
}

fn element(role: &'static str, parent: Option<usize>, content: Option<(Key, Part)>) -> Element {
    Element {
        role,
        parent,
        content,
        alt: None,
        lang: None,
        actual_text: None,
    }
}
