//! The page kinds, a [`PageSpec`](super::spec::PageSpec) each: an article's page
//! (`article.rs`) and a folded copy's (`folded.rs`); a person's, an organisation's or place's and an event's pages
//! (`subjects.rs`); the home page and the lists (`lists.rs`); the rankings (`ranked.rs`). A page is a [`Job`]; `for_page!`
//! is the one place that maps a job to its spec, and `jobs` lists every page of the site.

pub mod article;
pub mod folded;
pub mod lists;
pub mod ranked;
pub mod subjects;

use crate::annotate::EntityKind;
use crate::kinds::KINDS;

/// Which page to render: the unit of parallel work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Job {
    Home,
    /// A list page, by its 0-based page number.
    Articles(usize),
    Article(usize),
    /// A copy folded into an article: its place in `Index::copies`, the article's position.
    Folded(usize, usize),
    People(usize),
    /// A person's page: index, 0-based page number.
    Person(usize, usize),
    /// An organisation's or place's page: kind, index, 0-based page number.
    Entity(EntityKind, usize, usize),
    Entities(EntityKind),
    /// A ranking (most quoted people, busiest organisations or places): kind, 0-based page.
    Ranked(EntityKind, usize),
    Events(usize),
    /// An event's page: index, 0-based page number.
    Event(usize, usize),
    NotFound,
    Search,
}

/// Runs `$body` with `$spec` the page kind of `$job` and `$key` its key.
macro_rules! for_page {
    ($job:expr, $spec:ident, $key:ident => $body:expr) => {{
        use $crate::render::pages::{Job, article, folded, lists, ranked, subjects};
        match $job {
            Job::Home => {
                type $spec = lists::Home;
                let $key = ();
                $body
            }
            Job::Articles(page) => {
                type $spec = lists::ArticleList;
                let $key = page;
                $body
            }
            Job::People(page) => {
                type $spec = lists::PeopleList;
                let $key = page;
                $body
            }
            Job::Events(page) => {
                type $spec = lists::EventList;
                let $key = page;
                $body
            }
            Job::Entities(kind) => {
                type $spec = lists::EntityList;
                let $key = kind;
                $body
            }
            Job::Ranked(kind, page) => {
                type $spec = ranked::Ranked;
                let $key = (kind, page);
                $body
            }
            Job::NotFound => {
                type $spec = lists::NotFound;
                let $key = ();
                $body
            }
            Job::Search => {
                type $spec = lists::Search;
                let $key = ();
                $body
            }
            Job::Article(i) => {
                type $spec = article::ArticlePage;
                let $key = i;
                $body
            }
            Job::Folded(copy, into) => {
                type $spec = folded::FoldedPage;
                let $key = (copy, into);
                $body
            }
            Job::Person(i, page) => {
                type $spec = subjects::PersonPage;
                let $key = (i, page);
                $body
            }
            Job::Entity(kind, i, page) => {
                type $spec = subjects::EntityPage;
                let $key = (kind, i, page);
                $body
            }
            Job::Event(i, page) => {
                type $spec = subjects::EventPage;
                let $key = (i, page);
                $body
            }
        }
    }};
}
pub(super) use for_page;

/// Every page, in the order of the plan: the pages about the whole site, every article, the
/// pages of each person, organisation, place and event (the first at its own URL), then the
/// later pages of the lists.
pub(super) fn jobs(r: &super::Renderer) -> Vec<Job> {
    use EntityKind::{Organisation, Place};
    let index = r.index;
    let mut jobs = vec![Job::Home, Job::Articles(0), Job::People(0), Job::Events(0), Job::NotFound, Job::Search];
    jobs.extend([Job::Entities(Organisation), Job::Entities(Place)]);
    jobs.extend(KINDS.map(|kind| Job::Ranked(kind, 0)));
    jobs.extend((0..index.articles.len()).map(Job::Article));
    jobs.extend(index.copies.iter().enumerate().map(|(c, copy)| Job::Folded(c, copy.into)));
    for i in (0..index.entities.people.len()).filter(|&i| index.entities.people[i].page) {
        jobs.extend((0..r.subject_pages(&index.entities.people[i].articles)).map(|page| Job::Person(i, page)));
    }
    for kind in [Organisation, Place] {
        for (i, e) in index.entities[kind].iter().enumerate() {
            jobs.extend((0..r.subject_pages(&e.articles)).map(|page| Job::Entity(kind, i, page)));
        }
    }
    for (i, e) in index.events.iter().enumerate() {
        jobs.extend((0..r.subject_pages(&e.articles)).map(|page| Job::Event(i, page)));
    }
    jobs.extend((1..r.list_pages(r.refs.articles.len())).map(Job::Articles));
    jobs.extend((1..r.list_pages(r.order.by_name.people.len())).map(Job::People));
    jobs.extend((1..r.list_pages(r.refs.events.len())).map(Job::Events));
    for kind in KINDS {
        jobs.extend((1..r.list_pages(ranked::ranked_len(r, kind))).map(|page| Job::Ranked(kind, page)));
    }
    jobs
}

