//! Whether the app is locked by the worker's PIN: at start when a PIN is set, and again when
//! the worker comes back after the app was out of sight for a while (the phone was put down,
//! a housemate picks it up). Sync goes on while locked; only the screens wait.

use leptos::prelude::*;

use crate::browser::{dom, pin};

/// Out of sight this long, the app asks for the PIN again.
const RELOCK_AFTER_MS: i64 = 5 * 60 * 1000;

#[derive(Clone, Copy)]
pub struct AppLock {
    pub locked: RwSignal<bool>,
}

impl AppLock {
    pub fn provide() -> AppLock {
        let lock = AppLock {
            locked: RwSignal::new(pin::is_set()),
        };
        provide_context(lock);
        let hidden_since = StoredValue::new(None::<i64>);
        dom::on_visibility_change(move |visible| {
            let now = dom::now_ms();
            if !visible {
                hidden_since.set_value(Some(now));
            } else if let Some(since) = hidden_since.get_value()
                && now - since >= RELOCK_AFTER_MS
                && pin::is_set()
            {
                lock.locked.set(true);
            }
        });
        lock
    }

    pub fn unlock(self) {
        self.locked.set(false);
    }
}
