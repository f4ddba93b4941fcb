use leptos::prelude::*;

use crate::browser::speech;
use crate::i18n::{tr, use_i18n};

/// Reads `text` aloud in the app's language. Hidden where the phone has no voice for it.
#[component]
pub fn ListenButton(text: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.locale.get_untracked().code();
    let available = RwSignal::new(speech::can_speak(lang));
    speech::on_voices_changed(move || {
        let _ = available.try_set(speech::can_speak(lang));
    });
    let speaking = RwSignal::new(false);
    on_cleanup(speech::stop);
    let toggle = move |_| {
        if speaking.get_untracked() {
            speech::stop();
            speaking.set(false);
        } else {
            speaking.set(true);
            speech::speak(&text, lang, move || {
                let _ = speaking.try_set(false);
            });
        }
    };
    view! {
        <Show when=move || available.get()>
            <button
                class="button secondary listen"
                aria-pressed=move || if speaking.get() { "true" } else { "false" }
                on:click=toggle.clone()
            >
                <span aria-hidden="true">"🔊 "</span>
                {move || if speaking.get() { tr(|m| m.listen_stop()) } else { tr(|m| m.listen()) }}
            </button>
        </Show>
    }
}
