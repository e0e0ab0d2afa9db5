//! Rust types for property types: the Edm primitives, references, collections, boxing.

use proc_macro2::TokenStream;
use quote::quote;

use crate::schema::Primitive;

/// The Rust type of a primitive. `runtime` is the path to the runtime crate.
pub fn primitive(p: Primitive, runtime: &TokenStream) -> TokenStream {
    match p {
        Primitive::String => quote!(::std::string::String),
        Primitive::Boolean => quote!(bool),
        Primitive::Byte => quote!(u8),
        Primitive::SByte => quote!(i8),
        Primitive::Int16 => quote!(i16),
        Primitive::Int32 => quote!(i32),
        Primitive::Int64 => quote!(i64),
        Primitive::Single => quote!(f32),
        Primitive::Double | Primitive::Decimal => quote!(f64),
        Primitive::DateTimeOffset => quote!(::chrono::DateTime<::chrono::FixedOffset>),
        Primitive::Date => quote!(::chrono::NaiveDate),
        Primitive::TimeOfDay => quote!(::chrono::NaiveTime),
        Primitive::Duration => quote!(#runtime::Duration),
        Primitive::Guid => quote!(::uuid::Uuid),
        Primitive::Binary => quote!(#runtime::Binary),
        Primitive::Stream | Primitive::Untyped => quote!(::serde_json::Value),
    }
}

/// Wraps an element type as a property: collection, box, and the `Field` that tells absent,
/// null, a value and a value that does not fit apart.
pub fn property(element: TokenStream, collection: bool, boxed: bool) -> TokenStream {
    let inner = value(element, collection, boxed);
    let runtime = super::runtime_crate();
    quote!(#runtime::Field<#inner>)
}

/// The type a property's `Field` holds: the element, in a `Vec` or a `Box` as needed.
pub fn value(element: TokenStream, collection: bool, boxed: bool) -> TokenStream {
    if collection {
        quote!(::std::vec::Vec<#element>)
    } else if boxed {
        quote!(::std::boxed::Box<#element>)
    } else {
        element
    }
}
