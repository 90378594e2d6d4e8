//! The form's routes: `GET /` shows it, `POST /` acts on it (preview, download
//! the PDF, save or load the contacts file).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Multipart, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use crate::contacts;
use crate::diagnostic::Diagnostic;
use crate::messages::msg;

use std::collections::BTreeMap;

use crate::contacts::MAX_ORGANISATIONS;

use super::form::{logo_input, Form, LeftOut};
use super::page::{self, PageState};
use super::{build, speaker, status, ui_lang, unreadable, App, Making, Uploads, UI_LANGS};

#[derive(Deserialize)]
pub(super) struct UiQuery {
    pub ui: Option<String>,
}

/// `GET /`: the empty form in the visitor's language.
pub(super) async fn show(
    State(app): State<Arc<App>>,
    Query(q): Query<UiQuery>,
    headers: HeaderMap,
) -> Response {
    let ui = ui_lang(&app, q.ui.as_deref(), &headers);
    render(
        &app,
        &ui,
        &Form::new(app.field_langs.clone()),
        &[],
        &[],
        None,
    )
}

/// The page, with a 422 status when it shows errors.
fn render(
    app: &App,
    ui: &str,
    form: &Form,
    errors: &[Diagnostic],
    warnings: &[Diagnostic],
    preview: Option<String>,
) -> Response {
    let Some(t) = app.ui.get(ui).or_else(|| app.ui.values().next()) else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "no interface language").into_response();
    };
    let ui_langs: Vec<String> = UI_LANGS
        .iter()
        .filter(|l| app.ui.contains_key(**l))
        .map(|l| l.to_string())
        .collect();
    let state = PageState {
        ui,
        ui_langs: &ui_langs,
        leaflet_langs: &app.leaflet_langs,
        names: &app.names,
        layouts: &app.layouts,
        errors,
        warnings,
        preview,
    };
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        status(errors)
    };
    let said = speaker(app, ui);
    (code, Html(page::page(t, said, form, &state))).into_response()
}

/// What a form post carried.
pub(super) struct Posted {
    /// The inputs and the logo.
    pub form: Form,
    /// The button pressed.
    action: String,
    /// The interface language.
    pub ui: String,
    /// A contacts file to load.
    contacts_file: Option<Vec<u8>>,
}

/// What a part of a form post is: an organisation's logo upload (`logo`,
/// `organisation[2].logo`), or a logo sent before (`logo_name`, `logo_data`).
enum LogoPart {
    Upload(usize),
    Name(usize),
    Data(usize),
}

fn logo_part(name: &str) -> Option<LogoPart> {
    (1..=MAX_ORGANISATIONS).find_map(|org| {
        let input = logo_input(org);
        match name.strip_prefix(&input)? {
            "" => Some(LogoPart::Upload(org)),
            "_name" => Some(LogoPart::Name(org)),
            "_data" => Some(LogoPart::Data(org)),
            _ => None,
        }
    })
}

/// Read a form post; a logo sent before comes back as `logo_name` and `logo_data`
/// (`organisation[2].logo_name` ... for the other organisations).
pub(super) async fn read_form(
    mut multipart: Multipart,
    langs: Vec<String>,
) -> Result<Posted, Diagnostic> {
    let mut posted = Posted {
        form: Form::new(langs),
        action: "preview".into(),
        ui: "sv".into(),
        contacts_file: None,
    };
    let mut kept: BTreeMap<usize, (Option<String>, Option<Vec<u8>>)> = BTreeMap::new();
    let bad = |e: axum::extract::multipart::MultipartError| unreadable(e.status(), e);
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(bad)?;
        match (name.as_str(), logo_part(&name)) {
            ("action", _) => posted.action = text(&bytes),
            ("ui", _) => posted.ui = text(&bytes),
            ("contacts_file", _) => {
                if !bytes.is_empty() {
                    posted.contacts_file = Some(bytes.to_vec());
                }
            }
            (_, Some(LogoPart::Upload(org))) => {
                if !bytes.is_empty() {
                    let file = clean_file_name(file_name.as_deref());
                    posted.form.logos.insert(org, (file, bytes.to_vec()));
                }
            }
            (_, Some(LogoPart::Name(org))) => kept.entry(org).or_default().0 = Some(text(&bytes)),
            (_, Some(LogoPart::Data(org))) => {
                use base64::Engine as _;
                kept.entry(org).or_default().1 = base64::engine::general_purpose::STANDARD
                    .decode(text(&bytes).trim())
                    .ok();
            }
            (_, None) => {
                posted.form.values.insert(name, text(&bytes));
            }
        }
    }
    for (org, kept) in kept {
        if let (Some(name), Some(data)) = kept {
            posted
                .form
                .logos
                .entry(org)
                .or_insert_with(|| (clean_file_name(Some(&name)), data));
        }
    }
    Ok(posted)
}

fn text(bytes: &Bytes) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A file name safe to write into a contacts file: no folders, no quotes.
fn clean_file_name(name: Option<&str>) -> String {
    let name = name.unwrap_or("logo.png");
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base
        .chars()
        .filter(|c| c.is_alphanumeric() || "._- ".contains(*c))
        .collect();
    if clean.is_empty() {
        "logo.png".into()
    } else {
        clean
    }
}

