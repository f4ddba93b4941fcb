//! `/console/overview`: participation and completion per module and per site. Counts only.

use leptos::prelude::*;

use super::Fetched;
use super::data::{self, Overview};
use crate::i18n::tr;

#[component]
pub fn ConsoleOverview() -> impl IntoView {
    let overview = Fetched::new(|token| async move { data::overview(&token).await });
    view! {
        <h1>{tr(|m| m.console_overview())}</h1>
        {overview.show(|o: Overview| view! {
            <h2 id="per-module">{tr(|m| m.console_per_module())}</h2>
            <div class="table-scroll" role="region" aria-labelledby="per-module" tabindex="0">
                <table data-testid="per-module">
                    <thead><tr>
                        <th scope="col">{tr(|m| m.console_module())}</th>
                        <th scope="col">{tr(|m| m.console_assigned_count())}</th>
                        <th scope="col">{tr(|m| m.console_started_count())}</th>
                        <th scope="col">{tr(|m| m.console_completed_count())}</th>
                    </tr></thead>
                    <tbody>
                        {o.modules.into_iter().map(|m| view! {
                            <tr><th scope="row">{move || super::module_title(&m.module)}</th><td>{m.assigned}</td><td>{m.started}</td><td>{m.completed}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2 id="per-site">{tr(|m| m.console_per_site())}</h2>
            <div class="table-scroll" role="region" aria-labelledby="per-site" tabindex="0">
                <table data-testid="per-site">
                    <thead><tr>
                        <th scope="col">{tr(|m| m.console_site())}</th>
                        <th scope="col">{tr(|m| m.console_workers_count())}</th>
                        <th scope="col">{tr(|m| m.console_joined_count())}</th>
                        <th scope="col">{tr(|m| m.console_active_count())}</th>
                        <th scope="col">{tr(|m| m.console_completed_count())}</th>
                    </tr></thead>
                    <tbody>
                        {o.sites.into_iter().map(|s| view! {
                            <tr><th scope="row">{s.site}</th><td>{s.workers}</td><td>{s.joined}</td><td>{s.active_30d}</td><td>{s.modules_completed}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}
