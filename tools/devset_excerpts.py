#!/usr/bin/env python3
"""Cut the development set's excerpts (tests/data/devset/) from the shared books and
source files: the replay costs about 20 ms of CPU per character, so each text is an
excerpt of about 1.5 KB, taken from the middle of the book (past title pages, contents
and prefaces) at a paragraph boundary and ending at a sentence end, or for code from the
first top-level line past a third of the file, ending at a line end.

    tools/devset_excerpts.py SHARED_DEVSET_DIR OUT_DIR

Deterministic: the same sources give the same excerpts. Prints one line per file for
PROVENANCE.md (offset and length in characters).
"""
import re
import sys
from pathlib import Path

TARGET = 1500  # characters

# shared file -> (excerpt name, half). "tune": defaults are tuned on these; "held-out":
# figures are reported on these, never tuned on.
PROSE = {
    "01-the-country-of-the-pointed-firs.txt": ("fiction-1896-jewett.txt", "tune"),
    "02-looking-backward.txt": ("fiction-1888-bellamy.txt", "held-out"),
    "03-main-travelled-roads.txt": ("fiction-1891-garland.txt", "tune"),
    "04-the-house-behind-the-cedars.txt": ("fiction-1900-chesnutt.txt", "held-out"),
    "05-the-way-of-all-flesh.txt": ("fiction-1903-butler.txt", "tune"),
    "06-pepys-diary-1660.txt": ("diary-1660-pepys.txt", "held-out"),
    "07-familiar-letters-of-john-and-abigail-adams.txt": ("letter-1776-adams.txt", "tune"),
    "08-letters-of-john-keats.txt": ("letter-1818-keats.txt", "held-out"),
    "09-sesame-and-lilies.txt": ("essay-1865-ruskin.txt", "tune"),
    "10-my-summer-in-a-garden.txt": ("essay-1870-warner.txt", "held-out"),
    "11-the-new-freedom.txt": ("essay-1913-wilson.txt", "held-out"),
    "12-the-fairy-land-of-science.txt": ("technical-1879-buckley.txt", "tune"),
    "13-the-elements-of-style.txt": ("technical-1918-strunk.txt", "held-out"),
    "14-household-management.txt": ("technical-1861-beeton.txt", "tune"),
}
CODE = {
    "01-embeddings.py": ("code-embeddings.py", "held-out"),
    "02-rencache.c": ("code-rencache.c", "tune"),
    "03-vcacheoptimizer.cpp": ("code-vcacheoptimizer.cpp", "held-out"),
    "04-morph.js": ("code-morph.js", "tune"),
    "05-udiff.rs": ("code-udiff.rs", "tune"),
    "06-tree.go": ("code-tree.go", "held-out"),
}


def prose_excerpt(text):
    start = text.find("\n\n", len(text) // 2) + 2
    paragraphs = re.split(r"\n\n+", text[start:])
    out = ""
    for p in paragraphs:
        # A writer does not break lines inside a paragraph; the books were wrapped at
        # about 70 columns for print.
        p = " ".join(line.strip() for line in p.strip("\n").splitlines())
        if not p:
            continue
        candidate = out + ("\n\n" if out else "") + p
        if len(candidate) >= TARGET:
            # End at the last sentence end past the target's two thirds.
            ends = [m.end() for m in re.finditer(r"[.!?][\"'’”)]?(?=\s|$)", candidate)]
            ends = [e for e in ends if 2 * TARGET // 3 <= e <= TARGET + 250]
            return start, (candidate[: ends[-1]] if ends else candidate) + "\n"
        out = candidate
    return start, out + "\n"


def code_excerpt(text):
    lines = text.splitlines(keepends=True)
    offset = 0
    begin = None
    for i, line in enumerate(lines):
        # A definition or comment at the top level or one level in, after a blank line.
        if (begin is None and offset >= len(text) // 3 and not lines[i - 1].strip()
                and re.match(r"(\t| {4})?[A-Za-z#@/]", line)):
            begin = i
            start = offset
        offset += len(line)
    out = ""
    for line in lines[begin:]:
        out += line
        # At a blank line or a closing brace; hard at 1.4 × the target.
        if len(out) >= TARGET and (line.strip() in ("}", "})", "};", "") or
                                   len(out) >= TARGET * 7 // 5):
            break
    return start, out


def main():
    shared, out = Path(sys.argv[1]), Path(sys.argv[2])
    for kind, table, cut in (("prose", PROSE, prose_excerpt), ("code", CODE, code_excerpt)):
        for source, (name, half) in table.items():
            text = (shared / kind / source).read_text(encoding="utf-8")
            start, excerpt = cut(text)
            (out / half).mkdir(parents=True, exist_ok=True)
            (out / half / name).write_text(excerpt, encoding="utf-8")
            print(f"{half}/{name}\t{kind}/{source}\t{start}\t{len(excerpt)}")


if __name__ == "__main__":
    main()
