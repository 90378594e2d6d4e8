//! The API for other systems: build a PDF from a contacts file, validate a form
//! as it is filled in, and list the languages and layouts there are.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

use crate::contacts;
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Source};

use super::page::message;
use super::{site, speaker, status, ui_lang, unreadable, App, Uploads};
use crate::messages::Speaker;

#[derive(Deserialize)]
pub(super) struct BuildQuery {
    lang: Option<String>,
    layout: Option<String>,
    /// The language of the messages (else Accept-Language, else Swedish).
    ui: Option<String>,
    /// `true`: the contact page a form, as `leaflet build --fillable`; an empty
    /// contacts file gives the blank form. Read by [`making`].
    fillable: Option<String>,
}

/// What `fillable` asks for: the leaflet, the fillable leaflet or (with no
/// contacts at all) the blank form; a value other than `true` or `false` is an error.
fn making(fillable: Option<&str>, toml: &[u8]) -> Result<super::Making, Diagnostics> {
    match fillable {
        None | Some("false") => Ok(super::Making::Leaflet),
        Some("true") => Ok(super::Making::Fillable {
            blank: toml.trim_ascii().is_empty(),
        }),
        Some(other) => Err(Diagnostic::error(
            crate::messages::msg("serve-bad-fillable").arg("value", other),
        )
        .kind(Kind::Request)
        .into()),
    }
}

/// `POST /api/build`: a contacts file in, the PDF out (or the errors as JSON).
pub(super) async fn build(
    State(app): State<Arc<App>>,
    Query(q): Query<BuildQuery>,
    request: Request,
) -> Response {
    let ui = ui_lang(&app, q.ui.as_deref(), request.headers());
    let said = speaker(&app, &ui);
    let lang = q.lang.unwrap_or_else(|| "sv".into());
    let layout = q.layout.unwrap_or_else(|| crate::layout::DEFAULT.into());
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|k| k.starts_with("multipart/form-data"));
    let read = if multipart {
        match Multipart::from_request(request, &()).await {
            Ok(m) => parts(m).await,
            Err(e) => Err(unreadable(e.status(), e)),
        }
    } else {
        Bytes::from_request(request, &())
            .await
            .map(|b| (b.to_vec(), Vec::new()))
            .map_err(|e| unreadable(e.status(), e))
    };
    let (toml, logos) = match read {
        Ok(r) => r,
        Err(e) => return errors(&[e], &said),
    };
    let making = match making(q.fillable.as_deref(), &toml) {
        Ok(m) => m,
        Err(e) => return errors(&e.0, &said),
    };
    match super::build(&app, toml, Uploads::ByName(logos), (&lang, &layout), making).await {
        Ok((built, _)) => ([(header::CONTENT_TYPE, "application/pdf")], built.pdf).into_response(),
        Err(e) => errors(&e.0, &said),
    }
}

/// The `contacts` part and the `logo` parts (with their file names) of a
/// multipart API request.
async fn parts(mut m: Multipart) -> Result<(Vec<u8>, Vec<(Option<String>, Vec<u8>)>), Diagnostic> {
    let (mut toml, mut logos) = (Vec::new(), Vec::new());
    let bad = |e: axum::extract::multipart::MultipartError| unreadable(e.status(), e);
    while let Some(field) = m.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(bad)?;
        match name.as_str() {
            "contacts" => toml = bytes.to_vec(),
            "logo" => logos.push((file_name, bytes.to_vec())),
            _ => {}
        }
    }
    Ok((toml, logos))
}

/// Errors as JSON, with the status their kind calls for, said by `said`; the
/// field keeps its name in the contacts file.
fn errors(found: &[Diagnostic], said: &Speaker<'_>) -> Response {
    let list: Vec<serde_json::Value> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            serde_json::json!({
                "field": d.field,
                "line": d.position.map(|p| p.0),
                "message": said.say(&d.message),
                "hint": d.hints.first().map(|h| said.say(h)),
            })
        })
        .collect();
    (status(found), Json(serde_json::json!({ "errors": list }))).into_response()
}

/// `POST /api/validate`: a form's errors, each with the input it belongs to,
/// said as the form says them in its language.
pub(super) async fn validate(State(app): State<Arc<App>>, multipart: Multipart) -> Response {
    let posted = match site::read_form(multipart, app.field_langs.clone()).await {
        Ok(p) => p,
        Err(e) => return errors(&[e], &Speaker::english()),
    };
    let ui = ui_lang(&app, Some(&posted.ui), &axum::http::HeaderMap::new());
    let (Some(t), said) = (app.ui.get(&ui), speaker(&app, &ui)) else {
        return errors(&[], &Speaker::english());
    };
    let toml = posted.form.to_toml();
    let checked = app
        .pool
        .run(move || contacts::parse(&Source::new("contacts.toml", toml)))
        .await;
    let found = match checked {
        Ok(_) => Vec::new(),
        Err(e) if e.0.iter().any(|d| d.kind != Kind::Input) => return errors(&e.0, &said),
        Err(e) => e.0,
    };
    let list: Vec<serde_json::Value> = found
        .iter()
        .map(|d| {
            let input = d.field.as_deref().and_then(|f| posted.form.input_for(f));
            serde_json::json!({ "input": input, "message": message(d, t, &app.names, &said) })
        })
        .collect();
    Json(serde_json::json!({ "errors": list })).into_response()
}

/// `GET /api/layouts`: name and description of each layout, the description in
/// the language of `?ui=` or Accept-Language.
pub(super) async fn layouts(
    State(app): State<Arc<App>>,
    Query(q): Query<site::UiQuery>,
    headers: axum::http::HeaderMap,
) -> Response {
    let ui = ui_lang(&app, q.ui.as_deref(), &headers);
    let list: Vec<serde_json::Value> = app
        .layouts
        .iter()
        .map(|(name, d)| serde_json::json!({ "name": name, "description": d.get(&ui) }))
        .collect();
    Json(list).into_response()
}

/// `GET /api/locales`: the leaflet languages.
pub(super) async fn locales(State(app): State<Arc<App>>) -> Response {
    Json(&app.leaflet_langs).into_response()
}
