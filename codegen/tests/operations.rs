//! The reading of operations on a small hand-made page set (`fixtures/operations`), one API
//! page per edge case: each request-line form, the odd lines that are diagnostics, each
//! parameter-table header form, function parameters wherever a page puts them, and each rule
//! that reads kinds, roots, parameters and responses from what the page says. Each test
//! asserts the operation model (kind, method, paths and their walks, parameters, body,
//! response) and the diagnostics at their lines.

use std::path::Path;
use std::sync::OnceLock;

use graph_docs_codegen::schema::operations::{Operation, OperationKind, ParameterPlace, Step};
use graph_docs_codegen::schema::Schema;
use graph_docs_codegen::Config;

fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        Config::new()
            .docs_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/operations"))
            .check_examples(false)
            .load()
            .expect("fixture readable")
            .schema
    })
}

/// The operation read from `page` (`widget-get`) sent by `method`.
fn op(page: &str, method: &str) -> &'static Operation {
    let file = format!("v1.0/api/{page}.md");
    schema()
        .operations
        .iter()
        .find(|o| o.source.file == file && o.method.as_str() == method)
        .unwrap_or_else(|| panic!("no {method} operation on {file}"))
}

/// Each path as written, whether its walk reached the end, and whether the page wrote it.
fn paths(o: &Operation) -> Vec<(&str, bool, bool)> {
    o.paths
        .iter()
        .map(|p| (p.written.as_str(), p.complete, p.implied))
        .collect()
}

/// The kinds of the steps of the first path's walk.
fn walk(o: &Operation) -> Vec<&'static str> {
    o.paths[0]
        .walk
        .iter()
        .map(|s| match s {
            Step::Root { .. } => "root",
            Step::Property { .. } => "property",
            Step::Item { .. } => "item",
            Step::Cast { .. } => "cast",
            Step::Bound { .. } => "bound",
            Step::Composed { .. } => "composed",
            Step::Special => "special",
        })
        .collect()
}

/// Each parameter: name, type, collection, place.
fn parameters(o: &Operation) -> Vec<(&str, &str, bool, ParameterPlace)> {
    o.parameters
        .iter()
        .map(|p| (p.name.as_str(), p.ty.csdl_name(), p.collection, p.place))
        .collect()
}

/// The response body: type and collection.
fn response(o: &Operation) -> Option<(&str, bool)> {
    o.response
        .body
        .as_ref()
        .map(|b| (b.ty.csdl_name(), b.collection))
}

fn request_body(o: &Operation) -> Option<(&str, bool)> {
    o.request_body
        .as_ref()
        .map(|b| (b.ty.csdl_name(), b.collection))
}

/// The diagnostics of `code` on `page`, by line, with their messages.
fn at(code: &str, page: &str) -> Vec<(usize, &'static str)> {
    let file = format!("v1.0/api/{page}.md");
    schema()
        .diagnostics
        .iter()
        .filter(|d| d.code == code && d.source.file == file)
        .map(|d| (d.source.line, d.message.as_str()))
        .collect()
}

fn lines(found: &[(usize, &str)]) -> Vec<usize> {
    found.iter().map(|(l, _)| *l).collect()
}

