//! Serve: the web form and its API, for people who never open a terminal.
//!
//! - `GET /` shows the form in Swedish, Finnish or English (the browser's
//!   Accept-Language, or `?ui=`); `POST /` previews the contact page, downloads the
//!   PDF or the filled-in contacts file, or fills the form from an uploaded one.
//!   It works without JavaScript; `app.js` adds live validation.
//! - `POST /api/build?lang=sv&layout=folder-a5` takes a contacts file
//!   (`application/toml`, or multipart with `contacts` and `logo` parts) and answers
//!   `200 application/pdf`, byte for byte what `leaflet build` writes, or `422` with
//!   `{"errors": [{"field", "line", "message", "hint"}]}`. `GET /api/layouts` and
//!   `GET /api/locales` say what there is; `POST /api/validate` checks a form.
//!
//! Safe by default: it listens on loopback unless told otherwise, refuses bodies
//! over 5 MB (413), gives each build 15 seconds, sends a strict
//! Content-Security-Policy, escapes everything it writes into a page, keeps nothing
//! between requests, writes nothing to disk and logs nothing about what people send.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Multipart, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::contacts::{self, Contacts};
use crate::diagnostic::{Diagnostic, Diagnostics, Source};
use crate::form::{self, Form, PageState};
use crate::image::{self, Image};
use crate::locale::{self, Locale};
use crate::store::Store;
use crate::{layout, Built, Dirs, Prepared, Settings};

/// The largest request accepted.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;
/// How long one build may take.
pub const BUILD_TIME_LIMIT: Duration = Duration::from_secs(15);
/// The interface languages, in order of preference when the browser names none.
const UI_LANGS: [&str; 3] = ["sv", "fi", "en"];
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
const STYLE: &str = include_str!("serve/style.css");
const SCRIPT: &str = include_str!("serve/app.js");

/// Where the server gets its data.
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// A folder that replaces the bundled locales.
    pub locales: Option<PathBuf>,
    /// A folder that replaces the bundled layouts.
    pub layouts: Option<PathBuf>,
    /// A folder that replaces the bundled fonts.
    pub fonts: Option<PathBuf>,
}

/// What every request shares: data loaded once, nothing about any visitor.
struct App {
    options: ServeOptions,
    ui: HashMap<String, Locale>,
    leaflet_langs: Vec<String>,
    layouts: Vec<(String, String)>,
    prepared: Mutex<HashMap<(String, String), Arc<Prepared>>>,
}

/// Listen on `addr` until the process ends.
pub fn serve(addr: SocketAddr, options: ServeOptions) -> Result<(), Diagnostics> {
    let fail = |e: std::io::Error| {
        Diagnostics::one(Diagnostic::error(format!("cannot serve on {addr} ({e})")))
    };
    let app = router(options)?;
    let runtime = tokio::runtime::Runtime::new().map_err(fail)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(fail)?;
        eprintln!("leaflet: serving http://{addr}/ (Ctrl-C stops)");
        axum::serve(listener, app).await.map_err(fail)
    })
}

/// The server's routes, ready to serve (or to test without a socket).
pub fn router(options: ServeOptions) -> Result<Router, Diagnostics> {
    let locales = Store::locales(options.locales.as_deref());
    let layouts = Store::layouts(options.layouts.as_deref());
    let leaflet_langs: Vec<String> = locale::available(&locales)?
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut ui = HashMap::new();
    for l in UI_LANGS
        .iter()
        .filter(|l| leaflet_langs.iter().any(|a| a == *l))
    {
        ui.insert(l.to_string(), locale::load(&locales, l)?);
    }
    let mut described = Vec::new();
    for name in layout::names(&layouts)? {
        let l = layout::load(&layouts, &name)?;
        described.push((name, l.description));
    }
    let app = Arc::new(App {
        options,
        ui,
        leaflet_langs,
        layouts: described,
        prepared: Mutex::new(HashMap::new()),
    });
    Ok(Router::new()
        .route("/", get(show).post(submit))
        .route(
            "/style.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
        .route(
            "/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    SCRIPT,
                )
            }),
        )
        .route("/api/build", post(api_build))
        .route("/api/validate", post(api_validate))
        .route("/api/layouts", get(api_layouts))
        .route("/api/locales", get(api_locales))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(secure))
        .with_state(app))
}

