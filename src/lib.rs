//! brief: a static site generator for annotated news briefings.

pub mod annotate;
