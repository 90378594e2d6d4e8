//! The web form and its API, for people who never open a terminal (cargo feature
//! `web`, on by default; `leaflet-serve` is its program).
//!
//! - `GET /` shows the form in Swedish, Finnish or English (the browser's
//!   Accept-Language, or `?ui=`); `POST /` previews the contact page, downloads the
//!   PDF or the filled-in contacts file, or fills the form from an uploaded one
//!   (`site`, the page in `page`, its data in `form`). Errors are said in the
//!   page's language and name fields by their labels (`page::field_label`). It
//!   works without JavaScript; `app.js` adds live validation.
//! - `POST /api/build?lang=sv&layout=folder-a5` takes a contacts file
//!   (`application/toml`, or multipart with `contacts` and `logo` parts) and answers
//!   `200 application/pdf`, byte for byte what `leaflet build` writes (with
//!   `&fillable=true`, what `leaflet build --fillable` writes; the blank form for
//!   an empty body), or an error
//!   status with `{"errors": [{"field", "line", "message", "hint"}]}` (the message
//!   and hint in the language of `?ui=` or Accept-Language, the field as the
//!   contacts file names it): 422 for the input, 413 for a body over 5 MB (or a
//!   contacts file over the command line's 1 MB), 400 for a request that cannot be
//!   read, 408 for one not sent in time, 503 with `Retry-After` when busy or when a
//!   build takes too long, 500 for a bug (`api`). `GET /api/layouts` and
//!   `GET /api/locales` say what there is; `POST /api/validate` checks a form.
//!
//! Safe by default: it listens on loopback unless told otherwise, refuses bodies
//! over 5 MB (413), runs every piece of CPU work on a bounded pool off the async
//! runtime, stopped after 15 seconds (`pool`), closes connections whose headers do
//! not arrive within 10 seconds (`accept`), sends a strict
//! Content-Security-Policy, escapes everything it writes into a page, keeps nothing
//! between requests, writes nothing to disk and logs nothing about what people send.
//! What it keeps is bounded: the prepared data of each language and layout there is,
//! keyed by the language a request negotiates to (`sv` for `sv-FI`).

mod api;
mod form;
mod page;
mod pool;
mod site;

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use unic_langid::LanguageIdentifier;

use crate::contacts::{self, Contacts, Logos};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind};
use crate::image;
use crate::locale::{self, Locale};
use crate::messages::{msg, Messages, Speaker};
use crate::store::Store;
use crate::{layout, Built, Dirs, Prepared, Settings};

/// The largest request accepted.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;
/// How long one build may take.
pub const BUILD_TIME_LIMIT: Duration = Duration::from_secs(15);
/// How long a client may take to send a request's headers, and how long an open
/// connection may wait for its next request.
pub const HEADER_TIME_LIMIT: Duration = Duration::from_secs(10);
/// How long a request may take from its headers to its answer: the upload, a
/// wait for a worker and the build.
pub const REQUEST_TIME_LIMIT: Duration = Duration::from_secs(60);
/// The most connections served at once.
pub const MAX_CONNECTIONS: usize = 512;
/// The request bodies held at once, in all: a dozen of the largest.
pub const MAX_BODIES_BYTES: usize = 64 * 1024 * 1024;
/// The largest request line and headers.
const MAX_HEADER_BYTES: usize = 64 * 1024;
/// The seconds a refused request is asked to wait (`Retry-After`).
const RETRY_AFTER: &str = "2";
/// The most prepared languages and layouts kept at once (there are far fewer: the
/// cache is keyed by the languages and layouts that exist).
const MAX_PREPARED: usize = 64;
/// The interface languages, in order of preference when the browser names none.
const UI_LANGS: [&str; 3] = ["sv", "fi", "en"];
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("app.js");

/// What every request shares: data loaded once, nothing about any visitor.
struct App {
    dirs: Dirs,
    ui: HashMap<String, Locale>,
    /// The messages of each interface language.
    said: HashMap<String, Messages>,
    /// The leaflet languages there are.
    available: Vec<LanguageIdentifier>,
    leaflet_langs: Vec<String>,
    /// The languages a translated field of the form has an input for: every
    /// leaflet language, the reference first.
    field_langs: Vec<String>,
    /// Each leaflet language's own name ("Svenska"), from its locale.
    names: BTreeMap<String, String>,
    layouts: Vec<(String, layout::Description)>,
    prepared: Mutex<HashMap<(String, String), Arc<Prepared>>>,
    /// Where CPU work runs.
    pool: pool::Pool,
    /// Kilobytes of request bodies that may be held at once ([`MAX_BODIES_BYTES`]).
    bodies: Arc<tokio::sync::Semaphore>,
}