#[test]
fn each_request_line_form_is_read_and_walked_through_the_model() {
    use OperationKind::*;
    // `GET /widgets` returns a collection of widget: `/widgets` is an entity set. A query
    // string is kept as written, and walks like its path.
    let list = op("widget-list", "GET");
    assert_eq!(list.kind, List);
    assert_eq!(
        paths(list),
        [
            ("GET /widgets", true, false),
            ("GET /widgets?$top={n}", true, false)
        ]
    );
    assert_eq!(
        list.paths[1].template.query.as_deref(),
        Some("$top={n}"),
        "the query string"
    );
    assert_eq!(response(list), Some(("microsoft.graph.widget", true)));

    // `{id}`: a key.
    let get = op("widget-get", "GET");
    assert_eq!((get.kind, walk(get)), (Read, vec!["root", "item"]));
    assert_eq!(get.paths[0].template.placeholders(), ["id"]);

    // `{id | userPrincipalName}`: either names the item; `/me` written beside it.
    let user = op("user-get", "GET");
    assert_eq!(
        paths(user),
        [
            ("GET /users/{id | userPrincipalName}", true, false),
            ("GET /me", true, false)
        ]
    );
    assert_eq!(
        user.paths[0].template.segments[1],
        graph_docs_codegen::parse::path::Segment::Key {
            params: vec!["id".into(), "userPrincipalName".into()]
        }
    );

    // `{user-id}`, and the `/me` twin the page does not write: implied.
    let widgets = op("user-list-widgets", "GET");
    assert_eq!(
        paths(widgets),
        [
            ("GET /users/{user-id}/widgets", true, false),
            ("GET /me/widgets", true, true)
        ]
    );
    assert_eq!(widgets.kind, List);

    // A repeated `{id}`, named by position.
    let part = op("widget-get-part", "GET");
    assert_eq!(walk(part), ["root", "item", "property", "item"]);
    assert_eq!(part.paths[0].template.placeholders(), ["id", "id"]);
    assert_eq!(response(part), Some(("microsoft.graph.part", false)));

    // `root:/{item-path}:`: an item by its path.
    let item = op("driveitem-get", "GET");
    assert_eq!(walk(item), ["root", "item", "property", "item"]);
    assert_eq!(
        item.paths[0].template.placeholders(),
        ["drive-id", "item-path"]
    );

    // A function call segment `name(param={value})`: its argument is a path parameter.
    let measure = op("widget-measure", "GET");
    assert_eq!(
        (measure.kind, walk(measure)),
        (Function, vec!["root", "item", "bound"])
    );
    assert_eq!(
        parameters(measure),
        [("unit", "Edm.String", false, ParameterPlace::Path)]
    );

    // A cast.
    let gadgets = op("widget-list-gadgets", "GET");
    assert_eq!((gadgets.kind, walk(gadgets)), (List, vec!["root", "cast"]));
    assert_eq!(response(gadgets), Some(("microsoft.graph.gadget", true)));

    // `$value`, `$ref`, `$count`.
    let content = op("widget-get-content", "GET");
    assert_eq!(
        (content.kind, walk(content)),
        (ReadContent, vec!["root", "item", "special"])
    );
    assert_eq!(response(content), Some(("Edm.Stream", false)));
    let reference = op("widget-post-parts", "POST");
    assert_eq!(reference.kind, AddReference);
    assert_eq!(walk(reference), ["root", "item", "property", "special"]);
    let count = op("widget-count", "GET");
    assert_eq!(
        (count.kind, response(count)),
        (Count, Some(("Edm.Int32", false)))
    );
}

#[test]
fn odd_request_lines_are_read_with_a_note_or_are_diagnostics_at_their_lines() {
    let odd = op("widget-odd", "GET");
    // No leading slash, a full host URL, no space after the method: read, each with a note.
    assert_eq!(
        paths(odd),
        [
            ("GET widgets/{id}", true, false),
            (
                "GET https://graph.microsoft.com/v1.0/widgets/{id}",
                true,
                false
            ),
            ("GET/widgets/{id}", true, false)
        ]
    );
    let form = at("request-line-form", "widget-odd");
    assert_eq!(lines(&form), [15, 16, 17]);
    assert!(form[0].1.contains("no leading `/`"), "{form:?}");
    assert!(form[1].1.contains("names the host"), "{form:?}");
    assert!(form[2].1.contains("no space after the method"), "{form:?}");
    // Prose instead of a path, and a request inside an HTML comment: not read, said.
    assert_eq!(lines(&at("request-block-text", "widget-odd")), [18]);
    assert_eq!(lines(&at("request-line-commented", "widget-odd")), [22]);
}

