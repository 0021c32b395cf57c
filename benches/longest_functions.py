#!/usr/bin/env python3
"""Longest Rust functions under a folder: a `fn` line to its closing brace at the same indent.
usage: benches/longest_functions.py DIR [N]   (e.g. src 10: the figures issue #25 asks for)"""
import os, re, sys
root = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
fn = re.compile(r'^(\s*)(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')
out = []
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith('.rs'): continue
        p = os.path.join(d, f); lines = open(p).read().split('\n')
        for i, line in enumerate(lines):
            m = fn.match(line)
            if not m: continue
            indent = m.group(1)
            # skip declarations without a body (trait items ending in ';')
            j = i
            while j < len(lines) and '{' not in lines[j] and not lines[j].rstrip().endswith(';'): j += 1
            if j >= len(lines) or lines[j].rstrip().endswith(';'): continue
            if lines[j].rstrip().endswith('}') and lines[j].count('{') == lines[j].count('}'):
                out.append((j - i + 1, os.path.relpath(p, root), m.group(7))); continue
            k = j + 1
            while k < len(lines) and lines[k] != indent + '}': k += 1
            out.append((k - i + 1, os.path.relpath(p, root), m.group(7)))
out.sort(key=lambda t: -t[0])
for length, path, name in out[:n]: print(f"{length:5d}  {path}::{name}")
