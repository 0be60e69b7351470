//! Citations of other documents in running text.
