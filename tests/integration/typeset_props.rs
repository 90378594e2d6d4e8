//! Property: for any text in any frame, every line the typesetter places lies
//! inside its frame, or the result is an error saying it does not fit; never both,
//! never a panic.

use leaflet::content::{Content, Flow, FrameText, Origin, PageText, Para, ParaRole, Span, Wrap};
use leaflet::fonts::Fonts;
use leaflet::hyphenate::Hyphenator;
use leaflet::layout::{self, Frame, Role};
use leaflet::pages::Item;
use leaflet::store::Store;
use leaflet::typeset::{typeset, Fit, Shared};
use leaflet::units::PT_PER_MM;
use proptest::prelude::*;

fn para(text: &str, style: &str, wrap: Wrap, label: Option<&str>) -> Para {
    Para {
        style: style.to_string(),
        label: label.map(|l| Span {
            text: l.to_string(),
            bold: false,
            wrap: Wrap::Never,
            link: None,
        }),
        spans: vec![Span {
            text: text.to_string(),
            bold: false,
            wrap,
            link: None,
        }],
        extra_space_before: 0.0,
        rtl: false,
        source: Origin::Message("test".into()),
        shrinkable: false,
        role: ParaRole::Block(Role::P),
        lang: None,
    }
}

fn words() -> impl Strategy<Value = String> {
    // Words of Swedish letters, some long, some with hyphens or no-break spaces.
    let word = prop_oneof![
        "[a-zåäö]{1,12}",
        "[A-ZÅÄÖ][a-zåäö]{2,30}",
        "[a-zåäö]{3,8}-[a-zåäö]{3,8}",
        "[0-9]{3,4}-[0-9]{2,3}\u{a0}[0-9]{2}",
    ];
    proptest::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn lines_stay_inside_their_frame_or_the_text_is_refused(
        texts in proptest::collection::vec(words(), 1..4),
        width_mm in 5.0f32..140.0,
        height_mm in 5.0f32..200.0,
        padding_mm in 0.0f32..4.0,
        styles in proptest::collection::vec(prop_oneof![Just("body"), Just("h1"), Just("contact"), Just("bullet")], 4),
        wraps in proptest::collection::vec(prop_oneof![Just(Wrap::Hyphenate), Just(Wrap::Words), Just(Wrap::Never)], 4),
    ) {
        let layouts = Store::layouts(None);
        let base = layout::load(&layouts, layout::DEFAULT).expect("bundled layout");
        let fonts = Fonts::load(&Store::fonts(None), &base.fonts).expect("bundled fonts");
        let frame = Frame {
            order: None,
            x_mm: 4.0,
            y_mm: 4.0,
            width_mm,
            height_mm,
            padding_mm: padding_mm.min(width_mm / 3.0).min(height_mm / 3.0),
            fill: None,
            align: layout::Align::Top,
            blocks: Vec::new(),
        };
        let flows: Vec<Flow> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let label = (styles[i] == "contact" || styles[i] == "bullet").then_some("•");
                Flow::Para(para(t, styles[i], wraps[i], label))
            })
            .collect();
        let content = Content {
            pages: vec![PageText { name: "test", frames: vec![FrameText { frame: &frame, flows, min_scale: 1.0 }] }],
            title: String::new(),
            subject: String::new(),
            keywords: String::new(),
            author: String::new(),
            lang: "sv".into(),
            rtl: false,
            warnings: Vec::new(),
        };
        let result = typeset(&content, &base, &fonts, &Hyphenator::for_language("sv"), Fit::Strict, &Shared::default());
        match result {
            Err(e) => {
                let text = e.to_string();
                let says_why = text.contains("too long for its frame")
                    || text.contains("wider than its frame")
                    || text.contains("too wide for the label column");
                prop_assert!(says_why, "an error that does not say what does not fit: {}", text);
            }
            Ok(set) => {
                let page_h = base.page.height_mm * PT_PER_MM;
                let pad = frame.padding_mm;
                let left = (frame.x_mm + pad) * PT_PER_MM;
                let right = (frame.x_mm + frame.width_mm - pad) * PT_PER_MM;
                let top = page_h - (frame.y_mm + pad) * PT_PER_MM;
                let bottom = page_h - (frame.y_mm + frame.height_mm - pad) * PT_PER_MM;
                for item in &set.pages[0].items {
                    if let Item::Text(run) = item {
                        let upem = fonts.get(run.face).units_per_em;
                        // The ink: every glyph but a space left at a line's end.
                        let mut glyphs = run.glyphs.clone();
                        while glyphs.last().is_some_and(|g| g.text == " ") {
                            glyphs.pop();
                        }
                        let ink = glyphs.iter().map(|g| g.advance as f32).sum::<f32>() * run.size / upem;
                        prop_assert!(run.x >= left - 0.01, "starts left of the frame: {} < {}", run.x, left);
                        prop_assert!(run.x + ink <= right + 0.01, "ends right of the frame: {} > {}", run.x + ink, right);
                        prop_assert!(run.y <= top + 0.01 && run.y >= bottom - 0.01, "baseline {} outside {}..{}", run.y, bottom, top);
                    }
                }
            }
        }
    }
}
