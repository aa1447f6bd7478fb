//! A proposal's thread: comments with nested replies, and the forms to
//! comment, reply, edit, report and hide. Every form is a plain
//! form post underneath, so the thread works with JavaScript off.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::threads::{
    CommentView, EditComment, HideComment, PostComment, ReportComment, get_thread,
};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::domain::fields::{COMMENT_MAX, REASON_MAX};
use crate::error::AppError;
use crate::i18n::t;

/// The actions of one thread, shared by its comments.
#[derive(Clone, Copy)]
struct ThreadActions {
    post: ServerAction<PostComment>,
    edit: ServerAction<EditComment>,
    hide: ServerAction<HideComment>,
    report: ServerAction<ReportComment>,
}

/// The thread of `proposal_id`, page from `?page=`.
#[component]
pub fn Thread(
    /// Whose thread.
    proposal_id: i32,
    /// Whether someone is signed in (and may write).
    signed_in: bool,
    /// Whether the viewer moderates.
    committee: bool,
) -> impl IntoView {
    let text = t();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
    };
    let actions = ThreadActions {
        post: ServerAction::new(),
        edit: ServerAction::new(),
        hide: ServerAction::new(),
        report: ServerAction::new(),
    };
    let thread = Resource::new(
        move || {
            (
                page(),
                actions.post.version().get(),
                actions.edit.version().get(),
                actions.hide.version().get(),
                actions.report.version().get(),
            )
        },
        move |(page, ..)| get_thread(proposal_id, page),
    );
    view! {
        <section class="thread" aria-labelledby="thread-heading">
            <h2 id="thread-heading">{text.thread_heading}</h2>
            <ActionError action=actions.post />
            <ActionError action=actions.edit />
            <ActionError action=actions.hide />
            <ActionError action=actions.report />
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let view = thread.await?;
                        let writable = view.open && signed_in;
                        let comments = view.comments.clone();
                        let empty = comments.is_empty();
                        Ok::<_, AppError>(view! {
                            {empty.then(|| view! { <p class="hint">{text.no_comments}</p> })}
                            <ol class="comments">
                                {comments
                                    .into_iter()
                                    .map(|comment| view! {
                                        <CommentItem comment proposal_id writable committee actions />
                                    })
                                    .collect_view()}
                            </ol>
                            <Pager page=view.page pages=view.pages proposal_id />
                            {if !view.open {
                                view! { <p class="notice">{text.thread_closed}</p> }.into_any()
                            } else if signed_in {
                                view! {
                                    <ActionForm action=actions.post attr:class="stacked new-comment">
                                        <input type="hidden" name="proposal_id" value=proposal_id />
                                        <label for="new-comment-body">{text.your_comment}</label>
                                        <textarea id="new-comment-body" name="body" required maxlength=COMMENT_MAX rows="4"></textarea>
                                        <button type="submit">{text.post_comment}</button>
                                    </ActionForm>
                                }.into_any()
                            } else {
                                view! {
                                    <p class="hint">
                                        <a href=format!("/sign-in?next=/proposals/{proposal_id}")>{text.sign_in}</a>
                                        " "{text.sign_in_to_comment}
                                    </p>
                                }.into_any()
                            }}
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn Pager(page: u64, pages: u64, proposal_id: i32) -> impl IntoView {
    let text = t();
    (pages > 1).then(|| {
        let link = move |p: u64| format!("/proposals/{proposal_id}?page={p}#thread-heading");
        view! {
            <nav class="pager" aria-label=text.thread_pages>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{text.previous}</a> })}
                <span>{format!("{page} / {pages}")}</span>
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{text.next}</a> })}
            </nav>
        }
    })
}

#[component]
fn CommentItem(
    comment: CommentView,
    proposal_id: i32,
    writable: bool,
    committee: bool,
    actions: ThreadActions,
) -> impl IntoView {
    let text = t();
    let id = comment.id;
    let hidden = comment.hidden_reason.is_some();
    let class = format!(
        "comment depth-{}{}",
        comment.depth,
        if hidden { " hidden" } else { "" }
    );
    let field = move |name: &str| format!("c{id}-{name}");
    view! {
        <li class=class id=format!("comment-{id}") data-comment-id=id>
            <p class="comment-meta">
                <span class="author">{comment.author.clone().unwrap_or_else(|| text.former_member.to_owned())}</span>
                " · "<time>{comment.written.clone()}</time>
                {comment.edited.then(|| view! { " "<span class="edited">{text.edited}</span> })}
                {(comment.reports > 0).then(|| view! { " · "<span class="reports">{format!("{} {}", comment.reports, text.reports)}</span> })}
            </p>
            {comment.hidden_reason.clone().map(|reason| view! {
                <p class="hidden-notice">{format!("{} {reason}", text.hidden_by_committee)}</p>
            })}
            {comment.body.clone().map(|body| view! { <p class="comment-body">{body}</p> })}
            {(writable && !hidden).then(|| view! {
                <div class="comment-actions">
                    <details>
                        <summary>{text.reply}</summary>
                        <ActionForm action=actions.post attr:class="stacked">
                            <input type="hidden" name="proposal_id" value=proposal_id />
                            <input type="hidden" name="parent_id" value=id />
                            <label for=field("reply")>{text.your_reply}</label>
                            <textarea id=field("reply") name="body" required maxlength=COMMENT_MAX rows="3"></textarea>
                            <button type="submit">{text.post_reply}</button>
                        </ActionForm>
                    </details>
                    {comment.editable.then(|| view! {
                        <details>
                            <summary>{text.edit}</summary>
                            <ActionForm action=actions.edit attr:class="stacked">
                                <input type="hidden" name="comment_id" value=id />
                                <label for=field("edit")>{text.edit_comment}</label>
                                <textarea id=field("edit") name="body" required maxlength=COMMENT_MAX rows="3">{comment.body.clone()}</textarea>
                                <button type="submit">{text.save_changes}</button>
                            </ActionForm>
                        </details>
                    })}
                    <details>
                        <summary>{text.report}</summary>
                        <ActionForm action=actions.report attr:class="stacked">
                            <input type="hidden" name="comment_id" value=id />
                            <label for=field("report")>{text.report_reason}</label>
                            <input id=field("report") name="reason" required maxlength=REASON_MAX />
                            <button type="submit">{text.send_report}</button>
                        </ActionForm>
                    </details>
                    {committee.then(|| view! {
                        <details>
                            <summary>{text.hide}</summary>
                            <ActionForm action=actions.hide attr:class="stacked">
                                <input type="hidden" name="comment_id" value=id />
                                <label for=field("hide")>{text.hide_reason}</label>
                                <input id=field("hide") name="reason" required maxlength=REASON_MAX />
                                <button type="submit">{text.hide_comment}</button>
                            </ActionForm>
                        </details>
                    })}
                </div>
            })}
        </li>
    }
}
