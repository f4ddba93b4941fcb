mod header;
mod language_picker;
mod pictogram;
mod sync_status;

pub use header::AppHeader;
pub use language_picker::LanguagePicker;
pub use pictogram::PictogramImage;
pub use sync_status::SyncStatus;
