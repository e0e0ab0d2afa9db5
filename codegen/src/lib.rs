//! graph-docs-codegen: Microsoft Graph reference pages -> Rust model types.
//!
//! The pipeline is `parse` (one page -> [`parse::Page`]), `resolve` (all pages ->
//! [`schema::Schema`]) and `emit` (schema -> formatted Rust). [`Config`] runs all three for a
//! build script; the CLI is a thin front end over the same calls.

mod config;
pub mod diagnostics;
pub mod docs_folder;
pub mod emit;
pub mod examples;
pub mod parse;
pub mod resolve;
pub mod schema;

pub use config::{Config, Loaded, Report, OVERRIDES_FILE};
pub use diagnostics::{Diagnostic, Location, Severity};
pub use schema::Schema;
pub mod accounting;
pub mod package;
pub mod render;
pub mod summary;
