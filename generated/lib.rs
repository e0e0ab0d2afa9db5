//! Rust model types for the Microsoft Graph resources documented in `docs-input/`, generated
//! at build time by graph-docs-codegen.
//!
//! Modules follow API versions and namespaces: `beta::TeamsAsyncOperation`,
//! `beta::call_records::Session`. Every property is a [`Field`]: absent, an explicit `null`, a
//! value, or a value that did not fit its documented type, kept as it came in the struct's
//! `unfit_properties` ([`UnfitValues::unfit_values`] lists those). Properties the documentation
//! does not list are kept in `additional_properties`. The envelopes responses come in (pages, delta, errors,
//! batches) are in [`runtime`].

// Variant names are the documented wire values, which often share a prefix or suffix.
#![allow(clippy::enum_variant_names)]

pub use graph_docs_runtime as runtime;
pub use graph_docs_runtime::{Field, UnfitValues};

include!(concat!(env!("OUT_DIR"), "/graph_docs_models.rs"));

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
