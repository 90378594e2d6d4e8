//! Fuzz the web API through its router: any body to `/api/build` and
//! `/api/validate`, with any query and content type, gets an answer with a status
//! the API documents (never a 500, never a panic).
#![no_main]

#[path = "web_common.rs"]
mod web_common;

use axum::body::Body;
use axum::http::{header, Request};
use libfuzzer_sys::{arbitrary, fuzz_target};

#[derive(Debug, arbitrary::Arbitrary)]
struct Call {
    /// Which route.
    route: u8,
    query: String,
    content_type: String,
    body: Vec<u8>,
}

fuzz_target!(|call: Call| {
    let path = match call.route % 3 {
        0 => "/api/build",
        1 => "/api/validate",
        _ => "/",
    };
    let uri = format!("{path}?{}", call.query.replace(['#', ' '], ""));
    let Ok(request) = Request::post(uri)
        .header(header::CONTENT_TYPE, call.content_type.as_str())
        .body(Body::from(call.body))
    else {
        return;
    };
    let status = web_common::answer(request);
    assert!(
        [200, 400, 408, 413, 415, 422, 503].contains(&status.as_u16()),
        "status {status}"
    );
});
