use leptos::prelude::*;
use wegwijs_core::content::Pictogram;

#[component]
pub fn PictogramImage(pictogram: Pictogram, #[prop(default = 96)] size: u32) -> impl IntoView {
    view! {
        <img class="pictogram" src=pictogram.src alt=pictogram.alt width=size height=size/>
    }
}
