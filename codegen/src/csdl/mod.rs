//! Microsoft's own schema (CSDL) as an independent account of the types: where it and the
//! model read from the pages disagree, either the docs or the reading is wrong.
//!
//! The generated types never come from here; this only checks them.

mod compare;
mod read;

pub use compare::{compare, Agreement, Ratio};
pub use read::{read, Csdl, CsdlKind, CsdlProperty, CsdlType};
