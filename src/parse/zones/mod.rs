//! The zones of a document, in the order Nghị định 30/2020 lays them out. Each reads its lines
//! through the parse [`Context`](super::Context) and the layout helpers in [`super::layout`];
//! no zone imports another (`tests/architecture.rs` checks it).

pub(crate) mod body;
pub(crate) mod closing;
pub(crate) mod header;
pub(crate) mod title;
