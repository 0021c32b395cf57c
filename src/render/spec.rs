//! What a page kind is: a [`PageSpec`] gives its path, template, typed context and the inputs
//! it is made from. The full build, the preview's signatures and what an edit touches all come
//! from the spec: a page's signature is the hash of its [`Input`]s, and its context is made
//! from those same inputs, so a field cannot reach a page without reaching its signature.

use super::context::*;
use super::{Hashes, Item, Job, Page, Planned, Renderer};
use crate::error::Result;
use crate::index::{ArticleEntry, Changed, EntityId, Index};
use serde::{Serialize, Serializer};
use std::hash::{DefaultHasher, Hash, Hasher};
use tera::Value;

/// One kind of page.
pub(crate) trait PageSpec {
    /// Which page of the kind: an article's position, a list's page number, a person and a page.
    type Key: Copy;
    /// Everything the page is made from, by record and setting: its signature is their hash.
    type Inputs<'r>: Input;
    /// What the template sees (documented in docs/templates.md): each field a top-level name.
    type Context<'r>: Serialize;

    /// The page's kind, as templates see it in `page.kind`.
    fn kind(key: Self::Key) -> &'static str;
    fn template(key: Self::Key) -> &'static str;
    /// Relative to the output folder.
    fn path(r: &Renderer, key: Self::Key) -> String;
    fn inputs<'r>(r: &'r Renderer, key: Self::Key) -> Self::Inputs<'r>;
    /// The context, made from `inputs` alone: `r` is asked only through their handles (and
    /// for the site's settings, which are no page's input: a change to them renders all).
    fn context<'r>(r: &'r Renderer, inputs: Self::Inputs<'r>) -> Self::Context<'r>;
    /// Title, description and JSON-LD, read from the context.
    fn meta(site: &SiteContext, path: &str, context: &Self::Context<'_>) -> super::meta::Meta;
    /// The Atom feed that follows the page.
    fn feed(_r: &Renderer, _key: Self::Key) -> String {
        "feed.xml".to_string()
    }
    /// Whether an article replaced in place (`changes`) can have changed the page: only the
    /// pages that show what it touched can, besides those about the whole site.
    fn touched(_changes: &[Changed], _key: Self::Key) -> bool {
        true
    }
}

/// A page's place in the plan, with its signature.
pub(super) fn plan<S: PageSpec>(r: &Renderer, key: S::Key, job: Job) -> Planned {
    Planned {
        item: Item::Page(job),
        path: S::path(r, key),
        signature: Some(r.sign(S::kind(key), &S::inputs(r, key))),
        template: Some(S::template(key)),
    }
}

/// A page rendered through its template.
pub(super) fn render<S: PageSpec>(r: &Renderer, key: S::Key) -> Result<Page> {
    let path = S::path(r, key);
    let context = S::context(r, S::inputs(r, key));
    let meta = S::meta(&r.site, &path, &context);
    r.render_page(path, S::kind(key), S::template(key), meta, S::feed(r, key), value(&context))
}

/// What an input adds to a signature: a record its hash (made once per plan, [`Hashes`]),
/// a plain value itself.
pub(crate) struct Signer<'r> {
    pub index: &'r Index,
    pub hashes: &'r Hashes,
}

pub(crate) trait Input {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher);
}

/// Declares an inputs struct and signs every field of it, in order: a field added to the
/// inputs is in the signature.
macro_rules! inputs {
    ($(#[$meta:meta])* pub struct $name:ident $(<$lt:lifetime>)? {
        $($(#[$field_meta:meta])* pub $field:ident: $ty:ty),* $(,)?
    }) => {
        $(#[$meta])*
        pub struct $name $(<$lt>)? { $($(#[$field_meta])* pub $field: $ty),* }
        impl $(<$lt>)? $crate::render::spec::Input for $name $(<$lt>)? {
            fn sign(&self, s: &$crate::render::spec::Signer, h: &mut std::hash::DefaultHasher) {
                $(self.$field.sign(s, h);)*
            }
        }
    };
}
pub(super) use inputs;

macro_rules! plain {
    ($($ty:ty),*) => {$(
        impl Input for $ty {
            fn sign(&self, _: &Signer, h: &mut DefaultHasher) {
                self.hash(h);
            }
        }
    )*};
}
plain!(usize, bool, str, crate::content::Date, crate::annotate::Span, crate::annotate::EntityKind);

impl<T: Input + ?Sized> Input for &T {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        (**self).sign(s, h);
    }
}

impl<T: Input> Input for Option<T> {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        self.is_some().hash(h);
        if let Some(input) = self {
            input.sign(s, h);
        }
    }
}

impl<T: Input> Input for [T] {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        self.len().hash(h);
        self.iter().for_each(|input| input.sign(s, h));
    }
}

impl<T: Input> Input for Vec<T> {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        self.as_slice().sign(s, h);
    }
}

impl Input for () {
    fn sign(&self, _: &Signer, _: &mut DefaultHasher) {}
}

/// Each kind's value in turn: as three fields, people, organisations and places.
impl<T: Input> Input for crate::kinds::ByKind<T> {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        self.iter().for_each(|(_, input)| input.sign(s, h));
    }
}

impl<A: Input, B: Input> Input for (A, B) {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        self.0.sign(s, h);
        self.1.sign(s, h);
    }
}

