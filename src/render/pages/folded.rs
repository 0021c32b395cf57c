//! The page at a folded copy's address: the copy's title, source and date, and a link to the
//! article it was folded into. Links from elsewhere to the copy's old page keep working, and a
//! reader learns why the page is short; search engines are told not to index it.

use crate::index::Changed;
use crate::render::Renderer;
use crate::render::context::*;
use crate::render::meta::Meta;
use crate::render::pages::article::{AlsoPublished, CopyOf};
use crate::render::spec::*;
use serde::Serialize;

pub struct FoldedPage;

inputs! {
    pub struct FoldedInputs {
        pub copy: CopyOf,
        pub into: ArticleCard,
    }
}

#[derive(Serialize)]
pub struct FoldedContext<'r> {
    pub copy: AlsoPublished<'r>,
    /// The article it was folded into.
    pub article: Shared<'r, ArticleRef>,
}

impl PageSpec for FoldedPage {
    /// The copy's place in `Index::copies`, and its primary's in `Index::articles`.
    type Key = (usize, usize);
    type Inputs<'r> = FoldedInputs;
    type Context<'r> = FoldedContext<'r>;

    fn kind(_: (usize, usize)) -> &'static str {
        "folded"
    }

    fn template(_: (usize, usize)) -> &'static str {
        "folded.html"
    }

    fn path(r: &Renderer, (copy, _): (usize, usize)) -> String {
        format!("articles/{}.html", r.index.copies[copy].article.slug)
    }

    fn inputs(_: &Renderer, (copy, into): (usize, usize)) -> FoldedInputs {
        FoldedInputs { copy: CopyOf(copy), into: ArticleCard(into) }
    }

    fn context<'r>(r: &'r Renderer, inputs: FoldedInputs) -> FoldedContext<'r> {
        FoldedContext { copy: inputs.copy.shown(r), article: inputs.into.shown(r) }
    }

    fn meta(_: &SiteContext, _: &str, context: &FoldedContext) -> Meta {
        Meta {
            title: context.copy.title.to_string(),
            description: format!("Folded into “{}”", context.article.record.title),
            jsonld: "{}".to_string(),
        }
    }

    fn touched(changes: &[Changed], (_, into): (usize, usize)) -> bool {
        changes.iter().any(|c| c.article == into)
    }
}
