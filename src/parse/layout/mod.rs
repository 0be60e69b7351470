//! Layout helpers shared by the zones: column segments of flattened two-column lines
//! ([`segment`]) and questions about one line ([`lines`]). Zones import these, never each other.

mod footnote;
mod lines;
mod segment;

pub(crate) use footnote::{Marks, body_marker, label_marker, marker_line};
pub(crate) use lines::*;
pub(crate) use segment::*;
