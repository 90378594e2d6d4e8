//! The form's page, written with maud: every value is escaped unless marked
//! otherwise, so no text a visitor sends can become markup.
//!
//! It works without JavaScript; `app.js` adds checking as people type. Errors
//! are listed at the top (each a link to its input) and shown next to their
//! inputs, which say so to screen readers (`aria-invalid`, `aria-describedby`).

use std::collections::BTreeMap;

use maud::{html, Markup, DOCTYPE};

use crate::contacts::schema::{self, Field, Kind};
use crate::diagnostic::Diagnostic;
use crate::locale::Locale;
use crate::messages::{Reader, Speaker};

use super::form::{self, Form, Group};
use crate::contacts::schema::Section;

/// What the page shows besides the form.
pub struct PageState<'a> {
    /// The interface language (`sv`, `fi`, `en`).
    pub ui: &'a str,
    /// The interface languages there are.
    pub ui_langs: &'a [String],
    /// Leaflet languages to choose from.
    pub leaflet_langs: &'a [String],
    /// Each language's own name ("Svenska", "Suomi"), from its locale.
    pub names: &'a BTreeMap<String, String>,
    /// Layouts to choose from: name and description.
    pub layouts: &'a [(String, crate::layout::Description)],
    /// Errors to show.
    pub errors: &'a [Diagnostic],
    /// Warnings to show.
    pub warnings: &'a [Diagnostic],
    /// The contact page as a PNG, base64.
    pub preview: Option<String>,
}

/// The page's texts in the interface language, and its errors by input.
struct Page<'a> {
    t: &'a Locale,
    speaker: Speaker<'a>,
    form: &'a Form,
    state: &'a PageState<'a>,
    errors_for: BTreeMap<String, Vec<&'a Diagnostic>>,
}

impl Page<'_> {
    /// A message of the interface language (its id, if it is missing).
    fn m(&self, id: &str) -> String {
        self.t.message(id).unwrap_or_else(|_| id.to_string())
    }

    fn errors(&self, input: &str) -> &[&Diagnostic] {
        self.errors_for.get(input).map_or(&[], Vec::as_slice)
    }

    /// A diagnostic as the form says it.
    fn say(&self, d: &Diagnostic) -> String {
        message(d, self.t, self.state.names, &self.speaker)
    }
}

/// The whole page, its texts from `t` and its messages said by `speaker`.
pub fn page(t: &Locale, speaker: Speaker<'_>, form: &Form, state: &PageState<'_>) -> String {
    let mut errors_for: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for e in state.errors {
        if let Some(input) = e.field.as_deref().and_then(|f| form.input_for(f)) {
            errors_for.entry(input).or_default().push(e);
        }
    }
    let p = Page {
        t,
        speaker,
        form,
        state,
        errors_for,
    };
    let title = p.m("web-title");
    html! {
        (DOCTYPE)
        html lang=(state.ui) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="stylesheet" href="/style.css";
                script src="/app.js" defer {}
            }
            body {
                main {
                    h1 { (title) }
                    p { (p.m("web-intro")) }
                    (languages(&p))
                    // What the last press did, where the page opens: its errors
                    // at the top; what is good to know there too (a loaded file's
                    // texts the form has no box for), or with the preview (a size
                    // shrunk to fit), which the form's address (`/#preview`)
                    // scrolls to.
                    (summary(&p))
                    @if p.state.preview.is_none() {
                        (warnings(&p))
                    }
                    (the_form(&p))
                    (preview(&p))
                }
            }
        }
    }
    .into_string()
}

/// The interface languages: plain links, no script needed.
fn languages(p: &Page<'_>) -> Markup {
    html! {
        nav aria-label=(p.m("web-interface-language")) {
            ul.langs {
                @for l in p.state.ui_langs {
                    li {
                        a href={ "/?ui=" (l) } lang=(l)
                            aria-current=[(l == p.state.ui).then_some("page")] {
                            (language_name(p.state.names, l))
                        }
                    }
                }
            }
        }
    }
}

/// Every error, at the top, each a link to its input where it has one.
fn summary(p: &Page<'_>) -> Markup {
    html! {
        @if !p.state.errors.is_empty() {
            div.summary role="alert" tabindex="-1" id="errors" {
                h2 { (p.m("web-errors-heading")) }
                ul {
                    @for e in p.state.errors {
                        li {
                            @match e.field.as_deref().and_then(|f| p.form.input_for(f)) {
                                Some(input) => a href={ "#" (form::id(&input)) } { (p.say(e)) },
                                None => (p.say(e)),
                            }
                        }
                    }
                }
            }
        }
    }
}

