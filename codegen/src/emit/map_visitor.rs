//! The `Deserialize` impl of the `Any*` enums: a map visitor whose
//! `visit_map` body each caller supplies (it sees `map`, a `MapAccess`).

use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub fn deserialize_from_map(ident: &Ident, expecting: &str, visit_map: TokenStream) -> TokenStream {
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor_;

                impl<'de> ::serde::de::Visitor<'de> for Visitor_ {
                    type Value = #ident;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#ident, A::Error> {
                        #visit_map
                    }
                }

                deserializer.deserialize_map(Visitor_)
            }
        }
    }
}
