//! A proposal's optional image: its author uploads,
//! replaces or removes it while the ideas phase is open.
//!
//! The image kept is the upload decoded and encoded again (see
//! [`reencode`](crate::api::backend::reencode)): no metadata, no more than
//! 4096 pixels a side.
//!
//! The upload is a plain multipart form post, with or without JavaScript;
//! the server sends the browser back to the proposal's page, with the
//! error in the address if there was one.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Stores the image in the multipart fields `proposal_id`, `description`
/// (alt text) and `image` (the file).
#[server(prefix = "/api", endpoint = "proposal-image", input = MultipartFormData)]
pub async fn upload_proposal_image(data: MultipartData) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{authored_proposal, bad_field, bad_input, database, internal, words};
    use crate::domain::{Action, image};
    let author = require(Action::EditOwnProposal).await?;
    let mut multipart = data
        .into_inner()
        .ok_or_else(|| internal("multipart data without a server-side stream"))?;
    let mut proposal_id = String::new();
    let mut description = String::new();
    let mut file = Vec::new();
    let mut file_len = 0usize;
    let unreadable = |e: String| bad_input((words().upload_unreadable)(&e));
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|e| unreadable(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        // Read every field to its end, keeping at most a little more than
        // the limit: the browser gets its answer only after sending it all.
        let keep = if name == "image" {
            image::IMAGE_MAX_BYTES + 1
        } else {
            4096
        };
        let mut bytes = Vec::new();
        let mut len = 0usize;
        while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(e.to_string()))? {
            len = len.saturating_add(chunk.len());
            if bytes.len() < keep {
                let room = keep - bytes.len();
                bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
        }
        match name.as_str() {
            "proposal_id" => proposal_id = String::from_utf8_lossy(&bytes).into_owned(),
            "description" => description = String::from_utf8_lossy(&bytes).into_owned(),
            "image" => {
                file = bytes;
                file_len = len;
            }
            _ => {}
        }
    }
    let id: i32 = proposal_id
        .trim()
        .parse()
        .map_err(|_| bad_input((words().not_a_proposal_number)(proposal_id.trim())))?;
    image::check(&file, file_len).map_err(bad_field)?;
    let description = image::description(&description).map_err(bad_field)?;
    let db = database()?;
    let found = authored_proposal(&db, author.id, id).await?;
    let kept = crate::api::backend::reencode::reencode_off_workers(file)
        .await
        .map_err(bad_field)?;
    pebble_db::proposal_images::put(&db, found.proposal.id, kept.media, kept.bytes, &description)
        .await?;
    Ok(())
}

/// Removes the image of the author's proposal `proposal_id`.
#[server(prefix = "/api", endpoint = "remove-proposal-image")]
pub async fn remove_proposal_image(proposal_id: i32) -> Result<(), AppError> {
    use crate::api::backend::auth::require;
    use crate::api::backend::{authored_proposal, database};
    use crate::domain::Action;
    let author = require(Action::EditOwnProposal).await?;
    let db = database()?;
    let found = authored_proposal(&db, author.id, proposal_id).await?;
    pebble_db::proposal_images::remove(&db, found.proposal.id).await?;
    Ok(())
}
