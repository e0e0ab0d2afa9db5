//! Derived types on the wire: a property typed `conversationMember` may hold an
//! `aadUserConversationMember`, told apart by `@odata.type`. Such properties get an enum over
//! the base type and everything derived from it, which reads `@odata.type` to pick the variant
//! and writes the variant back as it is.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::names::{relative_path, Names};
use crate::schema::{Schema, TypeKind};

/// The name of the enum over `base` and its derived types: `AnyConversationMember`.
pub fn any_name(base_ident: &str) -> String {
    format!("Any{base_ident}")
}

/// For each type, the types derived from it (directly or not), in schema order.
pub fn descendants(schema: &Schema, names: &Names) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); schema.types.len()];
    for (i, t) in schema.types.iter().enumerate() {
        if t.kind == TypeKind::Enum || t.is_abstract {
            continue;
        }
        for base in schema.base_chain(i, |v, q| names.index_of(v, q)) {
            out[base].push(i);
        }
    }
    out
}

/// The enum for `base`, written in `base`'s module.
/// `feature_of` gives each type's cargo feature when types sit behind features: a variant of
/// another area exists only with that area's feature.
pub fn emit(
    schema: &Schema,
    names: &Names,
    base: usize,
    derived: &[usize],
    feature_of: &dyn Fn(usize) -> Option<String>,
) -> TokenStream {
    let (module, base_name) = &names.items[base];
    let ident = format_ident!("{}", any_name(base_name));
    let base_ident = format_ident!("{}", base_name);
    let mut variants = Vec::new();
    let mut used = std::collections::HashSet::new();
    for &i in std::iter::once(&base).chain(derived) {
        let (to_module, to_name) = &names.items[i];
        let mut variant = to_name.clone();
        let mut n = 2;
        while !used.insert(variant.clone()) {
            variant = format!("{to_name}{n}");
            n += 1;
        }
        let path: TokenStream = relative_path(module, to_module, to_name)
            .parse()
            .expect("module paths are identifiers");
        let wire = schema.types[i].qualified_name().to_ascii_lowercase();
        let cfg = match (feature_of(i), feature_of(base)) {
            (Some(own), Some(base_feature)) if own != base_feature => {
                quote!(#[cfg(feature = #own)])
            }
            _ => TokenStream::new(),
        };
        variants.push((format_ident!("{}", variant), path, wire, i, cfg));
    }
    let definitions = variants.iter().map(|(v, path, _, i, cfg)| {
        let doc = doc_attrs(&format!("`{}`.", schema.types[*i].qualified_name()));
        quote!(#doc #cfg #v(::std::boxed::Box<#path>),)
    });
    let serialize = variants.iter().map(|(v, _, _, _, cfg)| {
        quote!(#cfg Self::#v(value) => ::serde::Serialize::serialize(value.as_ref(), serializer),)
    });
    let runtime = super::runtime_crate();
    // Slow path, for an object whose `@odata.type` is not its first key.
    let pick = variants.iter().skip(1).map(|(v, _, wire, _, cfg)| {
        quote! {
            #cfg #wire => ::serde_json::from_value(value).map(|v| Self::#v(::std::boxed::Box::new(v))),
        }
    });
    // Fast path: `@odata.type` first, as Graph writes it; the rest is read straight into the
    // chosen type.
    let read_as = |v: &proc_macro2::Ident, path: &TokenStream, early: bool| {
        let done = quote!(::std::result::Result::Ok(#ident::#v(::std::boxed::Box::new(value))));
        let done = if early { quote!(return #done;) } else { done };
        quote! {
            let mut value = <#path>::default();
            value.additional_properties.insert(first.into_owned(), odata_type);
            while let ::std::option::Option::Some(key) = map.next_key::<#runtime::Key<'de>>()? {
                #runtime::ReadProperty::read_property(&mut value, key, &mut map)?;
            }
            #done
        }
    };
    let fast = variants.iter().skip(1).map(|(v, path, wire, _, cfg)| {
        let body = read_as(v, path, true);
        quote! {
            #cfg
            if #runtime::names_type(&odata_type, #wire) {
                #body
            }
        }
    });
    let fast_base = read_as(&variants[0].0, &variants[0].1, false);
    let expecting = format!(
        "a {} object or one of a derived type",
        schema.types[base].qualified_name()
    );
    let doc = doc_attrs(&format!(
        "`{}` or a type derived from it, told apart by `@odata.type`; an object without one, or with one the documentation does not derive from it, reads as `{base_name}`.",
        schema.types[base].qualified_name()
    ));
    let qualified = schema.types[base].qualified_name();
    let deserialize = super::map_visitor::deserialize_from_map(
        &ident,
        &expecting,
        quote! {
                        let ::std::option::Option::Some(first) = map.next_key::<#runtime::Key<'de>>()? else {
                            return ::std::result::Result::Ok(#ident::#base_ident(::std::default::Default::default()));
                        };
                        if first.as_str() != "@odata.type" {
                            let mut object = ::serde_json::Map::new();
                            object.insert(first.into_owned(), map.next_value()?);
                            while let ::std::option::Option::Some((key, value)) = map.next_entry()? {
                                object.insert(key, value);
                            }
                            return #ident::from_object(::serde_json::Value::Object(object))
                                .map_err(::serde::de::Error::custom);
                        }
                        let odata_type: ::serde_json::Value = map.next_value()?;
                        #(#fast)*
                        #fast_base
        },
    );
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #ident {
            #(#definitions)*
        }

        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#serialize)*
                }
            }
        }

        impl #ident {
            /// Picks the variant from a whole object (the slow path).
            fn from_object(value: ::serde_json::Value) -> ::std::result::Result<Self, ::serde_json::Error> {
                let kind = value
                    .get("@odata.type")
                    .and_then(::serde_json::Value::as_str)
                    .map(|t| t.trim_start_matches('#').to_ascii_lowercase());
                match kind.as_deref().unwrap_or_default() {
                    #(#pick)*
                    _ => ::serde_json::from_value(value).map(|v| Self::#base_ident(::std::boxed::Box::new(v))),
                }
            }
        }

        #deserialize

        #runtime::read_object!(#ident, #qualified);
    }
}
