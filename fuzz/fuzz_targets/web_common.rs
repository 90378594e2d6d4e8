//! What the web targets share: one runtime and one router for every input.

use std::sync::OnceLock;

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

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

/// Send a request to the router and read its whole answer; its status.
pub fn answer(request: Request<Body>) -> StatusCode {
    runtime().block_on(async {
        let response = router().clone().oneshot(request).await.expect("an answer");
        let status = response.status();
        to_bytes(response.into_body(), usize::MAX).await.expect("a body");
        status
    })
}
