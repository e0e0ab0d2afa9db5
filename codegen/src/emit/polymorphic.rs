//! Derived types on the wire: a property typed `conversationMember` may hold an
//! `aadUserConversationMember`, told apart by `@odata.type`. Such properties get an enum over
//! the base type and everything derived from it, which reads `@odata.type` to pick the variant
//! and writes the variant back as it is. The reading and writing are the runtime's
//! `any_model!`: the generated code lists each variant's `@odata.type` once.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use std::collections::HashMap;

use super::docs::doc_attrs;
use super::names::relative_path;
use super::structs::{self, StructContext};
use super::tables::{Row, Table, Tables};
use crate::schema::{Schema, TypeKind};

/// Field names whose reader method would shadow a method of a trait the enum implements or
/// that users call on any value (`any.clone()`): these base properties are read by a match.
const SHADOWING: &[&str] = &[
    "as_mut",
    "as_ref",
    "borrow",
    "borrow_mut",
    "clone",
    "clone_from",
    "cmp",
    "deref",
    "eq",
    "fmt",
    "hash",
    "into",
    "into_iter",
    "ne",
    "next",
    "partial_cmp",
    "serialize",
    "to_owned",
    "to_string",
    "type_id",
];

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
    structs: &StructContext,
    base: usize,
    derived: &[usize],
    feature_of: &dyn Fn(usize) -> Option<String>,
    tables: &mut Tables,
) -> TokenStream {
    let (schema, names) = (structs.schema, structs.names);
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
        more: vec![("base", base_readers(structs, base, derived))],
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #ident {
            #(#definitions)*
        }

        #table
    }
}

/// The base type's properties that every variant holds as a field of the same name and type:
/// `any_model!` gives the enum a method per property reading it whatever the variant
/// (`recipient.email_address()`). A property whose field differs in some variant (another
/// type, boxed in one and not the other, behind a feature) gets none.
fn base_readers(structs: &StructContext, base: usize, derived: &[usize]) -> Vec<Row> {
    let schema = structs.schema;
    let variants: Vec<HashMap<&str, (String, &crate::schema::Property)>> = derived
        .iter()
        .map(|&i| {
            structs::fields(schema, i)
                .into_iter()
                .map(|(field, p)| (p.name.as_str(), (field, p)))
                .collect()
        })
        .collect();
    let mut rows = Vec::new();
    for (field, p) in structs::fields(schema, base) {
        if SHADOWING.contains(&field.as_str()) || structs.navigation_feature(base, p).is_some() {
            continue;
        }
        let shape = structs.shape(base, p);
        let everywhere = derived.iter().zip(&variants).all(|(&i, fields)| {
            fields.get(p.name.as_str()).is_some_and(|(f, q)| {
                *f == field
                    && structs.shape(i, q) == shape
                    && structs.navigation_feature(i, q).is_none()
            })
        });
        if everywhere {
            let ty = type_text(structs.value_type(base, p));
            rows.push(Row {
                feature: None,
                text: format!("{field}: {ty}"),
            });
        }
    }
    rows
}

/// A type as prettyplease prints it: `::std::vec::Vec<super::X>`.
fn type_text(ty: TokenStream) -> String {
    let file: syn::File = syn::parse_quote!(type T = #ty;);
    let text = prettyplease::unparse(&file);
    text.trim()
        .strip_prefix("type T = ")
        .and_then(|t| t.strip_suffix(';'))
        .expect("a type alias")
        .to_string()
}