/// List pages link to the pages this many either side of them (and the first and last).
const PAGINATION_NEAR: usize = 2;

/// `pagination` on a list page or a subject's page. Numbers are 1-based, urls root-relative.
#[derive(serde::Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first and last pages and those near this one, with a gap (number and url null)
    /// wherever pages are left out: every page links to a handful of others, not to all.
    pub pages: Vec<PageNumber>,
    pub newest_first: bool,
    /// Pages in an order other than time (a ranking, most first; people by name): previous
    /// and next, not newer and older.
    pub ranked: bool,
}

#[derive(serde::Serialize)]
pub struct PageNumber {
    pub number: Option<usize>,
    pub url: Option<String>,
}

impl Pagination {
    /// Page `page` (0-based) of `total`, the URL of each page by `url`.
    pub fn new(page: usize, total: usize, newest_first: bool, url: impl Fn(usize) -> String) -> Pagination {
        let near = page.saturating_sub(PAGINATION_NEAR)..=(page + PAGINATION_NEAR).min(total - 1);
        let mut shown: Vec<usize> = [0].into_iter().chain(near).chain([total - 1]).collect();
        shown.dedup();
        let mut pages = Vec::new();
        for (i, &p) in shown.iter().enumerate() {
            if i > 0 && p > shown[i - 1] + 1 {
                pages.push(PageNumber { number: None, url: None });
            }
            pages.push(PageNumber { number: Some(p + 1), url: Some(url(p)) });
        }
        Pagination {
            current: page + 1,
            total,
            previous: (page > 0).then(|| url(page - 1)),
            next: (page + 1 < total).then(|| url(page + 1)),
            pages,
            newest_first,
            ranked: false,
        }
    }
}

/// `people/<slug>.html` for a subject's first page, `people/<slug>/page/2.html` after it.
pub(super) fn subject_path(first: &str, page: usize) -> String {
    if page == 0 { first.to_string() } else { format!("{}/page/{}.html", first.trim_end_matches(".html"), page + 1) }
}

/// `articles/index.html` for the first page, `articles/page/2.html` after it.
pub(super) fn list_path(folder: &str, page: usize) -> String {
    if page == 0 { format!("{folder}/index.html") } else { format!("{folder}/page/{}.html", page + 1) }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("a folder");
        for entry in std::fs::read_dir(from).expect("a fixture") {
            let entry = entry.expect("an entry");
            let target = to.join(entry.file_name());
            if entry.file_type().expect("a type").is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("a copy");
            }
        }
    }

    /// A profile is an input of its person's pages: a rebuild that keeps unchanged pages
    /// (the page manifest) still makes the page of a person whose bio or affiliation changed.
    #[test]
    fn a_rebuild_shows_what_a_profile_says_now() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let site = dir.path().join("site");
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/basic"), &site);
        let options = crate::BuildOptions { output: Some(dir.path().join("out")), ..Default::default() };
        crate::build(&site, &options).expect("a build");
        let profile = site.join("content/people/vladimir-putin.md");
        let text = std::fs::read_to_string(&profile).expect("the profile");
        let edited = text.replace("President of **Russia**.", "Leads the Kremlin.");
        let edited = edited.replace("affiliation: Government of Russia", "affiliation: The Kremlin");
        assert_ne!(text, edited, "the fixture's profile has the bio and affiliation this test edits");
        std::fs::write(&profile, edited).expect("an edit");
        let report = crate::build(&site, &options).expect("a rebuild");
        assert!(report.unchanged > 0, "the rebuild reuses the pages the profile is not on");
        let page = std::fs::read_to_string(dir.path().join("out/people/vladimir-putin.html")).expect("the page");
        assert!(page.contains("Leads the Kremlin."), "the new bio is shown");
        assert!(page.contains("The Kremlin") && !page.contains("Government of Russia"), "the new affiliation");
    }
}
