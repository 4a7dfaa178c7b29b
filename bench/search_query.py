#!/usr/bin/env python3
"""Times the full-text query `journal search` runs, on the index itself: the median, in
milliseconds, of RUNS executions of the same SELECT (MATCH, filters, ordering), the process
start and the index's up-to-date check left out. The command marks the matches itself, in
Swift, and asks FTS5 for a snippet of long lines only: that part is in the whole command's time,
which the bench measures too. Prints "MEDIAN_MS ROWS MIN_MS".

Usage: search_query.py INDEX_SQLITE QUERY [--runs N]
The QUERY is given as FTS5 syntax, as the command builds it (e.g. '"equipe"').
"""
import argparse
import sqlite3
import statistics
import time

SQL = """
SELECT rowid, path, line, client, type, day, section, private, text
FROM search WHERE search MATCH ?
ORDER BY sort_key IS NULL, sort_key DESC, path, line, private
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("index")
    parser.add_argument("query")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # Read-only: the bench never changes the index it measures.
    connection = sqlite3.connect(f"file:{args.index}?mode=ro", uri=True)
    rows = 0
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        rows = len(connection.execute(SQL, (args.query,)).fetchall())
        times.append((time.perf_counter() - start) * 1000)
    print(f"{statistics.median(times):.1f} {rows} {min(times):.1f}")


if __name__ == "__main__":
    main()
