//! The `ops` module of each version: one function per documented request, building a
//! [`Request`](graph_docs_runtime) that any client sends and whose answer reads into the
//! documented type. A request sent to several paths takes a `...Path` enum naming each.
//!
//! Everything but the glue is the runtime's (`render`, `Request`, the answers): a function is
//! its doc comment and a few lines.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::ident::{self, Scope};
use super::names::{relative_path, Names};
use super::tables::{Row, Table, Tables};
use crate::parse::path::{placeholder, Segment, Template};
use crate::schema::operations::{
    Operation, OperationKind, OperationPath, Payload,
};
use crate::schema::{Primitive, Schema, TypeRef};

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

/// One way an operation's path is written, as the generated code renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathForm {
    /// For the runtime's `render`: `/users/{}/messages`, `{+}` for an item path.
    pub render: String,
    /// The template as the page writes it.
    pub written: String,
    /// The placeholders, in order, as written (`id | userPrincipalName` as `id`).
    pub placeholders: Vec<String>,
    /// The names of the path's literal segments: `["users", "messages"]`.
    literals: Vec<String>,
}

/// The ways `operation` is sent, one per distinct rendering, in documentation order; and the
/// query options its paths require (`calendarView?startDateTime={x}`), by name.
pub fn path_forms(operation: &Operation) -> (Vec<PathForm>, Vec<String>) {
    let mut forms: Vec<PathForm> = Vec::new();
    let mut query = Vec::new();
    for path in &operation.paths {
        let form = path_form(path);
        for (name, value) in query_pairs(&path.template) {
            if !name.starts_with('$') && placeholder(&value).is_some() && !query.contains(&name) {
                query.push(name);
            }
        }
        if !forms.iter().any(|f| f.render == form.render) {
            forms.push(form);
        }
    }
    (forms, query)
}

fn path_form(path: &OperationPath) -> PathForm {
    let mut render = String::new();
    let mut placeholders = Vec::new();
    let mut literals = Vec::new();
    let take = |value: &str, placeholders: &mut Vec<String>| -> Option<()> {
        placeholders.push(placeholder(value)?.split('|').next()?.trim().to_string());
        Some(())
    };
    for segment in &path.template.segments {
        if !matches!(segment, Segment::Addressed { .. }) {
            render.push('/');
        }
        match segment {
            Segment::Name { name } => {
                render.push_str(name);
                literals.push(name.clone());
            }
            Segment::Key { params } => {
                render.push_str("{}");
                placeholders.push(params[0].clone());
            }
            Segment::Call { name, args } => {
                render.push_str(name);
                render.push('(');
                for (i, arg) in args.iter().enumerate() {
                    if i > 0 {
                        render.push(',');
                    }
                    if !arg.name.is_empty() {
                        render.push_str(&arg.name);
                        render.push('=');
                    }
                    match take(&arg.value, &mut placeholders) {
                        Some(()) => {
                            let quote = if arg.value.trim().starts_with('\'') { "'" } else { "" };
                            render.push_str(&format!("{quote}{{}}{quote}"));
                        }
                        None => render.push_str(&arg.value),
                    }
                }
                render.push(')');
                literals.push(name.clone());
            }
            Segment::Cast { name } => {
                render.push_str(name);
                literals.push(name.rsplit('.').next().unwrap_or(name).to_string());
            }
            Segment::Addressed { path: item } => {
                render.push_str(":/");
                match take(item, &mut placeholders) {
                    Some(()) => render.push_str("{+}"),
                    None => render.push_str(item),
                }
                render.push(':');
            }
            Segment::Value => render.push_str("$value"),
            Segment::Ref => render.push_str("$ref"),
            Segment::Count => render.push_str("$count"),
        }
    }
    let written = path
        .written
        .split_once(' ')
        .map_or(path.written.as_str(), |(_, p)| p)
        .to_string();
    PathForm {
        render,
        written,
        placeholders,
        literals,
    }
}

