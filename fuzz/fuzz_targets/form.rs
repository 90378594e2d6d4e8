//! Fuzz the web form's parser: a multipart post to `/` made of arbitrary parts
//! (names from the form's own inputs or anything, values of any bytes, logos of
//! any bytes) gets the page back, with or without errors, never a 500 or a panic.
#![no_main]

#[path = "web_common.rs"]
mod web_common;

use axum::body::Body;
use axum::http::{header, Request};
use libfuzzer_sys::{arbitrary, fuzz_target};

/// Names the form really uses, so the fuzzer reaches past unknown inputs.
const NAMES: [&str; 16] = [
    "action",
    "ui",
    "lang",
    "layout",
    "contacts_file",
    "logo",
    "logo_name",
    "logo_data",
    "organisation.name.sv",
    "organisation.phone",
    "organisation.web",
    "organisation[2].name.sv",
    "organisation[2].logo",
    "contact[1].name",
    "contact[1].phone",
    "extra.lines.sv",
];

const ACTIONS: [&str; 4] = ["preview", "pdf", "toml", "load"];

#[derive(Debug, arbitrary::Arbitrary)]
struct Part {
    name: u8,
    other_name: String,
    file_name: Option<String>,
    value: Vec<u8>,
}

#[derive(Debug, arbitrary::Arbitrary)]
struct Post {
    action: u8,
    parts: Vec<Part>,
}

fuzz_target!(|post: Post| {
    let boundary = "fuzz-boundary-7d1f";
    let mut body = Vec::new();
    let action = ACTIONS[usize::from(post.action) % ACTIONS.len()];
    let parts = std::iter::once(Part {
        name: 0,
        other_name: String::new(),
        file_name: None,
        value: action.as_bytes().to_vec(),
    })
    .chain(post.parts);
    for part in parts {
        let name = match NAMES.get(usize::from(part.name)) {
            Some(n) => n.to_string(),
            None => part.other_name.replace(['"', '\r', '\n'], ""),
        };
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes());
        if let Some(file) = &part.file_name {
            body.extend(format!("; filename=\"{}\"", file.replace(['"', '\r', '\n'], "")).as_bytes());
        }
        body.extend(b"\r\n\r\n");
        body.extend(&part.value);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post("/")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(Body::from(body))
        .expect("a request");
    let status = web_common::answer(request);
    assert!(
        [200, 400, 413, 422, 503].contains(&status.as_u16()),
        "status {status}"
    );
});
