#!/usr/bin/env python3
"""Sanity-check a corpus written by gen_cases.py.

    python3 bench/check_corpus.py DIR [JSON_DIR]

The benchmark is only meaningful if the corpus is what hros would see in a real
bank: valid front matter, the right sections in order, realistic sizes. This
checks that independently of hros (which may be the thing under test). When
PyYAML is installed, every front matter is also parsed as real YAML and
compared with the JSON twin, which catches quoting mistakes in the generator.
Exits 1 and lists the first problems when something is off.
"""

import datetime
import json
import os
import re
import sys

SECTIONS = {
    "case-study": ["Why", "What", "How", "Results", "What didn't work", "Learnings", "Resources"],
    "spark": ["What", "Results", "What didn't work", "Learnings"],
}
REQUIRED = ["title", "kind", "organization", "industry", "company_size", "regions",
            "topics", "authors", "status", "summary"]
LINK = re.compile(r"\]\(([a-z0-9-]+)\.md\)")

try:
    import yaml  # optional
except ImportError:
    yaml = None


def yaml_to_json_types(v):
    # PyYAML reads dates as datetime.date and, being YAML 1.1, a bare NO as
    # False; hros follows YAML 1.2 where both stay strings.
    if isinstance(v, dict):
        return {k: yaml_to_json_types(x) for k, x in v.items()}
    if isinstance(v, list):
        return [yaml_to_json_types(x) for x in v]
    if isinstance(v, datetime.date):
        return v.isoformat()
    if v is False:
        return "NO"
    return v


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    root, jroot = sys.argv[1], (sys.argv[2] if len(sys.argv) == 3 else None)
    names = sorted(n for n in os.listdir(root) if n.endswith(".md"))
    slugs = {n[:-3] for n in names}
    problems, sizes, titles, kinds = [], [], set(), {}

    def bad(name, msg):
        if len(problems) < 30:
            problems.append(f"{name}: {msg}")

    for name in names:
        raw = open(os.path.join(root, name), "rb").read()
        sizes.append(len(raw))
        text = raw.decode("utf-8")
        if not 5000 <= len(raw) <= 15000:
            bad(name, f"size {len(raw)} outside 5-15 kB")
        if "\r" in text or not text.endswith("\n") or text.endswith("\n\n"):
            bad(name, "line endings or final newline")
        if re.search(r"[ \t]$", text, re.M):
            bad(name, "trailing whitespace")
        if not text.startswith("---\n"):
            bad(name, "no front matter")
            continue
        end = text.index("\n---\n", 3)
        fm_text, body = text[4:end + 1], text[end + 5:]

        if jroot:
            fm = json.load(open(os.path.join(jroot, name[:-3] + ".json"), encoding="utf-8"))
            if yaml is not None:
                parsed = yaml_to_json_types(yaml.safe_load(fm_text))
                if parsed != fm:
                    bad(name, "YAML front matter differs from its JSON twin")
        else:
            fm = None
        top_keys = re.findall(r"^([a-z_]+):", fm_text, re.M)
        for k in REQUIRED:
            if k not in top_keys:
                bad(name, f"missing {k}")
        kind = re.search(r"^kind: (\S+)", fm_text, re.M).group(1)
        kinds[kind] = kinds.get(kind, 0) + 1
        title = re.search(r"^title: (.*)$", fm_text, re.M).group(1).strip('"')
        if title in titles:
            bad(name, f"duplicate title {title!r}")
        titles.add(title)
        m = re.search(r"^slug: (\S+)", fm_text, re.M)
        if m and m.group(1) + ".md" != name:
            bad(name, "slug differs from file name")
        if re.search(r"^status: published", fm_text, re.M) and not (
                "published" in top_keys and "license" in top_keys):
            bad(name, "published without date or licence")
        if kind == "case-study" and "metrics" not in top_keys:
            bad(name, "case study without metrics")
        if fm is not None:
            if not 1 <= len(fm["topics"]) <= 6 or len(set(fm["topics"])) != len(fm["topics"]):
                bad(name, "topics count or duplicates")
            if not 40 <= len(fm["summary"]) <= 700:
                bad(name, f"summary length {len(fm['summary'])}")
            if not 1 <= len(fm["authors"]) <= 3:
                bad(name, "author count")
        heads = re.findall(r"^## (.*)$", body, re.M)
        if heads != SECTIONS[kind]:
            bad(name, f"sections {heads}")
        for target in LINK.findall(body):
            if target not in slugs:
                bad(name, f"link to missing case {target}")

    total = sum(sizes)
    print(f"{len(names)} files, {total / 1e6:.1f} MB, sizes {min(sizes)}..{max(sizes)} "
          f"(mean {total / len(names):.0f} B), kinds {kinds}, "
          f"YAML cross-check {'on' if yaml and jroot else 'off'}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)


if __name__ == "__main__":
    main()
