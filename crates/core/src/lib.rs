//! The Wegwijs domain, in plain Rust.
//!
//! Nothing here knows about HTTP, the DOM, IndexedDB or SQL: the app (wasm), the server (axum)
//! and the build tool (xtask) all call into these types, so the rules live in one place and are
//! tested with plain `cargo test`.

pub mod access;
pub mod budget;
pub mod content;
pub mod locale;
pub mod matching;
pub mod money;
pub mod notices;
pub mod pin;
pub mod player;
pub mod progress;
pub mod records;
pub mod replica;
pub mod schedule;
pub mod sync;

pub use locale::Locale;
