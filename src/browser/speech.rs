//! Reading a step aloud with the browser's own speech synthesis, in the app's language, where
//! the phone has a voice for it.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// A voice for `lang` (`pl`, `ro`, ...), matching the language part of its tag.
fn voice_for(lang: &str) -> Option<web_sys::SpeechSynthesisVoice> {
    synthesis()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| {
            v.lang()
                .split(['-', '_'])
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(lang))
        })
}

pub fn can_speak(lang: &str) -> bool {
    voice_for(lang).is_some()
}

/// Voices often arrive after the page starts; `handler` runs when the list changes.
pub fn on_voices_changed(handler: impl FnMut() + 'static) {
    let Some(synthesis) = synthesis() else { return };
    let closure = Closure::<dyn FnMut()>::new(handler);
    synthesis.set_onvoiceschanged(Some(closure.as_ref().unchecked_ref()));
    closure.forget();
}

/// Speaks `text`, stopping whatever was being read; `on_end` runs when it is done or stopped.
pub fn speak(text: &str, lang: &str, on_end: impl FnMut() + 'static) {
    let (Some(synthesis), Some(voice)) = (synthesis(), voice_for(lang)) else {
        return;
    };
    synthesis.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(&voice.lang());
    utterance.set_voice(Some(&voice));
    // A little slower than usual: many listeners are still learning the language.
    utterance.set_rate(0.9);
    let ended = Closure::<dyn FnMut()>::new(on_end);
    utterance.set_onend(Some(ended.as_ref().unchecked_ref()));
    ended.forget();
    synthesis.speak(&utterance);
}

pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}
