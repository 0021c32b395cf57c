#!/usr/bin/env bash
# The evaluation kit's two figures for the annotator as it is built now: quotes and speakers
# per article (score.py), and people, organisations, places and events across the dev split
# built as one site (site_score.py). Needs ../shared/eval beside the repository.
# Usage: benches/eval.sh [dev|train]   (train has no site gold: only score.py runs)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
kit=../shared/eval
[ -d "$kit/polnear/$split" ] || { echo "no evaluation kit at $kit" >&2; exit 1; }
cargo build --release --quiet
brief=./target/release/brief
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A bare site as the registry, so that the figures are brief's alone wherever this runs (in
# the repository the example's profiles would be the registry).
mkdir "$work/bare" && touch "$work/bare/brief.yaml"
"$brief" annotate --root "$work/bare" "$kit/polnear/$split/articles" --format jsonl > "$work/$split.jsonl"
echo "== quotes and speakers ($split, score.py)"
python3 "$kit/score.py" "$kit/polnear/$split/gold.jsonl" "$work/$split.jsonl"
if [ -f "$kit/polnear/$split/site-gold.jsonl" ]; then
  echo "== the $split articles as one site (site_score.py)"
  "$brief" init "$work/site" > /dev/null
  rm "$work"/site/content/*/*
  cp "$kit/polnear/$split/articles/"*.md "$work/site/content/articles/"
  "$brief" build --root "$work/site" --quiet
  python3 "$kit/site_score.py" "$kit/polnear/$split/site-gold.jsonl" "$work/site/public"
fi