/// Listen on `addr` until the process ends.
pub fn serve(addr: SocketAddr, dirs: Dirs) -> Result<(), Diagnostics> {
    let fail = |e: std::io::Error| {
        Diagnostics::one(Diagnostic::error(
            msg("serve-cannot-listen")
                .arg("address", addr.to_string())
                .arg("detail", e.to_string()),
        ))
    };
    let voice = crate::messages::Voice::from_environment(dirs.locales.as_deref());
    let app = router(dirs)?;
    let runtime = tokio::runtime::Runtime::new().map_err(fail)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(fail)?;
        let bound = listener.local_addr().map_err(fail)?;
        let serving = msg("serve-serving").arg("address", format!("http://{bound}/"));
        eprintln!("{}", voice.speaker().say(&serving));
        accept(listener, app).await;
        Ok(())
    })
}

/// Serve each connection the listener accepts, at most [`MAX_CONNECTIONS`] at once
/// (more wait in the system's queue), each cut off when its client takes longer
/// than [`HEADER_TIME_LIMIT`] to send a request's headers, the first or the next.
async fn accept(listener: tokio::net::TcpListener, app: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let open = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(place) = Arc::clone(&open).acquire_owned().await else {
            return;
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was
                // taken: wait a moment rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _place = place;
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIME_LIMIT)
                .max_buf_size(MAX_HEADER_BYTES)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Hold a request until the memory its body may take is free: its
/// `Content-Length`, or [`MAX_BODY_BYTES`] when it does not say. A request that
/// cannot have it within [`pool::MAX_WAIT`] is answered `503` (busy), so however
/// many clients upload at once, the bodies held stay within [`MAX_BODIES_BYTES`].
async fn budget(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::response::IntoResponse;
    let said = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let bytes = match said {
        Some(n) => n.min(MAX_BODY_BYTES),
        None if request.method() == axum::http::Method::GET => 0,
        None => MAX_BODY_BYTES,
    };
    let kilobytes = u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX);
    if kilobytes == 0 {
        return next.run(request).await;
    }
    let wait = Arc::clone(&app.bodies).acquire_many_owned(kilobytes);
    match tokio::time::timeout(pool::MAX_WAIT, wait).await {
        Ok(Ok(_held)) => next.run(request).await,
        _ => {
            // Said in every interface language: the request's own is in its body,
            // which is not read.
            let busy = msg("serve-busy");
            let said: Vec<String> = UI_LANGS
                .iter()
                .map(|l| speaker(&app, l).say(&busy))
                .collect();
            let text = [(header::CONTENT_TYPE, "text/plain; charset=utf-8")];
            (StatusCode::SERVICE_UNAVAILABLE, text, said.join("\n")).into_response()
        }
    }
}

