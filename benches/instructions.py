#!/usr/bin/env python3
"""Counts the instructions a build executes, per stage, under valgrind's callgrind: a figure
that repeats exactly for the same binary and input, where wall and CPU times on these shared
VMs move by 10 to 30% from one run to the next. Use it to tell whether a change to the code
made the build do less work; use benches/build.py for what a user waits.

    python3 benches/instructions.py                 # the 1,000-article corpus, ~15 s
    python3 benches/instructions.py --size 10000    # ~2.5 minutes

Runs `examples/stages` once on one thread (the work is the same on any number of threads),
corpora from ../shared/bench/gen_corpus.py as benches/build.py makes them. Figures only.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import ROOT, corpus  # noqa: E402

# Inclusive counts of these functions, in this order: the stages of examples/stages.
# Callgrind counts a function's callees on its own thread only: the parallel parts are named
# by the functions the worker threads run (reading an article, resolving one for the index).
STAGES = [
    ("load (per article)", "brief::content::load_article"),
    ("annotate", "brief::annotate::annotate"),
    ("index", "brief::index::build"),
    ("index (per article)", "brief::index::Lookup::resolve"),
    ("render: page contexts", "brief::render::Renderer::page"),
    ("render: Tera", "tera::tera::Tera::render"),
    ("render: feeds, API, search", "brief::render::publish::site_file"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--work", default="/tmp/brief-bench")
    args = parser.parse_args()
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        print("valgrind is not installed (apt-get install -y valgrind): nothing to count")
        return
    if not os.path.isfile(args.generator):
        print(f"no corpus generator at {args.generator}: nothing to count")
        return
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "stages"], cwd=ROOT, check=True)
    site = corpus(args.generator, args.size, args.work)
    stages = os.path.join(ROOT, "target", "release", "examples", "stages")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", stages, site, "1"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Run away from the sources: inside the repository callgrind_annotate names files by
        # relative paths and splits a function's cost over several entries.
        report = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp,
        ).stdout
    total = re.search(r"^\s*([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", report, re.M)
    print(f"{args.size} articles, one thread, instructions (millions)")
    print(f"{'all':>28} {int(total.group(1).replace(',', '')) / 1e6:>10,.0f}")
    for label, function in STAGES:
        # The function's own line (its path, then `:name [binary]`), not the lines of its callers.
        line = re.search(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+\S+:" + re.escape(function) + r" \[", report, re.M)
        count = int(line.group(1).replace(",", "")) / 1e6 if line else 0
        print(f"{label:>28} {count:>10,.0f}")


if __name__ == "__main__":
    main()
