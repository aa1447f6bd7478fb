//! The signed-in account, shared by every part of a page through context.

use leptos::prelude::*;

use crate::api::session::{SignOut, Viewer, whoami};
use crate::error::AppError;

/// Who is signed in, looked up once per page render (the server caches
/// the lookup per request), and the header's sign-out form.
#[derive(Clone, Copy)]
pub struct Session {
    /// Signs out (the header's button; a plain form post).
    pub sign_out: ServerAction<SignOut>,
    /// The signed-in account, if any.
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
}

impl Session {
    /// Creates the session context; call once, in the app.
    pub fn provide() -> Session {
        let session = Session {
            sign_out: ServerAction::<SignOut>::new(),
            viewer: Resource::new(|| (), |()| whoami()),
        };
        provide_context(session);
        session
    }
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
