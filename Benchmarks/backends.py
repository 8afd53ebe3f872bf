#!/usr/bin/env python3
"""The same work on the two store backends: SQLite (the default) and PostgreSQL.

Usage: Benchmarks/backends.py [--rows 1000000] [--runs 3] [--server postgresql://user:pw@host:port/postgres]

Generates an institution with `report generate` (one unit per 1,600 activity rows), then for
each backend imports organizations and matters, times the import of activities.csv (full
validation, indexes, monthly sums), imports the opinions, and times `report stats` and
`report monthly` for July 2021, the latter also for one unit's subtree (`--root U0`, about 1/600
of the records) (median of --runs runs; wall seconds and peak RSS of the report
process from GNU time). Without --server it starts a throwaway cluster with scripts/postgres
(fsync on, PostgreSQL's default settings otherwise). Writes a markdown table to stdout.
Requirements: a release build of report, GNU time, PostgreSQL's server and psql.
"""
import argparse
import os
import statistics
import subprocess
import tempfile

from common import ROOT, generate, report_binary, timed


def median(samples):
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--server", help="admin URL of a PostgreSQL server (default: a throwaway cluster)")
    args = parser.parse_args()

    report = report_binary()
    work = tempfile.mkdtemp(prefix="campaign-backends-")
    os.chmod(work, 0o755)  # the cluster runs as nobody when this runs as root
    cluster = None
    server = args.server
    if not server:
        cluster = os.path.join(work, "cluster")
        env = dict(os.environ, POSTGRES_OPTIONS="-c fsync=on")
        server = subprocess.run([os.path.join(ROOT, "scripts/postgres"), "start", cluster], env=env, check=True, capture_output=True, text=True).stdout.strip()
    try:
        data = os.path.join(work, "data")
        generate(report, args.rows, data)
        base = server.rsplit("/", 1)[0]
        results = {}
        for backend in ["SQLite", "PostgreSQL"]:
            imports, stats, monthly, subtree = [], [], [], []
            for run in range(args.runs):
                if backend == "SQLite":
                    db = os.path.join(work, f"store-{run}.sqlite")
                else:
                    name = f"bench_{run}"
                    subprocess.run(["psql", server, "-qc", "SET client_min_messages = warning", "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True)
                    db = f"{base}/{name}"
                subprocess.run([report, "import", "--quiet", "--db", db, f"{data}/organizations.csv", f"{data}/matters.csv"], check=True)
                imports.append(timed([report, "import", "--quiet", "--db", db, f"{data}/activities.csv"]))
                subprocess.run([report, "import", "--quiet", "--db", db, f"{data}/feedback.csv"], check=True)
                stats.append(timed([report, "stats", "--db", db, "--month", "2021-07", "--json"]))
                monthly.append(timed([report, "monthly", "--db", db, "--month", "2021-07", "--today", "2021-08-01", "--quiet",
                                      "--out", os.path.join(work, f"out-{backend}-{run}")]))
                subtree.append(timed([report, "monthly", "--db", db, "--month", "2021-07", "--today", "2021-08-01", "--quiet", "--root", "U0",
                                      "--out", os.path.join(work, f"out-{backend}-{run}")]))
            results[backend] = (median(imports), median(stats), median(monthly), median(subtree))
        print(f"| backend ({args.rows:,} activity rows) | import activities.csv | rows/s | report stats (month) | report monthly (month) | report monthly --root U0 |")
        print("|---|---:|---:|---:|---:|---:|")
        for backend, (imp, st, mo, sub) in results.items():
            print(f"| {backend} | {imp[0]:.1f} s, {imp[1]:.0f} MB | {args.rows / imp[0]:,.0f} | {st[0] * 1000:.0f} ms, {st[1]:.0f} MB "
                  f"| {mo[0]:.2f} s, {mo[1]:.0f} MB | {sub[0]:.2f} s, {sub[1]:.0f} MB |")
    finally:
        if cluster:
            subprocess.run([os.path.join(ROOT, "scripts/postgres"), "stop", cluster], check=False)


if __name__ == "__main__":
    main()
