//! The frame around a module: loads it once in the chosen language, so moving between its
//! steps, quiz and done screen needs no further request.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::{LazyRoute, lazy_route};
use wegwijs_core::content::Module;
use wegwijs_core::progress::Activity;

use crate::browser::dom;
use crate::content;
use crate::i18n::{tr, use_i18n};
use crate::progress::use_progress;

/// The module on screen, for the pages inside the frame.
#[derive(Clone)]
pub struct CurrentModule(pub Arc<Module>);

pub fn use_module() -> Arc<Module> {
    expect_context::<CurrentModule>().0
}

/// The 0-based position from the route's 1-based `:n`, for a step or a question. Moving to
/// another position moves focus to the new heading, as a screen reader user expects.
pub fn use_position() -> Memo<usize> {
    let params = use_params_map();
    let index = Memo::new(move |_| {
        params
            .read()
            .get("n")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .unwrap_or(0)
    });
    Effect::new(move || {
        index.track();
        request_animation_frame(dom::focus_main_heading);
    });
    index
}

pub fn module_path(id: &str, rest: &str) -> String {
    format!("/modules/{id}/{rest}")
}

#[component]
pub fn ModuleFrame() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // Only the module id: moving between steps changes other parameters and must not reload.
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let module = content::load(content::module(i18n.locale.get_untracked(), id.get()));
        move || match module.get() {
            None => view! { <p class="loading">{tr(|m| m.loading())}</p> }.into_any(),
            Some(Err(_)) => view! {
                <h1>{tr(|m| m.content_missing_title())}</h1>
                <p class="notice">{tr(|m| m.content_unavailable())}</p>
            }
            .into_any(),
            Some(Ok(module)) => {
                provide_context(CurrentModule(Arc::new(module)));
                view! { <Outlet/> }.into_any()
            }
        }
    }
}

/// `/modules/:id`: opens the module where the worker left it.
#[component]
pub fn ModuleStart() -> impl IntoView {
    let module = use_module();
    let progress = use_progress();
    let navigate = use_navigate();
    Effect::new(move || {
        if !progress.loaded.get() {
            return;
        }
        let here = progress.progress.with_untracked(|p| p.module(&module.id));
        let at = here.resume_at(module.steps.iter().map(|s| s.id.as_str()));
        progress.record(Activity::ModuleOpened {
            module: module.id.clone(),
            version: module.version,
        });
        let target = if at < module.steps.len() {
            module_path(&module.id, &format!("step/{}", at + 1))
        } else if !module.quiz.is_empty() {
            module_path(&module.id, "quiz/1")
        } else {
            module_path(&module.id, "done")
        };
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    view! { <p class="loading">{tr(|m| m.loading())}</p> }
}

/// Loaded on first use: the player is not part of the first load.
pub struct ModuleFrameRoute;

#[lazy_route]
impl LazyRoute for ModuleFrameRoute {
    fn data() -> Self {
        ModuleFrameRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <ModuleFrame/> }.into_any()
    }
}

/// Loaded on first use: the player is not part of the first load.
pub struct ModuleStartRoute;

#[lazy_route]
impl LazyRoute for ModuleStartRoute {
    fn data() -> Self {
        ModuleStartRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <ModuleStart/> }.into_any()
    }
}
