//! Entity and complex types -> structs with doc comments, and one `model!` line per field
//! pairing it with its wire name (the runtime writes the reading and writing).

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::ident::{self, Scope};
use super::names::{relative_path, Names};
use super::rust_types;
use super::tables::{Row, Table, Tables};
use crate::schema::{Property, Schema, TypeDef, TypeId, TypeKind, TypeRef};

/// Name of the map that keeps what the docs do not list.
pub const ADDITIONAL: &str = "additional_properties";

/// Name of the list that keeps the values that do not fit their documented types.
pub const UNFIT: &str = "unfit_properties";

/// All properties of a type, base types' first.
pub fn all_properties(schema: &Schema, index: usize) -> Vec<&Property> {
    schema.all_properties(schema.id(index))
}

/// The fields of a type's struct, base types' first: each property with the name of its
/// field, unique within the struct (`additional_properties` and `unfit_properties` taken).
pub fn fields(schema: &Schema, index: usize) -> Vec<(String, &Property)> {
    let mut scope = Scope::with_reserved(&[ADDITIONAL, UNFIT]);
    all_properties(schema, index)
        .into_iter()
        .map(|p| (scope.claim(ident::snake(&p.name)), p))
        .collect()
}

/// What a field's type is, wherever it is declared: the type it refers to (or the primitive),
/// whether a collection, whether boxed. Two fields of one shape have one Rust type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    target: Option<usize>,
    type_name: String,
    collection: bool,
    boxed: bool,
}

pub struct StructContext<'a> {
    pub schema: &'a Schema,
    pub names: &'a Names,
    /// (from, to) type indexes whose field must be boxed.
    pub boxed: &'a HashSet<(usize, usize)>,
    /// Types read through their `Any*` enum.
    pub polymorphic: &'a HashSet<usize>,
    /// Each type's cargo feature, when types sit behind area features.
    pub features: Option<&'a [String]>,
}

impl StructContext<'_> {
    pub fn emit(&self, index: usize, tables: &mut Tables) -> TokenStream {
        let t = &self.schema.types[index];
        let (_, name) = &self.names.items[index];
        let ident = format_ident!("{}", name);
        let runtime = super::runtime_crate();

        let mut fields = Vec::new();
        let mut wire_names = Vec::new();
        for (field, p) in self::fields(self.schema, index) {
            let field_ident = ident::to_ident(&field);
            let wire = &p.name;
            let ty = self.field_type(index, p, &runtime);
            let docs = doc_attrs(&property_doc(p));
            let feature = self.navigation_feature(index, p);
            let cfg = feature
                .as_ref()
                .map(|f| quote!(#[cfg(feature = #f)]))
                .unwrap_or_default();
            fields.push(quote! {
                #docs
                #cfg
                pub #field_ident: #ty,
            });
            wire_names.push(Row {
                feature,
                text: format!("{field}: {wire:?}"),
            });
        }
        let docs = doc_attrs(&type_doc(t));
        let additional = format_ident!("{}", ADDITIONAL);
        let unfit = format_ident!("{}", UNFIT);
        let table = tables.add(Table {
            macro_name: "model",
            head: format!("{name} = {:?}", t.qualified_name()),
            rows: wire_names,
            more: Vec::new(),
        });
        quote! {
            #docs
            #[derive(Clone, PartialEq, Default)]
            #[non_exhaustive]
            pub struct #ident {
                #(#fields)*
                /// Properties the documentation does not list, such as `@odata.context`, kept
                /// as they were so that nothing is lost on a round trip.
                pub #additional: #runtime::AdditionalProperties,
                /// Values of the properties above that do not fit their documented types
                /// (each such field is `Field::Unfit`), kept as they were and written back.
                pub #unfit: #runtime::UnfitProperties,
            }

            #table
        }
    }

    /// A navigation property (a Relationships row, or any reference to an entity) to a type of
    /// another area exists only with that area's feature; without it, its JSON (rare: only
    /// with `$expand`) lands in `additional_properties`.
    pub fn navigation_feature(&self, from: usize, p: &Property) -> Option<String> {
        let features = self.features?;
        match p.ty.named().map(TypeId::index) {
            Some(to)
                if features[to] != features[from]
                    && (p.navigation || self.schema.types[to].kind == TypeKind::Entity) =>
            {
                Some(features[to].clone())
            }
            _ => None,
        }
    }

    /// The shape of the field of `p` in the struct of `from`.
    pub fn shape(&self, from: usize, p: &Property) -> Shape {
        let target = p.ty.named().map(TypeId::index);
        Shape {
            target,
            type_name: p.ty.csdl_name().to_ascii_lowercase(),
            collection: p.collection,
            boxed: target.is_some_and(|to| {
                self.boxed.contains(&(from, to)) && !self.polymorphic.contains(&to)
            }),
        }
    }

    fn field_type(&self, from: usize, p: &Property, runtime: &TokenStream) -> TokenStream {
        let (element, collection, boxed) = self.element_type(from, p, runtime);
        rust_types::property(element, collection, boxed)
    }

    /// The type inside the `Field` of `p` in the struct of `from`, with paths relative to the
    /// module of `from`.
    pub fn value_type(&self, from: usize, p: &Property) -> TokenStream {
        let (element, collection, boxed) = self.element_type(from, p, &super::runtime_crate());
        rust_types::value(element, collection, boxed)
    }

    fn element_type(
        &self,
        from: usize,
        p: &Property,
        runtime: &TokenStream,
    ) -> (TokenStream, bool, bool) {
        let (module, _) = &self.names.items[from];
        let (element, target) = match &p.ty {
            TypeRef::Primitive(prim) => (rust_types::primitive(*prim, runtime), None),
            TypeRef::Named(id) => {
                let to = id.index();
                let (to_module, to_name) = &self.names.items[to];
                let to_name = if self.polymorphic.contains(&to) {
                    super::polymorphic::any_name(to_name)
                } else {
                    to_name.clone()
                };
                let path: TokenStream = relative_path(module, to_module, &to_name)
                    .parse()
                    .expect("module paths are identifiers");
                (path, Some(to))
            }
        };
        let boxed = target
            .is_some_and(|to| self.boxed.contains(&(from, to)) && !self.polymorphic.contains(&to));
        (element, p.collection, boxed)
    }
}

fn type_doc(t: &TypeDef) -> String {
    let mut doc = t.description.clone().unwrap_or_default();
    if !doc.is_empty() {
        doc.push_str("\n\n");
    }
    doc.push_str(&format!("`{}` ({})", t.qualified_name(), t.source));
    if let Some(base) = &t.base_type {
        doc.push_str(&format!("; inherits `{base}`"));
    }
    doc.push('.');
    doc
}

fn property_doc(p: &Property) -> String {
    let mut doc = p.description.clone().unwrap_or_default();
    if let Some(written) = &p.unresolved {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&format!(
            "Documented as `{}`, which names no documented type: kept as raw JSON.",
            written.replace('`', "")
        ));
    }
    doc
}
