#!/usr/bin/env python3
"""Measures `brief build` on generated corpora: wall time, CPU time and peak memory, medians
over several runs, and Hugo on the same articles in the same run where it is installed.

    python3 benches/build.py                       # 1,000 and 10,000 articles, 3 runs each
    python3 benches/build.py --sizes 1000 10000 100000 --runs 3 --hugo
    python3 benches/build.py --sizes 10000 --incremental   # one-article rebuild with the cache

Corpora come from ../shared/bench/gen_corpus.py (override with --generator) and are kept in
--work (default /tmp/brief-bench) between runs. Figures only: nothing is asserted.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, cwd=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB) of the child."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def medians(samples):
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))


def corpus(generator, n, work, hugo=False):
    path = os.path.join(work, f"{'hugo' if hugo else 'brief'}-{n}")
    if not os.path.isdir(path):
        args = [sys.executable, generator, str(n), path] + (["--hugo"] if hugo else [])
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    # brief builds only a site: a folder with brief.yaml (empty: every default).
    config = os.path.join(path, "brief.yaml")
    if not hugo and not os.path.exists(config):
        open(config, "w").close()
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo", action="store_true", help="also time Hugo where it is installed")
    parser.add_argument("--incremental", action="store_true", help="also time a rebuild after one article changed")
    parser.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--work", default="/tmp/brief-bench")
    args = parser.parse_args()

    if not os.path.isfile(args.generator):
        print(f"no corpus generator at {args.generator}: nothing to measure")
        return
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    brief = os.path.join(ROOT, "target", "release", "brief")
    hugo = shutil.which("hugo") if args.hugo else None
    if args.hugo and not hugo:
        print("hugo is not installed (apt-get install -y hugo): brief alone")
    os.makedirs(args.work, exist_ok=True)

    print(f"machine: {os.cpu_count()} cores; medians of {args.runs} runs")
    print(f"{'articles':>9} {'tool':>19} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}")
    fresh_outputs = []
    for n in args.sizes:
        site = corpus(args.generator, n, args.work)
        tools = {
            "brief": (
                lambda dest: [brief, "build", "--quiet", "--no-cache", "--root", site, "--output", dest],
                None,
                os.path.join(args.work, f"out-brief-{n}"),
            )
        }
        if hugo:
            hsite = corpus(args.generator, n, args.work, hugo=True)
            tools["hugo"] = (lambda dest: [hugo, "--quiet", "-d", dest], hsite, os.path.join(args.work, f"out-hugo-{n}"))
        # Each tool both over its previous output (the usual rebuild) and into a new folder
        # (a first build), the runs of all interleaved, so that a slow spell of the machine
        # falls on every row alike. The new folders are removed only at the end: on an ext4
        # without a journal (these VMs) every file created within minutes of a mass deletion
        # rescans the deleted inodes, 0.3 to 0.5 ms a file for either tool, which would
        # measure the deletion rather than the build.
        samples = {(tool, fresh): [] for tool in tools for fresh in (False, True)}
        for command, cwd, dest in tools.values():
            run(command(dest), cwd=cwd)  # a previous output to rebuild over
        for i in range(args.runs):
            for name, (command, cwd, dest) in tools.items():
                samples[(name, False)].append(run(command(dest), cwd=cwd))
                fresh = f"{dest}-new-{i}"
                if os.path.exists(fresh):
                    sys.exit(f"{fresh} is left from an earlier run: remove it and wait a few minutes")
                fresh_outputs.append(fresh)
                samples[(name, True)].append(run(command(fresh), cwd=cwd))
        figures = {key: medians(values) for key, values in samples.items()}
        for (name, fresh), (wall, cpu, mem) in figures.items():
            label = f"{name}, new output" if fresh else name
            print(f"{n:>9} {label:>19} {wall:>8.2f} {cpu:>8.2f} {mem:>9.0f}")
        if hugo:
            for fresh in (False, True):
                b, h = figures[("brief", fresh)], figures[("hugo", fresh)]
                label = "ratio, new output" if fresh else "ratio"
                print(f"{n:>9} {label:>19} {b[0] / h[0]:>8.2f} {b[1] / h[1]:>8.2f} {b[2] / h[2]:>9.2f}   (brief / hugo)")
        if args.incremental:
            out = tools["brief"][2]
            run([brief, "build", "--quiet", "--root", site, "--output", out])  # fill the cache
            article = os.path.join(site, "content", "articles", sorted(os.listdir(os.path.join(site, "content", "articles")))[0])
            with open(article, encoding="utf-8") as f:
                original = f.read()
            edits = []
            for i in range(args.runs):
                with open(article, "a", encoding="utf-8") as f:
                    f.write(f"\nAn added line, edit {i}.\n")
                edits.append(run([brief, "build", "--quiet", "--root", site, "--output", out]))
            with open(article, "w", encoding="utf-8") as f:
                f.write(original)  # the corpus as generated, for the next run
            inc = medians(edits)
            print(f"{n:>9} {'brief, 1 edit':>19} {inc[0]:>8.2f} {inc[1]:>8.2f} {inc[2]:>9.0f}")
    for fresh in fresh_outputs:
        shutil.rmtree(fresh)


if __name__ == "__main__":
    main()
