mod budget_planner;
mod header;
mod language_picker;
mod listen_button;
mod lock_screen;
mod pictogram;
mod sync_status;

pub use budget_planner::BudgetPlanner;
pub use header::AppHeader;
pub use language_picker::LanguagePicker;
pub use listen_button::ListenButton;
pub use lock_screen::{LockNotice, lock_screen};
pub use pictogram::PictogramImage;
pub use sync_status::SyncStatus;
