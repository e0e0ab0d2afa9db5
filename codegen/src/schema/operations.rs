//! The operations of the doc set: every documented request, resolved against the types.

use serde::Serialize;

use super::{TypeId, TypeRef, Written};
use crate::diagnostics::Location;
use crate::parse::api::Method;
use crate::parse::path::Template;

/// One documented request: a method and the paths it is sent to, what it takes and what it
/// returns.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    pub version: String,
    /// Unique in its version, from the page's file name in the spelling of the types and
    /// segments it names: `userSendMail`, `teamsAsyncOperationGet`.
    pub name: String,
    pub kind: OperationKind,
    pub method: Method,
    /// Every path it can be sent to, as written, each walked through the model.
    pub paths: Vec<OperationPath>,
    /// For an action or a function: its parameters, in documentation order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<Parameter>,
    /// What the request body holds, when it holds something.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_body: Option<Payload>,
    pub response: Response,
    /// Query options the page names (`$select`, `$filter`, ...), and the rows of its Query
    /// parameters table that are query options rather than parameters (`$deltatoken`, or
    /// `startDateTime` passed in the request line's query string).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub query_options: Vec<String>,
    /// Request headers the page documents beyond `Authorization`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// Least to most privileged, per permission type (and per what the permission is for,
    /// when the page tells them apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<Permission>,
    /// The page's title: `Send mail`.
    pub title: String,
    pub description: Option<String>,
    pub area: Option<String>,
    /// The first request line.
    pub source: Location,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OperationKind {
    /// Read one object (or a singleton).
    Read,
    /// Read a collection, page by page.
    List,
    Create,
    Update,
    /// `PUT` of an object.
    Replace,
    Delete,
    Action,
    Function,
    /// `GET .../$value`, or of a stream property: the content, not JSON.
    ReadContent,
    /// `PUT .../$value` or `PUT .../content`.
    WriteContent,
    /// `GET .../$count`.
    Count,
    /// `POST` / `PUT .../$ref`: add a reference.
    AddReference,
    /// `DELETE .../$ref`.
    RemoveReference,
    /// `GET .../$ref`.
    ReadReference,
}

/// A path as the page writes it, and where walking it through the model led.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationPath {
    /// The request line as written.
    pub written: String,
    pub template: Template,
    pub source: Location,
    /// Under which heading of the request section, when the page has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The type each segment leads to, the bound action or function last; shorter than the
    /// path where the walk breaks (a diagnostic says why).
    pub walk: Vec<Step>,
    /// Whether the walk reached the end.
    pub complete: bool,
    /// Not written by the page: the `/me/...` twin of its `/users/{id}/...` line.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
}

/// Where one segment leads.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Step {
    /// The first segment: an entity set (`collection`) or a singleton of a type.
    Root { ty: TypeId, collection: bool },
    /// A navigation or structural property.
    Property {
        owner: TypeId,
        ty: TypeRef,
        collection: bool,
    },
    /// One item of a collection, by key or by path.
    Item { ty: TypeId },
    /// A cast to a derived type.
    Cast { ty: TypeId, collection: bool },
    /// The action or function the path ends with, bound to `binding`.
    Bound { binding: TypeId, collection: bool },
    /// A function in the middle of the path (`range(address='A1')/format`), and its result.
    Composed { ty: TypeRef, collection: bool },
    /// `$value`, `$ref`, `$count`.
    Special,
}

/// A parameter of an action or a function.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: TypeRef,
    pub collection: bool,
    /// The type cell as written, and where: the evidence behind `ty`.
    pub written: Written,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where it goes: the body (actions), the path (`f(x={x})`) or the query string.
    pub place: ParameterPlace,
    /// The type as written, when it named nothing the doc set defines (typed as raw JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParameterPlace {
    Body,
    Path,
    Query,
}

/// A JSON payload: its type, one value or a collection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Payload {
    #[serde(rename = "type")]
    pub ty: TypeRef,
    pub collection: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// The success status the page gives (`200`, `201`, `204`).
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Payload>,
    /// The sentence it was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<Written>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    /// `Delegated (work or school account)`, `Application`, ...
    pub kind: String,
    /// Least to most privileged, as the page lists them; empty when not supported.
    pub names: Vec<String>,
    /// What the permissions are for when the page has several tables (`Permissions for
    /// chat`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    pub source: Location,
}
