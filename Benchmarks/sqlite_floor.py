#!/usr/bin/env python3
"""What SQLite alone needs to load the activities into the store's schema: the import's floor.

Usage: Benchmarks/sqlite_floor.py [--rows 1000000] [--runs 3]

It generates an institution with `report generate`, imports it with `report import`, exports the
stored activity rows (the columns as the table holds them), and times `sqlite3 .import` of those
rows into copies of the store before its activities were imported, with 64 MiB of page cache as
`report import` has:
  schema      the store's table with its unique key and its covering date index
  key only    the covering date index dropped (it is built after the rows, as a first load does)
  bare        no index at all: a table as sqlite3 .import makes it
  date index  building the covering date index after the rows (CREATE INDEX)
  sums        recomputing the monthly sums of every month (what each import ends with)
and `report import` itself on the same copy. sqlite3 .import validates nothing; the difference to
`report import` is the parsing, the validation and the bookkeeping of the importer.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile

from common import generate, report_binary, timed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    report = report_binary()
    work = tempfile.mkdtemp(prefix="campaign-floor-")
    data = os.path.join(work, "data")
    generate(report, args.rows, data)
    base = os.path.join(work, "base.sqlite")
    env = dict(os.environ, REPORT_DB=base)
    subprocess.run([report, "import", "--quiet", f"{data}/organizations.csv", f"{data}/matters.csv"], env=env, check=True)
    subprocess.run(["sqlite3", base, "PRAGMA wal_checkpoint(TRUNCATE)"], check=True, stdout=subprocess.DEVNULL)
    loaded = os.path.join(work, "loaded.sqlite")
    shutil.copy(base, loaded)
    subprocess.run([report, "import", "--quiet", f"{data}/activities.csv"], env=dict(os.environ, REPORT_DB=loaded), check=True)
    rows = os.path.join(work, "rows.csv")
    with open(rows, "w") as f:
        subprocess.run(["sqlite3", "-csv", loaded,
                        "SELECT key, id, date, organization, kind, title, hours, participants, count, level, lead, note FROM activity"],
                       stdout=f, check=True)

    copy = os.path.join(work, "copy.sqlite")
    cache = "PRAGMA cache_size = -65536"
    index = subprocess.run(["sqlite3", base, "SELECT sql FROM sqlite_master WHERE name = 'activity_date'"],
                           capture_output=True, text=True, check=True).stdout.strip()

    def fresh(setup=None):
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
        shutil.copy(base, copy)
        if setup:
            subprocess.run(["sqlite3", copy, setup], check=True)

    load = ["sqlite3", copy, cache, ".mode csv", f".import {rows} activity"]
    bare = ("DROP INDEX activity_date; CREATE TABLE a2 AS SELECT * FROM activity; DROP TABLE activity; "
            "ALTER TABLE a2 RENAME TO activity")
    results = {}
    for name, setup, after in [
        ("schema", None, None),
        ("key only", "DROP INDEX activity_date", None),
        ("bare", bare, None),
        ("date index", "DROP INDEX activity_date", index),
        ("sums", None, "INSERT INTO activity_month_dirty SELECT DISTINCT substr(date, 1, 7) FROM activity WHERE true ON CONFLICT DO NOTHING"),
        ("report import", None, None),
    ]:
        samples = []
        for _ in range(args.runs):
            fresh(setup)
            if name == "report import":
                samples.append(timed([report, "import", "--quiet", f"{data}/activities.csv"], env=dict(os.environ, REPORT_DB=copy))[0])
            elif name == "sums":
                # The rows in place, the months marked; the refresh runs when report opens the store.
                subprocess.run(load, check=True)
                subprocess.run(["sqlite3", copy, after], check=True)
                samples.append(timed([report, "kinds"], env=dict(os.environ, REPORT_DB=copy))[0])
            elif after:
                subprocess.run(load, check=True)
                samples.append(timed(["sqlite3", copy, cache, after])[0])
            else:
                samples.append(timed(load)[0])
        results[name] = statistics.median(samples)
        print(f"{name}: {results[name]:.2f} s", flush=True)
    print(f"\n{args.rows:,} rows; median of {args.runs} runs")
    print("| step | seconds |\n|---|---:|")
    for name, value in results.items():
        print(f"| {name} | {value:.2f} |")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
