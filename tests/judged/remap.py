#!/usr/bin/env python3
"""Moves judged findings to the lines their text moved to, after a reader change.

usage: remap.py BEFORE AFTER LIST.tsv

BEFORE and AFTER are folders holding `vanban text FILE > DIR/FILE.txt` for each judged file,
made before and after the change. A finding is named by its line (see tests/judged.rs); when a
reader lays out the same text on other lines (a table row's cells on one line, a blank line
gone), each judged row of a file whose text changed is moved to the line that now holds the
text of its old line. Rows that land on one line (a row's cells now one line) are merged when
they were judged alike; rows that cannot be followed or were judged unlike are printed and kept
as they were: judge those again by reading. The list is rewritten in place; the judged-findings
test then tells what the change really altered.
"""
import difflib
import sys
from pathlib import Path


def words(line):
    """The words of a line, without cell bars: what stays when a row is laid out anew."""
    return [w for w in line.replace("|", " ").split() if w]


def follow(old, new):
    """Maps each old line number (1-based) to a new one, where the text can be followed."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out[i1 + k + 1] = j1 + k + 1
        elif tag == "replace":
            # Each old line goes to the first new line of the block holding its first words.
            for i in range(i1, i2):
                w = words(old[i])
                if not w:
                    continue
                key = " ".join(w[:4])
                for j in range(j1, j2):
                    if key in " ".join(words(new[j])):
                        out[i + 1] = j + 1
                        break
    return out


def main():
    before, after, listed = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    rows = [line.split("\t") for line in listed.read_text(encoding="utf-8").splitlines()]
    maps = {}
    for cols in rows:
        name = cols[0]
        if name in maps:
            continue
        b, a = before / (name + ".txt"), after / (name + ".txt")
        if not (b.exists() and a.exists()):
            maps[name] = None
            continue
        old = b.read_text(encoding="utf-8").split("\n")
        new = a.read_text(encoding="utf-8").split("\n")
        maps[name] = None if old == new else follow(old, new)
    # Where each row goes; then rows that land on one key (lines laid out as one) are merged
    # when they were judged alike, else left where they were to be judged again.
    target = []
    for cols in rows:
        m = maps.get(cols[0])
        to = cols[2] if m is None else m.get(int(cols[2]))
        if to is None:
            print("not followed:", "\t".join(cols[:3]))
            to = cols[2]
        target.append(str(to))
    groups = {}
    for k, cols in enumerate(rows):
        groups.setdefault((cols[0], cols[1], target[k]), []).append(k)
    out = []
    moved = merged = kept = 0
    for k, cols in enumerate(rows):
        group = groups[(cols[0], cols[1], target[k])]
        if len(group) > 1:
            if len({tuple(rows[g][3:5]) for g in group}) > 1:
                print("judged unlike, kept:", "\t".join(cols[:5]), "->", target[k])
                kept += 1
                out.append("\t".join(cols))
                continue
            if group[0] != k:
                print("merged into the row before:", "\t".join(cols[:3]), "->", target[k])
                merged += 1
                continue
        moved += target[k] != cols[2]
        out.append("\t".join([cols[0], cols[1], target[k]] + cols[3:]))
    listed.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{moved} rows moved, {merged} merged, {kept} kept as they were")


if __name__ == "__main__":
    main()
