//! The module player: one lazy route, `/modules/:id/*place`. Its data, the module's JSON,
//! starts loading from the first load's code while the player's own code loads, so a module
//! opens after one round trip, not two. Where the worker is (a step, a question, the done
//! screen) is the rest of the URL, read by `wegwijs_core::player`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::{LazyRoute, NavigateOptions, lazy_route};
use wegwijs_core::content::Module;
use wegwijs_core::player::{Flow, Place};
use wegwijs_core::progress::Activity;

use super::done::DoneView;
use super::quiz::QuestionView;
use super::step::StepView;
use crate::browser::api::ApiError;
use crate::browser::dom;
use crate::content;
use crate::i18n::{tr, use_i18n};
use crate::progress::use_progress;

/// The module on screen, for the views inside the player.
#[derive(Clone)]
pub struct CurrentModule(pub Arc<Module>);

pub fn use_module() -> Arc<Module> {
    expect_context::<CurrentModule>().0
}

pub fn flow(module: &Module) -> Flow {
    Flow {
        steps: module.steps.len(),
        questions: module.quiz.len(),
    }
}

/// The address of a place in a module; `None` is the module list.
pub fn place_href(module_id: &str, place: Option<Place>) -> String {
    match place {
        Some(place) => format!("/modules/{module_id}/{}", place.to_path()),
        None => "/".to_string(),
    }
}

pub struct Player {
    id: String,
    json: RwSignal<Option<Result<String, ApiError>>>,
}

#[lazy_route]
impl LazyRoute for Player {
    fn data() -> Self {
        let id = use_params_map()
            .read_untracked()
            .get("id")
            .unwrap_or_default();
        let locale = use_i18n().locale.get_untracked();
        let json = content::load(content::module_json(locale, id.clone()));
        Player { id, json }
    }

    fn view(this: Self) -> AnyView {
        view! { <ModulePlayer first=this/> }.into_any()
    }
}

#[component]
fn ModulePlayer(first: Player) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let id = id.get();
        // The route prefetched the module it was opened with; another module on the same
        // route (a link from one module to the next) loads its own.
        let json = if id == first.id {
            first.json
        } else {
            content::load(content::module_json(i18n.locale.get_untracked(), id))
        };
        move || {
            let module = match json.get() {
                None => return view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
                Some(json) => json
                    .ok()
                    .and_then(|j| serde_json::from_str::<Module>(&j).ok()),
            };
            match module {
                Some(module) => {
                    provide_context(CurrentModule(Arc::new(module)));
                    view! { <PlaceView/> }.into_any()
                }
                None => view! {
                    <h1>{tr(|m| m.content_missing_title())}</h1>
                    <p class="notice">{tr(|m| m.content_unavailable())}</p>
                }
                .into_any(),
            }
        }
    }
}

#[component]
fn PlaceView() -> impl IntoView {
    let module = use_module();
    let flow = flow(&module);
    let params = use_params_map();
    let place = Memo::new(move |_| {
        flow.clamp(Place::from_path(
            &params.read().get("place").unwrap_or_default(),
        ))
    });
    // A new place is a new page for a screen reader: focus moves to its heading.
    Effect::new(move || {
        if place.get() != Place::Start {
            request_animation_frame(dom::focus_main_heading);
        }
    });
    move || {
        let module = module.clone();
        match place.get() {
            Place::Start => view! { <Resume/> }.into_any(),
            Place::Step(index) => view! { <StepView module index/> }.into_any(),
            Place::Question(index) => view! { <QuestionView module index/> }.into_any(),
            Place::Done => view! { <DoneView module/> }.into_any(),
        }
    }
}

/// The module's own address: records the opening and continues where the worker left off.
#[component]
fn Resume() -> impl IntoView {
    let module = use_module();
    let progress = use_progress();
    let navigate = use_navigate();
    Effect::new(move || {
        if !progress.loaded.get() {
            return;
        }
        let here = progress.progress.with_untracked(|p| p.module(&module.id));
        let place = flow(&module).resume(&here, module.steps.iter().map(|s| s.id.as_str()));
        progress.record(Activity::ModuleOpened {
            module: module.id.clone(),
            version: module.version,
        });
        navigate(
            &place_href(&module.id, Some(place)),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! { <p class="loading">{tr(|m| m.loading())}</p> }
}