/// Headers every response carries.
async fn secure(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Deserialize)]
struct UiQuery {
    ui: Option<String>,
}

/// The interface language: `?ui=`, else the browser's Accept-Language, else Swedish.
fn ui_lang(app: &App, asked: Option<&str>, headers: &HeaderMap) -> String {
    let available: Vec<unic_langid::LanguageIdentifier> =
        app.ui.keys().filter_map(|l| l.parse().ok()).collect();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let requested = match asked {
        Some(a) => vec![a.parse().unwrap_or_default()],
        None => fluent_langneg::accepted_languages::parse(accept),
    };
    let default: unic_langid::LanguageIdentifier = "sv".parse().unwrap_or_default();
    fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    )
    .first()
    .map_or_else(|| "sv".to_string(), |l| l.to_string())
}

async fn show(
    State(app): State<Arc<App>>,
    Query(q): Query<UiQuery>,
    headers: HeaderMap,
) -> Response {
    let ui = ui_lang(&app, q.ui.as_deref(), &headers);
    render(&app, &ui, &Form::default(), &[], &[], None)
}

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
        layouts: &app.layouts,
        errors,
        warnings,
        preview,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, Html(form::page(t, form, &state))).into_response()
}

/// What a form post carried.
struct Posted {
    form: Form,
    action: String,
    ui: String,
    contacts_file: Option<String>,
}

