//! The web API and form, called in-process: the same PDF as the command line, errors
//! as JSON, limits and headers.

#![cfg(feature = "web")]

use crate::common::{page_texts, repo, resident_kb, start_server, Sandbox};
use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use base64::Engine as _;
use tower::ServiceExt;

fn app() -> axum::Router {
    leaflet::web::router(Default::default()).expect("the bundled data loads")
}

async fn call(request: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app().oneshot(request).await.expect("a response");
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, 50 * 1024 * 1024).await.expect("the body");
    (parts.status, parts.headers, bytes.to_vec())
}

/// Send a multipart form to `/`, as the browser does.
async fn post_form(kind: String, body: Vec<u8>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::post("/")
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .expect("request");
    call(request).await
}

fn post_toml(uri: &str, toml: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/toml")
        .body(Body::from(toml.to_string()))
        .expect("a request")
}

/// A multipart body with text and file parts.
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "leaflet-test-boundary";
    let mut body = Vec::new();
    for (name, file, data) in parts {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
        );
        if let Some(file) = file {
            body.extend(
                format!("; filename=\"{file}\"\r\nContent-Type: application/octet-stream")
                    .as_bytes(),
            );
        }
        body.extend(b"\r\n\r\n");
        body.extend(*data);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn the_api_builds_the_same_pdf_as_the_command_line() {
    let toml = std::fs::read_to_string(repo("examples/norrby.toml")).expect("example");
    let (status, headers, pdf) =
        call(post_toml("/api/build?lang=fi&layout=folder-a5", &toml)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    let sb = Sandbox::new();
    sb.copy_example("norrby.toml");
    sb.run(&["build", "norrby.toml", "--lang", "fi", "-o", "cli.pdf"])
        .ok();
    assert!(
        pdf == std::fs::read(sb.path("cli.pdf")).expect("cli pdf"),
        "API and CLI differ"
    );
}

#[tokio::test]
async fn the_api_takes_a_logo_as_a_multipart_part() {
    let toml = std::fs::read_to_string(repo("examples/asby.toml")).expect("example");
    let logo = std::fs::read(repo("examples/asby-logo.png")).expect("logo");
    let (kind, body) = multipart(&[
        ("contacts", None, toml.as_bytes()),
        ("logo", Some("asby-logo.png"), &logo),
    ]);
    let request = Request::post("/api/build?lang=sv")
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .expect("request");
    let (status, _, pdf) = call(request).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let sb = Sandbox::new();
    sb.example();
    sb.run(&["build", "asby.toml", "-o", "cli.pdf"]).ok();
    assert!(
        pdf == std::fs::read(sb.path("cli.pdf")).expect("cli pdf"),
        "API and CLI differ"
    );
    // Without the logo part, the error names the field.
    let (status, _, body) = call(post_toml("/api/build?lang=sv", &toml)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(json["errors"][0]["field"], "organisation.logo");
}

/// Two organisations with a logo each: the API matches each `logo` part to the
/// organisation whose `logo` names its file, and says which one is missing.
#[tokio::test]
async fn the_api_takes_a_logo_for_each_organisation() {
    let toml = "[[organisation]]\nname = \"Åsby kommun\"\nlogo = \"kommun.png\"\nlogo_alt = \"Kommunens logotyp\"\n\
                [[organisation]]\nname = \"Region Åsby\"\nlogo = \"region.png\"\nlogo_alt = \"Regionens logotyp\"\n";
    let logo = std::fs::read(repo("examples/asby-logo.png")).expect("logo");
    let (kind, body) = multipart(&[
        ("contacts", None, toml.as_bytes()),
        ("logo", Some("region.png"), &logo),
        ("logo", Some("kommun.png"), &logo),
    ]);
    let request = Request::post("/api/build?lang=sv")
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .expect("request");
    let (status, _, pdf) = call(request).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let doc = lopdf::Document::load_mem(&pdf).expect("a PDF");
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok()
                == Some(b"Image".as_slice())
        })
        .filter(|s| s.dict.get(b"SMask").is_ok())
        .count();
    assert_eq!(images, 2, "two logos, each with its mask");
    let (kind, body) = multipart(&[
        ("contacts", None, toml.as_bytes()),
        ("logo", Some("kommun.png"), &logo),
    ]);
    let request = Request::post("/api/build?lang=sv")
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .expect("request");
    let (status, _, body) = call(request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(json["errors"][0]["field"], "organisation[2].logo");
}

/// A contacts file with a misspelt key, posted to the API at `uri` with an
/// Accept-Language header (if any): the status and the first error.
async fn api_error(uri: &str, accept: Option<&str>) -> (StatusCode, serde_json::Value) {
    let mut request = post_toml(uri, "[organisation]\nname = \"x\"\nphnoe = \"1\"\n");
    if let Some(accept) = accept {
        request.headers_mut().insert(
            header::ACCEPT_LANGUAGE,
            accept.parse().expect("a header value"),
        );
    }
    let (status, headers, body) = call(request).await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    (status, json["errors"][0].clone())
}

#[tokio::test]
async fn api_errors_are_json_with_field_line_message_and_hint() {
    let (status, e) = api_error("/api/build", Some("en-GB,en;q=0.8")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(e["field"], "organisation.phnoe");
    assert_eq!(e["line"], 3);
    assert_eq!(e["message"], "`organisation.phnoe` is not a known key");
    assert_eq!(e["hint"], "did you mean `phone`?");
}

#[tokio::test]
async fn the_api_answers_in_the_language_asked_for() {
    // Accept-Language, as a Finnish browser or client sends it.
    let (_, e) = api_error("/api/build", Some("fi-FI,fi;q=0.9,en;q=0.5")).await;
    assert_eq!(e["message"], "`organisation.phnoe` ei ole tunnettu avain");
    assert_eq!(e["hint"], "tarkoititko `phone`?");
    // The field keeps its name in the contacts file, in every language.
    assert_eq!(e["field"], "organisation.phnoe");
    // A `ui` parameter wins over the header.
    let (_, e) = api_error("/api/build?ui=sv", Some("fi")).await;
    assert_eq!(e["message"], "`organisation.phnoe` är ingen känd nyckel");
    // Nothing asked for: Swedish, as the form.
    let (_, e) = api_error("/api/build", None).await;
    assert_eq!(e["hint"], "menade du `phone`?");
}

#[tokio::test]
async fn layouts_and_locales_are_listed() {
    let (_, _, body) = call(
        Request::get("/api/layouts")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    let layouts: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert!(layouts
        .as_array()
        .is_some_and(|l| l.iter().any(|x| x["name"] == "trifold-dl")));
    let (_, _, body) = call(
        Request::get("/api/locales")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    let locales: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(locales, serde_json::json!(["en", "fi", "sv"]));
}

#[tokio::test]
async fn a_body_over_five_megabytes_is_refused_with_413() {
    let big = "#".repeat(6 * 1024 * 1024);
    let (status, _, _) = call(post_toml("/api/build", &big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_form_speaks_the_browsers_language_with_a_strict_policy() {
    let request = Request::get("/")
        .header(header::ACCEPT_LANGUAGE, "fi-FI,fi;q=0.9,en;q=0.5")
        .body(Body::empty())
        .expect("request");
    let (status, headers, body) = call(request).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8(body).expect("UTF-8");
    assert!(
        page.contains("<html lang=\"fi\">") && page.contains("Omaistukiesite"),
        "Finnish page"
    );
    assert!(
        page.contains("<label for=\"organisation-name-sv\">"),
        "labels bound to inputs"
    );
    let csp = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    let (_, _, body) = call(
        Request::get("/?ui=en")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert!(String::from_utf8_lossy(&body).contains("<html lang=\"en\">"));
}

#[tokio::test]
async fn a_form_with_errors_shows_them_next_to_their_fields_escaped() {
    let (kind, body) = multipart(&[
        ("ui", None, b"sv"),
        ("organisation.name.sv", None, b"<script>alert(1)</script>"),
        ("organisation.email", None, b"not an address"),
        ("action", None, b"preview"),
    ]);
    let (status, _, body) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = String::from_utf8(body).expect("UTF-8");
    assert!(!page.contains("<script>alert(1)</script>"), "escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        page.contains("aria-invalid=\"true\" aria-describedby=\"organisation-email-error\""),
        "error linked to its field"
    );
    // In the form's language, by the field's label, beside the field and in the
    // list at the top; no TOML path and no English.
    let said = "E-post är ingen e-postadress: &quot;not an address&quot; (skriv den som &quot;namn@exempel.se&quot;)";
    assert!(
        page.contains(&format!("<a href=\"#organisation-email\">{said}</a>")),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "<p class=\"error\" id=\"organisation-email-error\" aria-live=\"polite\">{said} </p>"
        )),
        "{page}"
    );
    assert!(!page.contains("`organisation"), "no TOML path: {page}");
}

#[tokio::test]
async fn the_finnish_form_names_fields_by_their_finnish_labels() {
    let (kind, body) = multipart(&[
        ("ui", None, b"fi"),
        ("organisation.name.sv", None, b"Norrby kommun"),
        ("contact[1].name", None, b"Matti Korhonen"),
        ("contact[2].name", None, b"Aino Virtanen"),
        ("contact[2].phone", None, b"12"),
        ("organisation[2].name.sv", None, b"Omaiset ry"),
        (
            "organisation[2].unit.fi",
            None,
            "Tuki\u{202E}piste".as_bytes(),
        ),
        ("action", None, b"preview"),
    ]);
    let (status, _, body) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = String::from_utf8(body).expect("UTF-8");
    assert!(page.contains("<html lang=\"fi\">"));
    for (input, said) in [
        (
            "contact-2--phone",
            "Yhteyshenkilö 2: Puhelin ei ole puhelinnumero (alle 3 numeroa): &quot;12&quot;",
        ),
        (
            "organisation-2--unit-fi",
            // Written in the Finnish box only: the text for both languages.
            "Organisaatio 2: Yksikkö sisältää näkymättömän merkin U+202E",
        ),
    ] {
        assert!(
            page.contains(&format!(
                "<p class=\"error\" id=\"{input}-error\" aria-live=\"polite\">{said}"
            )),
            "{said} beside {input}: {page}"
        );
    }
    assert!(!page.contains("`organisation") && !page.contains("contact[2].phone`"));
    assert!(!page.contains("is not a"), "no English: {page}");
}

#[tokio::test]
async fn a_preview_shows_the_contact_page_and_a_download_gives_the_pdf() {
    let fields: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("ui", None, b"sv"),
        ("organisation.name.sv", None, "Åsby kommun".as_bytes()),
        ("organisation.phone", None, b"0123-456 78"),
        ("contact[1].name", None, "Åsa Öhrström".as_bytes()),
        ("lang", None, b"sv"),
        ("layout", None, b"folder-a5"),
    ];
    let mut preview = fields.clone();
    preview.push(("action", None, b"preview"));
    let (kind, body) = multipart(&preview);
    let (status, _, page) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK);
    let page = String::from_utf8(page).expect("UTF-8");
    let png = page
        .split_once("src=\"data:image/png;base64,")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(data, _)| base64::engine::general_purpose::STANDARD.decode(data))
        .expect("a PNG preview")
        .expect("base64");
    let (width, height, pixels) = preview_pixels(&png);
    // An A5 page, on white paper as printed, with the details written on it.
    let ratio = f64::from(height) / f64::from(width);
    assert!((ratio - 210.0 / 148.0).abs() < 0.02, "{width} × {height}");
    assert_eq!(&pixels[..3], [255, 255, 255], "a white corner");
    let dark = pixels
        .chunks_exact(3)
        .filter(|p| p.iter().all(|c| *c < 128))
        .count();
    assert!(
        dark * 200 > pixels.len() / 3,
        "text on the page: {dark} dark pixels"
    );
    let mut download = fields;
    download.push(("action", None, b"pdf"));
    let (kind, body) = multipart(&download);
    let (status, headers, pdf) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(pdf.starts_with(b"%PDF-1.7"));
}

#[tokio::test]
async fn the_finnish_leaflet_made_on_the_form_leads_to_the_finnish_web_page() {
    // A municipality in the Finnish administrative area has a page in Finnish;
    // the form has a web address box per language, as the contacts file has.
    let (sv, fi) = (
        "https://www.asby.se/anhorigstod",
        "https://www.asby.se/suomeksi/omaistuki",
    );
    let fields = |action: &'static [u8]| -> Vec<(&str, Option<&str>, Vec<u8>)> {
        vec![
            ("ui", None, b"fi".to_vec()),
            ("organisation.name.sv", None, "Åsby kommun".into()),
            ("organisation.web.sv", None, sv.into()),
            ("organisation.web.fi", None, fi.into()),
            ("contact[1].name", None, "Jaana Kärkkäinen".into()),
            ("lang", None, b"fi".to_vec()),
            ("action", None, action.to_vec()),
        ]
    };
    let send = |fields: Vec<(&'static str, Option<&'static str>, Vec<u8>)>| async move {
        let parts: Vec<(&str, Option<&str>, &[u8])> = fields
            .iter()
            .map(|(n, f, v)| (*n, *f, v.as_slice()))
            .collect();
        let (kind, body) = multipart(&parts);
        post_form(kind, body).await
    };
    let (status, _, pdf) = send(fields(b"pdf")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let sb = Sandbox::new();
    let path = sb.write("fi.pdf", "");
    std::fs::write(&path, &pdf).expect("the PDF written");
    let last = page_texts(&path).pop().unwrap_or_default();
    assert!(last.contains("www.asby.se/suomeksi/omaistuki"), "{last}");
    assert!(!last.contains("anhorigstod"), "{last}");
    // Saved, the file keeps both; loaded back, each is in its box, and nothing
    // is reported left out.
    let (_, _, toml) = send(fields(b"toml")).await;
    let toml = String::from_utf8(toml).expect("UTF-8");
    assert!(
        toml.contains(&format!("web = {{ sv = \"{sv}\", fi = \"{fi}\" }}")),
        "{toml}"
    );
    let (_, page) = load("fi", toml.as_bytes()).await;
    assert!(
        page.contains("name=\"organisation.web.fi\" type=\"url\""),
        "{page}"
    );
    assert!(page.contains(&format!("value=\"{fi}\"")), "{page}");
    assert!(!page.contains("class=\"warnings\""), "{page}");
}

/// A preview's width, height and pixels, as 8-bit RGB (it has no alpha: the page
/// is drawn on white).
fn preview_pixels(png: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut pixels).expect("its pixels");
    assert_eq!(
        (frame.color_type, frame.bit_depth),
        (png::ColorType::Rgb, png::BitDepth::Eight)
    );
    pixels.truncate(frame.buffer_size());
    (frame.width, frame.height, pixels)
}

#[tokio::test]
async fn saved_details_load_back_into_the_form() {
    let (kind, body) = multipart(&[
        ("organisation.name.sv", None, "Åsby kommun".as_bytes()),
        ("organisation.unit.sv", None, "Anhörigstöd".as_bytes()),
        ("organisation.unit.fi", None, b"Omaistuki"),
        ("action", None, b"toml"),
    ]);
    let (status, headers, toml) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap_or_default()
        .contains("contacts.toml"));
    let toml = String::from_utf8(toml).expect("UTF-8");
    assert!(
        toml.contains("unit = { sv = \"Anhörigstöd\", fi = \"Omaistuki\" }"),
        "{toml}"
    );
    let (_, page) = load("sv", toml.as_bytes()).await;
    assert!(
        page.contains(
            "name=\"organisation.unit.fi\" type=\"text\" autocomplete=\"off\" value=\"Omaistuki\""
        ),
        "{page}"
    );
}

