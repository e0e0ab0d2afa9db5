//! Derived types on the wire: a property typed `conversationMember` may hold an
//! `aadUserConversationMember`, told apart by `@odata.type`. Such properties get an enum over
//! the base type and everything derived from it, which reads `@odata.type` to pick the variant
//! and writes the variant back as it is. The reading and writing are the runtime's
//! `any_model!`: the generated code lists each variant's `@odata.type` once.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::names::{relative_path, Names};
use super::tables::{Row, Table, Tables};
use crate::schema::{Schema, TypeKind};

/// The name of the enum over `base` and its derived types: `AnyConversationMember`.
pub fn any_name(base_ident: &str) -> String {
    format!("Any{base_ident}")
}

/// For each type, the types derived from it (directly or not), in schema order.
pub fn descendants(schema: &Schema) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); schema.types.len()];
    for (i, t) in schema.types.iter().enumerate() {
        if t.kind == TypeKind::Enum || t.is_abstract {
            continue;
        }
        for base in schema.bases(schema.id(i)) {
            out[base.index()].push(i);
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
    tables: &mut Tables,
) -> TokenStream {
    let (module, base_name) = &names.items[base];
    let ident = format_ident!("{}", any_name(base_name));
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
        let wire = schema.types[i].qualified_name();
        let feature = match (feature_of(i), feature_of(base)) {
            (Some(own), Some(base_feature)) if own != base_feature => Some(own),
            _ => None,
        };
        variants.push((format_ident!("{}", variant), path, wire, feature));
    }
    // The variant's type says which Graph type it is; no doc comment repeats it.
    let definitions = variants.iter().map(|(v, path, _, feature)| {
        let cfg = feature.as_ref().map(|f| quote!(#[cfg(feature = #f)]));
        quote!(#cfg #v(::std::boxed::Box<#path>),)
    });
    let rows = variants
        .iter()
        .skip(1)
        .map(|(v, _, wire, feature)| Row {
            feature: feature.clone(),
            text: format!("{v} = {wire:?}"),
        })
        .collect();
    let doc = doc_attrs(&format!(
        "`{}` or a type derived from it, told apart by `@odata.type`; an object without one, or with one the documentation does not derive from it, reads as `{base_name}`.",
        schema.types[base].qualified_name()
    ));
    let table = tables.add(Table {
        macro_name: "any_model",
        head: format!(
            "{ident} = {:?}, {}",
            schema.types[base].qualified_name(),
            variants[0].0
        ),
        rows,
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        pub enum #ident {
            #(#definitions)*
        }

        #table
    }
}
