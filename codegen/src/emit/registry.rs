//! A lookup from (version, qualified name) to a round trip through the generated type, for
//! the example check's runner. Not part of the crate users get: it would make every type's
//! deserialisation code be compiled.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::names::{relative_path, Names};
use crate::schema::{Primitive, Schema};

/// `round_trip(version, type, value)`: reads `value` as the generated type (or a primitive)
/// and writes it back, with what did not fit; `None` when no type has that name.
/// What the registry reads: types one object at a time, and types whose collection examples
/// are read whole, as a page (`value`, `@odata.nextLink`, ...).
#[derive(Debug, Clone, Default)]
pub struct Entries {
    pub types: Vec<usize>,
    pub pages: Vec<usize>,
    /// Operations (indices into `Schema::operations`) whose requests are built through their
    /// generated functions.
    pub operations: Vec<usize>,
}

pub fn emit(
    schema: &Schema,
    names: &Names,
    entries: &Entries,
    is_polymorphic: &dyn Fn(usize) -> bool,
) -> TokenStream {
    let module = vec![String::from("registry")];
    let runtime = super::runtime_crate();
    // A page of a type with derived types holds its `Any*` enum, as properties do.
    let pages = entries.pages.iter().map(|&i| {
        let t = &schema.types[i];
        let (to_module, name) = &names.items[i];
        let item = if is_polymorphic(i) {
            super::polymorphic::any_name(name)
        } else {
            name.clone()
        };
        let path: TokenStream = relative_path(&module, to_module, &item)
            .parse()
            .expect("module paths are identifiers");
        let version = &t.version;
        let qualified = format!("collection({})", t.qualified_name().to_ascii_lowercase());
        quote!((#version, #qualified) => (through_page::<#path>, read::<#runtime::CollectionPage<#path>>),)
    });
    let arms = entries.types.iter().map(|&i| {
        let t = &schema.types[i];
        let (to_module, name) = &names.items[i];
        let path: TokenStream = relative_path(&module, to_module, name)
            .parse()
            .expect("module paths are identifiers");
        let version = &t.version;
        let qualified = t.qualified_name().to_ascii_lowercase();
        quote!((#version, #qualified) => (through::<#path>, read::<#path>),)
    });
    // Responses declared as a primitive (`Edm.String`) are read as a property of that type.
    let primitives = Primitive::ALL.into_iter().map(|p| {
        // Through the runtime: the runner's manifest lists chrono and uuid only when its
        // models use them.
        let ty = match p {
            Primitive::DateTimeOffset => {
                quote!(#runtime::__private::chrono::DateTime<#runtime::__private::chrono::FixedOffset>)
            }
            Primitive::Date => quote!(#runtime::__private::chrono::NaiveDate),
            Primitive::TimeOfDay => quote!(#runtime::__private::chrono::NaiveTime),
            Primitive::Guid => quote!(#runtime::__private::uuid::Uuid),
            _ => super::rust_types::primitive(p, &runtime),
        };
        let name = p.csdl_name().to_ascii_lowercase();
        let collection = format!("collection({name})");
        quote! {
            (_, #name) => (through::<#ty>, read::<#ty>),
            (_, #collection) => (through::<::std::vec::Vec<#ty>>, read::<::std::vec::Vec<#ty>>),
        }
    });
    let value = format_ident!("Value");
    quote! {
        use ::serde_json::{Error, #value};
        use #runtime::{UnfitValue, UnfitValues as _};

        /// The value written back, and each value that did not fit its declared type.
        pub type Answer = (Value, ::std::vec::Vec<::std::string::String>);
        type Through = fn(Value) -> ::std::result::Result<Answer, Error>;
        type Read = fn(&str) -> ::std::result::Result<(), Error>;

        /// Read as a property of type `T` (tolerantly, as a model reads its properties) and
        /// written back: as sent when writing the value would give other text, as a model
        /// writes its properties.
        fn through<T: ::serde::Serialize + #runtime::Read>(value: Value) -> ::std::result::Result<Answer, Error> {
            if value.is_null() {
                return ::std::result::Result::Ok((value, ::std::vec::Vec::new()));
            }
            match T::read_as_sent(value)? {
                ::std::result::Result::Ok((read, sent)) => {
                    let unfit = read.unfit_values().iter().map(::std::string::ToString::to_string).collect();
                    let written = match sent {
                        ::std::option::Option::Some(sent) => sent,
                        ::std::option::Option::None => ::serde_json::to_value(&read)?,
                    };
                    ::std::result::Result::Ok((written, unfit))
                }
                ::std::result::Result::Err(raw) => {
                    let unfit = UnfitValue { path: "$".into(), raw, expected: T::expected().into_owned() };
                    let line = ::std::string::ToString::to_string(&unfit);
                    ::std::result::Result::Ok((unfit.raw, ::std::vec![line]))
                }
            }
        }

        /// Read as a collection page, and written back.
        fn through_page<T: ::serde::Serialize + ::serde::de::DeserializeOwned>(value: Value) -> ::std::result::Result<Answer, Error> {
            let read: #runtime::CollectionPage<T> = ::serde_json::from_value(value)?;
            let unfit = read.unfit_values().iter().map(::std::string::ToString::to_string).collect();
            ::std::result::Result::Ok((::serde_json::to_value(&read)?, unfit))
        }

        fn read<T: ::serde::de::DeserializeOwned>(text: &str) -> ::std::result::Result<(), Error> {
            ::serde_json::from_str::<T>(text).map(drop)
        }

        fn lookup(version: &str, type_name: &str) -> ::std::option::Option<(Through, Read)> {
            let type_name = type_name.trim_start_matches('#').to_ascii_lowercase();
            ::std::option::Option::Some(match (version, type_name.as_str()) {
                #(#arms)*
                #(#pages)*
                #(#primitives)*
                _ => return ::std::option::Option::None,
            })
        }

        /// Reads `value` as the type `type_name` (qualified, any case) of `version` and writes
        /// it back; `None` when there is no such type.
        pub fn round_trip(version: &str, type_name: &str, value: Value) -> ::std::option::Option<::std::result::Result<Answer, Error>> {
            lookup(version, type_name).map(|(through, _)| through(value))
        }

        /// Parses `text` as the type and drops it: what the typed-read benchmark times.
        pub fn reader(version: &str, type_name: &str) -> ::std::option::Option<Read> {
            lookup(version, type_name).map(|(_, read)| read)
        }
    }
}
