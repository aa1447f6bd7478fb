//! The API's one error type: a status and a message safe to show, sent
//! as `{"error": message}`. Internal failures are logged with their
//! cause and answered with a generic message.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The body of every refusal.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What was wrong and what to change, in English.
    pub error: String,
}

/// A refused API request.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    /// A refusal with `status` and a message that says what to fix.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 400: the request itself is malformed.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: nothing at this address.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 409: the cycle's state does not allow it.
    pub fn conflict(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, message)
    }

    /// Adds a `Retry-After` header (seconds).
    pub fn retry_after(mut self, seconds: u64) -> ApiError {
        self.retry_after = Some(seconds.max(1));
        self
    }

    /// The status sent.
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl ApiError {
    /// 503: the database is busy; nothing was written.
    pub fn busy() -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "The database is busy; nothing was recorded. Please try again in a moment.",
        )
        .retry_after(1)
    }

    /// 500, after the cause has been logged.
    pub fn internal() -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong on the server; nothing was recorded. Please try again.",
        )
    }
}

impl From<pebble_db::DbError> for ApiError {
    fn from(error: pebble_db::DbError) -> ApiError {
        if error.is_busy() {
            tracing::warn!(%error, "API request refused: the database is busy");
            return ApiError::busy();
        }
        tracing::error!(%error, "API request failed in the database");
        ApiError::internal()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(value) = self
            .retry_after
            .and_then(|seconds| HeaderValue::from_str(&seconds.to_string()).ok())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// The cycle id in a path, or a 404 that says what was expected.
pub fn cycle_id(text: &str) -> Result<i32, ApiError> {
    text.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "There is no cycle {text:?}: cycle ids are whole numbers such as 1."
            ))
        })
}
