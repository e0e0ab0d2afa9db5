//! The example runner's calls of the generated operations: `send(version, operation, input)`
//! builds the request of one documented request example through the operation's function,
//! from the values the example's URL gives, so that the check can compare it with the example.
//! Not part of the crate users get.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::plan::{self, BodyArgument, CallArgument, FunctionPlan, PathArguments, VersionPlan};
use super::OperationsContext;
use crate::schema::{Primitive, TypeKind, TypeRef};

/// The `send` function and one function per operation of `operations` (indices into
/// `Schema::operations`). `Input` and `Sent` are the runner's own.
pub fn emit(context: &OperationsContext, operations: &[usize]) -> TokenStream {
    let module = vec![String::from("registry")];
    let mut versions: Vec<&str> = operations
        .iter()
        .map(|&i| context.schema.operations[i].version.as_str())
        .collect();
    versions.sort_unstable();
    versions.dedup();
    let mut arms = Vec::new();
    let mut functions = Vec::new();
    for version in versions {
        let plan = plan::plan(context.schema, version);
        for f in plan
            .functions
            .iter()
            .filter(|f| operations.contains(&f.index))
        {
            let sender = format_ident!("send_{}", f.index);
            let name = &f.operation.name;
            arms.push(quote!((#version, #name) => #sender(input),));
            functions.push(sender_fn(context, &module, &plan, f, &sender));
        }
    }
    quote! {
        /// The request of operation `operation` of `version`, built from `input` by its
        /// generated function; `None` when there is no such operation.
        #[allow(unused_variables)]
        pub fn send(
            version: &str,
            operation: &str,
            input: &crate::Input,
        ) -> ::std::option::Option<::std::result::Result<crate::Sent, ::std::string::String>> {
            ::std::option::Option::Some(match (version, operation) {
                #(#arms)*
                _ => return ::std::option::Option::None,
            })
        }

        #(#functions)*
    }
}

fn sender_fn(
    context: &OperationsContext,
    module: &[String],
    plan: &VersionPlan,
    f: &FunctionPlan,
    sender: &proc_macro2::Ident,
) -> TokenStream {
    let ops_module = OperationsContext::module(&f.operation.version);
    let ops: TokenStream =
        super::super::names::relative_path(module, &ops_module[..1], &ops_module[1])
            .parse()
            .expect("module paths are identifiers");
    let function = format_ident!("{}", f.name);
    let mut args = Vec::new();
    let path = match &f.path {
        PathArguments::Values(fields) => {
            args.extend((0..fields.len()).map(|i| {
                let i = proc_macro2::Literal::usize_unsuffixed(i);
                quote!(input.value(#i)?)
            }));
            TokenStream::new()
        }
        PathArguments::Shared(at) => {
            let p = &plan.paths[*at];
            let ident = format_ident!("{}", p.name);
            let arms =
                p.variants
                    .iter()
                    .zip(&p.fields)
                    .enumerate()
                    .map(|(form, (variant, fields))| {
                        let v = format_ident!("{}", variant);
                        let form = proc_macro2::Literal::usize_unsuffixed(form);
                        if fields.is_empty() {
                            quote!(#form => #ops::#ident::#v,)
                        } else {
                            let fields = fields.iter().enumerate().map(|(i, name)| {
                                let name = super::super::ident::to_ident(name);
                                let i = proc_macro2::Literal::usize_unsuffixed(i);
                                quote!(#name: input.value(#i)?)
                            });
                            quote!(#form => #ops::#ident::#v { #(#fields),* },)
                        }
                    });
            args.push(quote!(path));
            quote! {
                let path = match input.form {
                    #(#arms)*
                    form => return ::std::result::Result::Err(::std::format!("no path form {form}")),
                };
            }
        }
    };
    for q in &f.query {
        let name = &q.name;
        args.push(quote!(input.query_value(#name)?));
    }
    for a in &f.arguments {
        args.push(argument(context, module, a));
    }
    match &f.body {
        BodyArgument::None => {}
        BodyArgument::Json(payload) => {
            let ty = context.payload_type(module, payload);
            args.push(quote!(&input.body::<#ty>()?));
        }
        BodyArgument::Content => args.push(quote!(input.content(), input.content_type())),
        BodyArgument::Reference => args.push(quote!(input.reference()?)),
    }
    quote! {
        fn #sender(input: &crate::Input) -> ::std::result::Result<crate::Sent, ::std::string::String> {
            #path
            ::std::result::Result::Ok(input.send(#ops::#function(#(#args),*)))
        }
    }
}

/// A function argument from the example's call, read as the argument's type.
fn argument(context: &OperationsContext, module: &[String], a: &CallArgument) -> TokenStream {
    let name = &a.argument.name;
    let parsed = matches!(
        a.ty,
        TypeRef::Primitive(
            Primitive::Boolean
                | Primitive::Byte
                | Primitive::SByte
                | Primitive::Int16
                | Primitive::Int32
                | Primitive::Int64
                | Primitive::Single
                | Primitive::Double
                | Primitive::Decimal
        )
    );
    let enum_type = match &a.ty {
        TypeRef::Named(id) if context.schema.get(id).kind == TypeKind::Enum => {
            Some(context.payload_type(
                module,
                &crate::schema::operations::Payload {
                    ty: a.ty.clone(),
                    collection: false,
                },
            ))
        }
        _ => None,
    };
    match (a.required, parsed, enum_type) {
        (true, true, _) => quote!(input.parse_argument(#name)?),
        (false, true, _) => quote!(input.parse_optional_argument(#name)?),
        (true, false, Some(ty)) => quote!(#ty::from(input.argument(#name)?)),
        (false, false, Some(ty)) => quote!(input.optional_argument(#name).map(#ty::from)),
        (true, false, None) => quote!(input.argument(#name)?),
        (false, false, None) => quote!(input.optional_argument(#name)),
    }
}
