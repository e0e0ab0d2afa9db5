//! Microsoft's own schema (CSDL) as an independent account of the types and operations:
//! where it and the model read from the pages disagree, either the docs or the reading is
//! wrong.
//!
//! The generated types never come from here; this only checks them.

mod actions;
mod compare;
mod container;
mod read;

pub use actions::{CsdlOperation, CsdlOperationKind, CsdlParameter, CsdlTypeUse};
pub use compare::{compare, Agreement, Ratio};
pub use container::CsdlRoot;
pub use read::{read, Csdl, CsdlKind, CsdlProperty, CsdlType};
