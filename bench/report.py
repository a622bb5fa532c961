#!/usr/bin/env python3
"""Turn the raw measurements of bench/lint.sh into a table and target checks.

    python3 bench/report.py RESULTS_DIR SIZE [--targets]

RESULTS_DIR/<size>/ holds, per timed command NAME (listed in order in
`commands`): NAME.json (hyperfine --export-json) and NAME.rss (peak RSS in KiB
from /usr/bin/time -f %M). Kept apart from lint.sh because bash is poor at
arithmetic and JSON; this file only reads, it never times anything.
"""

import json
import os
import sys

BASELINE = "hros lint"
# The goals hros lint is held to at 10k cases (see bench/README.md).
MAX_SECONDS = 1.0
MIN_SPEEDUP_VS_MARKDOWNLINT = 100.0
MAX_RSS_MB = 150.0


def load(size_dir):
    rows = []
    with open(os.path.join(size_dir, "commands"), encoding="utf-8") as f:
        names = [line.rstrip("\n") for line in f if line.strip()]
    for name in names:
        fname = name.replace(" ", "_")
        with open(os.path.join(size_dir, fname + ".json"), encoding="utf-8") as f:
            r = json.load(f)["results"][0]
        try:
            with open(os.path.join(size_dir, fname + ".rss"), encoding="utf-8") as f:
                rss_mb = int(f.read().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            rss_mb = None
        rows.append({"name": name, "mean": r["mean"], "stddev": r.get("stddev"),
                     "cpu": r.get("user", 0) + r.get("system", 0),
                     "runs": len(r.get("times", [])), "rss": rss_mb})
    return rows


def ratio_text(mean, base):
    if base is None:
        return "-"
    if mean is base:
        return "baseline"
    r = mean / base
    if r >= 1:
        return f"{r:,.1f}x slower" if r < 100 else f"{r:,.0f}x slower"
    return f"{1 / r:,.1f}x faster"


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    results, size = args
    rows = load(os.path.join(results, size))
    base = next((r for r in rows if r["name"] == BASELINE), None)
    base_mean = base["mean"] if base else None

    # CPU time (user + system) is shown beside wall time because it moves much
    # less when other work shares the machine.
    header = ["command", "mean wall (s)", "runs", "vs hros lint", "cpu (s)", "peak RSS (MB)"]
    table = []
    for r in rows:
        sd = f" ± {r['stddev']:.4f}" if r["stddev"] is not None else ""
        table.append([r["name"], f"{r['mean']:.4f}{sd}", str(r["runs"]),
                      ratio_text(r["mean"], base_mean) if r is not base else "baseline",
                      f"{r['cpu']:.4f}",
                      f"{r['rss']:.1f}" if r["rss"] is not None else "?"])
    widths = [max(len(x) for x in col) for col in zip(header, *table)]
    print(f"\n{int(size):,} cases")
    for row in [header, ["-" * w for w in widths]] + table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())

    if "--targets" not in sys.argv:
        return
    print(f"\nTargets for hros lint ({int(size):,} cases):")
    if base is None:
        print("  (hros lint was not measured)")
        return
    by = {r["name"]: r for r in rows}

    def check(label, ok, detail):
        print(f"  {'PASS' if ok else 'FAIL'}  {label}: {detail}")

    check(f"wall time under {MAX_SECONDS:.1f} s", base["mean"] < MAX_SECONDS, f"{base['mean']:.3f} s")
    ml = by.get("markdownlint-cli2")
    if ml:
        speedup = ml["mean"] / base["mean"]
        check(f">= {MIN_SPEEDUP_VS_MARKDOWNLINT:.0f}x faster than markdownlint-cli2",
              speedup >= MIN_SPEEDUP_VS_MARKDOWNLINT, f"{speedup:,.1f}x")
    ajv = by.get("ajv validate")
    if ajv:
        check("no slower than ajv", base["mean"] <= ajv["mean"],
              f"{base['mean']:.3f} s vs {ajv['mean']:.3f} s")
    if base["rss"] is not None:
        check(f"peak memory under {MAX_RSS_MB:.0f} MB", base["rss"] < MAX_RSS_MB, f"{base['rss']:.1f} MB")


if __name__ == "__main__":
    main()