#[test]
fn each_parameter_table_header_form_is_read() {
    let body = |name| (format!("microsoft.graph.{name}Body"), false);
    // Parameter | Type | Description; "Required." in the description makes it required.
    let paint = op("widget-paint", "POST");
    assert_eq!(paint.kind, OperationKind::Action);
    assert_eq!(
        parameters(paint),
        [
            ("colour", "Edm.String", false, ParameterPlace::Body),
            ("coats", "Edm.Int32", false, ParameterPlace::Body)
        ]
    );
    assert_eq!(
        paint
            .parameters
            .iter()
            .map(|p| p.required)
            .collect::<Vec<_>>(),
        [false, true]
    );
    let (ty, c) = body("widgetPaint");
    assert_eq!(request_body(paint), Some((ty.as_str(), c)));
    assert_eq!(paint.response.status, Some(204));
    assert_eq!(response(paint), None);
    // Property | Type | Description.
    assert_eq!(
        parameters(op("widget-resize", "POST")),
        [("factor", "Edm.Double", false, ParameterPlace::Body)]
    );
    // Name | Type | Description.
    assert_eq!(
        parameters(op("widget-rename", "POST")),
        [("newName", "Edm.String", false, ParameterPlace::Body)]
    );
}

#[test]
fn a_response_sentence_is_read_for_all_it_says() {
    // "a Int32 in the response body", "a String collection in the response body": the EDM's
    // names of primitives.
    assert_eq!(
        response(op("widget-weigh", "POST")),
        Some(("Edm.Int32", false))
    );
    assert_eq!(
        response(op("widget-getlabels", "GET")),
        Some(("Edm.String", true))
    );
    // "a `true` value is returned in the response body".
    assert_eq!(
        response(op("widget-lock", "POST")),
        Some(("Edm.Boolean", false))
    );
    // 202 Accepted with a Location header naming a part: no body, though the example's
    // annotation names one; a note says why.
    let archive = op("widget-archive", "POST");
    assert_eq!(
        (archive.response.status, response(archive)),
        (Some(202), None)
    );
    assert_eq!(lines(&at("response-in-header", "widget-archive")), [24]);
    // 201 Created with a Location header: the created widget is the body too.
    assert_eq!(
        response(op("widget-clone", "POST")),
        Some(("microsoft.graph.widget", false))
    );
    assert!(at("response-in-header", "widget-clone").is_empty());
    // "one of the following requested objects": one, of the type its example names.
    let preferences = op("user-get-preferences", "GET");
    assert_eq!(preferences.kind, OperationKind::Read);
    assert_eq!(
        response(preferences),
        Some(("microsoft.graph.preferences", false))
    );
    // "the [parts](part.md)": the type's name in the plural is a collection, with a note.
    assert_eq!(
        response(op("widget-list-parts", "GET")),
        Some(("microsoft.graph.part", true))
    );
    assert_eq!(lines(&at("response-plural", "widget-list-parts")), [24]);
}

#[test]
fn parameters_are_read_wherever_the_page_puts_them() {
    use ParameterPlace::*;
    // Name | Value | Description: the Value column holds the types.
    let tag = op("widget-tag", "POST");
    assert_eq!(
        parameters(tag),
        [
            ("tag", "Edm.String", false, Body),
            ("target", "microsoft.graph.part", false, Body)
        ]
    );
    assert_eq!(
        request_body(tag),
        Some(("microsoft.graph.widgetTagBody", false))
    );
    // A table without types is said, at its line; nothing is guessed.
    assert!(op("widget-polish", "POST").parameters.is_empty());
    assert_eq!(lines(&at("parameter-table-untyped", "widget-polish")), [22]);
    // A "## Parameters" section of an action: its body.
    assert_eq!(
        parameters(op("widget-upload", "POST")),
        [
            ("item", "microsoft.graph.part", false, Body),
            ("deferCommit", "Edm.Boolean", false, Body)
        ]
    );
    // The Request body table of a GET function: its body, as the page says.
    let compare = op("widget-compare", "GET");
    assert_eq!(compare.kind, OperationKind::Function);
    assert_eq!(
        parameters(compare),
        [("otherWidget", "Edm.String", false, Body)]
    );
    assert!(compare
        .request_body
        .as_ref()
        .is_some_and(|b| b.ty.to_string().ends_with("CompareBody")));
    // A Function parameters table of a page that POSTs a call: the call's arguments, so no
    // body.
    let stretch = op("widget-stretch", "POST");
    assert_eq!(
        parameters(stretch),
        [
            ("rows", "Edm.Int32", false, Path),
            ("columns", "Edm.Int32", false, Path)
        ]
    );
    assert_eq!(request_body(stretch), None);
    // A Path parameters table of a function its request line does not call: its parameters
    // go in the call (as the example writes `cell(row=5,column=6)`); the key `id` is the
    // path's, no parameter.
    assert_eq!(
        parameters(op("widget-cell", "GET")),
        [
            ("row", "Edm.Int32", false, Path),
            ("column", "Edm.Int32", false, Path)
        ]
    );
    // Unsaid, a function's parameters are required: OData calls it with all of them.
    assert!(op("widget-cell", "GET")
        .parameters
        .iter()
        .all(|p| p.required));
    // A named argument no table documents: a parameter, typed by its quoted value, said.
    let range = op("widget-range", "GET");
    assert_eq!(parameters(range), [("address", "Edm.String", false, Path)]);
    assert_eq!(lines(&at("parameter-from-call", "widget-range")), [15]);
}

