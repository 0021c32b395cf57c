//! Editors' corrections from front matter, applied after everything else so that they
//! always win: set or clear a quote's speaker, add or remove people. (Aliases are applied
//! earlier, while names are matched.)

use super::{Annotations, Entity, EntityKind, Overrides, Speaker};

pub fn apply(annotations: &mut Annotations, overrides: &Overrides) {
    for name in &overrides.remove_people {
        remove_person(annotations, name);
    }
    for name in &overrides.add_people {
        person(annotations, name);
    }
    for correction in &overrides.speakers {
        let prefix = normalise(&correction.quote);
        if prefix.is_empty() {
            continue;
        }
        let speaker = correction.speaker.as_deref().map(|name| Speaker::Entity { entity: person(annotations, name) });
        for quote in &mut annotations.quotes {
            if normalise(&quote.text).starts_with(&prefix) {
                quote.speaker = speaker.clone();
                quote.cue = None;
            }
        }
    }
}

/// The person of that name, added when the article has none.
fn person(annotations: &mut Annotations, name: &str) -> usize {
    let name = name.trim();
    if let Some(i) =
        annotations.entities.iter().position(|e| e.kind == EntityKind::Person && e.name.eq_ignore_ascii_case(name))
    {
        return i;
    }
    annotations.entities.push(Entity { kind: EntityKind::Person, name: name.to_string(), registry_id: None });
    annotations.entities.len() - 1
}

fn remove_person(annotations: &mut Annotations, name: &str) {
    let name = name.trim();
    annotations.unsure.retain(|u| !u.name.eq_ignore_ascii_case(name));
    let Some(gone) =
        annotations.entities.iter().position(|e| e.kind == EntityKind::Person && e.name.eq_ignore_ascii_case(name))
    else {
        return;
    };
    annotations.entities.remove(gone);
    let shift = |i: usize| if i > gone { i - 1 } else { i };
    annotations.mentions.retain(|m| m.entity != gone);
    for mention in &mut annotations.mentions {
        mention.entity = shift(mention.entity);
    }
    for quote in &mut annotations.quotes {
        quote.speaker = match quote.speaker.take() {
            Some(Speaker::Entity { entity }) if entity == gone => None,
            Some(Speaker::Entity { entity }) => Some(Speaker::Entity { entity: shift(entity) }),
            other => other,
        };
    }
}

/// Lowercase words only, for matching an editor's quote prefix against the text.
fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
