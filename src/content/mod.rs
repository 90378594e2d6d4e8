//! Content: resolve a layout's page plan into the text it prints, for one language.
//!
//! Takes the layout, the locale and the contacts and produces, per page and frame,
//! the paragraphs with their text, style and where the text came from (a message
//! id or a contacts field, for error messages). Every missing message is reported at
//! once; contacts values missing in the requested language fall back with a warning.
//! For the fillable leaflet, [`fields`] makes form fields where the contact details
//! go.

use crate::contacts::schema::{self, Kind};
use crate::contacts::{Contacts, Organisation, Person, Text};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::{msg, Message};
use std::sync::Arc;

use crate::image::Image;
use crate::layout::{Block, ContactPart, Frame, HAlign, Layout, Role};
use crate::locale::Locale;

pub mod fields;

/// The bullet in front of a list item.
const BULLET: &str = "•";

/// A whole leaflet's text, ready to typeset.
#[derive(Debug)]
pub struct Content<'l> {
    /// Per page of the layout, in reading order.
    pub pages: Vec<PageText<'l>>,
    /// The document title (shown in a viewer's title bar).
    pub title: String,
    /// The document subject.
    pub subject: String,
    /// Search keywords, comma-separated.
    pub keywords: String,
    /// The organisation, as the document's author.
    pub author: String,
    /// The language tag of the text (`sv`).
    pub lang: String,
    /// The language is written right to left: lines are set flush right.
    pub rtl: bool,
    /// Things a person should know about, such as language fallbacks.
    pub warnings: Vec<Diagnostic>,
}

/// One page's text.
#[derive(Debug)]
pub struct PageText<'l> {
    /// The page's name in the layout.
    pub name: &'l str,
    /// Per frame of the page.
    pub frames: Vec<FrameText<'l>>,
}

/// One frame's content.
#[derive(Debug)]
pub struct FrameText<'l> {
    /// The frame's geometry and look.
    pub frame: &'l Frame,
    /// Top to bottom.
    pub flows: Vec<Flow>,
    /// How far the frame's shrinkable paragraphs may be scaled down to fit (1 = not).
    pub min_scale: f32,
}

/// One piece of a frame's content, stacked top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    /// A paragraph.
    Para(Para),
    /// The organisations' logos, side by side in a box as wide as the frame at most.
    Logos {
        /// The pictures, each with what it shows (for screen readers).
        images: Vec<LogoImage>,
        /// The box.
        width_mm: f32,
        /// The box.
        height_mm: f32,
        /// Where in the frame's width.
        align: HAlign,
    },
    /// A row of form fields side by side (`--fillable`, see [`fields`]).
    Fields(Vec<FormField>),
    /// A QR code of `url`, as large as `size_mm` allows.
    Qr {
        /// What the code says.
        url: String,
        /// The code's side, quiet zone included.
        size_mm: f32,
        /// Where in the frame's width.
        align: HAlign,
        /// What it is, for screen readers ("QR code for www.example.se").
        alt: String,
    },
}

/// A text field of the PDF form (`--fillable`): its label printed, its box to
/// fill in with a PDF reader.
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// Its name in the form: the contacts file's field (`organisation.phone`,
    /// `contact[2]`, `extra.lines`).
    pub name: String,
    /// Printed beside a box of one line, above a taller one.
    pub label: String,
    /// The message the label is.
    pub label_id: String,
    /// What it asks for, for screen readers and as its tooltip (`/TU`).
    pub tip: String,
    /// The lines of text its box holds (1: a one-line field).
    pub lines: usize,
    /// What it holds to begin with (from the contacts file), lines apart by `\n`.
    pub value: String,
    /// The style of its label and its text (the contact details' style).
    pub style: String,
}

/// An organisation's logo with its text alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct LogoImage {
    /// The picture.
    pub image: Arc<Image>,
    /// What it shows, for screen readers.
    pub alt: String,
    /// The alternative's language when it is not the leaflet's (a fallback).
    pub lang: Option<String>,
}

