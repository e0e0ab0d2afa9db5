//! Rust model types for the Microsoft Graph resources documented in `docs-input/`, generated
//! at build time by graph-docs-codegen.
//!
//! Modules follow API versions and namespaces: `beta::TeamsAsyncOperation`,
//! `beta::call_records::Session`. Every property is an `Option<Option<T>>`: `None` when the
//! payload leaves it out, `Some(None)` for an explicit `null`, `Some(Some(value))` otherwise.
//! Properties the documentation does not list are kept in `additional_properties`.

// Variant names are the documented wire values, which often share a prefix or suffix.
#![allow(clippy::enum_variant_names)]

include!(concat!(env!("OUT_DIR"), "/graph_docs_models.rs"));
