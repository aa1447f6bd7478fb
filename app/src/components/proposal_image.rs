//! A proposal's image and, for its author during ideas, the form that
//! uploads, replaces or removes it. The upload is a plain multipart post
//! so that it works the same with JavaScript on or off.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::api::proposal_images::{RemoveProposalImage, UploadProposalImage};
use crate::api::proposals::ProposalImage;
use crate::components::feedback::{ActionError, PlainPostError};
use crate::domain::image::{IMAGE_ACCEPT, IMAGE_DESCRIPTION_MAX};
use crate::i18n::t;

/// The image, described for screen readers by its alt text.
#[component]
pub fn ProposalFigure(
    /// The image's address and alt text.
    image: ProposalImage,
) -> impl IntoView {
    view! {
        <figure class="proposal-image">
            <img src=image.url alt=image.description loading="lazy" />
        </figure>
    }
}

/// Upload (or replace) and remove.
#[component]
pub fn ImageForm(
    /// The proposal.
    proposal_id: i32,
    /// Whether it has an image now.
    has_image: bool,
    /// The remove action (its version reloads the page's data).
    remove: ServerAction<RemoveProposalImage>,
) -> impl IntoView {
    let text = t();
    view! {
        <section class="image-form" aria-labelledby="image-heading">
            <h2 id="image-heading">{text.image_heading}</h2>
            <form method="post" action=UploadProposalImage::PATH enctype="multipart/form-data" class="stacked">
                <input type="hidden" name="proposal_id" value=proposal_id />
                <label for="image-file">{text.image_file}</label>
                <input id="image-file" type="file" name="image" accept=IMAGE_ACCEPT required aria-describedby="image-hint" />
                <p id="image-hint" class="hint">{text.image_hint}</p>
                <label for="image-description">{text.image_description}</label>
                <input id="image-description" name="description" required maxlength=IMAGE_DESCRIPTION_MAX />
                <button type="submit">{if has_image { text.replace_image } else { text.upload_image }}</button>
            </form>
            <PlainPostError path=UploadProposalImage::PATH />
            {has_image.then(|| view! {
                <ActionForm action=remove>
                    <input type="hidden" name="proposal_id" value=proposal_id />
                    <button type="submit" class="secondary">{text.remove_image}</button>
                </ActionForm>
                <ActionError action=remove />
            })}
        </section>
    }
}