/// Answer `408` to a request not answered within [`REQUEST_TIME_LIMIT`] (a body
/// sent a byte at a time); work still running for it is stopped ([`pool`]).
async fn limit_time(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use axum::response::IntoResponse;
    match tokio::time::timeout(REQUEST_TIME_LIMIT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

/// The server's routes, ready to serve (or to test without a socket).
pub fn router(dirs: Dirs) -> Result<Router, Diagnostics> {
    let locales = Store::locales(dirs.locales.as_deref());
    let layouts = Store::layouts(dirs.layouts.as_deref());
    let available = locale::available(&locales)?;
    let leaflet_langs: Vec<String> = available.iter().map(ToString::to_string).collect();
    let mut ui = HashMap::new();
    let mut said = HashMap::new();
    for l in UI_LANGS
        .iter()
        .filter(|l| leaflet_langs.iter().any(|a| a == *l))
    {
        ui.insert(l.to_string(), locale::load(&locales, l)?);
        if let Some(m) = Messages::load(&locales, l) {
            said.insert(l.to_string(), m);
        }
    }
    let mut names = BTreeMap::new();
    for lang in &leaflet_langs {
        let name = match ui.get(lang) {
            Some(l) => l.message("language-name").ok(),
            None => locale::load(&locales, lang)
                .ok()
                .and_then(|l| l.message("language-name").ok()),
        };
        names.insert(lang.clone(), name.unwrap_or_else(|| lang.clone()));
    }
    // The reference and the interface languages first, in their order, then
    // any other there is.
    let mut field_langs: Vec<String> = Vec::new();
    let ordered = std::iter::once(locale::REFERENCE)
        .chain(UI_LANGS)
        .map(str::to_string)
        .chain(leaflet_langs.iter().cloned());
    for lang in ordered {
        if leaflet_langs.contains(&lang) && !field_langs.contains(&lang) {
            field_langs.push(lang);
        }
    }
    let mut described = Vec::new();
    for name in layout::names(&layouts)? {
        let l = layout::load(&layouts, &name)?;
        described.push((name, l.description));
    }
    let app = Arc::new(App {
        dirs,
        ui,
        said,
        available,
        leaflet_langs,
        field_langs,
        names,
        layouts: described,
        prepared: Mutex::new(HashMap::new()),
        pool: pool::Pool::per_core(BUILD_TIME_LIMIT),
        bodies: Arc::new(tokio::sync::Semaphore::new(MAX_BODIES_BYTES / 1024)),
    });
    Ok(Router::new()
        .route("/", get(site::show).post(site::submit))
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
        .route("/api/build", post(api::build))
        .route("/api/validate", post(api::validate))
        .route("/api/layouts", get(api::layouts))
        .route("/api/locales", get(api::locales))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            budget,
        ))
        .layer(axum::middleware::from_fn(limit_time))
        .layer(axum::middleware::map_response(secure))
        .with_state(app))
}

/// Headers every response carries; a `503` says when to ask again.
async fn secure(mut response: Response) -> Response {
    let busy = response.status() == StatusCode::SERVICE_UNAVAILABLE;
    let h = response.headers_mut();
    if busy {
        h.insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    }
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

/// The HTTP status for problems, by their kind: the worst one decides.
fn status(problems: &[Diagnostic]) -> StatusCode {
    let has = |kind: Kind| problems.iter().any(|d| d.is_error() && d.kind == kind);
    if has(Kind::Internal) {
        StatusCode::INTERNAL_SERVER_ERROR
    } else if has(Kind::Timeout) || has(Kind::Busy) {
        StatusCode::SERVICE_UNAVAILABLE
    } else if has(Kind::TooLarge) {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if has(Kind::Request) {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// Who says the messages of a request in language `ui` (English where there are none).
fn speaker<'a>(app: &'a App, ui: &str) -> Speaker<'a> {
    match app.said.get(ui) {
        Some(messages) => Speaker::new(messages),
        None => Speaker::english(),
    }
}

/// The interface language: `?ui=`, else the browser's Accept-Language, else Swedish.
fn ui_lang(app: &App, asked: Option<&str>, headers: &HeaderMap) -> String {
    let available: Vec<LanguageIdentifier> = app.ui.keys().filter_map(|l| l.parse().ok()).collect();
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let requested = match asked {
        Some(a) => vec![a.parse().unwrap_or_default()],
        None => fluent_langneg::accepted_languages::parse(accept),
    };
    let default: LanguageIdentifier = "sv".parse().unwrap_or_default();
    fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    )
    .first()
    .map_or_else(|| "sv".to_string(), |l| l.to_string())
}

/// The prepared data for a language and layout, made once and shared. The
/// language is negotiated first, so `sv-FI`, `sv-AX` and `sv` share one entry.
fn prepared(app: &App, lang: &str, layout: &str) -> Result<Arc<Prepared>, Diagnostics> {
    if !app.layouts.iter().any(|(name, _)| name == layout) {
        let names: Vec<&str> = app.layouts.iter().map(|(n, _)| n.as_str()).collect();
        return Err(
            Diagnostic::error(msg("layout-unknown").arg("layout", layout))
                .field("layout")
                .hint(msg("hint-layouts").arg("names", names.join(", ")))
                .into(),
        );
    }
    let lang = if locale::is_pseudo(lang) {
        locale::PSEUDO.to_string()
    } else {
        locale::negotiate(lang, &app.available)?.to_string()
    };
    let key = (lang, layout.to_string());
    if let Some(p) = app.prepared.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(p);
    }
    let settings = Settings {
        layout: key.1.clone(),
        dirs: app.dirs.clone(),
        ..Settings::default()
    };
    let p = Arc::new(Prepared::new(&settings, &key.0)?);
    if let Ok(mut m) = app.prepared.lock() {
        if m.len() >= MAX_PREPARED {
            m.clear();
        }
        m.insert(key, Arc::clone(&p));
    }
    Ok(p)
}

