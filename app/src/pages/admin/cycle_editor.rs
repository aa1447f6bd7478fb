//! `/admin/cycles/new` and `/admin/cycles/:id`: an admin creates a cycle
//! or changes its settings. Voting freezes every setting that
//! decides the outcome; after that only the texts can change.

mod fields;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::cycle_editor::{
    CreateCycle, CycleEditor, RenameCycle, UpdateCycle, get_cycle_editor,
};
use crate::components::feedback::{ActionError, ErrorNotice};
use crate::components::session::use_session;
use crate::domain::{Phase, Role};
use crate::error::AppError;
use crate::i18n::t;
use crate::pages::home::phase_name;
use fields::{SettingsFields, SettingsSummary};

/// `/admin/cycles/new`.
#[component]
pub fn NewCyclePage() -> impl IntoView {
    view! { <CycleEditorPage id=Signal::stored(None) /> }
}

/// `/admin/cycles/:id`.
#[component]
pub fn EditCyclePage() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.read().get("id").and_then(|v| v.parse::<i32>().ok()));
    view! { <CycleEditorPage id /> }
}

/// The editor for cycle `id`, or for a new cycle.
#[component]
fn CycleEditorPage(
    /// The cycle's id; `None` for a new cycle.
    id: Signal<Option<i32>>,
) -> impl IntoView {
    let text = t();
    let session = use_session();
    let create = ServerAction::<CreateCycle>::new();
    let update = ServerAction::<UpdateCycle>::new();
    let rename = ServerAction::<RenameCycle>::new();
    let editor = Resource::new(
        move || (id.get(), update.version().get(), rename.version().get()),
        |(id, _, _)| super::if_admin(move || get_cycle_editor(id)),
    );
    view! {
        <Title text=text.cycle_settings />
        <section class="narrow" aria-labelledby="cycle-editor-heading">
            <p><a href="/admin">{text.back_to_admin}</a></p>
            <Transition fallback=move || view! { <p class="loading">{text.loading}</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorNotice errors /> }>
                    {move || Suspend::new(async move {
                        let viewer = session.viewer.await?;
                        if !viewer.is_some_and(|v| v.role == Role::Admin) {
                            return Ok::<_, AppError>(view! {
                                <h1 id="cycle-editor-heading">{text.cycle_settings}</h1>
                                <p class="notice">{text.admins_only}</p>
                            }.into_any());
                        }
                        let Some(editor) = editor.await? else {
                            return Ok(view! {
                                <h1 id="cycle-editor-heading">{text.cycle_settings}</h1>
                                <p class="notice">{text.admins_only}</p>
                            }.into_any());
                        };
                        Ok(editor_view(editor, create, update, rename))
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

fn editor_view(
    editor: CycleEditor,
    create: ServerAction<CreateCycle>,
    update: ServerAction<UpdateCycle>,
    rename: ServerAction<RenameCycle>,
) -> AnyView {
    let text = t();
    let CycleEditor {
        id,
        phase,
        form,
        candidates,
    } = editor;
    let Some(id) = id else {
        return view! {
            <h1 id="cycle-editor-heading">{text.new_cycle}</h1>
            <p class="hint">{text.draft_private}</p>
            <ActionForm action=create attr:class="stacked cycle-form">
                <SettingsFields form candidates />
                <button type="submit">{text.create_cycle}</button>
            </ActionForm>
            <ActionError action=create />
        }
        .into_any();
    };
    let heading = view! {
        <h1 id="cycle-editor-heading">{format!("{}: {}", text.cycle_settings, form.name)}</h1>
        <p>{format!("{} {}", text.phase, phase_name(text, phase))}</p>
    };
    if phase == Phase::Certified {
        return view! {
            {heading}
            <p class="notice">{text.cycle_final}</p>
            <SettingsSummary form candidates />
        }
        .into_any();
    }
    if !phase.settings_open() {
        let (name, school, description) = (
            form.name.clone(),
            form.school.clone(),
            form.description.clone(),
        );
        return view! {
            {heading}
            <p class="notice">{text.settings_frozen}</p>
            <ActionForm action=rename attr:class="stacked">
                <input type="hidden" name="cycle_id" value=id />
                <label for="cycle-name">{text.cycle_name}</label>
                <input id="cycle-name" name="name" required maxlength="120" value=name />
                <label for="cycle-school">{text.school_name}</label>
                <input id="cycle-school" name="school" required maxlength="120" value=school />
                <label for="cycle-description">{text.cycle_description}</label>
                <textarea id="cycle-description" name="description" required rows="4">{description}</textarea>
                <button type="submit">{text.save_text}</button>
            </ActionForm>
            <ActionError action=rename />
            <Saved />
            <SettingsSummary form candidates />
        }
        .into_any();
    }
    view! {
        {heading}
        {(phase == Phase::Draft).then(|| view! { <p class="hint">{text.draft_private}</p> })}
        <ActionForm action=update attr:class="stacked cycle-form">
            <input type="hidden" name="cycle_id" value=id />
            <SettingsFields form candidates />
            <button type="submit">{text.save_settings}</button>
        </ActionForm>
        <ActionError action=update />
        <Saved />
    }
    .into_any()
}

/// "Settings saved.", after a save sent the browser back here with
/// `?saved=1` (the same with JavaScript on or off).
#[component]
fn Saved() -> impl IntoView {
    let text = t();
    let query = use_query_map();
    let saved = query.read_untracked().get("saved").as_deref() == Some("1")
        && query.read_untracked().get("__err").is_none();
    saved.then(|| view! { <p class="created" role="status">{text.settings_saved}</p> })
}
