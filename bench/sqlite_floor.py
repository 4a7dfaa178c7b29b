#!/usr/bin/env python3
"""The floor of a cold index's writes: the rows `journal index` stored, inserted again into a
fresh database by SQLite alone (see docs/performance.md, "Where the cold index goes").

    python3 bench/sqlite_floor.py JOURNAL [--indexes-after] [--synchronous off]

Reads every row of JOURNAL/.journal/index.sqlite into memory first (untimed), then creates an
empty database with the same schema in a temporary folder, with the index's own settings (WAL,
synchronous=NORMAL), and times inserting all the rows in one transaction: one prepared
statement per table, `executemany` binding each row in C. What it prints is the time SQLite
itself needs for the same rows, FTS5's tokenising included; what a cold index spends above it
on the writing thread is ours.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time

# The order a cold index writes them in.
TABLES = ["meta", "files", "notes", "diagnostics", "search", "search_files", "records", "resolutions"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("journal")
    parser.add_argument("--indexes-after", action="store_true",
                        help="create the secondary indexes after loading the rows, not before")
    parser.add_argument("--synchronous", default="normal", choices=["normal", "off"])
    parser.add_argument("--cache-mb", type=int, default=0, help="SQLite's page cache for the load (default: SQLite's 2 MB)")
    parser.add_argument("--skip", action="append", default=[], help="a table not to load (repeatable)")
    args = parser.parse_args()
    source = sqlite3.connect(os.path.join(args.journal, ".journal", "index.sqlite"))
    schema = source.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'search_%' "
        "OR name IN ('search_files') ORDER BY rowid").fetchall()
    tables = [(n, s) for t, n, s in schema if t == "table"]
    indexes = [s for t, n, s in schema if t == "index"]
    rows = {}
    columns = {}
    for name in TABLES:
        if name == "search":
            cols = [r[1] for r in source.execute("PRAGMA table_info(search)")]
            cols = ["rowid"] + cols
        else:
            cols = [r[1] for r in source.execute(f"PRAGMA table_info({name})")]
        columns[name] = cols
        rows[name] = source.execute(f"SELECT {', '.join(cols)} FROM {name}").fetchall()
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        db = sqlite3.connect(os.path.join(folder, "floor.sqlite"), isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA synchronous = {args.synchronous}")
        if args.cache_mb:
            db.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")
        for name, sql in tables:
            db.execute(sql)
        if not args.indexes_after:
            for sql in indexes:
                db.execute(sql)
        start = time.perf_counter()
        cpu = time.process_time()
        db.execute("BEGIN IMMEDIATE")
        times = {}
        for name in TABLES:
            if name in args.skip:
                continue
            t = time.perf_counter()
            c = time.process_time()
            marks = ", ".join("?" for _ in columns[name])
            db.executemany(f"INSERT INTO {name}({', '.join(columns[name])}) VALUES ({marks})", rows[name])
            times[name] = (time.perf_counter() - t, time.process_time() - c)
        if args.indexes_after:
            t = time.perf_counter()
            for sql in indexes:
                db.execute(sql)
            times["indexes"] = (time.perf_counter() - t, 0.0)
        t = time.perf_counter()
        c = time.process_time()
        db.execute("COMMIT")
        times["commit"] = (time.perf_counter() - t, time.process_time() - c)
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
        db.close()
    for name, (seconds, used) in times.items():
        count = len(rows.get(name, []))
        print(f"{name:14} {seconds:7.3f} s wall {used:7.3f} s CPU" + (f"  {count} rows" if name in rows else ""))
    print(f"{'total':14} {wall:7.3f} s wall, {cpu:.3f} s CPU")


if __name__ == "__main__":
    sys.exit(main())