#[test]
fn query_options_are_no_parameters() {
    // `$deltatoken` and `$skiptoken` are OData's query options; `since`, passed in the request
    // line's query string and not by the call, is one of the path's. `token`, which the page
    // shows nowhere, goes in the call; `pageSize`, which the example passes in the query
    // string, goes there.
    let delta = op("widget-delta", "GET");
    assert_eq!(delta.kind, OperationKind::Function);
    assert_eq!(
        parameters(delta),
        [
            ("token", "Edm.String", false, ParameterPlace::Path),
            ("pageSize", "Edm.Int32", false, ParameterPlace::Query)
        ]
    );
    assert_eq!(delta.query_options, ["since", "$deltatoken", "$skiptoken"]);
    assert_eq!(lines(&at("parameter-query-option", "widget-delta")), [22]);
}

#[test]
fn an_object_with_the_following_properties_is_one_parameter() {
    // "provide an optional `credential` object with the following properties": one optional
    // parameter of that type, not its properties.
    let add = op("widget-addsecret", "POST");
    assert_eq!(
        parameters(add),
        [(
            "credential",
            "microsoft.graph.credential",
            false,
            ParameterPlace::Body
        )]
    );
    assert!(!add.parameters[0].required);
    assert_eq!(lines(&at("parameter-object", "widget-addsecret")), [20]);
    assert_eq!(response(add), Some(("microsoft.graph.credential", false)));
}

#[test]
fn the_kind_follows_what_the_page_says_where_the_walk_breaks() {
    use OperationKind::*;
    // A call segment makes a function, though the walk stops at `shelves`; a note says so.
    let filter = op("widget-filterbyowner", "GET");
    assert!(!paths(filter)[0].1);
    assert_eq!(filter.kind, Function);
    assert_eq!(
        parameters(filter),
        [("on", "Edm.String", false, ParameterPlace::Path)]
    );
    assert_eq!(
        lines(&at("operation-kind-from-page", "widget-filterbyowner")),
        [15]
    );
    // "this function returns": a function bound to the collection.
    let available = op("widget-list-available", "GET");
    assert_eq!(
        (available.kind, walk(available)),
        (Function, vec!["root", "bound"])
    );
    // "This OData function" in the description.
    let recent = op("widget-recent", "GET");
    assert_eq!(
        (recent.kind, walk(recent)),
        (Function, vec!["root", "property", "bound"])
    );
    // "Unlike the **recent** OData function" speaks of another: still a list, whose walk
    // breaks (and says so).
    let everything = op("widget-list-everything", "GET");
    assert_eq!((everything.kind, paths(everything)[0].1), (List, false));
    assert_eq!(lines(&at("operation-path", "widget-list-everything")), [16]);
    // A POST after a collection without a key, naming nothing of it: an action bound to the
    // collection, though its rows are properties of what it answers; a note says so.
    let follow = op("user-follow-widget", "POST");
    assert_eq!(follow.kind, Action);
    assert_eq!(walk(follow), ["root", "item", "property", "bound"]);
    assert!(matches!(
        follow.paths[0].walk.last(),
        Some(Step::Bound {
            collection: true,
            ..
        })
    ));
    assert_eq!(
        lines(&at("operation-bound-to-collection", "user-follow-widget")),
        [15]
    );
    assert_eq!(response(follow), Some(("microsoft.graph.widget", true)));
}