/// A reference shown on a page: its template value (shared between the pages that show it),
/// with the record for what the page reads of it (the JSON-LD). Serialised as the value.
pub struct Shared<'r, T> {
    pub value: Value,
    pub record: &'r T,
}

impl<T> Serialize for Shared<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// The handles of the records pages show, by their place in the index. Each is signed with
/// the record's hash and shown as the record's value: what a page shows is what it is signed by.
macro_rules! record {
    ($(#[$meta:meta])* $name:ident($k:ident: $key:ty) -> $record:ty {
        hash: |$s:ident| $hash:expr,
        record: |$rr:ident| $get:expr,
        value: |$r:ident| $value:expr $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name(pub $key);
        impl Input for $name {
            fn sign(&self, $s: &Signer, h: &mut DefaultHasher) {
                let $k = self.0;
                h.write_u64($hash);
            }
        }
        impl $name {
            pub fn record<'r>(self, $rr: &'r Renderer) -> &'r $record {
                let $k = self.0;
                $get
            }
            pub fn shown<'r>(self, $r: &'r Renderer) -> Shared<'r, $record> {
                let $k = self.0;
                Shared { value: $value, record: self.record($r) }
            }
        }
    };
}

record! {
    /// An article in a list: [`ArticleRef`].
    ArticleCard(i: usize) -> ArticleRef {
        hash: |s| s.hashes.articles[i],
        record: |r| &r.refs.articles[i],
        value: |r| r.values.article(&r.refs, i),
    }
}

record! {
    /// A quote: [`QuoteRef`], its speaker shown by their link.
    QuoteCard(q: usize) -> QuoteRef {
        hash: |s| crate::render::hash_of(&(s.hashes.quotes[q], s.index.quotes[q].speaker.map(|id| s.hashes.link(id)))),
        record: |r| &r.refs.quotes[q],
        value: |r| r.values.quote(&r.refs, r.index, q),
    }
}

record! {
    /// A person, organisation or place named in passing: [`EntityLink`].
    Link(id: EntityId) -> EntityLink {
        hash: |s| s.hashes.link(id),
        record: |r| r.refs.link(id),
        value: |r| r.values.link(&r.refs, id),
    }
}

record! {
    /// An event named in passing: [`EventLink`].
    EventMention(e: usize) -> EventLink {
        hash: |s| s.hashes.event_links[e],
        record: |r| &r.refs.event_links[e],
        value: |r| r.values.event_link(&r.refs, e),
    }
}

record! {
    /// A person in a list, with their counts: [`PersonRef`].
    PersonCard(p: usize) -> PersonRef {
        hash: |s| s.hashes.entities.people[p],
        record: |r| &r.refs.people[p],
        value: |r| r.values.person(&r.refs, p),
    }
}

record! {
    /// An event in a list, with its count: [`EventRef`].
    EventCard(e: usize) -> EventRef {
        hash: |s| s.hashes.events[e],
        record: |r| &r.refs.events[e],
        value: |r| r.values.event(&r.refs, e),
    }
}

record! {
    /// An organisation or place in a list, with its counts: [`EntityRef`].
    EntityCard(id: EntityId) -> EntityRef {
        hash: |s| s.hashes.entity(id),
        record: |r| r.refs.place_or_organisation(id),
        value: |r| value(r.refs.place_or_organisation(id)),
    }
}

/// The article itself, for its own page: everything read from its file (the fingerprint)
/// and its reference.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText(pub usize);

impl Input for ArticleText {
    fn sign(&self, s: &Signer, h: &mut DefaultHasher) {
        h.write_u64(s.index.articles[self.0].article.fingerprint);
        h.write_u64(s.hashes.articles[self.0]);
    }
}

impl ArticleText {
    pub fn record<'r>(self, r: &'r Renderer) -> &'r ArticleEntry {
        &r.index.articles[self.0]
    }
}

/// A person's profile (`content/people/`), signed by every field a page can show.
#[derive(Debug, Clone, Copy)]
pub struct Profile<'r>(pub &'r crate::content::Person);

impl Input for Profile<'_> {
    fn sign(&self, _: &Signer, h: &mut DefaultHasher) {
        let p = self.0;
        (&p.name, &p.aliases, &p.role, &p.affiliation, &p.country, &p.bio).hash(h);
        serde_json::to_string(&p.extra).unwrap_or_default().hash(h);
    }
}

/// An event's profile (`content/events/`, or the editors' decisions for a discovered one).
#[derive(Debug, Clone, Copy)]
pub struct EventProfile<'r>(pub &'r crate::content::Event);

impl Input for EventProfile<'_> {
    fn sign(&self, _: &Signer, h: &mut DefaultHasher) {
        let e = self.0;
        (&e.name, &e.start, &e.end, &e.place, &e.summary).hash(h);
        serde_json::to_string(&e.extra).unwrap_or_default().hash(h);
    }
}