async fn read_form(mut multipart: Multipart) -> Result<Posted, Diagnostic> {
    let mut posted = Posted {
        form: Form::default(),
        action: "preview".into(),
        ui: "sv".into(),
        contacts_file: None,
    };
    let mut logo_name = None;
    let mut logo_data = None;
    let bad = |e: axum::extract::multipart::MultipartError| {
        Diagnostic::error(format!("the form could not be read ({e})"))
    };
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "action" => posted.action = text(&bytes),
            "ui" => posted.ui = text(&bytes),
            "logo" if !bytes.is_empty() => {
                posted.form.logo = Some((clean_file_name(file_name.as_deref()), bytes.to_vec()));
            }
            "logo_name" => logo_name = Some(text(&bytes)),
            "logo_data" => {
                use base64::Engine as _;
                logo_data = base64::engine::general_purpose::STANDARD
                    .decode(text(&bytes).trim())
                    .ok();
            }
            "contacts_file" if !bytes.is_empty() => posted.contacts_file = Some(text(&bytes)),
            "logo" | "contacts_file" => {}
            _ => {
                posted.form.values.insert(name, text(&bytes));
            }
        }
    }
    if posted.form.logo.is_none() {
        if let (Some(name), Some(data)) = (logo_name, logo_data) {
            posted.form.logo = Some((clean_file_name(Some(&name)), data));
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

async fn submit(State(app): State<Arc<App>>, multipart: Multipart) -> Response {
    let posted = match read_form(multipart).await {
        Ok(p) => p,
        Err(e) => return render(&app, "sv", &Form::default(), &[e], &[], None),
    };
    let ui = ui_lang(&app, Some(&posted.ui), &HeaderMap::new());
    let mut form = posted.form;
    if posted.action == "load" {
        return match posted
            .contacts_file
            .map(|text| contacts::parse(&Source::new("contacts.toml", text)))
        {
            Some(Ok(c)) => {
                let mut filled = Form::from_contacts(&c);
                filled.values.extend(
                    form.values
                        .into_iter()
                        .filter(|(k, _)| k == "lang" || k == "layout"),
                );
                filled.logo = form.logo;
                render(&app, &ui, &filled, &[], &[], None)
            }
            Some(Err(e)) => render(&app, &ui, &form, &e.0, &[], None),
            None => render(&app, &ui, &form, &[], &[], None),
        };
    }
    if posted.action == "toml" {
        return download(
            form.to_toml().into_bytes(),
            "application/toml; charset=utf-8",
            "contacts.toml",
        );
    }
    let lang = form.values.remove("lang").unwrap_or_else(|| ui.clone());
    let layout = form
        .values
        .remove("layout")
        .unwrap_or_else(|| layout::DEFAULT.to_string());
    let toml = form.to_toml();
    let logo = form.logo.as_ref().map(|(_, bytes)| bytes.clone());
    let result = build(&app, toml, logo, &lang, &layout).await;
    form.values.insert("lang".into(), lang.clone());
    form.values.insert("layout".into(), layout.clone());
    match result {
        Ok((built, _)) if posted.action == "pdf" => download(
            built.pdf,
            "application/pdf",
            &format!("leaflet-{}.pdf", built.lang),
        ),
        Ok((built, prepared)) => {
            let page = prepared.contacts_page();
            let pdf = built.pdf;
            let preview = tokio::task::spawn_blocking(move || preview_png(&pdf, page))
                .await
                .ok()
                .flatten();
            render(&app, &ui, &form, &[], &built.warnings, preview)
        }
        Err(e) => render(&app, &ui, &form, &e.0, &[], None),
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

/// The prepared data for a language and layout, made once and shared.
fn prepared(app: &App, lang: &str, layout: &str) -> Result<Arc<Prepared>, Diagnostics> {
    let key = (lang.to_string(), layout.to_string());
    if let Some(p) = app.prepared.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(p);
    }
    if layout.contains('/') || layout.ends_with(".toml") {
        return Err(Diagnostic::error(format!("there is no layout `{layout}`"))
            .field("layout")
            .into());
    }
    let settings = Settings {
        layout: layout.to_string(),
        dirs: Dirs {
            locales: app.options.locales.clone(),
            layouts: app.options.layouts.clone(),
            fonts: app.options.fonts.clone(),
        },
        ..Settings::default()
    };
    let p = Arc::new(Prepared::new(&settings, lang)?);
    if let Ok(mut m) = app.prepared.lock() {
        m.insert(key, Arc::clone(&p));
    }
    Ok(p)
}

/// Parse a contacts file and build it (on a blocking thread, within the time limit).
async fn build(
    app: &Arc<App>,
    toml: String,
    logo: Option<Vec<u8>>,
    lang: &str,
    layout: &str,
) -> Result<(Built, Arc<Prepared>), Diagnostics> {
    let p = prepared(app, lang, layout)?;
    let work = {
        let p = Arc::clone(&p);
        tokio::task::spawn_blocking(move || {
            let contacts = contacts::parse(&Source::new("contacts.toml", toml))?;
            let logo = uploaded_logo(&contacts, logo)?;
            p.build_with_logo(&contacts, logo)
        })
    };
    match tokio::time::timeout(BUILD_TIME_LIMIT, work).await {
        Ok(Ok(result)) => result.map(|b| (b, p)),
        Ok(Err(_)) => Err(Diagnostic::error("the build stopped unexpectedly").into()),
        Err(_) => Err(Diagnostic::error("making the leaflet took too long").into()),
    }
}

/// The logo a contacts file names, from the upload; an error if it was not sent.
fn uploaded_logo(
    contacts: &Contacts,
    bytes: Option<Vec<u8>>,
) -> Result<Option<Arc<Image>>, Diagnostics> {
    match (&contacts.organisation.logo, bytes) {
        (None, _) => Ok(None),
        (Some(_), Some(bytes)) => image::decode(bytes)
            .map(|i| Some(Arc::new(i)))
            .map_err(|e| {
                Diagnostics(
                    e.0.into_iter()
                        .map(|d| d.field("organisation.logo"))
                        .collect(),
                )
            }),
        (Some(logo), None) => {
            let mut d = Diagnostic::error(format!(
                "the logo `{}` was not uploaded",
                logo.path.display()
            ))
            .field("organisation.logo")
            .hint("send it as the `logo` part, or remove `logo` from the contacts file");
            d.position = Some(logo.position);
            Err(d.into())
        }
    }
}

/// The page as a PNG, base64, rendered in-process by hayro.
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
            ..hayro::PixmapSettings::default()
        },
    );
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let rgba = pixmap.take_rgba8(hayro::vello_cpu::peniko::ImageAlphaType::Alpha);
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().ok()?;
        writer.write_image_data(&rgba).ok()?;
    }
    Some(base64::engine::general_purpose::STANDARD.encode(png))
}

