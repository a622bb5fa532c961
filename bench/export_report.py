#!/usr/bin/env python3
"""Turn the raw measurements of bench/export.sh into a table and target checks.

    python3 bench/export_report.py RESULTS_DIR SIZE

Reads the same files as report.py (hyperfine JSON and peak RSS per command)
and reuses its loader; the baseline and targets here are the export's.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import load  # noqa: E402

BASELINE = "hros export html"
MIN_SPEEDUP_VS_HUGO = 5.0
MAX_RSS_MB = 300.0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    results, size = sys.argv[1:]
    rows = load(os.path.join(results, size))
    base = next((r for r in rows if r["name"] == BASELINE), None)

    def versus(r):
        if base is None:
            return "-"
        if r is base:
            return "baseline"
        ratio = r["mean"] / base["mean"]
        return f"{ratio:,.1f}x slower" if ratio >= 1 else f"{1 / ratio:,.1f}x faster"

    header = ["command", "mean wall (s)", "runs", "vs hros export html", "cpu (s)", "peak RSS (MB)"]
    table = []
    for r in rows:
        sd = f" ± {r['stddev']:.3f}" if r["stddev"] is not None else ""
        table.append([r["name"], f"{r['mean']:.3f}{sd}", str(r["runs"]), versus(r),
                      f"{r['cpu']:.3f}", f"{r['rss']:.1f}" if r["rss"] is not None else "?"])
    widths = [max(len(x) for x in col) for col in zip(header, *table)]
    print(f"\n{int(size):,} cases")
    for row in [header, ["-" * w for w in widths]] + table:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())

    if base is None:
        return
    by = {r["name"]: r for r in rows}
    print(f"\nTargets for hros export ({int(size):,} cases):")

    def check(label, ok, detail):
        print(f"  {'PASS' if ok else 'FAIL'}  {label}: {detail}")

    hugo = by.get("hugo")
    if hugo:
        speedup = hugo["mean"] / base["mean"]
        check(f"site >= {MIN_SPEEDUP_VS_HUGO:.0f}x faster than Hugo (wall)",
              speedup >= MIN_SPEEDUP_VS_HUGO, f"{speedup:,.1f}x")
        if base["cpu"] > 0:
            print(f"        (by CPU time: {hugo['cpu'] / base['cpu']:,.1f}x)")
    for name in (BASELINE, "hros export sqlite"):
        r = by.get(name)
        if r and r["rss"] is not None:
            check(f"{name} peak memory under {MAX_RSS_MB:.0f} MB", r["rss"] < MAX_RSS_MB,
                  f"{r['rss']:.1f} MB")


if __name__ == "__main__":
    main()
