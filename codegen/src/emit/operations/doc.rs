//! The doc comment of an operation's function: what the page says of the request.

use super::forms::PathForm;
use crate::schema::operations::Operation;

/// The doc comment: title, description, paths, permissions, source.
pub fn operation_doc(o: &Operation, forms: &[PathForm]) -> String {
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
            let scope = p
                .scope
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
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