/// `POST /`: load a contacts file into the form, save the form as one, or build
/// the leaflet to preview its contact page or download it.
pub(super) async fn submit(State(app): State<Arc<App>>, multipart: Multipart) -> Response {
    let posted = match read_form(multipart, app.field_langs.clone()).await {
        Ok(p) => p,
        Err(e) => {
            let form = Form::new(app.field_langs.clone());
            return render(&app, "sv", &form, &[e], &[], None);
        }
    };
    let ui = ui_lang(&app, Some(&posted.ui), &HeaderMap::new());
    match posted.action.as_str() {
        "load" => load(&app, &ui, posted).await,
        "toml" => download(
            posted.form.to_toml().into_bytes(),
            "application/toml; charset=utf-8",
            "contacts.toml",
        ),
        action => {
            let action = action.to_string();
            leaflet(&app, &ui, posted.form, &action).await
        }
    }
}

/// Fill the form from an uploaded contacts file, keeping the leaflet's options
/// and the logo.
async fn load(app: &App, ui: &str, posted: Posted) -> Response {
    let form = posted.form;
    let read = match posted.contacts_file {
        Some(bytes) => Some(
            app.pool
                .run(move || contacts::from_bytes("contacts.toml", bytes))
                .await,
        ),
        None => None,
    };
    match read {
        Some(Ok(c)) => {
            let (mut filled, left_out) = Form::from_contacts(&c, form.langs.clone());
            let warnings = left_out_warnings(app, &left_out);
            filled.values.extend(
                form.values
                    .into_iter()
                    .filter(|(k, _)| k == "lang" || k == "layout"),
            );
            filled.logos = form.logos;
            render(app, ui, &filled, &[], &warnings, None)
        }
        Some(Err(e)) => render(app, ui, &form, &e.0, &[], None),
        None => render(app, ui, &form, &[], &[], None),
    }
}

/// The most texts the form could not hold that are named one by one.
const LEFT_OUT_NAMED: usize = 10;

/// Say which texts of a loaded contacts file the form could not hold, so that
/// nobody saves the file back from the form without them unawares.
fn left_out_warnings(app: &App, left_out: &[LeftOut]) -> Vec<Diagnostic> {
    let mut warnings: Vec<Diagnostic> = left_out
        .iter()
        .take(LEFT_OUT_NAMED)
        .map(|l| {
            let lang = l.lang.as_deref().unwrap_or_default();
            Diagnostic::warning(
                msg("serve-load-left-out")
                    .field("field", &l.field)
                    .arg("text", &l.text)
                    .arg("lang", page::language_name(&app.names, lang)),
            )
            .field(&l.field)
        })
        .collect();
    if left_out.len() > LEFT_OUT_NAMED {
        warnings.push(Diagnostic::warning(
            msg("serve-load-left-out-more").arg("count", left_out.len() - LEFT_OUT_NAMED),
        ));
    }
    warnings
}

/// Build the leaflet the form describes: the PDF to download, or the page with a
/// preview of the contact page (or the errors).
async fn leaflet(app: &Arc<App>, ui: &str, mut form: Form, action: &str) -> Response {
    let lang = form.values.remove("lang").unwrap_or_else(|| ui.to_string());
    let layout = form
        .values
        .remove("layout")
        .unwrap_or_else(|| crate::layout::DEFAULT.to_string());
    let toml = form.to_toml().into_bytes();
    let uploads = Uploads::ByOrganisation(
        form.logos
            .iter()
            .map(|(org, (_, bytes))| (*org, bytes.clone()))
            .collect(),
    );
    // A form left empty gives the blank fillable leaflet.
    let making = match action {
        "fillable" => Making::Fillable {
            blank: form.values.values().all(|v| v.trim().is_empty()) && form.logos.is_empty(),
        },
        _ => Making::Leaflet,
    };
    let result = build(app, toml, uploads, (&lang, &layout), making).await;
    form.values.insert("lang".into(), lang);
    form.values.insert("layout".into(), layout);
    match result {
        Ok((built, _)) if action == "pdf" => download(
            built.pdf,
            "application/pdf",
            &format!("leaflet-{}.pdf", built.lang),
        ),
        Ok((built, _)) if action == "fillable" => download(
            built.pdf,
            "application/pdf",
            &format!("leaflet-fillable-{}.pdf", built.lang),
        ),
        Ok((built, prepared)) => {
            let page = prepared.contacts_page();
            let pdf = built.pdf;
            let preview = app
                .pool
                .run(move || Ok(preview_png(&pdf, page)))
                .await
                .ok()
                .flatten();
            render(app, ui, &form, &[], &built.warnings, preview)
        }
        Err(e) => render(app, ui, &form, &e.0, &[], None),
    }
}

fn download(bytes: Vec<u8>, kind: &str, name: &str) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(kind)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The page as a PNG, base64, rendered in-process by hayro on white, as on paper.
///
/// Encoded as RGB at zlib level 1: on a contact page like the example's, encoding
/// took 2.4 ms at the png crate's default level, more than hayro's 2 ms of
/// rendering, and takes 0.8 ms now, for 63 KB instead of 55 KB. Its fastest
/// setting (fdeflate) saves another 0.3 ms for 78 KB.
fn preview_png(pdf: &[u8], page: usize) -> Option<String> {
    use base64::Engine as _;
    use hayro::hayro_interpret::InterpreterSettings;
    let doc = hayro::hayro_syntax::Pdf::new(pdf.to_vec()).ok()?;
    let page = doc.pages().get(page)?;
    let pixmap = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: 1.25,
            y_scale: 1.25,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        },
    );
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    // On an opaque background every pixel is opaque: the alpha is left out.
    let rgba = pixmap.take_rgba8(hayro::vello_cpu::peniko::ImageAlphaType::Alpha);
    let rgb: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_deflate_compression(png::DeflateCompression::Level(1));
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&rgb).ok()?;
    }
    Some(base64::engine::general_purpose::STANDARD.encode(png))
}
