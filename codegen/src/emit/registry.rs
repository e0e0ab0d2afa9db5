//! A lookup from (version, qualified name) to a round trip through the generated type, for
//! the example check's runner. Not part of the crate users get: it would make every type's
//! deserialisation code be compiled.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::names::{relative_path, Names};
use crate::schema::Schema;

/// `round_trip(version, type, value)`: reads `value` as the generated type and writes it back;
/// `None` when no type has that name.
pub fn emit(schema: &Schema, names: &Names, types: &[usize]) -> TokenStream {
    let module = vec![String::from("registry")];
    let arms = types.iter().map(|&i| {
        let t = &schema.types[i];
        let (to_module, name) = &names.items[i];
        let path: TokenStream = relative_path(&module, to_module, name)
            .parse()
            .expect("module paths are identifiers");
        let version = &t.version;
        let qualified = t.qualified_name().to_ascii_lowercase();
        quote!((#version, #qualified) => (through::<#path>, read::<#path>),)
    });
    let value = format_ident!("Value");
    quote! {
        use ::serde_json::{Error, #value};

        type Through = fn(Value) -> ::std::result::Result<Value, Error>;
        type Read = fn(&str) -> ::std::result::Result<(), Error>;

        fn through<T: ::serde::Serialize + ::serde::de::DeserializeOwned>(value: Value) -> ::std::result::Result<Value, Error> {
            ::serde_json::to_value(::serde_json::from_value::<T>(value)?)
        }

        fn read<T: ::serde::de::DeserializeOwned>(text: &str) -> ::std::result::Result<(), Error> {
            ::serde_json::from_str::<T>(text).map(drop)
        }

        fn lookup(version: &str, type_name: &str) -> ::std::option::Option<(Through, Read)> {
            let type_name = type_name.trim_start_matches('#').to_ascii_lowercase();
            ::std::option::Option::Some(match (version, type_name.as_str()) {
                #(#arms)*
                _ => return ::std::option::Option::None,
            })
        }

        /// Reads `value` as the type `type_name` (qualified, any case) of `version` and writes
        /// it back; `None` when there is no such type.
        pub fn round_trip(version: &str, type_name: &str, value: Value) -> ::std::option::Option<::std::result::Result<Value, Error>> {
            lookup(version, type_name).map(|(through, _)| through(value))
        }

        /// Parses `text` as the type and drops it: what the typed-read benchmark times.
        pub fn reader(version: &str, type_name: &str) -> ::std::option::Option<Read> {
            lookup(version, type_name).map(|(_, read)| read)
        }
    }
}
