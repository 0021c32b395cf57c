#!/usr/bin/env bash
# The search page on a large site, in Chromium over HTTP: a copy of a corpus with one word put
# into the text of one article only, built, then searched for that word. Prints the bytes the
# page and the query fetched, and the size of the index.
# Usage: benches/search.sh CORPUS [ARTICLE]   (CORPUS: a site folder, e.g. from gen_corpus.py
# with an empty brief.yaml; ARTICLE: a path inside it)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
(cd .ci/browser && npm ci --no-audit --no-fund --silent)
cp -r "$corpus" "$work/site"
# The article in the middle of the list, or ARTICLE (a path inside CORPUS).
if [ $# -ge 2 ]; then
  article="$work/site/$2"
else
  files=$(find "$work/site/content/articles" -type f | sort)
  article=$(echo "$files" | sed -n "$(( $(echo "$files" | wc -l) / 2 + 1 ))p")
fi
printf '\nA zeppelin hangar stood empty beside the runway.\n' >> "$article"
./target/release/brief build --root "$work/site" -o "$work/out" --quiet
slug=$(basename "${article%.*}" | tr "_A-Z" "-a-z")
echo "index: $(du -sh --apparent-size "$work/out/search" | cut -f1) in $(find "$work/out/search" -type f | wc -l) files; the article: $slug"
node .ci/browser/search.mjs "$work/out" zeppelin "$slug"