/// What a request builds: the leaflet, or the fillable leaflet (`--fillable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Making {
    /// The leaflet with the contact details printed.
    Leaflet,
    /// The contact page a form; `blank` without the details.
    Fillable {
        /// No contact details at all: the blank form.
        blank: bool,
    },
}

/// Decode, parse and build a contacts file on a worker (see [`pool`]).
async fn build(
    app: &Arc<App>,
    toml: Vec<u8>,
    uploads: Uploads,
    (lang, layout): (&str, &str),
    kind: Making,
) -> Result<(Built, Arc<Prepared>), Diagnostics> {
    let (worker, lang, layout) = (Arc::clone(app), lang.to_string(), layout.to_string());
    app.pool
        .run(move || {
            let p = prepared(&worker, &lang, &layout)?;
            let contacts = match kind {
                Making::Fillable { blank: true } => contacts::Contacts::blank(),
                _ => contacts::from_bytes("contacts.toml", toml)?,
            };
            let logos = uploads.logos(&contacts)?;
            match kind {
                Making::Leaflet => p.build_with_logos(&contacts, &logos),
                Making::Fillable { .. } => p.build_fillable(&contacts, &logos),
            }
            .map(|b| (b, p))
        })
        .await
}

/// Logos sent with a request.
pub(super) enum Uploads {
    /// The form's: by organisation, from 1.
    ByOrganisation(BTreeMap<usize, Vec<u8>>),
    /// The API's `logo` parts, each with its file name: a logo goes to the
    /// organisation whose `logo` names that file, or, when one organisation names
    /// a logo and one part is sent, to that one.
    ByName(Vec<(Option<String>, Vec<u8>)>),
}

impl Uploads {
    /// The logo of each organisation that names one; an error for one not sent
    /// or not readable.
    fn logos(self, contacts: &Contacts) -> Result<Logos, Diagnostics> {
        let named = contacts
            .organisations
            .iter()
            .filter(|o| o.logo.is_some())
            .count();
        let mut sent = self;
        let mut logos = Vec::new();
        let mut errors = Vec::new();
        for (i, org) in contacts.organisations.iter().enumerate() {
            let Some(logo) = &org.logo else {
                logos.push(None);
                continue;
            };
            let field = org.field("logo");
            let bytes = match &mut sent {
                Uploads::ByOrganisation(by_org) => by_org.remove(&(i + 1)),
                Uploads::ByName(parts) => {
                    let file = logo.path.file_name().and_then(|f| f.to_str());
                    let at = parts
                        .iter()
                        .position(|(name, _)| name.as_deref().is_some_and(|n| Some(n) == file))
                        .or((named == 1 && parts.len() == 1).then_some(0));
                    at.map(|at| parts.remove(at).1)
                }
            };
            match bytes.map(image::decode) {
                Some(Ok(image)) => logos.push(Some(Arc::new(image))),
                Some(Err(e)) => {
                    errors.extend(e.0.into_iter().map(|d| d.field(field.clone())));
                    logos.push(None);
                }
                None => {
                    let mut d = Diagnostic::error(
                        msg("serve-logo-not-sent").arg("file", logo.path.display().to_string()),
                    )
                    .field(field)
                    .hint(msg("hint-logo-part"));
                    d.position = Some(logo.position);
                    errors.push(d);
                    logos.push(None);
                }
            }
        }
        if errors.is_empty() {
            Ok(logos)
        } else {
            Err(Diagnostics(errors))
        }
    }
}

/// A request part that could not be read, as its status says: too large, or broken.
fn unreadable(status: StatusCode, what: impl std::fmt::Display) -> Diagnostic {
    let kind = if status == StatusCode::PAYLOAD_TOO_LARGE {
        Kind::TooLarge
    } else {
        Kind::Request
    };
    Diagnostic::error(msg("serve-unreadable").arg("detail", what.to_string())).kind(kind)
}