#[test]
fn a_create_is_told_by_what_it_answers_and_sends() {
    use OperationKind::*;
    // 201 Created with a widget whose properties the rows are: a create, though the table's
    // header says Parameter.
    let post = op("widget-post", "POST");
    assert_eq!(post.kind, Create);
    assert!(post.parameters.is_empty());
    assert_eq!(request_body(post), Some(("microsoft.graph.widget", false)));
    // A POST to what another page lists, answered `200 OK` with one of it: a create, with
    // a note naming the list.
    let publish = op("widget-publish", "POST");
    assert_eq!(publish.kind, Create);
    let note = at("operation-create", "widget-publish");
    assert_eq!(lines(&note), [15]);
    assert!(
        note[0].1.contains("v1.0/api/user-list-widgets.md:15"),
        "{note:?}"
    );
    // Answered 201 with a part, but its rows (under `### Request body` in the HTTP request
    // section) are not a part's properties: an action, and no navigation property
    // `createLink` is implied.
    let link = op("widget-createlink", "POST");
    assert_eq!(
        (link.kind, walk(link)),
        (Action, vec!["root", "item", "bound"])
    );
    assert_eq!(
        parameters(link),
        [
            ("type", "Edm.String", false, ParameterPlace::Body),
            ("scope", "Edm.String", false, ParameterPlace::Body)
        ]
    );
    assert_eq!(response(link), Some(("microsoft.graph.part", false)));
    assert!(at("navigation-from-path", "widget-createlink").is_empty());
    // "It does not return anything in the response body": a create with no body, though a
    // create usually answers with what it made.
    let add = op("widget-post-part", "POST");
    assert_eq!((add.kind, add.response.status), (Create, Some(201)));
    assert_eq!(request_body(add), Some(("microsoft.graph.part", false)));
    assert_eq!(response(add), None);
}

#[test]
fn a_root_is_of_the_type_the_title_names() {
    let types = &schema().types;
    // `# searchThing: query` on `POST /finder/query`: `/finder` is a singleton of the
    // documented searchThing, and `query` an action bound to it.
    let query = op("searchthing-query", "POST");
    assert_eq!(query.kind, OperationKind::Action);
    assert!(matches!(
        &query.paths[0].walk[..],
        [Step::Root { ty, collection: false }, Step::Bound { binding, collection: false }]
            if ty.qualified_name() == "microsoft.graph.searchThing" && binding == ty
    ));
    assert_eq!(lines(&at("root-from-title", "searchthing-query")), [15]);
    // `# hubRoot: getStatus` on `POST /hub/getStatus`: no page documents hubRoot, so the
    // type made for `/hub` is named as the title names it.
    let status = op("hubroot-getstatus", "POST");
    assert!(matches!(
        &status.paths[0].walk[0],
        Step::Root { ty, collection: false } if ty.qualified_name() == "microsoft.graph.hubRoot"
    ));
    assert!(types
        .iter()
        .any(|t| t.name == "hubRoot" && t.implied.is_some()));
    assert_eq!(response(status), Some(("Edm.String", false)));
    assert_eq!(lines(&at("root-from-title", "hubroot-getstatus")), [15]);
}

#[test]
fn a_path_filtered_in_its_query_string_is_a_collection() {
    // `GET /users/{id}/favourites?$filter=...` answered with "a widget object": `$filter`
    // only filters collections, so the implied user.favourites is a collection of widget.
    let user = schema().types.iter().find(|t| t.name == "user").unwrap();
    let favourites = user
        .properties
        .iter()
        .find(|p| p.name == "favourites")
        .unwrap();
    assert!(favourites.collection && favourites.navigation);
    assert_eq!(favourites.ty.csdl_name(), "microsoft.graph.widget");
    let note = at("navigation-from-path", "user-list-favourites");
    assert_eq!(lines(&note), [15]);
    assert!(note[0].1.contains("`$filter`"), "{note:?}");
    assert_eq!(op("user-list-favourites", "GET").kind, OperationKind::List);
}

