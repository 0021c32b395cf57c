//! The rankings, `paginate:` a page: the most quoted people (`people/most-quoted.html`, by
//! quotes, then articles, then name), and the organisations and places named in most articles
//! (`organisations/busiest.html`, `places/busiest.html`; only those named in two or more). The
//! orders are sorted once per plan (`Order`, kept and sorted again by the preview).

use super::{Pagination, subject_path};
use crate::annotate::EntityKind;
use crate::index::EntityId;
use crate::render::context::*;
use crate::render::meta::{self, Meta};
use crate::render::spec::*;
use crate::render::{Renderer, Value};
use serde::Serialize;

/// A ranking of people (by quotes), of organisations or of places (by articles).
pub struct Ranked;

inputs! {
    pub struct RankedInputs {
        pub kind: EntityKind,
        /// The page (from 0), the ranking's page count and the rank of its first item.
        pub page: usize,
        pub pages: usize,
        pub start: usize,
        /// The page's people (a ranking of people) or organisations or places (the others).
        pub people: Vec<PersonCard>,
        pub entities: Vec<EntityCard>,
    }
}

#[derive(Serialize)]
pub struct RankedContext {
    /// person, organisation or place.
    pub kind: &'static str,
    pub heading: &'static str,
    /// The rank of the page's first item (1 on the first page), for `<ol start>`.
    pub start: usize,
    /// PersonRefs, most quoted first (empty in a ranking of organisations or places).
    pub people: Vec<Value>,
    /// EntityRefs, named in most articles first (empty in a ranking of people).
    pub entities: Vec<Value>,
    pub pagination: Pagination,
}

/// `people/most-quoted.html`, `organisations/busiest.html`, `places/busiest.html`.
fn first_path(kind: EntityKind) -> String {
    let name = if kind == EntityKind::Person { "most-quoted" } else { "busiest" };
    format!("{}/{name}.html", kind_folder(kind))
}

fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Most quoted people",
        EntityKind::Organisation => "Most named organisations",
        EntityKind::Place => "Most named places",
    }
}

impl PageSpec for Ranked {
    /// What is ranked, and the page from 0.
    type Key = (EntityKind, usize);
    type Inputs<'r> = RankedInputs;
    type Context<'r> = RankedContext;

    fn kind((kind, _): (EntityKind, usize)) -> &'static str {
        match kind {
            EntityKind::Person => "most-quoted",
            EntityKind::Organisation => "busiest-organisations",
            EntityKind::Place => "busiest-places",
        }
    }

    fn template((kind, _): (EntityKind, usize)) -> &'static str {
        if kind == EntityKind::Person { "most_quoted.html" } else { "busiest.html" }
    }

    fn path(_: &Renderer, (kind, page): (EntityKind, usize)) -> String {
        subject_path(&first_path(kind), page)
    }

    fn inputs(r: &Renderer, (kind, page): (EntityKind, usize)) -> RankedInputs {
        let len = ranked_len(r, kind);
        let shown = r.page_range(len, page);
        let start = shown.start + 1;
        let ranked = &r.order.ranked[kind][shown];
        let (mut people, mut entities) = (Vec::new(), Vec::new());
        match kind {
            EntityKind::Person => people = ranked.iter().map(|&p| PersonCard(p)).collect(),
            _ => entities = ranked.iter().map(|&index| EntityCard(EntityId { kind, index })).collect(),
        }
        RankedInputs { kind, page, pages: r.list_pages(len), start, people, entities }
    }

    fn context(r: &Renderer, inputs: RankedInputs) -> RankedContext {
        let kind = inputs.kind;
        RankedContext {
            kind: kind_name(kind),
            heading: heading(kind),
            start: inputs.start,
            people: inputs.people.iter().map(|p| p.shown(r).value).collect(),
            entities: inputs.entities.iter().map(|e| e.shown(r).value).collect(),
            pagination: Pagination {
                ranked: true,
                ..Pagination::new(inputs.page, inputs.pages, true, |p| subject_path(&first_path(kind), p))
            },
        }
    }

    fn meta(site: &SiteContext, path: &str, context: &RankedContext) -> Meta {
        meta::collection(site, path, context.heading, context.pagination.current)
    }
}

/// How many the ranking of `kind` lists: the people with a quote, or the organisations or
/// places named in two articles or more.
pub(in crate::render) fn ranked_len(r: &Renderer, kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => r.order.quoted(&r.refs),
        EntityKind::Organisation | EntityKind::Place => r.order.busy(&r.refs, kind),
    }
}
