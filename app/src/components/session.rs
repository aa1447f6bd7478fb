//! The signed-in account, shared by every page through context.

use leptos::prelude::*;

use crate::api::session::{SignOut, Viewer, whoami};
use crate::error::AppError;

/// Who is signed in, refetched after signing out or after a page reports
/// a sign-in through [`Session::changed`].
#[derive(Clone, Copy)]
pub struct Session {
    /// Signs out (the header's button).
    pub sign_out: ServerAction<SignOut>,
    /// Bumped when someone signed in.
    generation: RwSignal<u64>,
    /// The signed-in account, if any.
    pub viewer: Resource<Result<Option<Viewer>, AppError>>,
}

impl Session {
    /// Creates the session context; call once, in the app.
    pub fn provide() -> Session {
        let sign_out = ServerAction::<SignOut>::new();
        let generation = RwSignal::new(0);
        let viewer = Resource::new(
            move || (sign_out.version().get(), generation.get()),
            |_| whoami(),
        );
        let session = Session {
            sign_out,
            generation,
            viewer,
        };
        provide_context(session);
        session
    }

    /// Tells the app that who is signed in changed.
    pub fn changed(&self) {
        self.generation.update(|g| *g += 1);
    }
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