fn the_form(p: &Page<'_>) -> Markup {
    html! {
        form method="post" action="/#preview" enctype="multipart/form-data" id="form" novalidate {
            input type="hidden" name="ui" value=(p.state.ui);
            p.note { (p.m("web-both-languages")) }
            @for group in form::groups() {
                (fieldset(p, &group))
            }
            (options(p))
            div.actions {
                button type="submit" name="action" value="preview" { (p.m("web-preview")) }
                " "
                button type="submit" name="action" value="pdf" { (p.m("web-download-pdf")) }
                " "
                button type="submit" name="action" value="fillable" { (p.m("web-download-fillable")) }
                " "
                button type="submit" name="action" value="toml" { (p.m("web-download-toml")) }
            }
            fieldset {
                legend { (p.m("web-load-toml")) }
                div.field {
                    label for="contacts_file" { "contacts.toml" }
                    input id="contacts_file" name="contacts_file" type="file"
                        accept=".toml,application/toml,text/plain";
                }
                button type="submit" name="action" value="load" { (p.m("web-load")) }
            }
        }
    }
}

/// One table of the contacts file. The first organisation and its first contact
/// person stand open; the others stay folded away until they are needed.
fn fieldset(p: &Page<'_>, group: &Group) -> Markup {
    let legend = legend(p.t, group);
    let prefix = group.prefix();
    let used = p
        .form
        .values
        .iter()
        .any(|(k, v)| k.starts_with(&prefix) && !v.trim().is_empty())
        || p.errors_for.keys().any(|k| k.starts_with(&prefix))
        || (group.section == Section::Organisation && p.form.logos.contains_key(&group.org));
    let first = group.org == 1 && group.number.is_none_or(|n| n == 1);
    let folded = !first && !used;
    let set = html! {
        fieldset {
            legend { (legend) }
            @for field in group.section.fields() {
                (inputs(p, group, field))
            }
        }
    };
    html! {
        @if folded {
            details { summary { (legend) } (set) }
        } @else {
            (set)
        }
    }
}

/// A group's name on the form: "Kontaktperson 2", "Organisation 2: Adress".
fn legend(t: &Locale, group: &Group) -> String {
    let own = match group.number {
        Some(n) => t
            .message_with(group.section.label(), &[("number", &n.to_string())])
            .unwrap_or_default(),
        None => t.message(group.section.label()).unwrap_or_default(),
    };
    match (group.org, group.section) {
        (1, _) | (_, Section::Extra) => own,
        (n, section) => {
            let org = t
                .message_with("web-organisation-number", &[("number", &n.to_string())])
                .unwrap_or_default();
            if section == Section::Organisation {
                org
            } else {
                format!("{org}: {own}")
            }
        }
    }
}

/// A field of the contacts file by its label on the form, with its group's
/// name where the label alone is not enough: `organisation.email` is "E-post",
/// `contact[2].phone` "Kontaktperson 2: Telefon", `organisation[2].unit.fi`
/// "Organisation 2: Enhet (Suomi)". A name the form has no input for keeps
/// its dotted form.
pub fn field_label(t: &Locale, names: &BTreeMap<String, String>, dotted: &str) -> String {
    let Some(place) = schema::find(dotted) else {
        return format!("`{dotted}`");
    };
    let group = Group {
        section: place.field.section,
        org: place.org,
        number: place.number,
    };
    let mut label = t.message(place.field.label).unwrap_or_default();
    if place.field.translated {
        if let Some((_, name)) = names
            .iter()
            .find(|(lang, _)| dotted.ends_with(&format!(".{lang}")))
        {
            label = format!("{label} ({name})");
        }
    }
    let named_alone = group.org == 1
        && matches!(
            group.section,
            Section::Organisation | Section::Address | Section::Extra
        );
    if named_alone {
        label
    } else {
        format!("{}: {label}", legend(t, &group))
    }
}

/// A field's input, or one per language for a translated field.
fn inputs(p: &Page<'_>, group: &Group, field: &Field) -> Markup {
    let label = p.m(field.label);
    html! {
        @for (name, lang) in form::inputs(group, field, &p.form.langs) {
            @let label = match lang {
                Some(l) => format!("{label} ({})", language_name(p.state.names, l)),
                None => label.clone(),
            };
            @if field.kind == Kind::File {
                (logo(p, group.org, &name, &label))
            } @else {
                (input(p, &name, &label, field))
            }
        }
    }
}

