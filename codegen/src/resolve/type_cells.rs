//! A type cell (`[x](x.md) collection`, `String`, `[a](a.md) or [b](b.md)`) -> the type it
//! means, in the version and namespace of the page it is on. Shared by the Properties rows
//! of resource pages and the parameter tables of API pages.

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::type_ref::{Spelling, TypeCell};
use crate::schema::{Primitive, TypeId, TypeRef};

use super::either::Either;
use super::index::TypeIndex;

/// Where cells are read: the index, and the version and namespace names are looked up in.
pub struct Cells<'a> {
    pub index: &'a TypeIndex,
    pub version: &'a str,
    pub namespace: &'a str,
}

impl<'a> Cells<'a> {
    /// A link to `x.md#y-values` names the enum `y` documented under `### y values` on that
    /// page, not the page's own type; other links name the page's type.
    pub fn lookup(&self, name: &str, link: Option<&str>) -> Option<&'a TypeId> {
        let values_anchor = link
            .and_then(|l| l.split_once('#'))
            .and_then(|(_, anchor)| anchor.strip_suffix("-values"))
            .and_then(|enum_name| self.index.by_name(self.version, enum_name, self.namespace));
        values_anchor
            .or_else(|| link.and_then(|l| self.index.by_link(self.version, l)))
            .or_else(|| self.index.by_name(self.version, name, self.namespace))
    }

    /// The type a cell means, or `Edm.Untyped` and the text it could not resolve; for "x or
    /// y", the first and what is needed to type it by the common base once bases are known.
    pub fn resolve(
        &self,
        cell: &TypeCell,
        at: &Location,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (TypeRef, Option<String>, Option<Either>) {
        match &cell.spelling {
            Spelling::Primitive(p) => (TypeRef::Primitive(*p), None, None),
            Spelling::Named { name, link } => {
                let (ty, unresolved) = self.named(name, link.as_deref(), cell, at, diagnostics);
                (ty, unresolved, None)
            }
            Spelling::Either(names) => {
                let found: Vec<Option<TypeId>> = names
                    .iter()
                    .map(|(name, link)| self.lookup(name, link.as_deref()).cloned())
                    .collect();
                if let Some(types) = found.iter().cloned().collect::<Option<Vec<TypeId>>>() {
                    let first = TypeRef::Named(types[0].clone());
                    let either = Either {
                        property: at.clone(),
                        types,
                        written: cell.written.clone(),
                    };
                    return (first, None, Some(either));
                }
                let (name, link) = &names[found.iter().position(Option::is_none).unwrap_or(0)];
                let (ty, unresolved) = self.named(name, link.as_deref(), cell, at, diagnostics);
                (ty, unresolved, None)
            }
            Spelling::Unrecognised => {
                diagnostics.push(Diagnostic::warning(
                    "unknown-type-name",
                    at.clone(),
                    format!(
                        "type {:?} is not a type name; expected a primitive (String, Int32, DateTimeOffset, ...) or a link to a type page; typed as raw JSON",
                        cell.written
                    ),
                ));
                (
                    TypeRef::Primitive(Primitive::Untyped),
                    Some(cell.written.clone()),
                    None,
                )
            }
        }
    }

    fn named(
        &self,
        name: &str,
        link: Option<&str>,
        cell: &TypeCell,
        at: &Location,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (TypeRef, Option<String>) {
        if let Some(id) = self.lookup(name, link) {
            return (TypeRef::Named(id.clone()), None);
        }
        let message = match link {
            Some(l) => format!(
                "type {:?} links to {l:?}, which defines no type in this {} doc set; typed as raw JSON",
                cell.written, self.version
            ),
            None => format!(
                "type {:?} names no type of this {} doc set; typed as raw JSON",
                cell.written, self.version
            ),
        };
        diagnostics.push(
            Diagnostic::warning("unresolved-type", at.clone(), message)
                .wanting(super::missing::wanted_page(self.version, name, link)),
        );
        (
            TypeRef::Primitive(Primitive::Untyped),
            Some(cell.written.clone()),
        )
    }
}