#[test]
fn a_root_the_paths_go_on_from_by_name_holds_one_object() {
    let list = op("widgetrelationship-list-managedwidgets", "GET");
    assert_eq!(walk(list), ["root", "property"]);
    assert!(list.paths[0].complete);
    match &list.paths[0].walk[0] {
        Step::Root { ty, collection } => {
            assert_eq!(ty.qualified_name(), "microsoft.graph.widgetRelationship");
            assert!(!collection, "a singleton, not a set");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn request_bodies_are_what_the_request_body_section_says() {
    let body = |o: &Operation| o.request_body.as_ref().map(|b| b.ty.to_string());
    // "a [shelfLocation] or [roomLocation] object": their common base.
    let create = op("storage-post-locations", "POST");
    assert_eq!(body(create).as_deref(), Some("microsoft.graph.location"));
    let action = op("storage-addlocation", "POST");
    assert_eq!(action.kind, OperationKind::Action);
    assert_eq!(body(action).as_deref(), Some("microsoft.graph.location"));
    // A PATCH through the base collection sends the derived type the page names.
    let update = op("shelflocation-update", "PATCH");
    assert_eq!(
        body(update).as_deref(),
        Some("microsoft.graph.shelfLocation")
    );
    // A walk that breaks: the body is what the response returns ("an updated [gadget]"),
    // else raw JSON when the section describes one; each a note.
    let gadget = op("depot-update-gadget", "PATCH");
    assert!(!gadget.paths[0].complete);
    assert_eq!(body(gadget).as_deref(), Some("microsoft.graph.gadget"));
    assert_eq!(
        lines(&at("request-body-from-response", "depot-update-gadget")),
        [16]
    );
    let thing = op("depot-update-thing", "PATCH");
    assert_eq!(body(thing).as_deref(), Some("Edm.Untyped"));
    assert_eq!(
        lines(&at("request-body-untyped", "depot-update-thing")),
        [16]
    );
    // An action whose section describes a body in words: raw JSON, or bytes when it says so;
    // "Do not supply a request body": none.
    assert_eq!(
        body(op("widget-dismiss", "POST")).as_deref(),
        Some("Edm.Untyped")
    );
    assert_eq!(
        body(op("widget-attach", "POST")).as_deref(),
        Some("Edm.Stream")
    );
    assert_eq!(body(op("widget-lock", "POST")), None);
    // A walk to a primitive collection (`labels`, String) gives way to the named type.
    let labels = op("widget-post-labels", "POST");
    assert!(labels.paths[0].complete);
    assert_eq!(body(labels).as_deref(), Some("microsoft.graph.part"));
}

#[test]
fn an_untyped_function_parameter_row_is_typed_by_its_description() {
    let score = op("widget-score", "GET");
    assert_eq!(score.kind, OperationKind::Function);
    assert_eq!(
        parameters(score),
        [("period", "Edm.String", false, ParameterPlace::Path)]
    );
    assert_eq!(
        lines(&at("parameter-from-description", "widget-score")),
        [22]
    );
}

#[test]
fn responses_named_in_words_or_not_at_all() {
    // "a collection of **gadget** objects": that type, by its name.
    let list = op("vault-list-gadgets", "GET");
    assert_eq!(response(list), Some(("microsoft.graph.gadget", true)));
    assert_eq!(lines(&at("response-by-name", "vault-list-gadgets")), [20]);
    // The walk goes through the navigation the response implies.
    assert!(list.paths[0].complete);
    // "a **thing** object", no such type, and a walk that breaks: raw JSON, not the type
    // where the walk stopped.
    let get = op("vault-get-thing", "GET");
    assert_eq!(response(get), Some(("Edm.Untyped", false)));
    assert_eq!(lines(&at("response-untyped", "vault-get-thing")), [20]);
}

#[test]
fn a_query_option_some_request_lines_leave_out_is_optional() {
    let changes = op("widget-recent-changes", "GET");
    let (forms, required) = graph_docs_codegen::emit::operations::forms::path_forms(changes);
    assert_eq!(forms.len(), 2);
    assert_eq!(required, ["top"]);
}

/// The property `name` of the type `ty`.
fn property(ty: &str, name: &str) -> &'static graph_docs_codegen::schema::Property {
    schema()
        .types
        .iter()
        .find(|t| t.name == ty)
        .and_then(|t| t.properties.iter().find(|p| p.name == name))
        .unwrap_or_else(|| panic!("no property {ty}.{name}"))
}

#[test]
fn a_key_after_a_navigation_to_a_type_only_navigations_target_makes_it_a_collection() {
    // `DELETE /kiosks/{id}/panel/{panel-id}`: panel has no key, base or methods, but a
    // navigation property targets it, so it is an entity and the key keys into `panel`.
    let panel = property("kiosk", "panel");
    assert!(panel.collection && panel.navigation);
    let delete = op("kiosk-delete-panel", "DELETE");
    assert_eq!(walk(delete), ["root", "item", "property", "item"]);
    assert!(delete.paths[0].complete);
    let notes: Vec<_> = schema()
        .diagnostics
        .iter()
        .filter(|d| d.code == "collection-from-path" && d.source.file == "v1.0/resources/kiosk.md")
        .map(|d| d.source.line)
        .collect();
    assert_eq!(notes, [28]);
}

#[test]
fn a_methods_row_returning_a_collection_makes_the_navigation_it_lists_a_collection() {
    // kiosk.md writes `screens | [screen]`, one value; its Methods row "List screens" returns
    // "[screen] collection" and links the page that `GET`s `/kiosks/{id}/screens` and
    // answers with a collection of screen.
    let screens = property("kiosk", "screens");
    assert!(screens.collection && screens.navigation);
    let list = op("kiosk-list-screens", "GET");
    assert_eq!(list.kind, OperationKind::List);
    assert_eq!(response(list), Some(("microsoft.graph.screen", true)));
    let notes: Vec<_> = schema()
        .diagnostics
        .iter()
        .filter(|d| d.code == "collection-from-methods")
        .map(|d| (d.source.to_string(), d.message.as_str()))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].0, "v1.0/resources/kiosk.md:27");
    assert!(
        notes[0].1.contains("v1.0/resources/kiosk.md:12"),
        "{notes:?}"
    );
}

