#!/usr/bin/env python3
"""What the evaluation kit's speaker figure can and cannot tell about brief's speakers.

    python3 benches/speakers.py ceiling              # the first-word rule's ceiling, dev and train
    python3 benches/speakers.py lenient              # speaker accuracy, also accepting a contained name
    python3 benches/speakers.py sample --split dev   # 40 quotes scored wrong, to read by hand

`ceiling` counts the gold quotes with a named speaker that no prediction naming the person
by a full name (two words or more) can get right under score.py's rule "where both give two
or more tokens, their first tokens must also agree": the gold speaker is a description that
opens with another word than the name it holds ("MSNBC host Chris Matthews", "rival Donald
Trump"). It errs towards the system: a quote counts as winnable when any run of capitalised
words inside the gold description is accepted ("Crooked Hillary Clinton" accepts itself), and
a description with no run of two name tokens ("Zarate, the former deputy national security
adviser", "Mr. McGinley, the law professor") is not counted, though it refuses "Juan Zarate"
and "Patrick McGinley" too. One minus that share is an upper bound on the speaker accuracy
of a system that names people by their full names, before any error of its own and with a
gold that is never wrong.

`lenient` scores brief's speakers as score.py does, and again accepting also a predicted name
whose words all stand in the gold's description ("Chris Matthews" in "MSNBC host Chris
Matthews"): a figure that follows the annotator's own errors more closely.

`sample` annotates the split with ./target/release/brief, scores it the way score.py does and
prints a seeded random sample of the matched quotes whose speaker was scored wrong, each with
its gold description, brief's speaker and the article around it, for a reading by hand.

Reads ../shared/eval (the evaluation kit beside the repository). Figures only; no test.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIT = os.path.join(ROOT, "..", "shared", "eval")
sys.path.insert(0, KIT)
import score  # noqa: E402

CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'-]*")


def gold(split):
    with open(os.path.join(KIT, "polnear", split, "gold.jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def full_names_in(description):
    """Each run of capitalised words in the description that the scorer reads as two or more
    name tokens (its titles dropped): "Chris Matthews" in "MSNBC host Chris Matthews"."""
    return [run for run in CAPITALISED_RUN.findall(description) if len(score.name_tokens(run)) >= 2]


def ceiling(split):
    named = refused = 0
    examples = []
    for article in gold(split):
        for quote in article["quotes"]:
            if not quote["named"]:
                continue
            named += 1
            names = full_names_in(quote["speaker"])
            if names and not any(score.speaker_ok(quote, n) for n in names):
                refused += 1
                examples.append(quote["speaker"])
    print(f"{split}: {named} quotes with a named speaker; {refused} ({refused / named:.1%}) refuse every full name "
          f"in their description; ceiling {1 - refused / named:.3f}")
    print("    e.g. " + "; ".join(sorted(set(examples))[:6]))


def matched_pairs(gold_quotes, predicted):
    """score.py's one-to-one matching: best overlap first."""
    gt = [score.words(q["text"]) for q in gold_quotes]
    pt = [score.words(q.get("text", "")) for q in predicted]
    pairs = []
    for i, g in enumerate(gt):
        for j, p in enumerate(pt):
            common = len(set(g) & set(p)) if g and p else 0
            if common and common >= 0.5 * len(set(g)) and common >= 0.5 * len(set(p)):
                pairs.append((common / max(len(set(g)), len(set(p))), i, j))
    used_g, used_p = set(), set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            yield gold_quotes[i], predicted[j]


def annotate(split):
    binary = os.path.join(ROOT, "target", "release", "brief")
    articles = os.path.join(KIT, "polnear", split, "articles")
    # A bare site as the registry, as benches/eval.sh has it: not the example's profiles.
    with tempfile.TemporaryDirectory() as bare:
        open(os.path.join(bare, "brief.yaml"), "w").close()
        command = [binary, "annotate", "--root", bare, articles, "--format", "jsonl"]
        out = subprocess.run(command, capture_output=True, text=True, check=True)
    return {d["id"]: d["quotes"] for d in map(json.loads, out.stdout.splitlines())}


def contained(gold_quote, predicted):
    """The predicted name's words all stand in the gold's description: "Chris Matthews" in
    "MSNBC host Chris Matthews", "Juan Zarate" is not in "Zarate, the former deputy…"."""
    words = score.name_tokens(predicted or "")
    return bool(words) and set(words) <= set(score.name_tokens(gold_quote["speaker"] or ""))


def lenient(split):
    predicted = annotate(split)
    named = strict = loose = 0
    for article in gold(split):
        for g, p in matched_pairs(article["quotes"], predicted.get(article["id"], [])):
            if g["named"]:
                named += 1
                ok = score.speaker_ok(g, p.get("speaker"))
                strict += ok
                loose += ok or contained(g, p.get("speaker"))
    print(f"{split}: {named} matched quotes with a named gold speaker; score.py's speaker accuracy "
          f"{strict / named:.3f}; also accepting a name whose words all stand in the gold's description "
          f"{loose / named:.3f}")


def sample(split, size, seed):
    articles = os.path.join(KIT, "polnear", split, "articles")
    predicted = annotate(split)
    wrong = []
    for article in gold(split):
        for g, p in matched_pairs(article["quotes"], predicted.get(article["id"], [])):
            if g["named"] and not score.speaker_ok(g, p.get("speaker")):
                wrong.append((article["id"], g, p))
    print(f"{split}: {len(wrong)} matched quotes with a named gold speaker scored wrong; a sample of {size} (seed {seed}):")
    random.Random(seed).shuffle(wrong)
    for n, (doc, g, p) in enumerate(wrong[:size], 1):
        with open(os.path.join(articles, doc + ".md")) as f:
            body = f.read()
        context = body[max(0, g["start"] - 350):g["end"] + 150].replace("\n", " ¶ ")
        print(f"\n{n}. {doc}\n   gold: {g['speaker']!r} (written {g['source']!r})\n   brief: {p.get('speaker')!r}"
              f" (verb {p.get('cue')!r})\n   quote: {g['text'][:120]!r}\n   text: …{context}…")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("ceiling")
    sub.add_parser("lenient")
    s = sub.add_parser("sample")
    s.add_argument("--split", default="dev", choices=["dev", "train"])
    s.add_argument("--size", type=int, default=40)
    s.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not os.path.isdir(KIT):
        sys.exit(f"benches/speakers.py: the evaluation kit is not at {os.path.normpath(KIT)}")
    if args.command in ("ceiling", "lenient"):
        for split in ("dev", "train"):
            (ceiling if args.command == "ceiling" else lenient)(split)
    else:
        sample(args.split, args.size, args.seed)


if __name__ == "__main__":
    main()
