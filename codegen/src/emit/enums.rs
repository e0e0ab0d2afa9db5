//! Enum types -> Rust enums that keep undocumented values.
//!
//! Graph enums evolve (`unknownFutureValue`): a value the docs do not list must still
//! deserialise and serialise back unchanged, so each enum carries an `Undocumented(String)`
//! variant and (de)serialises through its wire strings.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::ident::{self, Scope};
use crate::schema::TypeDef;

/// Name of the variant that holds values the docs do not list.
pub const UNDOCUMENTED: &str = "Undocumented";

pub fn emit(t: &TypeDef, name: &str) -> TokenStream {
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
    let runtime = super::runtime_crate();
    let undocumented = format_ident!("{}", UNDOCUMENTED);
    let definitions = variants.iter().map(|(v, _, docs)| quote!(#docs #v,));
    let to_wire = variants
        .iter()
        .map(|(v, wire, _)| quote!(Self::#v => #wire,));
    let from_wire = variants
        .iter()
        .map(|(v, wire, _)| quote!(#wire => Self::#v,));
    let mut doc = t.description.clone().unwrap_or_default();
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("`{}` ({}).", t.qualified_name(), t.source));
    let docs = doc_attrs(&doc);
    let qualified = t.qualified_name();
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #ident {
            #(#definitions)*
            /// A value the documentation does not list, kept as it was sent.
            #undocumented(::std::string::String),
        }

        impl #ident {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_wire)*
                    Self::#undocumented(value) => value,
                }
            }
        }

        impl ::std::convert::From<&str> for #ident {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_wire)*
                    other => Self::#undocumented(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #runtime::deserialize_enum(deserializer)
            }
        }

        #runtime::read_enum!(#ident, #qualified);
    }
}
