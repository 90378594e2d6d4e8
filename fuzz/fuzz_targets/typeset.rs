//! Fuzz the typesetter with arbitrary text and frame sizes: lines inside the
//! frame, or an error; never a panic.
#![no_main]

use std::sync::OnceLock;

use leaflet::content::{Content, Flow, FrameText, Origin, PageText, Para, ParaRole, Span, Wrap};
use leaflet::fonts::Fonts;
use leaflet::hyphenate::Hyphenator;
use leaflet::layout::{self, Frame, Layout, Role};
use leaflet::store::Store;
use leaflet::typeset::{typeset, Fit, Shared};
use libfuzzer_sys::fuzz_target;

fn data() -> &'static (Layout, Fonts, Hyphenator) {
    static D: OnceLock<(Layout, Fonts, Hyphenator)> = OnceLock::new();
    D.get_or_init(|| {
        let layout = layout::load(&Store::layouts(None), layout::DEFAULT).expect("layout");
        let fonts = Fonts::load(&Store::fonts(None), &layout.fonts).expect("fonts");
        (layout, fonts, Hyphenator::for_language("sv"))
    })
}

fuzz_target!(|input: &[u8]| {
    if input.len() < 4 {
        return;
    }
    let (layout, fonts, hyphenator) = data();
    let width_mm = 1.0 + f32::from(input[0]) / 2.0;
    let height_mm = 1.0 + f32::from(input[1]);
    let style = ["body", "h1", "contact", "bullet", "title"][usize::from(input[2]) % 5];
    let wrap = [Wrap::Hyphenate, Wrap::Words, Wrap::Never][usize::from(input[3]) % 3];
    let text = String::from_utf8_lossy(&input[4..]).into_owned();
    let text_is_rtl = unicode_bidi::get_base_direction(text.as_str()) == unicode_bidi::Direction::Rtl;
    let frame = Frame {
        order: None,
        x_mm: 2.0,
        y_mm: 2.0,
        width_mm,
        height_mm,
        padding_mm: 0.0,
        fill: None,
        align: layout::Align::Bottom,
        blocks: Vec::new(),
    };
    let para = Para {
        style: style.into(),
        label: (style == "contact").then(|| Span {
            text: "Telefon".into(),
            bold: false,
            wrap: Wrap::Never,
            link: None,
        }),
        spans: vec![Span {
            text,
            bold: false,
            wrap,
            link: None,
        }],
        extra_space_before: 0.0,
        source: Origin::Message("fuzz".into()),
        shrinkable: true,
        role: ParaRole::Block(Role::P),
        lang: None,
        // Right to left for a text whose first strong character is.
        rtl: text_is_rtl,
    };
    let content = Content {
        pages: vec![PageText {
            name: "fuzz",
            frames: vec![FrameText {
                frame: &frame,
                flows: vec![Flow::Para(para)],
                min_scale: 0.8,
            }],
        }],
        title: String::new(),
        subject: String::new(),
        keywords: String::new(),
        author: String::new(),
        lang: "sv".into(),
        rtl: false,
        warnings: Vec::new(),
    };
    let _ = typeset(
        &content,
        layout,
        fonts,
        hyphenator,
        Fit::Strict,
        &Shared::default(),
    );
});
