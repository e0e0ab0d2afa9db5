//! The `ops` module of each version: one function per documented request, building a
//! [`Request`](graph_docs_runtime) that any client sends and whose answer reads into the
//! documented type. A request sent to several paths takes a `...Path` enum naming each.
//!
//! Everything but the glue is the runtime's (`render`, `call`, `Request`, the answers): a
//! function is its doc comment and a few lines.

mod doc;
pub mod forms;
pub mod plan;
pub mod registry;

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::ident;
use super::names::{relative_path, Names};
use super::tables::{Row, Table, Tables};
use crate::schema::operations::{Operation, OperationKind, Payload};
use crate::schema::{Primitive, Schema, TypeKind, TypeRef};
use plan::{BodyArgument, CallArgument, FunctionPlan, PathArguments, SharedPath, VersionPlan};

/// The module the operations of a version are in, under the version's.
pub const MODULE: &str = "ops";

/// What the operations refer to.
pub struct OperationsContext<'a> {
    pub schema: &'a Schema,
    pub names: &'a Names,
    pub polymorphic: &'a HashSet<usize>,
    /// Per type, its cargo feature, when types sit behind features.
    pub features: Option<&'a [String]>,
}

impl OperationsContext<'_> {
    /// The items of the `ops` module of `version`.
    pub fn emit(&self, version: &str, tables: &mut Tables) -> TokenStream {
        let plan = plan::plan(self.schema, version);
        let module = Self::module(version);
        let items = plan
            .functions
            .iter()
            .map(|f| self.function(&module, f, &plan));
        let enums: Vec<TokenStream> = plan
            .paths
            .iter()
            .map(|p| self.path_enum(p, tables))
            .collect();
        quote! {
            use ::graph_docs_runtime as rt;
            #(#items)*
            #(#enums)*
        }
    }

    /// The function of operation `index` alone, with the enum of its paths when it takes one
    /// (for snapshots and `generate --show`).
    pub fn emit_one(&self, index: usize, tables: &mut Tables) -> TokenStream {
        let version = &self.schema.operations[index].version;
        let plan = plan::plan(self.schema, version);
        let module = Self::module(version);
        let Some(f) = plan.functions.iter().find(|f| f.index == index) else {
            return TokenStream::new();
        };
        let function = self.function(&module, f, &plan);
        let path = match f.path {
            PathArguments::Shared(at) => self.path_enum(&plan.paths[at], tables),
            PathArguments::Values(_) => TokenStream::new(),
        };
        quote!(#function #path)
    }

    /// Where the `ops` module of `version` is.
    pub fn module(version: &str) -> Vec<String> {
        vec![super::version_module(version), MODULE.to_string()]
    }

    fn function(&self, module: &[String], f: &FunctionPlan, plan: &VersionPlan) -> TokenStream {
        let o = f.operation;
        let fn_ident = ident::to_ident(&f.name);
        let mut args: Vec<TokenStream> = Vec::new();
        // The path: its values as arguments, or the enum of the ways it is written.
        let mut path_expr = match &f.path {
            PathArguments::Shared(at) => {
                let p = &plan.paths[*at];
                let ident = format_ident!("{}", p.name);
                let ty = if forms::has_fields(&p.forms) {
                    quote!(#ident<'_>)
                } else {
                    quote!(#ident)
                };
                args.push(quote!(path: #ty));
                quote!(path.render())
            }
            PathArguments::Values(fields) => {
                let render = f.forms.first().map_or("", |form| form.render.as_str());
                let fields: Vec<_> = fields.iter().map(|f| ident::to_ident(f)).collect();
                args.extend(fields.iter().map(|f| quote!(#f: &str)));
                quote!(rt::render(#render, &[#(&#fields),*]))
            }
        };
        if !f.arguments.is_empty() {
            let written = f.arguments.iter().map(|a| {
                let name = &a.argument.name;
                let field = ident::to_ident(&a.argument.field);
                if a.quoted {
                    quote!(rt::Argument::quoted(#name, &#field))
                } else {
                    quote!(rt::Argument::bare(#name, &#field))
                }
            });
            path_expr = quote!(rt::call(#path_expr, &[#(#written),*]));
        }
        let mut chain = Vec::new();
        for q in &f.query {
            let name = &q.name;
            let field = ident::to_ident(&q.field);
            args.push(quote!(#field: impl rt::PathValue));
            chain.push(quote!(.query_option(#name, rt::PathValue::text(&#field))));
        }
        for a in &f.arguments {
            let field = ident::to_ident(&a.argument.field);
            let ty = self.argument_type(module, a);
            args.push(quote!(#field: #ty));
        }
        match &f.body {
            BodyArgument::Content => {
                args.push(quote!(content: ::std::vec::Vec<u8>, content_type: &str));
                chain.push(quote!(.content(content, content_type)));
            }
            BodyArgument::Reference => {
                args.push(quote!(odata_id: &str));
                chain.push(quote!(.json(&rt::Reference::to(odata_id))));
            }
            BodyArgument::Json(payload) => {
                let ty = self.payload_type(module, payload);
                args.push(quote!(body: &#ty));
                chain.push(quote!(.json(body)));
            }
            BodyArgument::None => {}
        }
        let answer = self.answer(module, o);
        let method = format_ident!(
            "{}",
            match o.method {
                crate::parse::api::Method::Get => "Get",
                crate::parse::api::Method::Post => "Post",
                crate::parse::api::Method::Patch => "Patch",
                crate::parse::api::Method::Put => "Put",
                crate::parse::api::Method::Delete => "Delete",
            }
        );
        let doc = doc_attrs(&doc::operation_doc(o, &f.forms));
        let cfg = self.cfg(f);
        // `#[inline]`: compiled where it is called, not in this crate, so that a program pays
        // for the operations it uses (a body's serialisation code above all), not for all.
        quote! {
            #doc
            #cfg
            #[inline]
            pub fn #fn_ident(#(#args),*) -> rt::Request<#answer> {
                rt::Request::new(rt::Method::#method, #path_expr)#(#chain)*
            }
        }
    }

    /// The Rust type of a function's argument: numbers and `bool` as themselves, text as
    /// `&str`, an enum as its generated type, anything else (dates, GUIDs) as a `PathValue`.
    fn argument_type(&self, module: &[String], a: &CallArgument) -> TokenStream {
        let ty = match &a.ty {
            TypeRef::Primitive(Primitive::String) => quote!(&str),
            TypeRef::Primitive(
                p @ (Primitive::Boolean
                | Primitive::Byte
                | Primitive::SByte
                | Primitive::Int16
                | Primitive::Int32
                | Primitive::Int64
                | Primitive::Single
                | Primitive::Double
                | Primitive::Decimal),
            ) => super::rust_types::primitive(*p, &quote!(rt)),
            TypeRef::Named(id) if self.schema.get(id).kind == TypeKind::Enum => {
                self.named_type(module, id.index())
            }
            _ => quote!(impl rt::PathValue),
        };
        if a.required {
            ty
        } else {
            quote!(::std::option::Option<#ty>)
        }
    }

    /// The enum of the ways a path is written, with the `render` of each.
    fn path_enum(&self, p: &SharedPath, tables: &mut Tables) -> TokenStream {
        let with_fields = forms::has_fields(&p.forms);
        let mut variants = Vec::new();
        let mut rows = Vec::new();
        for ((form, variant), fields) in p.forms.iter().zip(&p.variants).zip(&p.fields) {
            let v = format_ident!("{}", variant);
            let doc = doc_attrs(&format!("`{}`", form.written));
            let field_idents: Vec<_> = fields.iter().map(|f| ident::to_ident(f)).collect();
            if fields.is_empty() {
                variants.push(quote!(#doc #v,));
                rows.push(Row {
                    feature: None,
                    text: format!("{variant} => {:?}", form.render),
                });
            } else {
                variants.push(quote!(#doc #v { #(#field_idents: &'a str),* },));
                rows.push(Row {
                    feature: None,
                    text: format!("{variant} {{ {} }} => {:?}", fields.join(", "), form.render),
                });
            }
        }
        // Written as a line of its own: `doc_attrs` would escape the link's brackets.
        let links: Vec<String> = p.users.iter().map(|u| format!("[`{u}`]")).collect();
        let doc = format!(
            " Where {} {} sent.",
            links.join(", "),
            if p.users.len() == 1 { "is" } else { "are" }
        );
        let ident = format_ident!("{}", p.name);
        let lifetime = with_fields.then(|| quote!(<'a>));
        let head = if with_fields {
            format!("{ident}<'_>")
        } else {
            ident.to_string()
        };
        let table = tables.add(Table {
            macro_name: "paths",
            head,
            rows,
            more: Vec::new(),
        });
        let cfg = self.cfg_of(&[super::features::feature_name(p.area.as_deref())]);
        quote! {
            #[doc = #doc]
            #cfg
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub enum #ident #lifetime {
                #(#variants)*
            }

            #cfg
            #table
        }
    }

    /// The path of generated type `index` from `module`: its `Any*` enum when it has derived
    /// types.
    fn named_type(&self, module: &[String], index: usize) -> TokenStream {
        let (to_module, to_name) = &self.names.items[index];
        let to_name = if self.polymorphic.contains(&index) {
            super::polymorphic::any_name(to_name)
        } else {
            to_name.clone()
        };
        relative_path(module, to_module, &to_name)
            .parse()
            .expect("module paths are identifiers")
    }

    /// The Rust type of a payload, from `module`.
    pub fn payload_type(&self, module: &[String], payload: &Payload) -> TokenStream {
        let element = match &payload.ty {
            TypeRef::Named(id) => self.named_type(module, id.index()),
            TypeRef::Primitive(p) => super::rust_types::primitive(*p, &quote!(rt)),
        };
        if payload.collection {
            quote!(::std::vec::Vec<#element>)
        } else {
            element
        }
    }

    /// Whether an answer of `ty` (not a collection) is one value in OData's `{"value": x}`:
    /// a primitive (raw JSON and streams aside) or an enum member.
    fn answers_a_value(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Primitive(p) => !matches!(p, Primitive::Untyped | Primitive::Stream),
            TypeRef::Named(id) => self.schema.get(id).kind == TypeKind::Enum,
        }
    }

    /// What the answer reads into.
    fn answer(&self, module: &[String], o: &Operation) -> TokenStream {
        match (o.kind, &o.response.body) {
            (OperationKind::Count, _) => quote!(rt::Count),
            (OperationKind::ReadContent, _) => quote!(rt::Content),
            (_, Some(p)) if p.ty.is(Primitive::Stream) => quote!(rt::Content),
            (_, Some(p)) if p.collection => {
                let item = self.payload_type(
                    module,
                    &Payload {
                        ty: p.ty.clone(),
                        collection: false,
                    },
                );
                quote!(rt::Json<rt::CollectionPage<#item>>)
            }
            // One primitive or enum value: OData answers it as `{"value": x}`.
            (_, Some(p)) if self.answers_a_value(&p.ty) => {
                let ty = self.payload_type(module, p);
                quote!(rt::ValueOf<#ty>)
            }
            (_, Some(p)) => {
                let ty = self.payload_type(module, p);
                quote!(rt::Json<#ty>)
            }
            (_, None) => quote!(rt::NoContent),
        }
    }

    /// The features a function needs: its area's and those of the types it names.
    fn cfg(&self, f: &FunctionPlan) -> TokenStream {
        let Some(features) = self.features else {
            return TokenStream::new();
        };
        let o = f.operation;
        let mut needed: Vec<String> = vec![super::features::feature_name(o.area.as_deref())];
        let payloads = o
            .request_body
            .iter()
            .chain(o.response.body.iter())
            .map(|p| &p.ty);
        let arguments = f.arguments.iter().map(|a| &a.ty);
        for id in payloads.chain(arguments).filter_map(TypeRef::named) {
            let f = &features[id.index()];
            if !needed.contains(f) {
                needed.push(f.clone());
            }
        }
        self.cfg_of(&needed)
    }

    /// `#[cfg(...)]` of these features, when types sit behind features.
    fn cfg_of(&self, features: &[String]) -> TokenStream {
        if self.features.is_none() {
            return TokenStream::new();
        }
        let mut needed = features.to_vec();
        needed.sort();
        needed.dedup();
        match needed.as_slice() {
            [one] => quote!(#[cfg(feature = #one)]),
            _ => quote!(#[cfg(all(#(feature = #needed),*))]),
        }
    }
}
