//! The one error type of the UI layer: what a server function or a page
//! refuses with. It carries the HTTP status and a message that is safe to
//! show, already worded in the reader's language; internals are logged on
//! the server and never put in one.

use http::StatusCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// A refusal or failure, as the reader sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppError {
    status: u16,
    message: String,
}

impl AppError {
    /// An error with `status` and a `message` that says what to change.
    /// Making one changes nothing else: the response takes the status
    /// where the error is answered ([`AppError::respond`]), so an error
    /// made and then dropped leaves the response alone.
    pub fn new(status: StatusCode, message: impl Into<String>) -> AppError {
        AppError {
            status: status.as_u16(),
            message: message.into(),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The message, safe to show.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Gives the response of the request being answered this error's
    /// status (and, for a busy database, `Retry-After`): a page showing
    /// the error calls it, and a server function's error does when it is
    /// encoded ([`FromServerFnError::ser`]). A plain form post
    /// (JavaScript off) keeps its redirect back to the form's page, which
    /// shows the message from the address.
    pub fn respond(&self) {
        #[cfg(feature = "ssr")]
        {
            use leptos::prelude::use_context;
            let Some(parts) = use_context::<http::request::Parts>() else {
                return;
            };
            let plain_form_post = parts.method == http::Method::POST
                && parts
                    .headers
                    .get(http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.contains("text/html"));
            if !plain_form_post
                && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
            {
                response.set_status(self.status());
                if self.status() == StatusCode::SERVICE_UNAVAILABLE {
                    response.insert_header(
                        http::header::RETRY_AFTER,
                        http::HeaderValue::from_static("1"),
                    );
                }
            }
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Encodes the error for the response that answers with it, which
    /// takes its status here.
    fn ser(&self) -> leptos::server_fn::Bytes {
        self.respond();
        <Self::Encoder as leptos::server_fn::Encodes<Self>>::encode(self).unwrap_or_else(|_| {
            leptos::server_fn::Bytes::from_static(b"{\"status\":500,\"message\":\"\"}")
        })
    }

    /// Errors of the framework itself: arguments that do not parse are the
    /// caller's mistake (400, worded); a server that cannot be reached or
    /// understood is said so; anything else is ours (500, logged).
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let words = crate::i18n::request_lang().strings();
        match value {
            ServerFnErrorErr::Args(detail)
            | ServerFnErrorErr::MissingArg(detail)
            | ServerFnErrorErr::Deserialization(detail)
                if cfg!(feature = "ssr") =>
            {
                // The parser's own words are for the log; the reader is
                // told which field, when the parser named one.
                #[cfg(feature = "ssr")]
                tracing::info!(%detail, "a form that does not parse");
                let field = field_named(&detail);
                AppError::new(
                    StatusCode::BAD_REQUEST,
                    (words.form_unreadable)(field.as_deref()),
                )
            }
            ServerFnErrorErr::UnsupportedRequestMethod(_) => {
                AppError::new(StatusCode::METHOD_NOT_ALLOWED, words.wrong_method)
            }
            ServerFnErrorErr::Request(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Response(_)
                if cfg!(not(feature = "ssr")) =>
            {
                AppError::new(StatusCode::SERVICE_UNAVAILABLE, words.unreachable)
            }
            other => internal(other),
        }
    }
}

/// The form field a parser's message names (in backticks or quotes), if
/// it names one that looks like a field.
fn field_named(detail: &str) -> Option<String> {
    detail
        .split(['`', '\''])
        .skip(1)
        .step_by(2)
        .find(|name| {
            !name.is_empty()
                && name.len() <= 40
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']'))
        })
        .map(str::to_owned)
}

/// A storage failure: a busy database is a 503 that says to try again
/// (nothing was written); anything else is ours, logged.
#[cfg(feature = "ssr")]
impl From<pebble_db::DbError> for AppError {
    fn from(error: pebble_db::DbError) -> AppError {
        if error.is_busy() {
            tracing::warn!(%error, "request refused: the database is busy");
            return AppError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                crate::i18n::request_lang().strings().database_busy,
            );
        }
        internal(error)
    }
}

/// Logs `cause` (on the server) and returns the generic message: the cause
/// goes to the log, never to the reader.
pub fn internal(cause: impl std::fmt::Display) -> AppError {
    #[cfg(feature = "ssr")]
    tracing::error!(%cause, "request failed");
    #[cfg(not(feature = "ssr"))]
    let _ = cause;
    AppError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        crate::i18n::request_lang().strings().internal_error,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_reads_as_its_message_and_round_trips_through_its_encoding() {
        let error = AppError::new(StatusCode::NOT_FOUND, "There is no proposal number 7.");
        assert_eq!(error.to_string(), "There is no proposal number 7.");
        assert_eq!(AppError::de(error.ser()), error);
        assert_eq!(error.status(), StatusCode::NOT_FOUND);
    }

    #[test]
    fn a_field_is_named_only_when_the_parser_named_one() {
        assert_eq!(field_named("missing field `cycle`"), Some("cycle".into()));
        assert_eq!(
            field_named("failed to parse 'settings[budget]': invalid digit"),
            Some("settings[budget]".into())
        );
        assert_eq!(field_named("invalid digit found in string"), None);
        assert_eq!(field_named("expected `,` or `}`"), None);
    }

    #[test]
    fn arguments_that_do_not_parse_are_the_callers_mistake() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "invalid digit found in string".into(),
        ));
        if cfg!(feature = "ssr") {
            assert_eq!(error.status(), StatusCode::BAD_REQUEST);
            assert!(error.message().contains("could not be read"), "{error}");
        }
        let missing = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "missing field `cycle` at line 1 column 9".into(),
        ));
        if cfg!(feature = "ssr") {
            assert!(missing.message().contains("'cycle'"), "{missing}");
            assert!(
                !missing.message().contains("line 1"),
                "the parser's words stay out"
            );
        }
        let broken = AppError::from_server_fn_error(ServerFnErrorErr::Registration("x".into()));
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!broken.message().contains('x'), "internals stay out");
    }
}
