//! Microsoft's own schema (CSDL) as an independent account of the types and operations:
//! where it and the model read from the pages disagree, either the docs or the reading is
//! wrong.
//!
//! The generated types never come from here; this only checks them.

mod actions;
mod agreement;
mod compare;
mod container;
mod operations;
mod read;
mod signature;
mod walk;

pub use actions::{CsdlOperation, CsdlOperationKind, CsdlParameter, CsdlTypeUse};
pub use agreement::{Agreement, Ratio};
pub use compare::compare;
pub use container::CsdlRoot;
pub use read::{read, Csdl, CsdlKind, CsdlProperty, CsdlType};
pub use walk::{walk, CsdlBreak, CsdlNamed, CsdlWalk};

pub(crate) use operations::{described, model_binding, said, Said};
pub(crate) use signature::type_text;
pub(crate) use walk::segment_text;
