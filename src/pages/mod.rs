//! One page per file, as routed in `app.rs`.

pub mod account;
pub mod buddy;
pub mod console;
pub mod done;
pub mod home;
pub mod join;
pub mod me;
pub mod not_found;
pub mod player;
pub mod quiz;
pub mod step;