#[derive(Deserialize)]
struct BuildQuery {
    lang: Option<String>,
    layout: Option<String>,
}

async fn api_build(
    State(app): State<Arc<App>>,
    Query(q): Query<BuildQuery>,
    request: Request,
) -> Response {
    use axum::extract::FromRequest;
    let lang = q.lang.unwrap_or_else(|| "sv".into());
    let layout = q.layout.unwrap_or_else(|| layout::DEFAULT.into());
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|k| k.starts_with("multipart/form-data"));
    let read = if multipart {
        match Multipart::from_request(request, &()).await {
            Ok(m) => parts(m).await,
            Err(e) => Err(Diagnostic::error(format!(
                "the request could not be read ({e})"
            ))),
        }
    } else {
        axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES)
            .await
            .map(|b| (String::from_utf8_lossy(&b).into_owned(), None))
            .map_err(|_| Diagnostic::error("the request is larger than 5 MB"))
    };
    let (toml, logo) = match read {
        Ok(r) => r,
        // Reading stops at the body limit; what else could fail is a broken upload.
        Err(e) if e.message.contains("5 MB") || e.message.contains("limit") => {
            return errors(StatusCode::PAYLOAD_TOO_LARGE, &[e])
        }
        Err(e) => return errors(StatusCode::BAD_REQUEST, &[e]),
    };
    match build(&app, toml, logo, &lang, &layout).await {
        Ok((built, _)) => ([(header::CONTENT_TYPE, "application/pdf")], built.pdf).into_response(),
        Err(e) => errors(StatusCode::UNPROCESSABLE_ENTITY, &e.0),
    }
}

/// The `contacts` and `logo` parts of a multipart API request.
async fn parts(mut m: Multipart) -> Result<(String, Option<Vec<u8>>), Diagnostic> {
    let (mut toml, mut logo) = (String::new(), None);
    let bad = |e: axum::extract::multipart::MultipartError| {
        Diagnostic::error(format!("the request could not be read ({e})"))
    };
    while let Some(field) = m.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "contacts" => toml = String::from_utf8_lossy(&bytes).into_owned(),
            "logo" => logo = Some(bytes.to_vec()),
            _ => {}
        }
    }
    Ok((toml, logo))
}

fn errors(status: StatusCode, found: &[Diagnostic]) -> Response {
    let list: Vec<serde_json::Value> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            serde_json::json!({
                "field": d.field,
                "line": d.position.map(|p| p.0),
                "message": d.message,
                "hint": d.hints.first(),
            })
        })
        .collect();
    (status, Json(serde_json::json!({ "errors": list }))).into_response()
}

async fn api_validate(multipart: Multipart) -> Response {
    let posted = match read_form(multipart).await {
        Ok(p) => p,
        Err(e) => return errors(StatusCode::BAD_REQUEST, &[e]),
    };
    let found = match contacts::parse(&Source::new("contacts.toml", posted.form.to_toml())) {
        Ok(_) => Vec::new(),
        Err(e) => e.0,
    };
    let list: Vec<serde_json::Value> = found
        .iter()
        .map(|d| serde_json::json!({ "input": d.field.as_deref().and_then(form::input_for), "message": form::message(d) }))
        .collect();
    Json(serde_json::json!({ "errors": list })).into_response()
}

async fn api_layouts(State(app): State<Arc<App>>) -> Response {
    let list: Vec<serde_json::Value> = app
        .layouts
        .iter()
        .map(|(name, description)| serde_json::json!({ "name": name, "description": description }))
        .collect();
    Json(list).into_response()
}

async fn api_locales(State(app): State<Arc<App>>) -> Response {
    Json(&app.leaflet_langs).into_response()
}
