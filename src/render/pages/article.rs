//! An article's page: its text with quotes and names marked up, its quotes, and what it names.

use crate::annotate::Span;
use crate::content::Extra;
use crate::index::{Changed, EntityId};
use crate::kinds::ByKind;
use crate::render::context::*;
use crate::render::markup::{self, Mark, MarkKind};
use crate::render::meta::{self, Meta};
use crate::render::spec::*;
use crate::render::{Renderer, Value};
use serde::Serialize;

pub struct ArticlePage;

inputs! {
    pub struct ArticleInputs {
        pub article: ArticleText,
        pub quotes: Vec<QuoteCard>,
        /// The names marked up in the text, each linked to what it names.
        pub mentions: Vec<(Span, Link)>,
        /// What the article names, by kind.
        pub named: ByKind<Vec<Link>>,
        pub events: Vec<EventMention>,
        /// The copies folded into the article (`fold.rs`).
        pub copies: Vec<CopyOf>,
    }
}

/// A copy folded into an article, by its place in `Index::copies`: signed by what pages show
/// of it.
#[derive(Debug, Clone, Copy)]
pub struct CopyOf(pub usize);

impl Input for CopyOf {
    fn sign(&self, s: &Signer, h: &mut std::hash::DefaultHasher) {
        use std::hash::Hash;
        let a = &s.index.copies[self.0].article;
        (&a.slug, &a.title, &a.date, &a.source, &a.url).hash(h);
    }
}

impl CopyOf {
    /// `article.also_published` in `article.html`, `copy` in `folded.html`.
    pub fn shown<'r>(self, r: &'r Renderer) -> AlsoPublished<'r> {
        let a = &r.index.copies[self.0].article;
        AlsoPublished {
            title: &a.title,
            url: format!("articles/{}.html", a.slug),
            date: a.date.map(|d| d.to_string()),
            date_display: a.date.map(|d| d.display()),
            source: a.source.as_deref(),
            source_url: a.url.as_deref(),
        }
    }
}

/// A copy of the article published elsewhere.
#[derive(Serialize)]
pub struct AlsoPublished<'r> {
    pub title: &'r str,
    /// Its page here, which says it was folded and links to the article.
    pub url: String,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub source: Option<&'r str>,
    /// Where the outlet published it.
    pub source_url: Option<&'r str>,
}

#[derive(Serialize)]
pub struct ArticleContext<'r> {
    pub article: Article<'r>,
}

/// `article` in `article.html`.
#[derive(Serialize)]
pub struct Article<'r> {
    pub title: &'r str,
    pub url: &'r str,
    pub date: Option<&'r str>,
    pub date_display: Option<&'r str>,
    pub source: Option<&'r str>,
    pub source_url: Option<&'r str>,
    pub source_home: Option<&'r str>,
    pub author: Option<&'r str>,
    pub summary: Option<&'r str>,
    pub tags: &'r [String],
    pub dateline: Option<&'r str>,
    /// The text as HTML, escaped (`markup::render_body`): a value, so that it is not copied.
    pub body: Value,
    pub quotes: Vec<Shared<'r, QuoteRef>>,
    pub people: Vec<Shared<'r, EntityLink>>,
    pub organisations: Vec<Shared<'r, EntityLink>>,
    pub places: Vec<Shared<'r, EntityLink>>,
    pub events: Vec<Shared<'r, EventLink>>,
    /// Copies of the article that were folded into it, by date.
    pub also_published: Vec<AlsoPublished<'r>>,
    pub extra: &'r Extra,
}

impl PageSpec for ArticlePage {
    type Key = usize;
    type Inputs<'r> = ArticleInputs;
    type Context<'r> = ArticleContext<'r>;

    fn kind(_: usize) -> &'static str {
        "article"
    }

    fn template(_: usize) -> &'static str {
        "article.html"
    }

    fn path(r: &Renderer, i: usize) -> String {
        article_url(r.index, i)
    }

    fn inputs(r: &Renderer, i: usize) -> ArticleInputs {
        let entry = &r.index.articles[i];
        ArticleInputs {
            article: ArticleText(i),
            quotes: entry.quotes.iter().map(|&q| QuoteCard(q)).collect(),
            mentions: entry.mentions.iter().map(|&(span, id)| (span, Link(id))).collect(),
            named: entry.named.map(|kind, list| list.iter().map(|&index| Link(EntityId { kind, index })).collect()),
            events: entry.events.iter().map(|&e| EventMention(e)).collect(),
            copies: copy_positions(r, i).map(CopyOf).collect(),
        }
    }

    fn context<'r>(r: &'r Renderer, inputs: ArticleInputs) -> ArticleContext<'r> {
        let (entry, card) = (inputs.article.record(r), ArticleCard(inputs.article.0).record(r));
        let a = &entry.article;
        let shown = |links: &[Link]| links.iter().map(|link| link.shown(r)).collect();
        ArticleContext {
            article: Article {
                title: &a.title,
                url: &card.url,
                date: card.date.as_deref(),
                date_display: card.date_display.as_deref(),
                source: a.source.as_deref(),
                source_url: a.url.as_deref(),
                source_home: a.source_home.as_deref(),
                author: a.author.as_deref(),
                summary: a.summary.as_deref(),
                tags: &a.tags,
                dateline: a.dateline.as_deref(),
                body: body(r, &inputs).into(),
                quotes: inputs.quotes.iter().map(|q| q.shown(r)).collect(),
                people: shown(&inputs.named.people),
                organisations: shown(&inputs.named.organisations),
                places: shown(&inputs.named.places),
                events: inputs.events.into_iter().map(|e| e.shown(r)).collect(),
                also_published: inputs.copies.into_iter().map(|c| c.shown(r)).collect(),
                extra: &a.extra,
            },
        }
    }

    fn meta(site: &SiteContext, path: &str, context: &ArticleContext) -> Meta {
        meta::article(site, path, &context.article)
    }

    fn touched(changes: &[Changed], i: usize) -> bool {
        changes.iter().any(|c| c.article == i)
    }
}

/// The places in `Index::copies` of the copies folded into the article at `i`.
fn copy_positions(r: &Renderer, i: usize) -> std::ops::Range<usize> {
    let copies = &r.index.copies;
    copies.partition_point(|c| c.into < i)..copies.partition_point(|c| c.into <= i)
}

/// The article's text as HTML, its quotes and the names it links marked up.
fn body(r: &Renderer, inputs: &ArticleInputs) -> String {
    let quotes = inputs.quotes.iter().map(|&q| {
        let quote = &r.index.quotes[q.0];
        let record = q.record(r);
        let speaker = record.speaker.as_ref().map(|s| s.name.clone()).or_else(|| record.unnamed.clone());
        Mark { span: quote.span, kind: MarkKind::Quote { anchor: record.id.clone(), speaker } }
    });
    let mentions = inputs.mentions.iter().filter_map(|&(span, link)| {
        // A person without a page is named in plain text.
        let link = link.record(r);
        let url = link.url.as_deref()?;
        Some(Mark { span, kind: MarkKind::Mention { class: link.kind, href: ["../", url].concat() } })
    });
    let marks: Vec<Mark> = quotes.chain(mentions).collect();
    let a = &inputs.article.record(r).article;
    markup::render_body(&a.body, a.format, &marks)
}