/// One paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    /// The style's name in the layout.
    pub style: String,
    /// Text hanging in the indent (a bullet, "Telefon"); the text starts at the
    /// style's indent, or under the label where the typesetter puts it above.
    pub label: Option<Span>,
    /// The text.
    pub spans: Vec<Span>,
    /// Extra space above, in points, on top of the style's.
    pub extra_space_before: f32,
    /// Where the text came from, for messages about it.
    pub source: Origin,
    /// May be set smaller to fit its frame (contact details and helplines).
    pub shrinkable: bool,
    /// What it is for a screen reader.
    pub role: ParaRole,
    /// The language of its text when that is not the leaflet's (a fallback value).
    pub lang: Option<String>,
    /// It reads right to left: the leaflet's text in a right-to-left language,
    /// a contact value whose first strong character is right to left.
    pub rtl: bool,
}

/// A link in the PDF: a web page, an e-mail to write or a number to call.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The URI (`https:`, `mailto:`, `tel:`).
    pub uri: String,
    /// What following it does, for screen readers ("Send an e-mail to ...").
    pub alt: String,
}

/// What a paragraph is in the document's structure (tagged PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaRole {
    /// A paragraph or heading, as its style says.
    Block(Role),
    /// An item of list `n` (numbered through the document): its label (bullet,
    /// "Telefon", the helpline's number) and its text.
    Item(usize),
}

/// Where a paragraph's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A Fluent message of the locale, by id.
    Message(String),
    /// A field of the contacts file, by dotted name (`contact[1].phone`).
    Field(String),
}

impl Origin {
    /// The message id or field name.
    pub fn id(&self) -> &str {
        match self {
            Origin::Message(id) | Origin::Field(id) => id,
        }
    }
}

impl Origin {
    /// Where the text comes from, said to a person ("field `organisation.email`").
    pub fn said(&self) -> Message {
        match self {
            Origin::Message(id) => msg("origin-message").arg("id", id),
            Origin::Field(field) => msg("origin-field").field("field", field),
        }
    }
}

/// A piece of a paragraph's text with one look.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text, white space already collapsed.
    pub text: String,
    /// Bold, whatever the style says.
    pub bold: bool,
    /// Where lines may break inside it.
    pub wrap: Wrap,
    /// Where it leads, if it is a web address, e-mail address or phone number: a
    /// link in the PDF. Only a paragraph's first span links.
    pub link: Option<Link>,
}

/// Where lines may break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// Between words and at hyphenation points (if the style hyphenates).
    Hyphenate,
    /// Between words only.
    Words,
    /// An e-mail or web address: where typographers break one, never with a
    /// hyphen added (see `typeset::linebreak::points`).
    Address,
    /// Nowhere: phone numbers, labels.
    Never,
}

impl Span {
    fn new(text: &str, wrap: Wrap) -> Span {
        Span {
            text: collapse_spaces(text),
            bold: false,
            wrap,
            link: None,
        }
    }

    fn bold(mut self) -> Span {
        self.bold = true;
        self
    }
}

/// Collapse runs of white space (line breaks from multi-line Fluent values among
/// them) into single spaces; no-break spaces stay.
fn collapse_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolve the layout's page plan for one language.
pub fn compose<'l>(
    layout: &'l Layout,
    locale: &Locale,
    contacts: &Contacts,
    logos: &[Option<Arc<Image>>],
    fillable: bool,
) -> Result<Content<'l>, Diagnostics> {
    let lang = locale.lang.to_string();
    // The pseudo-locale previews the reference text, contacts included.
    let text_lang = if crate::locale::is_pseudo(&lang) {
        crate::locale::REFERENCE.to_string()
    } else {
        lang.clone()
    };
    let mut c = Composer {
        locale,
        lang: text_lang,
        errors: Vec::new(),
        warnings: Vec::new(),
        lists: 0,
        fillable,
    };
    // The organisations together are the document's author.
    let names: Vec<String> = contacts
        .organisations
        .iter()
        .map(|o| c.text(&o.name))
        .filter(|n| !n.is_empty())
        .collect();
    let org_name = names.join(", ");
    let rtl = locale.is_right_to_left();
    let pages = layout
        .pages
        .iter()
        .map(|page| PageText {
            name: &page.name,
            frames: page
                .frames
                .iter()
                .map(|frame| FrameText {
                    frame,
                    flows: frame
                        .blocks
                        .iter()
                        .flat_map(|b| c.block(layout, b, contacts, logos))
                        .map(|flow| in_direction(flow, rtl))
                        .collect(),
                    min_scale: min_scale(layout, frame),
                })
                .collect(),
        })
        .collect();
    // A blank form has no organisation to name yet.
    let title = if org_name.is_empty() {
        c.message("document-title-blank")
    } else {
        c.message_with("document-title", &[("organisation", &org_name)])
    };
    let subject = c.message("document-subject");
    let keywords = c.message("document-keywords");
    if !c.errors.is_empty() {
        return Err(Diagnostics(c.errors));
    }
    Ok(Content {
        pages,
        title,
        subject,
        keywords,
        author: org_name,
        lang,
        rtl,
        warnings: c.warnings,
    })
}

