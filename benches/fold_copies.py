#!/usr/bin/env python3
"""Issue #23's figure: five copies of a corpus, titles, outlets and slugs varied, give the
same quotes and people as one copy once copies are folded.

    python3 benches/fold_copies.py [ARTICLES] [WORK]

ARTICLES defaults to ../shared/eval/polnear/dev/articles (the evaluation kit's dev split);
WORK (default /tmp/fold-copies) is emptied and gets two sites: `one/` (the articles as they
are) and `five/` (each article five times: the original, and four copies under another file
name, outlet and headline). Both are built with target/release/brief (build it first), and
their api/quotes.json and api/people.json compared: every quote by its text and speaker,
every person by id with their number of quotes and articles. Prints the counts and the
differences; exits 1 if there are any. Figures only.
"""

import collections
import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BRIEF = ROOT / "target" / "release" / "brief"
HEADLINES = ["{t}", "UPDATE: {t}", "{t} (wire)", "Report: {t}", "{t}, sources say"]


def vary(text, k):
    """The k-th copy of an article's text: another outlet and headline (k = 0: as it is)."""
    if k == 0:
        return text
    head, sep, body = text.partition("\n---\n")
    lines = []
    for line in head.split("\n"):
        match = re.match(r'^title:\s*"?(.*?)"?\s*$', line)
        if match:
            title = HEADLINES[k].format(t=match.group(1))
            line = "title: " + json.dumps(title, ensure_ascii=False)
        elif line.startswith("source:"):
            line = f'source: "Syndicate {k}"'
        lines.append(line)
    return "\n".join(lines) + sep + body


def make(site, articles, copies):
    (site / "content" / "articles").mkdir(parents=True)
    (site / "brief.yaml").write_text("title: Copies\n")
    for path in sorted(articles.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for k in range(copies):
            name = path.name if k == 0 else f"syndicate-{k}-{path.name}"
            (site / "content" / "articles" / name).write_text(vary(text, k), encoding="utf-8")


def build(site):
    subprocess.run([str(BRIEF), "build", "--root", str(site), "--quiet", "--no-cache"], check=True)
    quotes = json.loads((site / "public" / "api" / "quotes.json").read_text())["quotes"]
    people = json.loads((site / "public" / "api" / "people.json").read_text())["people"]
    articles = json.loads((site / "public" / "api" / "articles.json").read_text())["articles"]
    said = collections.Counter((q["text"], q["speaker"]) for q in quotes)
    who = {p["id"]: (len(p["quotes"]), len(p["articles"])) for p in people}
    folded = sum(1 for a in articles if a.get("folded_into"))
    return said, who, len(articles), folded


def main():
    articles = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/eval/polnear/dev/articles"
    work = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path("/tmp/fold-copies")
    shutil.rmtree(work, ignore_errors=True)
    make(work / "one", articles, 1)
    make(work / "five", articles, 5)
    one, five = build(work / "one"), build(work / "five")
    for name, (said, who, listed, folded) in [("one copy", one), ("five copies", five)]:
        print(f"{name}: {listed} entries in api/articles.json ({folded} folded), "
              f"{sum(said.values())} quotes, {len(who)} people")
    quote_diff = (one[0] - five[0]) + (five[0] - one[0])
    people_diff = {p for p in one[1].keys() | five[1].keys() if one[1].get(p) != five[1].get(p)}
    print(f"quotes that differ (text, speaker; counted): {sum(quote_diff.values())}")
    print(f"people whose quote or article count differs, or who are in one site only: {len(people_diff)}")
    for person in sorted(people_diff)[:20]:
        print(f"  {person}: one copy {one[1].get(person)}, five copies {five[1].get(person)}")
    return 1 if quote_diff or people_diff else 0


if __name__ == "__main__":
    sys.exit(main())
