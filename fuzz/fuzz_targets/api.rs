//! Fuzz the web API through its router: any body to `/api/build` and
//! `/api/validate`, with any query and content type, gets an answer with a status
//! the API documents (never a 500, never a panic).
#![no_main]

use std::sync::OnceLock;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request};
use libfuzzer_sys::{arbitrary, fuzz_target};
use tower::ServiceExt;

#[derive(Debug, arbitrary::Arbitrary)]
struct Call {
    /// Which route, and whether the body is sent as multipart.
    route: u8,
    query: String,
    content_type: String,
    body: Vec<u8>,
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
    })
}

fn router() -> &'static axum::Router {
    static R: OnceLock<axum::Router> = OnceLock::new();
    R.get_or_init(|| leaflet::web::router(Default::default()).expect("bundled data"))
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
    let status = runtime().block_on(async {
        let response = router().clone().oneshot(request).await.expect("an answer");
        let status = response.status();
        to_bytes(response.into_body(), usize::MAX).await.expect("a body");
        status
    });
    assert!(
        [200, 400, 408, 413, 415, 422, 503].contains(&status.as_u16()),
        "status {status}"
    );
});