/// The leaflet's own text (its messages) reads in the locale's direction.
fn in_direction(mut flow: Flow, rtl: bool) -> Flow {
    if let Flow::Para(p) = &mut flow {
        if matches!(p.source, Origin::Message(_)) {
            p.rtl = rtl;
        }
    }
    flow
}

struct Composer<'a> {
    locale: &'a Locale,
    lang: String,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Lists numbered so far (each list gets its own structure element).
    lists: usize,
    /// The contact details are a form's fields (`--fillable`).
    fillable: bool,
}

impl Composer<'_> {
    /// Make the paragraphs the items of a new list.
    fn list(&mut self, paras: &mut [Para]) {
        if paras.is_empty() {
            return;
        }
        self.lists += 1;
        for p in paras {
            p.role = ParaRole::Item(self.lists);
        }
    }

    fn message(&mut self, id: &str) -> String {
        self.message_with(id, &[])
    }

    /// A message with variables; a missing or broken message is noted as an error.
    fn message_with(&mut self, id: &str, args: &[(&str, &str)]) -> String {
        self.locale.message_with(id, args).unwrap_or_else(|e| {
            self.errors.extend(e.0);
            String::new()
        })
    }

    fn text(&mut self, text: &Text) -> String {
        let (value, warning) = text.get(&self.lang);
        // A field printed twice (the name on the cover and the contact page) warns once.
        if let Some(w) = warning.filter(|w| !self.warnings.contains(w)) {
            self.warnings.push(w);
        }
        value.to_string()
    }

    /// A block's flows, each paragraph with its structure role.
    fn block(
        &mut self,
        layout: &Layout,
        block: &Block,
        contacts: &Contacts,
        logos: &[Option<Arc<Image>>],
    ) -> Vec<Flow> {
        let mut flows = self.block_flows(layout, block, contacts, logos);
        let set_role = |p: &mut Para| {
            if p.role == ParaRole::Block(Role::P) {
                p.role = ParaRole::Block(layout.style(&p.style).role);
            }
        };
        for flow in &mut flows {
            if let Flow::Para(p) = flow {
                set_role(p);
            }
        }
        flows
    }

    fn block_flows(
        &mut self,
        layout: &Layout,
        block: &Block,
        contacts: &Contacts,
        logos: &[Option<Arc<Image>>],
    ) -> Vec<Flow> {
        let paras = |p: Vec<Para>| p.into_iter().map(Flow::Para).collect();
        match block {
            Block::Text { message, style } => paras(vec![self.text_block(layout, message, style)]),
            Block::Bullets { messages, style } => paras(self.bullets(layout, messages, style)),
            Block::Logo {
                width_mm,
                height_mm,
                align,
            } => {
                let images: Vec<LogoImage> = contacts
                    .organisations
                    .iter()
                    .zip(logos)
                    .filter_map(|(org, logo)| {
                        let (alt, lang) = self.logo_alt(org);
                        Some(LogoImage {
                            image: Arc::clone(logo.as_ref()?),
                            alt,
                            lang,
                        })
                    })
                    .collect();
                if images.is_empty() {
                    return Vec::new();
                }
                vec![Flow::Logos {
                    images,
                    width_mm: *width_mm,
                    height_mm: *height_mm,
                    align: *align,
                }]
            }
            // A form's web address may be changed after it is printed; a QR code
            // could not follow it.
            Block::Qr { .. } if self.fillable => Vec::new(),
            Block::Qr { size_mm, align } => {
                self.qr(contacts, *size_mm, *align).into_iter().collect()
            }
            Block::Organisation {
                name_style,
                unit_style,
            } => {
                // Several organisations are named together; their units are on
                // the contact page.
                let several = contacts.organisations.len() > 1;
                let mut list = Vec::new();
                // A blank form's organisation has no name yet.
                let named = contacts.organisations.iter().filter(|o| !o.name.is_blank());
                for org in named {
                    list.push(self.field_para(name_style, None, &org.name, Wrap::Words));
                    if let (Some(unit), false) = (&org.unit, several) {
                        list.push(self.field_para(unit_style, None, unit, Wrap::Words));
                    }
                }
                paras(list)
            }
            Block::Contacts { style, part, .. } if self.fillable => {
                self.form_fields(contacts, style, *part)
            }
            Block::Contacts {
                org_style,
                name_style,
                style,
                group_gap_pt,
                strip_web_scheme,
                part,
                ..
            } => {
                let styles = ContactStyles {
                    org: org_style,
                    name: name_style,
                    detail: style,
                    gap: *group_gap_pt,
                    strip_web_scheme: *strip_web_scheme,
                };
                paras(self.contacts(contacts, &styles, *part))
            }
            Block::Helplines {
                heading,
                heading_style,
                style,
            } => paras(self.helplines(heading, heading_style, style)),
        }
    }

    /// The QR code of the first web address the organisations give.
    ///
    /// Decision: one code, for the first organisation that gives a web address (the
    /// leaflet's publisher comes first). A code invites a reader to scan it; several
    /// on one page compete, and a reader cannot tell which leads where. The other
    /// addresses are printed, and links in the PDF.
    ///
    /// The code says what the link says, the scheme included (`https://` for
    /// `www.asby.se`: a reader that finds no scheme may offer the text to search
    /// for instead of opening the page), in ASCII (`%C3%A5` for `å`: a code has
    /// no word for its bytes' encoding, and readers guess it differently).
    fn qr(&mut self, contacts: &Contacts, size_mm: f32, align: HAlign) -> Option<Flow> {
        let web = contacts.organisations.iter().find_map(|o| o.web.as_ref())?;
        let given = self.text(web);
        let alt = self.message_with("qr-alt", &[("address", printed_web_address(&given))]);
        Some(Flow::Qr {
            url: uri_ascii(&web_uri(&given)),
            size_mm,
            align,
            alt,
        })
    }

    /// One message as one paragraph.
    fn text_block(&mut self, layout: &Layout, message: &str, style: &str) -> Para {
        let text = self.message(message);
        para(
            style,
            None,
            vec![Span::new(&text, wrap_of(layout, style))],
            Origin::Message(message.to_string()),
        )
    }

    /// Messages as the items of a new bulleted list.
    fn bullets(&mut self, layout: &Layout, messages: &[String], style: &str) -> Vec<Para> {
        let mut items: Vec<Para> = messages
            .iter()
            .map(|id| {
                let text = self.message(id);
                para(
                    style,
                    Some(Span::new(BULLET, Wrap::Never)),
                    vec![Span::new(&text, wrap_of(layout, style))],
                    Origin::Message(id.to_string()),
                )
            })
            .collect();
        self.list(&mut items);
        items
    }

    /// The national helplines: a heading, then each line's number as the label of a
    /// list item; they shrink with the contact details.
    fn helplines(&mut self, heading: &str, heading_style: &str, style: &str) -> Vec<Para> {
        let text = self.message(heading);
        let mut list = vec![para(
            heading_style,
            None,
            vec![Span::new(&text, Wrap::Words)],
            Origin::Message(heading.to_string()),
        )];
        for id in self.locale.helplines().to_vec() {
            let number = self.locale.attribute(&id, "number").unwrap_or_else(|e| {
                self.errors.extend(e.0);
                String::new()
            });
            let text = self.message(&id);
            list.push(para(
                style,
                Some(Span::new(&number, Wrap::Never).bold()),
                vec![Span::new(&text, Wrap::Words)],
                Origin::Message(id.to_string()),
            ));
        }
        for p in &mut list {
            p.shrinkable = true;
        }
        self.list(&mut list[1..]);
        list
    }

    /// The contact details (all of them, or a part): each organisation with its
    /// people and its address, then the extra lines; each group a list, the
    /// groups apart by the layout's gap.
    fn contacts(
        &mut self,
        contacts: &Contacts,
        styles: &ContactStyles<'_>,
        part: ContactPart,
    ) -> Vec<Para> {
        let mut paras: Vec<Para> = Vec::new();
        for (i, org) in contacts.organisations.iter().enumerate() {
            let lead = i == 0;
            let (own, people, address) = match part {
                ContactPart::All => (true, true, true),
                ContactPart::Lead => (lead, false, lead),
                ContactPart::Rest => (!lead, true, !lead),
            };
            if own {
                paras.append(&mut self.organisation_lines(org, styles));
            }
            if address && part == ContactPart::Lead {
                paras.append(&mut self.address(org, styles));
            }
            if people {
                for person in &org.persons {
                    let mut group = self.person(person, styles);
                    self.list(&mut group);
                    paras.append(&mut group);
                }
            }
            if address && part != ContactPart::Lead {
                paras.append(&mut self.address(org, styles));
            }
        }
        if part != ContactPart::Lead {
            for (i, line) in contacts.extra.iter().enumerate() {
                let mut p = self.field_para(styles.detail, None, line, Wrap::Words);
                if i == 0 {
                    p.extra_space_before = styles.gap;
                }
                paras.push(p);
            }
        }
        // Groups stand apart, but not from the top of their frame.
        if let Some(first) = paras.first_mut() {
            first.extra_space_before = 0.0;
        }
        for p in &mut paras {
            p.shrinkable = true;
        }
        paras
    }

    /// An organisation's visiting and postal address, as a list.
    fn address(&mut self, org: &Organisation, styles: &ContactStyles<'_>) -> Vec<Para> {
        let mut group = Vec::new();
        let address = &org.address;
        self.row(
            &mut group,
            styles.detail,
            "label-visiting",
            address.visiting.as_ref(),
        );
        self.row(
            &mut group,
            styles.detail,
            "label-postal",
            address.postal.as_ref(),
        );
        if let Some(p) = group.first_mut() {
            p.extra_space_before = styles.gap;
        }
        self.list(&mut group);
        group
    }

    /// The organisation's name, then its unit, phone, e-mail and web address as
    /// a list.
    fn organisation_lines(&mut self, org: &Organisation, styles: &ContactStyles<'_>) -> Vec<Para> {
        let mut name = self.field_para(styles.org, None, &org.name, Wrap::Words);
        name.extra_space_before = styles.gap;
        let mut paras = vec![name];
        if let Some(unit) = &org.unit {
            paras.push(self.field_para(styles.detail, None, unit, Wrap::Words));
        }
        self.row(&mut paras, styles.detail, "label-phone", org.phone.as_ref());
        self.row(&mut paras, styles.detail, "label-email", org.email.as_ref());
        self.row(&mut paras, styles.detail, "label-web", org.web.as_ref());
        if let (true, Some(p)) = (
            styles.strip_web_scheme && org.web.is_some(),
            paras.last_mut(),
        ) {
            let text = &mut p.spans[0].text;
            *text = printed_web_address(text).to_string();
        }
        self.list(&mut paras[1..]);
        paras
    }

    /// A person's name, title, phone with its hours, and e-mail.
    fn person(&mut self, person: &Person, styles: &ContactStyles<'_>) -> Vec<Para> {
        let mut name = self.field_para(styles.name, None, &person.name, Wrap::Words);
        name.extra_space_before = styles.gap;
        let mut group = vec![name];
        if let Some(title) = &person.title {
            group.push(self.field_para(styles.detail, None, title, Wrap::Words));
        }
        self.phone_row(&mut group, styles.detail, person);
        self.row(
            &mut group,
            styles.detail,
            "label-email",
            person.email.as_ref(),
        );
        group
    }

    fn label(&mut self, id: &str) -> Span {
        let text = self.message(id);
        Span::new(&text, Wrap::Never)
    }

    /// A labelled line ("Telefon  0123-456 78"), if the field is there; phone
    /// numbers never break, e-mail and web addresses break as addresses do (their
    /// kind in the schema).
    fn row(&mut self, paras: &mut Vec<Para>, style: &str, label: &str, value: Option<&Text>) {
        if let Some(value) = value {
            let kind = schema::find(&value.field).map(|p| p.field.kind);
            let wrap = match kind {
                Some(Kind::Phone) => Wrap::Never,
                Some(Kind::Email | Kind::Web) => Wrap::Address,
                _ => Wrap::Words,
            };
            let label = self.label(label);
            let mut p = self.field_para(style, Some(label), value, wrap);
            p.spans[0].link = kind.and_then(|k| self.link(k, &p.spans[0].text));
            paras.push(p);
        }
    }

    /// A person's phone number with the hours it is answered, on one line where
    /// they fit ("Telefon  0123-456 80, måndag–fredag kl. 9–12"); hours without a
    /// number stand on a line of their own ("Telefontid").
    fn phone_row(&mut self, paras: &mut Vec<Para>, style: &str, person: &Person) {
        let Some(phone) = &person.phone else {
            self.row(paras, style, "label-hours", person.hours.as_ref());
            return;
        };
        self.row(paras, style, "label-phone", Some(phone));
        if let Some(hours) = &person.hours {
            let text = self.text(hours);
            let fallback = hours.fallback(&self.lang).map(str::to_string);
            if let Some(p) = paras.last_mut() {
                p.spans.push(Span::new(&format!(", {text}"), Wrap::Words));
                p.lang = p.lang.take().or(fallback);
            }
        }
    }

    /// The link a phone number, e-mail or web address makes in the PDF, with
    /// what following it does, for screen readers.
    fn link(&mut self, kind: Kind, text: &str) -> Option<Link> {
        let (uri, id, name, shown) = match kind {
            Kind::Web => (
                web_uri(text),
                "link-web",
                "address",
                printed_web_address(text),
            ),
            Kind::Email => (format!("mailto:{text}"), "link-email", "address", text),
            Kind::Phone => (tel_uri(text)?, "link-phone", "number", text),
            _ => return None,
        };
        let alt = self.message_with(id, &[(name, shown)]);
        Some(Link {
            uri: uri_ascii(&uri),
            alt,
        })
    }

    fn field_para(&mut self, style: &str, label: Option<Span>, value: &Text, wrap: Wrap) -> Para {
        let text = self.text(value);
        let mut p = para(
            style,
            label,
            vec![Span::new(&text, wrap)],
            Origin::Field(value.field.clone()),
        );
        p.lang = value.fallback(&self.lang).map(str::to_string);
        p
    }

    /// The logo's text alternative: the contacts file's `logo_alt` (with its
    /// language when it falls back to another), or "Logotyp: <organisation>"
    /// from the locale.
    fn logo_alt(&mut self, org: &Organisation) -> (String, Option<String>) {
        if let Some(alt) = &org.logo_alt {
            let lang = alt.fallback(&self.lang).map(str::to_string);
            return (self.text(alt), lang);
        }
        let name = self.text(&org.name);
        (
            self.message_with("logo-alt", &[("organisation", &name)]),
            None,
        )
    }
}