#[test]
fn a_navigation_only_a_path_documents_takes_the_type_the_owners_methods_row_returns() {
    // kiosk.md lists no `tickets`; `GET /kiosks/{id}/tickets` answers with "a collection of
    // [screen]", while kiosk.md's Methods row linking that page, "List tickets", returns
    // "[ticket] collection": the owner's page names its navigation's type.
    let tickets = property("kiosk", "tickets");
    assert!(tickets.collection && tickets.navigation);
    assert_eq!(tickets.ty.csdl_name(), "microsoft.graph.ticket");
    assert_eq!(
        lines(&at("navigation-from-path", "kiosk-list-tickets")),
        [16]
    );
    let note = at("navigation-type-from-methods", "kiosk-list-tickets");
    assert_eq!(lines(&note), [16]);
    assert!(
        note[0].1.contains("microsoft.graph.screen")
            && note[0].1.contains("v1.0/resources/kiosk.md:13"),
        "{note:?}"
    );
    // The request still answers with what its page says.
    let list = op("kiosk-list-tickets", "GET");
    assert_eq!(response(list), Some(("microsoft.graph.screen", true)));
    // Where the row agrees with the page (or there is none), no note.
    assert!(at("navigation-type-from-methods", "user-list-favourites").is_empty());
}

#[test]
fn a_put_to_a_segment_no_page_lists_answered_with_one_object_documents_a_single_navigation() {
    // `PUT /kiosks/{id}/banner` answered with "a [screen] object": kiosk.banner, one screen.
    let banner = property("kiosk", "banner");
    assert!(!banner.collection && banner.navigation);
    assert_eq!(banner.ty.csdl_name(), "microsoft.graph.screen");
    let note = at("navigation-from-path", "kiosk-put-banner");
    assert_eq!(lines(&note), [15]);
    assert!(note[0].1.contains("puts one object there"), "{note:?}");
    let put = op("kiosk-put-banner", "PUT");
    assert_eq!(walk(put), ["root", "item", "property"]);
    assert!(put.paths[0].complete);
    assert_eq!(response(put), Some(("microsoft.graph.screen", false)));
}