/// `a=1&b={x}` -> `[("a", "1"), ("b", "{x}")]`.
pub fn query_pairs(template: &Template) -> Vec<(String, String)> {
    template
        .query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            Some((name.trim().to_string(), value.trim().to_string()))
        })
        .collect()
}

/// A `...Path` enum several operations may share: the same ways of writing the path.
struct SharedPath {
    ident: proc_macro2::Ident,
    forms: Vec<PathForm>,
    /// The functions sent to it, for its doc comment.
    users: Vec<String>,
    cfg: TokenStream,
}

impl OperationsContext<'_> {
    /// The items of the `ops` module of `version`.
    pub fn emit(&self, version: &str, tables: &mut Tables) -> TokenStream {
        let operations: Vec<&Operation> = self
            .schema
            .operations
            .iter()
            .filter(|o| o.version == version)
            .collect();
        let mut functions = Scope::default();
        let names: Vec<String> = operations
            .iter()
            .map(|o| functions.claim(ident::snake(&o.name)))
            .collect();
        // Operations sent to the same paths (get, update and delete of one thing) share one
        // enum of them, named after what they address.
        let mut shared: Vec<SharedPath> = Vec::new();
        let mut enum_names = Scope::default();
        let mut uses: Vec<Option<usize>> = Vec::new();
        let mut all_forms = Vec::new();
        for (o, name) in operations.iter().zip(&names) {
            let (forms, query) = path_forms(o);
            if forms.len() < 2 {
                uses.push(None);
                all_forms.push((forms, query));
                continue;
            }
            let renders: Vec<&str> = forms.iter().map(|f| f.render.as_str()).collect();
            let found = shared.iter().position(|p| {
                p.forms.iter().map(|f| f.render.as_str()).eq(renders.iter().copied())
            });
            let at = match found {
                Some(at) => at,
                None => {
                    let base = format!("{}Path", ident::upper_camel(&addressed_name(o, name), "Op"));
                    shared.push(SharedPath {
                        ident: format_ident!("{}", enum_names.claim(base)),
                        forms: forms.clone(),
                        users: Vec::new(),
                        cfg: self.cfg_of(&[super::features::feature_name(o.area.as_deref())]),
                    });
                    shared.len() - 1
                }
            };
            shared[at].users.push(name.clone());
            uses.push(Some(at));
            all_forms.push((forms, query));
        }
        let items: Vec<TokenStream> = operations
            .iter()
            .zip(&names)
            .zip(all_forms)
            .zip(&uses)
            .map(|(((o, name), (forms, query)), used)| {
                let path = used.map(|at| &shared[at]);
                self.operation(o, name, version, &forms, &query, path)
            })
            .collect();
        let enums: Vec<TokenStream> = shared.iter().map(|p| self.path_enum(p, tables)).collect();
        quote! {
            use ::graph_docs_runtime as rt;
            #(#items)*
            #(#enums)*
        }
    }

    /// Where the `ops` module of `version` is.
    fn module(version: &str) -> Vec<String> {
        vec![super::version_module(version), MODULE.to_string()]
    }

    fn operation(
        &self,
        o: &Operation,
        name: &str,
        version: &str,
        forms: &[PathForm],
        query: &[String],
        shared: Option<&SharedPath>,
    ) -> TokenStream {
        let module = Self::module(version);
        let fn_ident = ident::to_ident(name);
        let mut args: Vec<TokenStream> = Vec::new();
        let mut arg_names =
            Scope::with_reserved(&["path", "body", "content", "content_type", "odata_id", "rt"]);
        let cfg = self.cfg(o);

        // The path: its values as arguments, or the enum of the ways it is written.
        let path_expr = match (forms, shared) {
            (_, Some(p)) => {
                let ident = &p.ident;
                let ty = if has_fields(&p.forms) {
                    quote!(#ident<'_>)
                } else {
                    quote!(#ident)
                };
                args.push(quote!(path: #ty));
                quote!(path.render())
            }
            ([form], None) => {
                let fields = field_names(form, &mut arg_names);
                let render = &form.render;
                let values = fields.iter().map(|f| {
                    let f = ident::to_ident(f);
                    quote!(&#f)
                });
                for f in &fields {
                    let f = ident::to_ident(f);
                    args.push(quote!(#f: &str));
                }
                quote!(rt::render(#render, &[#(#values),*]))
            }
            _ => quote!(::std::string::String::new()),
        };
        let mut chain = Vec::new();
        for q in query {
            let field = ident::to_ident(&arg_names.claim(ident::snake(q)));
            args.push(quote!(#field: impl rt::PathValue));
            chain.push(quote!(.query_option(#q, rt::PathValue::text(&#field))));
        }
        // The body.
        match (o.kind, &o.request_body) {
            (OperationKind::WriteContent, _) => {
                args.push(quote!(content: ::std::vec::Vec<u8>, content_type: &str));
                chain.push(quote!(.content(content, content_type)));
            }
            (OperationKind::AddReference, _) => {
                args.push(quote!(odata_id: &str));
                chain.push(quote!(.json(&rt::Reference::to(odata_id))));
            }
            (_, Some(payload)) => {
                let ty = self.payload_type(&module, payload);
                args.push(quote!(body: &#ty));
                chain.push(quote!(.json(body)));
            }
            (_, None) => {}
        }
        let answer = self.answer(&module, o);
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
        let doc = doc_attrs(&operation_doc(o, forms));
        quote! {
            #doc
            #cfg
            pub fn #fn_ident(#(#args),*) -> rt::Request<#answer> {
                rt::Request::new(rt::Method::#method, #path_expr)#(#chain)*
            }
        }
    }

    /// The enum of the ways a path is written, with the `render` of each.
    fn path_enum(&self, p: &SharedPath, tables: &mut Tables) -> TokenStream {
        let variant_names = variant_names(&p.forms);
        let with_fields = has_fields(&p.forms);
        let mut variants = Vec::new();
        let mut rows = Vec::new();
        for (form, variant) in p.forms.iter().zip(&variant_names) {
            let mut scope = Scope::default();
            let fields = field_names(form, &mut scope);
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
        let doc = format!(" Where {} {} sent.", links.join(", "), if p.users.len() == 1 { "is" } else { "are" });
        let ident = &p.ident;
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
        let cfg = &p.cfg;
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

    /// The Rust type of a payload, from the `ops` module.
    fn payload_type(&self, module: &[String], payload: &Payload) -> TokenStream {
        let element = match &payload.ty {
            TypeRef::Named(id) => {
                let to = id.index();
                let (to_module, to_name) = &self.names.items[to];
                let to_name = if self.polymorphic.contains(&to) {
                    super::polymorphic::any_name(to_name)
                } else {
                    to_name.clone()
                };
                relative_path(module, to_module, &to_name)
                    .parse()
                    .expect("module paths are identifiers")
            }
            TypeRef::Primitive(p) => super::rust_types::primitive(*p, &quote!(rt)),
        };
        if payload.collection {
            quote!(::std::vec::Vec<#element>)
        } else {
            element
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
            (_, Some(p)) => {
                let ty = self.payload_type(module, p);
                quote!(rt::Json<#ty>)
            }
            (_, None) => quote!(rt::NoContent),
        }
    }

    /// The features an operation needs: its area's and those of the types it names.
    fn cfg(&self, o: &Operation) -> TokenStream {
        let Some(features) = self.features else {
            return TokenStream::new();
        };
        let mut needed: Vec<String> = vec![super::features::feature_name(o.area.as_deref())];
        let named = o
            .request_body
            .iter()
            .chain(o.response.body.iter())
            .filter_map(|p| p.ty.named());
        for id in named {
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

/// Whether some form has values: the enum then borrows them.
fn has_fields(forms: &[PathForm]) -> bool {
    forms.iter().any(|f| !f.placeholders.is_empty())
}

/// What an operation addresses, to name its paths' enum: the type its walk ends at (`event`,
/// `events` for a collection), else the function's own name.
fn addressed_name(o: &Operation, function: &str) -> String {
    use crate::schema::operations::Step;
    let end = o
        .paths
        .iter()
        .find(|p| p.complete)
        .and_then(|p| p.walk.last());
    let named = |id: &crate::schema::TypeId, collection: bool| {
        let name = id.qualified_name().rsplit('.').next().unwrap_or_default().to_string();
        if collection {
            format!("{name}Collection")
        } else {
            name
        }
    };
    match end {
        Some(Step::Root { ty, collection } | Step::Cast { ty, collection }) => named(ty, *collection),
        Some(Step::Item { ty }) => named(ty, false),
        Some(Step::Property { ty: TypeRef::Named(id), collection, .. }) => named(id, *collection),
        _ => function.to_string(),
    }
}

/// The names of a form's values: `{chat-id}` -> `chat_id`; a bare `{id}` is named after the
/// segment before it (`users/{id}` -> `user_id`), so that repeated ones read apart.
fn field_names(form: &PathForm, scope: &mut Scope) -> Vec<String> {
    let mut out = Vec::new();
    let mut before: Option<&str> = None;
    let segments: Vec<&str> = form.render.split('/').collect();
    let mut at = 0;
    for p in &form.placeholders {
        // The literal segment right before this placeholder's segment.
        while at < segments.len() && !segments[at].contains('{') {
            if !segments[at].is_empty() {
                before = Some(segments[at]);
            }
            at += 1;
        }
        at += 1;
        let generic = matches!(p.to_ascii_lowercase().as_str(), "id" | "key" | "name");
        let candidate = match (generic, before) {
            (true, Some(segment)) => {
                let segment = segment.split('(').next().unwrap_or(segment);
                format!(
                    "{}_{}",
                    ident::snake(&ident::singular(segment)),
                    p.to_ascii_lowercase()
                )
            }
            _ => ident::snake(p),
        };
        out.push(scope.claim(candidate));
    }
    out
}

/// A variant name per form, from the literal segments that tell the forms apart.
fn variant_names(forms: &[PathForm]) -> Vec<String> {
    // Literal segments all forms end with say nothing of which is which.
    let mut common = 0;
    'outer: loop {
        let mut last: Option<&str> = None;
        for f in forms {
            let Some(l) = f.literals.len().checked_sub(common + 1).map(|i| f.literals[i].as_str()) else {
                break 'outer;
            };
            match last {
                None => last = Some(l),
                Some(x) if x == l => {}
                Some(_) => break 'outer,
            }
        }
        common += 1;
    }
    let mut scope = Scope::default();
    forms
        .iter()
        .map(|f| {
            let kept = &f.literals[..f.literals.len() - common.min(f.literals.len())];
            let words = if kept.is_empty() {
                "Root".to_string()
            } else {
                kept.iter().map(|w| ident::upper_camel(w, "V")).collect::<String>()
            };
            scope.claim(words)
        })
        .collect()
}

/// The doc comment: title, description, paths, permissions, source.
fn operation_doc(o: &Operation, forms: &[PathForm]) -> String {
    let mut doc = o.title.clone();
    if let Some(first) = o
        .description
        .as_deref()
        .and_then(|d| d.split("\n\n").next())
        .filter(|d| !d.trim().is_empty())
    {
        doc.push_str("\n\n");
        doc.push_str(first.trim());
    }
    doc.push_str("\n\n");
    for form in forms {
        doc.push_str(&format!("- `{} {}`\n", o.method.as_str(), form.written));
    }
    let permissions: Vec<String> = o
        .permissions
        .iter()
        .filter(|p| !p.names.is_empty())
        .map(|p| {
            let scope = p.scope.as_deref().map(|s| format!(" ({s})")).unwrap_or_default();
            let names: Vec<String> = p.names.iter().map(|n| format!("`{n}`")).collect();
            format!("{}{scope}: {}", p.kind, names.join(", "))
        })
        .collect();
    if !permissions.is_empty() {
        doc.push_str(&format!(
            "\nPermissions, least to most privileged: {}.\n",
            permissions.join("; ")
        ));
    }
    doc.push_str(&format!("\n`{}` ({}).", o.name, o.source));
    doc
}
