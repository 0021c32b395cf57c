#!/usr/bin/env python3
"""Write src/annotate/first-names.tsv: the given names of the US Census Bureau's 1990 name
files (public domain, as shipped in the `names` package on PyPI), each used by at least
MIN_PERCENT of people of one sex, with the sex it is given to: "f", "m", or "b" where it is given to both (the rarer at
least a quarter as often as the other).

    pip download names --no-deps -d /tmp/names && tar xzf /tmp/names/names-*.tar.gz -C /tmp/names
    tools/first_names.py /tmp/names/names-*/names > src/annotate/first-names.tsv

Names that are places of the gazetteer (src/annotate/places.tsv, and the hand list in
lexicon.rs) or English words a sentence may open with are left out: a first name makes a
capitalised run a person's.
"""
import os, re, sys

MIN_PERCENT = 0.02
BOTH = 0.25
# Words of the lists that open sentences or name things more often than people.
WORDS = {
    "August", "Autumn", "Brain", "Charity", "Chase", "Christian", "Junior", "Gay", "Ginger", "Jewel",
    "Major", "Royal", "Sterling", "Summer", "Sunny", "Virgil", "Young", "Lane", "Grant", "Guy", "Ray",
    "Rich", "Price", "Mercedes", "Page", "Sharon", "Misty", "Precious", "Destiny", "Miracle", "Star",
    "Dusty", "Sandy", "Rusty", "Ruby", "Pearl", "Iris", "Violet", "Daisy", "Holly", "Ivy", "Fern",
    "Cruz", "Trinity", "Harmony", "Eve", "Dee", "Carol", "Bill", "Will", "Mark", "Pat", "Sue", "Don",
    "Hope", "Joy", "Faith", "Grace", "Rose", "May", "June", "April", "Dawn", "Robin", "Jan", "Jo",
    "Clay", "Cliff", "Dale", "Glen", "Heath", "Forrest", "Drew", "Wade", "Chance", "Colt", "Rod",
    "Wm", "Roman", "Olive", "Melody", "Candy", "Brandy", "Ebony", "Opal", "Earnest", "Ellis", "Kim",
}


def read(path):
    out = {}
    for line in open(path):
        name, percent, _, _ = line.split()
        if float(percent) >= MIN_PERCENT:
            out[name.capitalize()] = float(percent)
    return out


def main():
    data = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    places = {l.split("\t")[0] for l in open(os.path.join(root, "src/annotate/places.tsv"))}
    lexicon = open(os.path.join(root, "src/annotate/lexicon.rs")).read()
    hand = lexicon[lexicon.index("const PLACES"):]
    places |= set(re.findall(r'"([^"]+)"', hand[: hand.index("];")]))
    male, female = read(os.path.join(data, "dist.male.first")), read(os.path.join(data, "dist.female.first"))
    print("# Given names of the US Census 1990 (public domain), written by tools/first_names.py")
    for name in sorted(set(male) | set(female)):
        if name in places or name in WORDS:
            continue
        # A name of both lists is given the sex of the list where it is commoner, unless it is
        # given to the other at least a quarter as often: then it tells neither ("b").
        m, f = male.get(name, 0), female.get(name, 0)
        sex = "b" if min(m, f) >= BOTH * max(m, f) else "m" if m > f else "f"
        print(f"{name}\t{sex}")


main()
