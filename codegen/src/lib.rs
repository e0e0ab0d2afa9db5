//! graph-docs-codegen: Microsoft Graph reference pages -> Rust model types.
//!
//! The pipeline is `parse` (one page -> [`parse::Page`]), `resolve` (all pages ->
//! [`schema::Schema`]) and `emit` (schema -> formatted Rust). [`Config`] runs all three for a
//! build script; the CLI (package `graph-docs-codegen-cli`) is a thin front end over the same
//! calls. The generated code depends on the runtime crate `graph-docs-runtime`.

mod config;
pub mod csdl;
pub mod diagnostics;
pub mod diff;
pub mod docs_folder;
pub mod emit;
pub mod examples;
mod files;
pub mod only;
pub mod parse;
pub mod progress;
pub mod resolve;
pub mod schema;

pub use config::{Config, Loaded, Report, OVERRIDES_FILE};
pub use diagnostics::{Diagnostic, Location, Severity};
pub use schema::Schema;
pub mod accounting;
pub mod package;
pub mod summary;
