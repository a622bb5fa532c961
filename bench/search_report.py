#!/usr/bin/env python3
"""Turn the raw measurements of bench/search.sh into a table and target checks.

    python3 bench/search_report.py RESULTS_DIR SIZE

RESULTS_DIR/<size>/ holds, per timed command ID: ID.json (hyperfine
--export-json) and ID.rss (peak RSS in KiB from /usr/bin/time -f %M);
commands.tsv (ID, prepare step, command), queries.tsv (index, label, files
matched by hros and by rg), corpus, cache_kb, load_start, load_end. The IDs:
cold, warm-I and rg-I per query I, edit and edit-base. Prints Markdown; only
reads, never times anything.
"""

import json
import os
import re
import sys

# The goals of the search issue, per bank size (see bench/README.md).
MAX_WARM_SECONDS = {10000: 0.040, 100000: 0.200}
MIN_SPEEDUP_VS_RG = {100000: 3.0}
MAX_COLD_SECONDS = {10000: 3.0}
MAX_EDIT_EXTRA_SECONDS = 0.3
# Queries held to the targets; the others are shown for information.
TARGET_QUERIES = 5


def read(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return default


def load(size_dir, cid):
    text = read(os.path.join(size_dir, cid + ".json"))
    if text is None:
        return None
    r = json.loads(text)["results"][0]
    rss = read(os.path.join(size_dir, cid + ".rss"), "")
    try:
        rss_mb = int(rss.split()[-1]) / 1024
    except (ValueError, IndexError):
        rss_mb = None
    return {"mean": r["mean"], "stddev": r.get("stddev"),
            "cpu": r.get("user", 0) + r.get("system", 0),
            "runs": len(r.get("times", [])), "rss": rss_mb}


def wall(m):
    if m is None:
        return "-"
    sd = f" ± {m['stddev']:.3f}" if m["stddev"] is not None and m["runs"] > 1 else ""
    return f"{m['mean']:.3f}{sd} ({m['runs']})"


def num(value, fmt="{:.3f}"):
    return "-" if value is None else fmt.format(value)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    results, size_text = sys.argv[1:]
    size = int(size_text)
    size_dir = os.path.join(results, size_text)
    queries = []
    for line in (read(os.path.join(size_dir, "queries.tsv"), "") or "").splitlines():
        index, label, hros_matches, rg_matches = line.split("\t")
        queries.append((int(index), label, hros_matches, rg_matches))
    m = {}
    commands = []
    for line in (read(os.path.join(size_dir, "commands.tsv"), "") or "").splitlines():
        cid, prepare, command = line.split("\t")
        commands.append((cid, prepare, command))
        m[cid] = load(size_dir, cid)

    cache_kb = read(os.path.join(size_dir, "cache_kb"))
    print(f"\n### {size:,} cases\n")
    print(f"Bank: `{read(os.path.join(size_dir, 'corpus'))}`; index cache "
          f"{int(cache_kb) / 1024:,.0f} MB; load average "
          f"{read(os.path.join(size_dir, 'load_start'))} before, "
          f"{read(os.path.join(size_dir, 'load_end'))} after.\n")
    header = ["search", "files found hros / rg", "hros wall s (runs)", "hros cpu s",
              "hros RSS MB", "rg wall s (runs)", "rg cpu s", "rg RSS MB",
              "hros/rg wall", "hros/rg cpu"]
    rows = []

    def row(label, found, h, r):
        rows.append([label, found, wall(h), num(h and h["cpu"]), num(h and h["rss"], "{:.1f}"),
                     wall(r), num(r and r["cpu"]), num(r and r["rss"], "{:.1f}"),
                     ratio(h and h["mean"], r and r["mean"]), ratio(h and h["cpu"], r and r["cpu"])])

    row("cold (builds the index): hiring", "", m.get("cold"), None)
    for index, label, hros_matches, rg_matches in queries:
        row(f"warm, {label}", f"{hros_matches} / {rg_matches}", m.get(f"warm-{index}"),
            m.get(f"rg-{index}"))
    row("after editing one file: its new word", "1", m.get("edit"), None)
    row("warm, the same word, no file changed", "1", m.get("edit-base"), None)
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for r in rows:
        print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")

    print(f"\nTargets ({size:,} cases):\n")

    def check(label, ok, detail):
        print(f"- {'PASS' if ok else 'FAIL'}  {label}: {detail}")

    for index, label, _, _ in queries[:TARGET_QUERIES]:
        h, r = m.get(f"warm-{index}"), m.get(f"rg-{index}")
        if h is None:
            continue
        if size in MAX_WARM_SECONDS:
            limit = MAX_WARM_SECONDS[size]
            check(f"warm {label} under {limit * 1000:.0f} ms", h["mean"] < limit,
                  f"{h['mean'] * 1000:.0f} ms (cpu {h['cpu'] * 1000:.0f} ms)")
        if size in MIN_SPEEDUP_VS_RG and r is not None:
            want = MIN_SPEEDUP_VS_RG[size]
            check(f"warm {label} >= {want:.0f}x faster than rg", r["mean"] / h["mean"] >= want,
                  f"{r['mean'] / h['mean']:.2f}x (cpu {r['cpu'] / h['cpu']:.2f}x)")
    edit, base = m.get("edit"), m.get("edit-base")
    if edit and base:
        extra = edit["mean"] - base["mean"]
        check(f"one edited file costs under {MAX_EDIT_EXTRA_SECONDS:.1f} s over warm",
              extra < MAX_EDIT_EXTRA_SECONDS,
              f"{extra * 1000:+.0f} ms (cpu {(edit['cpu'] - base['cpu']) * 1000:+.0f} ms)")
    cold = m.get("cold")
    if cold and size in MAX_COLD_SECONDS:
        limit = MAX_COLD_SECONDS[size]
        check(f"cold build under {limit:.0f} s", cold["mean"] < limit,
              f"{cold['mean']:.2f} s (cpu {cold['cpu']:.2f} s)")

    # The long paths once, as variables, so the commands stay readable.
    names = []
    cold_command = next((c for cid, _, c in commands if cid == "cold"), "")
    found = re.search(r"HROS_CACHE_DIR=\S+ (\S+) --root", cold_command)
    if found:
        names.append(("HROS", found.group(1)))
    names += [("CACHE", os.path.join(results, f"cache-{size}")), ("RESULTS", results),
              ("BANK", read(os.path.join(size_dir, "corpus"), ""))]

    def short(text):
        for name, value in names:
            if value:
                text = text.replace(value, "$" + name)
        return text

    print(f"\nCommands ({size:,} cases), as hyperfine ran them (prepare steps untimed):\n")
    print("```")
    for name, value in names:
        print(f"{name}={value}")
    for cid, prepare, command in commands:
        print(f"{cid}: {short(command)}")
        if prepare:
            print(f"{' ' * len(cid)}  prepare: {short(prepare)}")
    print("```")


if __name__ == "__main__":
    main()