/// The styles of the contact details.
struct ContactStyles<'a> {
    /// The organisation's name.
    org: &'a str,
    /// A person's name.
    name: &'a str,
    /// The detail lines.
    detail: &'a str,
    /// Space above each group.
    gap: f32,
    /// Print `www.example.se` for `https://www.example.se`.
    strip_web_scheme: bool,
}

/// Where a style's text may break: at hyphenation points if it hyphenates.
fn wrap_of(layout: &Layout, style: &str) -> Wrap {
    if layout.style(style).hyphenate {
        Wrap::Hyphenate
    } else {
        Wrap::Words
    }
}

/// How far a frame's contact details may shrink: the contacts block's
/// `min_size_pt` over its detail style's size (1 when it may not).
fn min_scale(layout: &Layout, frame: &Frame) -> f32 {
    frame
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Contacts {
                style,
                min_size_pt: Some(min),
                ..
            } => Some((min / layout.style(style).size_pt).clamp(0.1, 1.0)),
            _ => None,
        })
        .unwrap_or(1.0)
}

/// A paragraph, its direction that of its first strong character (the leaflet's
/// own text takes the locale's, in [`compose`]).
fn para(style: &str, label: Option<Span>, spans: Vec<Span>, source: Origin) -> Para {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    Para {
        style: style.to_string(),
        label,
        rtl: crate::typeset::linebreak::starts_right_to_left(&text),
        spans,
        extra_space_before: 0.0,
        source,
        shrinkable: false,
        role: ParaRole::Block(Role::P),
        lang: None,
    }
}

