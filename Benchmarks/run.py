#!/usr/bin/env python3
"""Benchmarks of report against the usual alternatives, on the same generated files.

Usage: Benchmarks/run.py [--runs 3] [--sizes 10000,100000,1000000] [--out Benchmarks/results.md]

For each size (activity rows in the store) it generates the files with `report generate`, then
times, median of --runs runs, wall seconds and peak RSS (GNU time):
  import      report import of activities.csv          vs  sqlite3 .import of the same CSV
  stats       report stats --month 2021-07 --json     vs  pandas computing the same figures
  monthly     report monthly --month 2021-07           vs  pandas + XlsxWriter writing the sheets
                                                       vs  a C program on libxlsxwriter writing the detail rows
Requirements: see Benchmarks/README.md (release build of report, sqlite3, cc, pandas, xlsxwriter).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

from common import ROOT, generate, report_binary, timed

COMPARE = os.path.join(ROOT, "Benchmarks", "compare")


def median_of(runs, setup, cmd, env=None):
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        samples.append(timed(cmd, env))
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "results.md"))
    args = parser.parse_args()

    report = report_binary()
    work = tempfile.mkdtemp(prefix="campaign-bench-")
    writer = os.path.join(work, "detail_writer")
    subprocess.run(f"cc -O2 -o {writer} {COMPARE}/detail_writer.c $(pkg-config --cflags --libs xlsxwriter)", shell=True, check=True)

    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        data = os.path.join(work, f"data-{size}")
        generate(report, size, data)
        db = os.path.join(work, f"store-{size}.sqlite")
        env = dict(os.environ, REPORT_DB=db)

        def fresh_store():
            for suffix in ["", "-wal", "-shm"]:
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            subprocess.run([report, "import", f"{data}/organizations.csv", f"{data}/matters.csv", "--quiet"], env=env, check=True)

        imp = median_of(args.runs, fresh_store, [report, "import", f"{data}/activities.csv", "--quiet"], env)
        subprocess.run([report, "import", f"{data}/feedback.csv", "--quiet"], env=env, check=True)
        raw = os.path.join(work, "raw.sqlite")

        def no_table():
            if os.path.exists(raw):
                os.remove(raw)

        sqlite_import = median_of(args.runs, no_table, ["sqlite3", raw, ".mode csv", f".import {data}/activities.csv activity"])
        stats = median_of(args.runs, None, [report, "stats", "--month", "2021-07", "--json"], env)
        pandas_figures = median_of(args.runs, None, [sys.executable, f"{COMPARE}/pandas_monthly.py", data, "2021-07"])
        out = os.path.join(work, "out")
        monthly = median_of(args.runs, None, [report, "monthly", "--month", "2021-07", "--today", "2021-08-03", "--out", out, "--quiet"], env)
        pandas_book = median_of(args.runs, None, [sys.executable, f"{COMPARE}/pandas_monthly.py", data, "2021-07", "--workbook", os.path.join(work, "pandas.xlsx")])
        tsv = os.path.join(work, "detail.tsv")
        with open(tsv, "w") as f:
            subprocess.run(["sqlite3", "-separator", "\t", db,
                            "SELECT a.date, COALESCE(u.name, '党委本级'), o.name, a.kind, a.title, a.hours / 100.0, a.participants, a.count, a.lead, a.note "
                            "FROM activity a JOIN organization o ON o.id = a.organization LEFT JOIN organization u ON u.id = o.unit "
                            "WHERE a.date BETWEEN '2021-07-01' AND '2021-07-31' AND a.kind <> 'supervision' ORDER BY a.date"],
                           stdout=f, check=True)
        detail_rows = sum(1 for _ in open(tsv))
        c_writer = median_of(args.runs, None, [writer, tsv, os.path.join(work, "c.xlsx")])
        rows.append((size, detail_rows, imp, sqlite_import, stats, pandas_figures, monthly, pandas_book, c_writer))
        print(f"{size}: import {imp[0]:.2f}s, sqlite3 {sqlite_import[0]:.2f}s, stats {stats[0]:.3f}s, pandas {pandas_figures[0]:.2f}s, "
              f"monthly {monthly[0]:.2f}s, pandas+xlsx {pandas_book[0]:.2f}s, C {c_writer[0]:.2f}s", flush=True)

    with open(args.out, "w") as f:
        f.write("| activity rows | month's detail rows | report import (rows/s) | sqlite3 .import | ratio | report stats | pandas figures | speed-up "
                "| report monthly | pandas + XlsxWriter | speed-up | C libxlsxwriter | ratio to C |\n")
        f.write("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
        for size, detail, imp, sq, st, pf, mo, pb, cw in rows:
            f.write(
                f"| {size:,} | {detail:,} | {imp[0]:.2f} s, {imp[1]:.0f} MB ({size / imp[0]:,.0f}/s) | {sq[0]:.2f} s | {imp[0] / sq[0]:.1f}x "
                f"| {st[0] * 1000:.0f} ms, {st[1]:.0f} MB | {pf[0]:.2f} s, {pf[1]:.0f} MB | {pf[0] / st[0]:.1f}x "
                f"| {mo[0]:.2f} s, {mo[1]:.0f} MB | {pb[0]:.2f} s, {pb[1]:.0f} MB | {pb[0] / mo[0]:.1f}x | {cw[0]:.2f} s, {cw[1]:.0f} MB | {mo[0] / cw[0]:.1f}x |\n")
    print(f"table written to {args.out}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
