//! Enum types -> Rust enums that keep undocumented values.
//!
//! Graph enums evolve (`unknownFutureValue`): a value the docs do not list must still
//! deserialise and serialise back unchanged, so each enum carries an `Undocumented(String)`
//! variant and (de)serialises through its wire strings. The conversions are the runtime's
//! `wire_enum!`: the generated code lists each variant's wire value once.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::ident::{self, Scope};
use super::tables::{Row, Table, Tables};
use crate::schema::TypeDef;

/// Name of the variant that holds values the docs do not list.
pub const UNDOCUMENTED: &str = "Undocumented";

pub fn emit(t: &TypeDef, name: &str, tables: &mut Tables) -> TokenStream {
    let ident = format_ident!("{}", name);
    let mut scope = Scope::with_reserved(&[UNDOCUMENTED]);
    let variants: Vec<(proc_macro2::Ident, &str, TokenStream)> = t
        .members
        .iter()
        .map(|m| {
            let variant = format_ident!("{}", scope.claim(ident::upper_camel(&m.name, "V")));
            let mut doc = m.description.clone().unwrap_or_default();
            if let Some(v) = m.value {
                if !doc.is_empty() {
                    doc.push(' ');
                }
                doc.push_str(&format!("(Value {v}.)"));
            }
            (variant, m.name.as_str(), doc_attrs(&doc))
        })
        .collect();
    let undocumented = format_ident!("{}", UNDOCUMENTED);
    let definitions = variants.iter().map(|(v, _, docs)| quote!(#docs #v,));
    let rows = variants
        .iter()
        .map(|(v, wire, _)| Row {
            feature: None,
            text: format!("{v} = {wire:?}"),
        })
        .collect();
    let mut doc = t.description.clone().unwrap_or_default();
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("`{}` ({}).", t.qualified_name(), t.source));
    let docs = doc_attrs(&doc);
    let table = tables.add(Table {
        macro_name: "wire_enum",
        head: format!("{name} = {:?}", t.qualified_name()),
        rows,
        more: Vec::new(),
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #ident {
            #(#definitions)*
            /// A value the documentation does not list, kept as it was sent.
            #undocumented(::std::string::String),
        }

        #table
    }
}