fn input(p: &Page<'_>, name: &str, label: &str, field: &Field) -> Markup {
    let id = form::id(name);
    let err_id = format!("{id}-error");
    let errs = p.errors(name);
    let invalid = (!errs.is_empty()).then_some("true");
    let described = (!errs.is_empty()).then_some(err_id.as_str());
    let value = p.form.values.get(name).map_or("", String::as_str);
    html! {
        div.field {
            label for=(id) { (label) }
            @if field.kind == Kind::Lines {
                textarea id=(id) name=(name) rows="3"
                    aria-invalid=[invalid] aria-describedby=[described] { (value) }
            } @else {
                input id=(id) name=(name) type=(field.kind.input())
                    autocomplete=(field.autocomplete) value=(value)
                    aria-invalid=[invalid] aria-describedby=[described];
            }
            p.error id=(err_id) aria-live="polite" {
                @for e in errs { (p.say(e)) " " }
            }
        }
    }
}

/// An organisation's logo upload (input `name`); a logo sent before travels inside
/// the page, never on disk.
fn logo(p: &Page<'_>, org: usize, name: &str, label: &str) -> Markup {
    use base64::Engine as _;
    let id = form::id(name);
    html! {
        div.field {
            label for=(id) { (label) }
            input id=(id) name=(name) type="file" accept="image/png,image/jpeg";
            @if let Some((file, bytes)) = p.form.logos.get(&org) {
                p.note {
                    (p.t.message_with("web-logo-kept", &[("file", file)]).unwrap_or_default())
                }
                input type="hidden" name={ (name) "_name" } value=(file);
                input type="hidden" name={ (name) "_data" }
                    value=(base64::engine::general_purpose::STANDARD.encode(bytes));
            }
            p.error id={ (id) "-error" } aria-live="polite" {
                @for e in p.errors(name) { (p.say(e)) }
            }
        }
    }
}

/// The leaflet's language and layout.
fn options(p: &Page<'_>) -> Markup {
    let chosen = |name: &str, v: &str, default: &str| {
        p.form.values.get(name).map_or(v == default, |x| x == v)
    };
    html! {
        fieldset {
            legend { (p.m("web-leaflet")) }
            div.field {
                label for="lang" { (p.m("web-leaflet-language")) }
                select id="lang" name="lang" {
                    @for l in p.state.leaflet_langs {
                        option value=(l) selected[chosen("lang", l, p.state.ui)] {
                            (language_name(p.state.names, l))
                        }
                    }
                }
            }
            div.field {
                label for="layout" { (p.m("web-layout")) }
                select id="layout" name="layout" {
                    @for (name, description) in p.state.layouts {
                        option value=(name)
                            selected[chosen("layout", name, crate::layout::DEFAULT)] {
                            (description.get(p.state.ui))
                        }
                    }
                }
            }
        }
    }
}

/// What is good to know after the last press, each in the reader's words.
fn warnings(p: &Page<'_>) -> Markup {
    html! {
        @if !p.state.warnings.is_empty() {
            div.warnings {
                h2 { (p.m("web-warnings-heading")) }
                ul { @for w in p.state.warnings { li { (p.say(w)) } } }
            }
        }
    }
}

fn preview(p: &Page<'_>) -> Markup {
    html! {
        @if let Some(png) = &p.state.preview {
            section id="preview" aria-labelledby="preview-heading" {
                h2 id="preview-heading" { (p.m("web-preview-heading")) }
                (warnings(p))
                img.preview src={ "data:image/png;base64," (png) } alt=(p.m("web-preview-alt"));
            }
        }
    }
}

/// A diagnostic's message with its hints, as one line for the page, in
/// `speaker`'s language and naming fields by their labels on the form (`t`).
pub fn message(
    d: &Diagnostic,
    t: &Locale,
    names: &BTreeMap<String, String>,
    speaker: &Speaker<'_>,
) -> String {
    let label = |dotted: &str| field_label(t, names, dotted);
    let mut s = speaker
        .say_to(&d.message, Reader::Form, &label)
        .unwrap_or_default();
    for hint in &d.hints {
        if let Some(hint) = speaker.say_to(hint, Reader::Form, &label) {
            s.push_str(" (");
            s.push_str(&hint);
            s.push(')');
        }
    }
    s
}

/// A language's own name, as its locale gives it (its code if it gives none).
pub(super) fn language_name<'n>(names: &'n BTreeMap<String, String>, tag: &'n str) -> &'n str {
    names.get(tag).map_or(tag, String::as_str)
}
