"""The DuckDB anchor of `cargo xtask bench`: runs one query file and prints one JSON line.

    python bench/duckdb_means.py QUERY.sql

xtask writes QUERY.sql from the instrument (`SET threads = 1;` and one SELECT of the
six concept means over a JSON Lines file), runs this script pinned to one CPU with
`taskset -c 0` in its venv (target/bench/venv), and compares the means with the CLI's.

Printed: {"duckdb": version, "threads": the setting the query ran with,
"import_seconds": ..., "query_seconds": connect + every statement + fetching the row,
"row": {column: value}}. Floats are printed with repr, so they round-trip exactly.
"""

import json
import sys
import time

started = time.perf_counter()
import duckdb  # noqa: E402  (timed on purpose)

imported = time.perf_counter()

with open(sys.argv[1], encoding="utf-8") as file:
    sql = file.read()

t0 = time.perf_counter()
connection = duckdb.connect()
cursor = connection.execute(sql)  # every statement; the result is the last one's
names = [column[0] for column in cursor.description]
row = cursor.fetchone()
t1 = time.perf_counter()
threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]

print(
    json.dumps(
        {
            "duckdb": duckdb.__version__,
            "threads": str(threads),
            "import_seconds": imported - started,
            "query_seconds": t1 - t0,
            "row": dict(zip(names, row)),
        }
    )
)
