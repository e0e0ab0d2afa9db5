//! `REV:PATH` sides: a docs folder at a git revision, read from a repository made here.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use graph_docs_codegen::diff::{self, source::Side, ChangeKind};
use graph_docs_codegen::Config;

fn git(repo: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(repo)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn page(rows: &str) -> String {
    format!(
        "# widget resource type\n\nNamespace: microsoft.graph\n\nA widget.\n\n## Properties\n\n\
         | Property | Type | Description |\n|:---|:---|:---|\n{rows}\n## JSON representation\n\n\
         <!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.widget\"}} -->\n\
         ```json\n{{\"id\": \"String\"}}\n```\n"
    )
}

const ID: &str = "| id | String | The identifier. |\n";
const SIZE: &str = "| size | Int32 | How big it is. |\n";

/// A repository whose first commit holds `docs/beta/resources/widget.md` with an id (and an
/// overrides file retyping it), `checkout/api-reference/beta/...` alike; the working folder
/// adds `size` to `docs`.
fn repository(name: &str) -> std::path::PathBuf {
    let repo = common::scratch(name);
    git(&repo, &["init", "--quiet"]);
    for base in ["docs", "checkout/api-reference"] {
        let resources = repo.join(base).join("beta/resources");
        fs::create_dir_all(&resources).unwrap();
        fs::write(resources.join("widget.md"), page(ID)).unwrap();
    }
    fs::write(
        repo.join("docs/overrides.toml"),
        "[[property]]\ntype = \"microsoft.graph.widget\"\nproperty = \"id\"\nset-type = \"Edm.Guid\"\nreason = \"a test\"\n",
    )
    .unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "--quiet", "-m", "first"]);
    fs::write(
        repo.join("docs/beta/resources/widget.md"),
        page(&format!("{ID}{SIZE}")),
    )
    .unwrap();
    repo
}

#[test]
fn a_folder_at_a_revision_against_the_working_folder() {
    let repo = repository("git-side");
    let side = Side::parse("HEAD:docs");
    assert!(matches!(side, Side::Git { .. }));
    let config = Config::new();
    let old = side.load(&config, &repo).expect("read from git");
    let new = Side::parse(repo.join("docs").to_str().unwrap())
        .load(&config, &repo)
        .expect("read from the folder");
    // The pages keep their paths; the overrides of the revision apply.
    let widget = &old.schema.types[0];
    assert_eq!(widget.source.file, "beta/resources/widget.md");
    assert_eq!(widget.properties[0].ty.csdl_name(), "Edm.Guid");
    assert_eq!(old.roots, [Path::new("HEAD:docs")]);
    let report = diff::compare(&old.schema, &new.schema);
    let kinds: Vec<(ChangeKind, Option<&str>)> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.name.as_deref()))
        .collect();
    assert_eq!(kinds, [(ChangeKind::PropertyAdded, Some("size"))]);
}

#[test]
fn every_layout_a_folder_may_have() {
    let repo = repository("git-layouts");
    let config = Config::new();
    for spec in [
        "HEAD:docs/beta",
        "HEAD:checkout",
        "HEAD:checkout/api-reference",
        "HEAD:./docs",
    ] {
        let loaded = Side::parse(spec)
            .load(&config, &repo)
            .unwrap_or_else(|e| panic!("{spec}: {e}"));
        let files: Vec<&str> = loaded
            .schema
            .types
            .iter()
            .map(|t| t.source.file.as_str())
            .collect();
        assert_eq!(files, ["beta/resources/widget.md"], "{spec}");
    }
}

#[test]
fn what_is_not_there_is_an_error_that_says_so() {
    let repo = repository("git-missing");
    let config = Config::new();
    let e = Side::parse("HEAD:nothing")
        .load(&config, &repo)
        .unwrap_err();
    assert!(
        e.to_string().contains("no folder nothing at revision HEAD"),
        "{e}"
    );
    let e = Side::parse("nosuchrev:docs")
        .load(&config, &repo)
        .unwrap_err();
    assert!(e.to_string().contains("nosuchrev"), "{e}");
    let outside = common::scratch("git-outside");
    let e = Side::parse("HEAD:docs")
        .load(&config, &outside)
        .unwrap_err();
    assert!(e.to_string().contains("is in no git repository"), "{e}");
    // A folder without pages in a known layout.
    fs::create_dir_all(repo.join("empty")).unwrap();
    fs::write(repo.join("empty/readme.md"), "# nothing\n").unwrap();
    git(&repo, &["add", "empty"]);
    git(&repo, &["commit", "--quiet", "-m", "empty"]);
    let e = Side::parse("HEAD:empty").load(&config, &repo).unwrap_err();
    assert!(
        e.to_string()
            .contains("no documentation pages in HEAD:empty"),
        "{e}"
    );
}
