//! What each operation's function takes and how it builds its request, worked out once per
//! version: the `ops` module is written from it, and so is the example runner's registry that
//! calls those functions with the values of the docs' request examples.

use super::super::ident::{self, Scope};
use super::forms::{self, PathForm};
use crate::schema::operations::{Operation, OperationKind, ParameterPlace, Payload};
use crate::schema::{Primitive, Schema, TypeKind, TypeRef};

/// The functions of one version's `ops` module and the path enums they share.
pub struct VersionPlan<'s> {
    pub functions: Vec<FunctionPlan<'s>>,
    pub paths: Vec<SharedPath>,
}

/// One operation's function.
pub struct FunctionPlan<'s> {
    /// Index into `Schema::operations`.
    pub index: usize,
    pub operation: &'s Operation,
    /// The function's name: the operation's, in snake case.
    pub name: String,
    pub forms: Vec<PathForm>,
    pub path: PathArguments,
    /// Query options the paths require (`calendarView?startDateTime={x}`).
    pub query: Vec<NamedArgument>,
    /// A function's parameters the paths do not write: added to its call.
    pub arguments: Vec<CallArgument>,
    pub body: BodyArgument,
}

/// How a function takes its path.
pub enum PathArguments {
    /// One form: its values, by field name, in order.
    Values(Vec<String>),
    /// Several: an enum of them, shared with the operations sent to the same paths.
    Shared(usize),
}

/// An argument named after what it fills in.
pub struct NamedArgument {
    /// As the page writes it: `startDateTime`.
    pub name: String,
    /// The Rust argument: `start_date_time`.
    pub field: String,
}

/// A function parameter written into the call: `cell(row=5,column=6)`.
pub struct CallArgument {
    pub argument: NamedArgument,
    pub ty: TypeRef,
    /// Written between quotes: text, enum values, dates and times (as the docs write them).
    pub quoted: bool,
    /// Optional parameters are `Option`s, left out when `None`.
    pub required: bool,
}

pub enum BodyArgument {
    None,
    /// JSON of a generated type.
    Json(Payload),
    /// Bytes and their media type (`PUT .../content`).
    Content,
    /// The `@odata.id` of the object a `$ref` refers to.
    Reference,
}

/// A `...Path` enum: the same ways of writing a path, for every operation sent to them.
pub struct SharedPath {
    pub name: String,
    pub forms: Vec<PathForm>,
    pub variants: Vec<String>,
    /// Per form, the names of its fields.
    pub fields: Vec<Vec<String>>,
    /// The functions sent to it, for its doc comment.
    pub users: Vec<String>,
    /// The area of the operation that named it: its feature gates the enum.
    pub area: Option<String>,
}

/// Argument names a function's own would collide with.
const RESERVED: &[&str] = &["path", "body", "content", "content_type", "odata_id", "rt"];

/// The plan of the operations of `version`, in schema order.
pub fn plan<'s>(schema: &'s Schema, version: &str) -> VersionPlan<'s> {
    let mut names = Scope::default();
    let mut enum_names = Scope::default();
    let mut paths: Vec<SharedPath> = Vec::new();
    let mut functions = Vec::new();
    for (index, operation) in schema.operations.iter().enumerate() {
        if operation.version != version {
            continue;
        }
        let name = names.claim(ident::snake(&operation.name));
        let (forms, query) = forms::path_forms(operation);
        let mut scope = Scope::with_reserved(RESERVED);
        let path = if forms.len() < 2 {
            PathArguments::Values(
                forms
                    .first()
                    .map(|f| forms::field_names(f, &mut scope))
                    .unwrap_or_default(),
            )
        } else {
            let found = paths.iter().position(|p| {
                p.forms
                    .iter()
                    .map(|f| &f.render)
                    .eq(forms.iter().map(|f| &f.render))
            });
            let at = found.unwrap_or_else(|| {
                // Operations sent to the same paths (get, update and delete of one thing) share
                // one enum of them, named after what they address.
                let base = format!(
                    "{}Path",
                    ident::upper_camel(&forms::addressed_name(operation, &name), "Op")
                );
                paths.push(SharedPath {
                    name: enum_names.claim(base),
                    variants: forms::variant_names(&forms),
                    fields: forms
                        .iter()
                        .map(|f| forms::field_names(f, &mut Scope::default()))
                        .collect(),
                    forms: forms.clone(),
                    users: Vec::new(),
                    area: operation.area.clone(),
                });
                paths.len() - 1
            });
            paths[at].users.push(name.clone());
            PathArguments::Shared(at)
        };
        let query: Vec<NamedArgument> = query
            .into_iter()
            .map(|q| NamedArgument {
                field: scope.claim(ident::snake(&q)),
                name: q,
            })
            .collect();
        let arguments = call_arguments(schema, operation, &forms, &query, &mut scope);
        let body = match (operation.kind, &operation.request_body) {
            (OperationKind::WriteContent, _) => BodyArgument::Content,
            (OperationKind::AddReference, _) => BodyArgument::Reference,
            (_, Some(payload)) => BodyArgument::Json(payload.clone()),
            (_, None) => BodyArgument::None,
        };
        functions.push(FunctionPlan {
            index,
            operation,
            name,
            forms,
            path,
            query,
            arguments,
            body,
        });
    }
    VersionPlan { functions, paths }
}

/// The parameters of a function that no path writes, neither in its call nor in its query:
/// OData passes them in the call's parentheses, as the docs' request examples do.
fn call_arguments(
    schema: &Schema,
    operation: &Operation,
    forms: &[PathForm],
    query: &[NamedArgument],
    scope: &mut Scope,
) -> Vec<CallArgument> {
    if operation.kind != OperationKind::Function {
        return Vec::new();
    }
    let written = |name: &str| {
        forms
            .iter()
            .any(|f| f.arguments.iter().any(|a| a.eq_ignore_ascii_case(name)))
            || query.iter().any(|q| q.name.eq_ignore_ascii_case(name))
            // An optional query option some paths write is still not the call's.
            || operation.paths.iter().any(|p| {
                forms::query_pairs(&p.template)
                    .iter()
                    .any(|(q, _)| q.eq_ignore_ascii_case(name))
            })
    };
    operation
        .parameters
        .iter()
        .filter(|p| p.place != ParameterPlace::Body && !p.name.starts_with('$'))
        .filter(|p| !written(&p.name))
        .map(|p| CallArgument {
            argument: NamedArgument {
                field: scope.claim(ident::snake(&p.name)),
                name: p.name.clone(),
            },
            ty: p.ty.clone(),
            quoted: quoted(schema, &p.ty),
            required: p.required,
        })
        .collect()
}

/// Whether OData writes a value of `ty` between quotes in a call: text and enum values are,
/// numbers, dates, times, durations and GUIDs are not.
fn quoted(schema: &Schema, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Primitive(p) => *p == Primitive::String,
        TypeRef::Named(id) => schema.get(id).kind == TypeKind::Enum,
    }
}