/// A web address as a URI: as given when it names its scheme, else `https://`.
fn web_uri(web: &str) -> String {
    if web.contains("://") {
        web.to_string()
    } else {
        format!("https://{web}")
    }
}

/// A phone number as a `tel:` URI (RFC 3966): the number at the start of the
/// text ("0123-456 78, växeln" and "0123-456 78 / 070-123 45 67" are
/// 0123-456 78; "08 / 123 45 67" is one number) in its digits, a Swedish
/// number of 8 digits or more in international form (`tel:+4612345678`; the
/// trunk zero of "+46 (0)8-123 45 67" left out), a short number (112, 1177) as
/// it is. None without digits.
fn tel_uri(text: &str) -> Option<String> {
    let mut number = String::new();
    for (i, c) in text.char_indices() {
        // A slash after a whole number and before another one ("0520-659 612 /
        // 070-123 45 67") stands between two numbers; after an area code
        // ("08/123 45 67", "08 / 123 45 67") inside one.
        let between = c == '/'
            && number.chars().filter(char::is_ascii_digit).count() >= 5
            && text[i + 1..].trim_start().starts_with(['0', '+']);
        if between || !(c.is_ascii_digit() || " -+()/".contains(c)) {
            break;
        }
        number.push(c);
    }
    let international = number.trim_start().starts_with('+');
    if international {
        number = number.replace("(0)", "");
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let global = if international {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let (Some(rest), true) = (digits.strip_prefix('0'), digits.len() >= 8) {
        format!("+46{rest}")
    } else {
        digits
    };
    (global.len() > 1).then(|| format!("tel:{global}"))
}

/// A URI in the 7-bit ASCII a PDF link holds: other bytes (and spaces) as `%XX`.
fn uri_ascii(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for b in uri.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A web address as printed: without `https://` or `http://` and a final slash.
pub fn printed_web_address(web: &str) -> &str {
    let rest = web
        .strip_prefix("https://")
        .or_else(|| web.strip_prefix("http://"))
        .unwrap_or(web);
    rest.strip_suffix('/').unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_lose_their_scheme() {
        assert_eq!(
            printed_web_address("https://www.asby.se/anhorig/"),
            "www.asby.se/anhorig"
        );
        assert_eq!(printed_web_address("www.asby.se"), "www.asby.se");
    }

    #[test]
    fn links_lead_where_the_text_says() {
        assert_eq!(
            web_uri("www.asby.se/anhorig"),
            "https://www.asby.se/anhorig"
        );
        assert_eq!(web_uri("http://asby.se"), "http://asby.se");
        assert_eq!(tel_uri("0123-456 78").as_deref(), Some("tel:+4612345678"));
        assert_eq!(
            tel_uri("070-123 45 67, växeln kl. 8–17").as_deref(),
            Some("tel:+46701234567")
        );
        assert_eq!(
            tel_uri("+358 9 123 4567").as_deref(),
            Some("tel:+35891234567")
        );
        assert_eq!(tel_uri("1177").as_deref(), Some("tel:1177"));
        // Two numbers in one field, and a trunk zero written in brackets.
        assert_eq!(
            tel_uri("0520-659 612 / 070-123 45 67").as_deref(),
            Some("tel:+46520659612")
        );
        assert_eq!(
            tel_uri("+46 (0)520-65 95 00").as_deref(),
            Some("tel:+46520659500")
        );
        assert_eq!(tel_uri("08/123 45 67").as_deref(), Some("tel:+4681234567"));
        assert_eq!(
            tel_uri("08 / 123 45 67").as_deref(),
            Some("tel:+4681234567")
        );
        assert_eq!(
            tel_uri("0520-659612/070-1234567").as_deref(),
            Some("tel:+46520659612")
        );
        assert_eq!(tel_uri("växeln"), None);
        assert_eq!(
            uri_ascii("https://www.åsby.se/stöd och hjälp"),
            "https://www.%C3%A5sby.se/st%C3%B6d%20och%20hj%C3%A4lp"
        );
    }

    #[test]
    fn fluent_line_breaks_become_spaces() {
        assert_eq!(
            collapse_spaces("Du är\n    anhörig  om\u{a0}du"),
            "Du är anhörig om\u{a0}du"
        );
    }
}
