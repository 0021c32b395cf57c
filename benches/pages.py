#!/usr/bin/env python3
"""Makes a site of N saved web pages from the fixtures in tests/sites/pages (each copy with its
own headline, link and a paragraph of its own, so no two are one article), for timing the
page reader and a build of such a site:

    python3 benches/pages.py --pages 10000 --heavy --out /tmp/brief-pages-10k
    ./target/release/brief build --root /tmp/brief-pages-10k -o OUT --no-cache --timings   # cold
    ./target/release/brief build --root /tmp/brief-pages-10k -o OUT --timings              # warm (run twice)
    RAYON_NUM_THREADS=1 taskset -c 0 ./target/release/brief build --root SITE -o OUT --no-cache   # one core

`--no-cache` makes every page be read afresh; without it, a build after the first takes what
each unchanged page gave from the extraction cache. docs/benchmarks.md ("Saved web pages")
keeps the figures.

Figures only: nothing is asserted, and the generated site is not kept in the repository.
"""
import argparse
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "sites", "pages")


# What a big news site's page carries besides its story: tag managers and bundles inline,
# styles, a mega-menu, teaser rails and a footer of links.
HEAVY_HEAD = (
    b"<script>" + b"window.__STATE__={\"k\":\"" + b"x" * 120_000 + b"\"};</script>\n"
    + b"<style>" + b".c{color:#123;margin:0 auto;padding:4px}\n" * 800 + b"</style>\n"
)
HEAVY_BODY = (
    b"<nav class=\"mega-menu\"><ul>"
    + b"".join(b"<li><a href=\"/section/%d\">Section %d</a></li>" % (i, i) for i in range(300))
    + b"</ul></nav>\n<section class=\"more-stories\">"
    + b"".join(
        b"<div class=\"teaser\"><a href=\"/story/%d\"><img src=\"/i/%d.jpg\"><h3>Another story, number %d, "
        b"about the coast</h3></a><p>A short standfirst for a teaser that leads elsewhere.</p></div>" % (i, i, i)
        for i in range(40)
    )
    + b"</section>\n<footer class=\"site-footer\">"
    + b"".join(b"<a href=\"/f/%d\">Footer link %d</a> " % (i, i) for i in range(200))
    + b"</footer>\n"
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--out", default="/tmp/brief-pages-10k")
    parser.add_argument(
        "--heavy",
        action="store_true",
        help="pad each page to the size of a big news site's (about 250 KB: scripts, styles, menus, teasers)",
    )
    args = parser.parse_args()
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    shutil.copytree(FIXTURE, args.out, ignore=shutil.ignore_patterns("articles"))
    articles = os.path.join(FIXTURE, "content", "articles")
    # The roundup holds two articles; the others one each.
    sources = sorted(f for f in os.listdir(articles) if not f.startswith("weekend-roundup"))
    texts = [(name, open(os.path.join(articles, name), "rb").read()) for name in sources]
    out = os.path.join(args.out, "content", "articles")
    os.makedirs(out)
    for i in range(args.pages):
        name, data = texts[i % len(texts)]
        stem, ext = os.path.splitext(name)
        n = str(i).encode()
        # A link, headline and paragraph of its own.
        data = re.sub(rb"(https://[a-z.]+example\.[a-z]+/[^\"<?]*)", rb"\1-" + n, data)
        data = data.replace(b"</h1>", b" (" + n + b")</h1>", 1)
        data = data.replace(b"<p>", b"<p>Copy " + n + b" of the report follows. ", 1)
        if args.heavy:
            data = data.replace(b"</head>", HEAVY_HEAD + b"</head>", 1).replace(b"</body>", HEAVY_BODY + b"</body>", 1)
        with open(os.path.join(out, f"{stem}-{i:05d}{ext}"), "wb") as f:
            f.write(data)
    print(f"wrote {args.pages} pages into {out}")


if __name__ == "__main__":
    main()
