//! The `/api/v1` reference: an OpenAPI 3.1 document generated from the
//! handlers' own request and answer types (`utoipa`), served at
//! `/api/v1/openapi.json`, and the same read as a plain page at
//! `/api/v1/docs` (rendered here, no script, no CDN). A snapshot test
//! keeps the document in review: any change to the API shows in its diff.

use axum::Json;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

use super::{ballots, log, manifest, proof, record};

/// The API's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pebble public API",
        description = "The frozen manifest, casting with a voter code, the ballot log's checkpoints and proofs (RFC 9162), and the certified record. Hashes are lowercase hex, byte strings base64; every refusal is a 4xx with {\"error\": message}. No count, total or partial, and no ballot is served before the committee certifies. See docs/ballot-log.md and docs/election-record.md.",
        license(name = "AGPL-3.0-or-later"),
    ),
    paths(
        manifest::manifest,
        ballots::cast,
        log::checkpoint,
        log::entry,
        log::leaf,
        log::inclusion,
        log::consistency,
        proof::proof,
        record::record,
        record::ballots_pb,
        record::results_csv,
    ),
    tags(
        (name = "cycles", description = "What voting opened with"),
        (name = "casting", description = "Casting a ballot with a voter code"),
        (name = "log", description = "The ballot log: checkpoints, entries and proofs"),
        (name = "results", description = "The certified record and its exports"),
    )
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// `GET /api/v1/docs`: the document as a page.
pub async fn reference() -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page(&ApiDoc::openapi()),
    )
        .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The reference page: each operation with its parameters and answers.
fn page(doc: &utoipa::openapi::OpenApi) -> String {
    let mut out = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head><body><main><h1>{title}</h1><p>{about}</p><p>The machine-readable document: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI {version}).</p>",
        title = escape(&doc.info.title),
        about = escape(doc.info.description.as_deref().unwrap_or_default()),
        version = "3.1",
    );
    for (path, item) in &doc.paths.paths {
        let operations = [("GET", item.get.as_ref()), ("POST", item.post.as_ref())];
        for (method, operation) in operations {
            let Some(operation) = operation else { continue };
            out.push_str(&format!(
                "<section><h2><code>{method} {}</code></h2>",
                escape(path)
            ));
            if let Some(description) = operation
                .description
                .as_deref()
                .or(operation.summary.as_deref())
            {
                out.push_str(&format!("<p>{}</p>", escape(description)));
            }
            let parameters = operation.parameters.as_deref().unwrap_or_default();
            if !parameters.is_empty() {
                out.push_str("<h3>Parameters</h3><ul>");
                for parameter in parameters {
                    out.push_str(&format!(
                        "<li><code>{}</code>: {}</li>",
                        escape(&parameter.name),
                        escape(parameter.description.as_deref().unwrap_or_default())
                    ));
                }
                out.push_str("</ul>");
            }
            out.push_str("<h3>Answers</h3><ul>");
            for (status, response) in &operation.responses.responses {
                let description = match response {
                    utoipa::openapi::RefOr::T(response) => response.description.clone(),
                    utoipa::openapi::RefOr::Ref(reference) => reference.ref_location.clone(),
                };
                out.push_str(&format!(
                    "<li><strong>{}</strong>: {}</li>",
                    escape(status),
                    escape(&description)
                ));
            }
            out.push_str("</ul></section>");
        }
    }
    out.push_str("</main></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_document_is_reviewed_as_a_snapshot() {
        let document = ApiDoc::openapi()
            .to_pretty_json()
            .expect("the document serializes");
        insta::assert_snapshot!(document);
    }

    #[test]
    fn every_public_route_is_in_the_document_and_on_the_page() {
        let doc = ApiDoc::openapi();
        let page = page(&doc);
        for path in [
            "/api/v1/cycles/{id}/manifest",
            "/api/v1/cycles/{id}/ballots",
            "/api/v1/cycles/{id}/log/checkpoint",
            "/api/v1/cycles/{id}/log/entries/{index}",
            "/api/v1/cycles/{id}/log/leaf/{leaf_hash}",
            "/api/v1/cycles/{id}/log/inclusion",
            "/api/v1/cycles/{id}/log/consistency",
            "/api/v1/cycles/{id}/log/proof",
            "/api/v1/cycles/{id}/record",
            "/api/v1/cycles/{id}/ballots.pb",
            "/api/v1/cycles/{id}/results.csv",
        ] {
            assert!(doc.paths.paths.contains_key(path), "{path} in the document");
            assert!(page.contains(&escape(path)), "{path} on the page");
        }
        assert!(!page.contains("<script"), "a page without script");
    }
}
