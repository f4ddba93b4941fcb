mod budget_planner;
mod header;
mod language_picker;
mod listen_button;
mod pictogram;
mod sync_status;

pub use budget_planner::BudgetPlanner;
pub use header::AppHeader;
pub use language_picker::LanguagePicker;
pub use listen_button::ListenButton;
pub use pictogram::PictogramImage;
pub use sync_status::SyncStatus;