/// The form's page after loading `toml` ("Hämta uppgifterna"), in `ui`.
async fn load(ui: &str, toml: &[u8]) -> (StatusCode, String) {
    let (kind, body) = multipart(&[
        ("ui", None, ui.as_bytes()),
        ("contacts_file", Some("contacts.toml"), toml),
        ("action", None, b"load"),
    ]);
    let (status, _, page) = post_form(kind, body).await;
    (status, String::from_utf8(page).expect("UTF-8"))
}

#[tokio::test]
async fn a_loaded_file_says_which_of_its_texts_the_form_has_no_box_for() {
    // A postal address in Swedish and Finnish: the form has one box for it, so
    // saving from it would lose the Finnish one, and it says so, where the page
    // opens. The Finnish name has a box of its own.
    let toml = "[organisation]\n\
        name = { sv = \"Sverigefinska anhöriga\", fi = \"Ruotsinsuomalaiset omaiset\" }\n\
        [address]\npostal = { sv = \"Box 12, 123 45 Åsby\", fi = \"PL 12, 123 45 Åsby\" }\n\
        [[contact]]\nname = \"Aino Virtanen\"\n";
    let (status, page) = load("sv", toml.as_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    let said = "Postadress: formuläret har ingen ruta för texten ”PL 12, 123 45 Åsby” (Suomi), så den hämtades inte. Den finns kvar i er fil, men kommer inte med om ni sparar uppgifterna eller gör foldern här.";
    let warning = page.find(said).expect(&page);
    assert!(warning < page.find("<form").unwrap_or(0), "above the form");
    for kept in [
        "name=\"address.postal\" type=\"text\" autocomplete=\"off\" value=\"Box 12, 123 45 Åsby\"",
        "name=\"organisation.name.fi\" type=\"text\" autocomplete=\"organization\" value=\"Ruotsinsuomalaiset omaiset\"",
    ] {
        assert!(page.contains(kept), "{kept}:\n{page}");
    }
    // A file the form holds whole says nothing of the sort.
    let (_, page) = load("sv", "[organisation]\nname = \"Åsby kommun\"\n".as_bytes()).await;
    assert!(!page.contains("class=\"warnings\""), "{page}");
    assert!(page.contains("value=\"Åsby kommun\""), "loaded: {page}");
    // Eleven lines the Finnish box cannot hold, after a line with no Finnish:
    // ten are named, the eleventh counted.
    let mut lines = String::from("{ sv = \"Rad noll\" }");
    for i in 1..=11 {
        lines.push_str(&format!(", {{ sv = \"Rad {i}\", fi = \"Rivi {i}\" }}"));
    }
    let toml = format!(
        "[organisation]\nname = \"Åsby kommun\"\n[[contact]]\nname = \"Åsa\"\n[extra]\nlines = [{lines}]\n"
    );
    let (_, page) = load("sv", toml.as_bytes()).await;
    assert_eq!(page.matches("så den hämtades inte").count(), 10, "{page}");
    assert!(
        page.contains("och en text till som formuläret inte har någon ruta för"),
        "{page}"
    );
}

#[test]
fn serve_without_its_server_program_says_what_is_missing() {
    // `leaflet serve` runs `leaflet-serve` from its own folder; a copy of `leaflet`
    // alone cannot, and must say so rather than fail silently.
    let sb = Sandbox::new();
    let alone = sb.path("leaflet");
    std::fs::copy(env!("CARGO_BIN_EXE_leaflet"), &alone).expect("copy the binary");
    let out = std::process::Command::new(&alone)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot start") && err.contains("leaflet-serve"),
        "{err}"
    );
    assert!(err.contains("cargo install --path ."), "{err}");
}

/// POST an empty body to `path` on a server and return the response's status.
fn post_empty(addr: &str, path: &str) -> u16 {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("the server listens");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/toml\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("a response");
    response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A thousand distinct language tags (sv-0001, fi-0002, qps-0003, ...) are a
/// thousand requests for the few languages there are: the server prepares each
/// language once, keyed by the language the tag negotiates to, and its memory stays
/// flat, with fonts read from a folder (which it used to leak for each tag).
#[test]
fn a_thousand_language_tags_leave_the_servers_memory_flat() {
    let sb = Sandbox::new();
    let fonts = sb.path("fonts");
    std::fs::create_dir(&fonts).expect("a fonts folder");
    for entry in std::fs::read_dir(repo("fonts")).expect("fonts").flatten() {
        std::fs::copy(entry.path(), fonts.join(entry.file_name())).expect("copy a font");
    }
    let fonts = fonts.to_str().expect("a UTF-8 path");
    let (mut server, addr) = start_server(&["--fonts", fonts]);
    let tag = |i: usize| format!("{}-{i:04}", ["sv", "fi", "en", "qps"][i % 4]);
    for i in 0..40 {
        assert_eq!(
            post_empty(&addr, &format!("/api/build?lang={}", tag(i))),
            422
        );
    }
    let before = resident_kb(server.id());
    for i in 40..1000 {
        assert_eq!(
            post_empty(&addr, &format!("/api/build?lang={}", tag(i))),
            422
        );
    }
    let after = resident_kb(server.id());
    let _ = server.kill();
    let _ = server.wait();
    assert!(before > 0, "the server's memory can be read");
    assert!(
        after < before + 16 * 1024,
        "memory grew from {before} kB to {after} kB over 960 language tags"
    );
}

#[tokio::test]
async fn text_too_wide_for_the_leaflet_is_shown_beside_its_field_by_its_label() {
    let (kind, body) = multipart(&[
        ("ui", None, b"sv"),
        ("organisation.name.sv", None, b"Eskilstuna kommun"),
        (
            "organisation.email",
            None,
            b"anhorigcentrumsforvaltningensstodenhetforanhorigaochnarstaende@eskilstuna.se",
        ),
        ("action", None, b"preview"),
    ]);
    let (status, _, body) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = String::from_utf8(body).expect("UTF-8");
    let beside = "<p class=\"error\" id=\"organisation-email-error\" aria-live=\"polite\">&quot;anhorigcentrumsforvaltningensstodenhetforanhorigaochnarstaende&quot; (E-post) är ";
    assert!(page.contains(beside), "{page}");
    assert!(
        page.contains("bryts bara före / . @ - och liknande tecken"),
        "{page}"
    );
    assert!(
        !page.contains("`organisation") && !page.contains("fältet"),
        "{page}"
    );
}

#[tokio::test]
async fn the_form_has_an_input_for_every_leaflet_language_there_is() {
    // The bundled locales: Swedish, Finnish and English.
    let (_, _, body) = call(
        Request::get("/?ui=en")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    let page = String::from_utf8(body).expect("UTF-8");
    for lang in ["sv", "fi", "en"] {
        assert!(
            page.contains(&format!("name=\"contact[1].title.{lang}\"")),
            "an input in {lang}"
        );
    }
    assert!(
        page.contains("Title (English)"),
        "named in its own language"
    );
    // An English title written in the form is printed in the English leaflet.
    let (kind, body) = multipart(&[
        ("ui", None, b"en"),
        ("organisation.name.sv", None, "Åsby kommun".as_bytes()),
        ("contact[1].name", None, "Åsa Öhrström".as_bytes()),
        ("contact[1].title.sv", None, b"Anhorigkonsulent"),
        ("contact[1].title.en", None, b"Carers' adviser"),
        ("lang", None, b"en"),
        ("action", None, b"pdf"),
    ]);
    let (status, _, pdf) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK);
    let sb = Sandbox::new();
    std::fs::write(sb.path("en.pdf"), &pdf).expect("write");
    let last = crate::common::page_texts(&sb.path("en.pdf"))
        .pop()
        .unwrap_or_default();
    assert!(
        last.contains("Carers' adviser") && !last.contains("Anhorigkonsulent"),
        "{last}"
    );
    // A translator's language gets its inputs with no code change.
    let sb = Sandbox::new();
    for lang in ["sv", "fi", "en"] {
        crate::common::copy_dir(
            &repo(&format!("locales/{lang}")),
            &sb.path(&format!("locales/{lang}")),
        );
    }
    crate::common::copy_dir(&repo("tests/fixtures/locales/ar"), &sb.path("locales/ar"));
    let app = leaflet::web::router(leaflet::Dirs {
        locales: Some(sb.path("locales")),
        ..Default::default()
    })
    .expect("the locales load");
    let response = app
        .oneshot(
            Request::get("/?ui=sv")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("a response");
    let body = to_bytes(response.into_body(), 10 << 20)
        .await
        .expect("body");
    let page = String::from_utf8(body.to_vec()).expect("UTF-8");
    assert!(
        page.contains("name=\"organisation.unit.ar\""),
        "an Arabic input"
    );
    assert!(page.contains("Enhet (العربية)"), "named in Arabic");
}

/// The API and the command line decode a contacts file the same way: a Latin-1
/// file was refused by `leaflet build` but printed with U+FFFD by the API.
#[tokio::test]
async fn a_latin1_contacts_file_is_refused_by_the_api_as_by_the_command_line() {
    let latin1 = b"[organisation]\nname = \"\xc5sby kommun\"\n".to_vec();
    let request = Request::post("/api/build?ui=en")
        .header(header::CONTENT_TYPE, "application/toml")
        .body(Body::from(latin1.clone()))
        .expect("a request");
    let (status, _, body) = call(request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(json["errors"][0]["line"], 2, "{json}");
    let message = json["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("is not UTF-8 text"), "{json}");
    let sb = Sandbox::new();
    std::fs::write(sb.path("c.toml"), latin1).expect("write");
    assert!(sb
        .run(&["build", "c.toml", "-o", "c.pdf"])
        .fails()
        .contains(message));
}

/// A contacts file over the command line's 1 MB is refused by the API too.
#[tokio::test]
async fn the_api_takes_no_larger_contacts_file_than_the_command_line() {
    let toml = format!("[organisation]\nname = \"x\"\n{}", "#\n".repeat(600 * 1024));
    let (status, _, _) = call(post_toml("/api/build", &toml)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// `javascript:`, `data:` and `file:` addresses were put in the QR code.
#[tokio::test]
async fn web_addresses_that_lead_nowhere_safe_are_refused() {
    for web in [
        "javascript:alert(1)//x.se",
        "data:text/html,x.se",
        "file:///etc/x.se",
    ] {
        let toml = format!("[organisation]\nname = \"Åsby\"\nweb = \"{web}\"\n");
        let (status, _, body) = call(post_toml("/api/build?ui=en", &toml)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{web}");
        let json: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        assert_eq!(json["errors"][0]["field"], "organisation.web", "{web}");
    }
}

/// A `lang` of 4 MB (a `qps-` tag once took any length) is refused at once and
/// kept nowhere: 120 such posts took the server from 12 MB to 1.11 GB.
#[tokio::test]
async fn a_language_tag_of_megabytes_is_refused() {
    let toml = std::fs::read_to_string(repo("examples/asby.toml")).expect("example");
    for tag in ["qps-", "sv-", "x"] {
        let lang = format!("{tag}{}", "a".repeat(4 * 1024 * 1024));
        let (content, body) = multipart(&[("contacts", Some("c.toml"), toml.as_bytes())]);
        let request = Request::post(format!("/api/build?lang={}", &lang[..64]))
            .header(header::CONTENT_TYPE, content)
            .body(Body::from(body))
            .expect("a request");
        let (status, _, _) = call(request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{tag}");
        let (content, body) = multipart(&[
            ("lang", None, lang.as_bytes()),
            ("action", None, b"preview"),
        ]);
        let (status, _, page) = post_form(content, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{tag}");
        assert!(
            page.len() < 1024 * 1024,
            "the tag is not written back whole"
        );
    }
}

/// Multipart bodies over 5 MB get the documented 413, to the API and to the form.
#[tokio::test]
async fn a_multipart_body_over_five_megabytes_is_refused_with_413() {
    let big = vec![b'x'; 6 * 1024 * 1024];
    let (content, body) = multipart(&[("logo", Some("logo.png"), &big)]);
    let request = Request::post("/api/build")
        .header(header::CONTENT_TYPE, content.clone())
        .body(Body::from(body.clone()))
        .expect("a request");
    assert_eq!(call(request).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        post_form(content, body).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

/// However many clients upload at once, the bodies the server holds stay within
/// its budget (64 MB): twelve uploads of 5 MB that never finish hold 60 MB, and a
/// thirteenth is told at once that the server is busy, in every language.
#[test]
fn uploads_beyond_the_servers_memory_budget_are_told_it_is_busy() {
    use std::io::{Read, Write};
    let (mut server, addr) = start_server(&[]);
    let head = |stream: &mut std::net::TcpStream| {
        write!(
            stream,
            "POST /api/build HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/toml\r\nContent-Length: {}\r\n\r\n# not all",
            5 * 1024 * 1024
        )
        .expect("send");
    };
    let mut held = Vec::new();
    for _ in 0..12 {
        let mut stream = std::net::TcpStream::connect(&addr).expect("the server listens");
        head(&mut stream);
        held.push(stream);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut stream = std::net::TcpStream::connect(&addr).expect("the server listens");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("a timeout");
    let started = std::time::Instant::now();
    head(&mut stream);
    let mut answer = vec![0u8; 4096];
    let n = stream.read(&mut answer).unwrap_or(0);
    let answer = String::from_utf8_lossy(&answer[..n]).to_string();
    let _ = server.kill();
    let _ = server.wait();
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.to_lowercase().contains("retry-after: 2"), "{answer}");
    assert!(answer.contains("servern gör redan"), "{answer}");
    assert!(answer.contains("the server is already"), "{answer}");
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
    drop(held);
}

/// A client that sends its headers a byte at a time (slowloris) is cut off after
/// 10 s; it used to be held open for good.
#[test]
fn a_client_too_slow_with_its_headers_is_cut_off() {
    use std::io::{Read, Write};
    let (mut server, addr) = start_server(&[]);
    let mut stream = std::net::TcpStream::connect(&addr).expect("the server listens");
    stream
        .set_read_timeout(Some(std::time::Duration::from_millis(500)))
        .expect("a timeout");
    let started = std::time::Instant::now();
    let mut closed = false;
    for byte in b"POST /api/build HTTP/1.1\r\nHost: x\r\nX-Slow: "
        .iter()
        .cycle()
    {
        if stream.write_all(&[*byte]).is_err() {
            closed = true;
            break;
        }
        let mut buf = [0u8; 512];
        if stream.read(&mut buf).is_ok() {
            closed = true;
            break;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            break;
        }
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(closed, "still open after {:?}", started.elapsed());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(13),
        "{:?}",
        started.elapsed()
    );
}

/// The form offers the fillable leaflet: left empty, the blank form; filled in,
/// the form with the details in its fields.
#[tokio::test]
async fn the_form_downloads_the_fillable_leaflet() {
    let form_of = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
        let catalog = doc.catalog().expect("a catalog");
        let form = catalog
            .get_deref(b"AcroForm", &doc)
            .and_then(lopdf::Object::as_dict)
            .expect("a form");
        form.get(b"Fields")
            .and_then(lopdf::Object::as_array)
            .map(Vec::len)
            .unwrap_or(0)
    };
    let (kind, body) = multipart(&[("action", None, b"fillable"), ("ui", None, b"fi")]);
    let (status, headers, pdf) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap_or("")
        .contains("leaflet-fillable-"));
    assert_eq!(form_of(&pdf), 12);
    let (kind, body) = multipart(&[
        ("action", None, b"fillable"),
        ("organisation.name.sv", None, "Åsby kommun".as_bytes()),
        ("organisation.phone", None, b"0123-456 78"),
    ]);
    let (status, _, pdf) = post_form(kind, body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(form_of(&pdf), 12);
}

/// `fillable=true` gives what `leaflet build --fillable` writes, byte for byte:
/// with a contacts file the filled-in form, with an empty body the blank form.
#[tokio::test]
async fn the_api_builds_the_fillable_leaflet() {
    let sb = Sandbox::new();
    sb.copy_example("norrby.toml");
    sb.run(&[
        "build",
        "--fillable",
        "norrby.toml",
        "--lang",
        "fi",
        "-o",
        "filled.pdf",
    ])
    .ok();
    sb.run(&["build", "--fillable", "--lang", "sv", "-o", "blank.pdf"])
        .ok();
    let toml = std::fs::read_to_string(repo("examples/norrby.toml")).expect("example");
    let (status, _, pdf) = call(post_toml("/api/build?lang=fi&fillable=true", &toml)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    let cli = |name: &str| std::fs::read(sb.path(name)).expect("the CLI's PDF");
    assert!(pdf == cli("filled.pdf"), "API and CLI differ (filled in)");
    let (status, _, pdf) = call(post_toml("/api/build?fillable=true", "")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&pdf));
    assert!(pdf == cli("blank.pdf"), "API and CLI differ (blank)");
    // `false` is the printed leaflet, as without the parameter.
    let (_, _, printed) = call(post_toml("/api/build?fillable=false", &toml)).await;
    let (_, _, plain) = call(post_toml("/api/build", &toml)).await;
    assert!(printed.starts_with(b"%PDF-") && printed == plain);
    // Anything else is refused, in the language asked for.
    let (status, _, body) = call(post_toml("/api/build?fillable=ja&ui=sv", &toml)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let e: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    assert_eq!(
        e["errors"][0]["message"],
        "`fillable` ska vara `true` eller `false`, inte `ja`"
    );
}
