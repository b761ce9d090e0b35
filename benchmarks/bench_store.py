"""The academy store: `uofsim import` and `review --db`, as ratios to floors
measured in the same run.

* import of N logs into SQLite and into PostgreSQL, as a ratio to the floor:
  plain INSERTs of the very same rows (executemany, one transaction per 500
  logs, as import batches them) with no verify, no conflict handling.
* `review --db` (table report) against review from the log files.
  Aim: review --db at most 1/3 of the file review's time at 10,000 logs.

Times are wall-clock (time.perf_counter): a database server does its work in
another process, which CPU time of this one would leave out. The machine may
be shared: run it when it is quiet, and read the ratios, not the seconds.

PostgreSQL: a throw-away cluster is started (as tests/test_store.py does) when
the binaries are installed; otherwise that row is skipped.

Run: python benchmarks/bench_store.py [--logs 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from store_support import PG_BIN, create_database, postgres_cluster, templates, write_corpus  # noqa: E402

from simulator.review import review_logs  # noqa: E402
from simulator.review.render_table import write_table  # noqa: E402
from simulator.store import open_store  # noqa: E402
from simulator.store import schema as s  # noqa: E402
from simulator.store.ingest import BATCH, _Importer, import_logs  # noqa: E402
from simulator.store.report import review_store  # noqa: E402

CPU: dict[str, float] = {}  # what the last timed() call cost in this process's CPU


def timed(fn: Callable[[], Any]) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU["last"] = time.process_time() - cpu
    return time.perf_counter() - start


def best(fn: Callable[[], Any], repeat: int = 2) -> tuple[float, float]:
    """(best wall time, CPU time of that run)."""
    runs = []
    for _ in range(repeat):
        wall = timed(fn)
        runs.append((wall, CPU["last"]))
    return min(runs)


def prepared_rows(corpus: Path) -> list[Any]:
    """The rows import would store (made once, outside the floor's time)."""
    from simulator.logbook import iter_log_files

    importer = _Importer(None)
    for path in sorted(iter_log_files([corpus]), key=lambda p: (p.name, str(p))):
        importer.file(path)
    return importer.prepared


def plain_inserts(url: str, rows: list[Any]) -> None:
    import sqlalchemy as sa

    store = open_store(url)
    try:
        for start in range(0, len(rows), BATCH):
            batch = rows[start:start + BATCH]
            with store.writing() as conn:
                conn.execute(sa.insert(s.sessions), [p.session for p in batch])
                for table, attr in ((s.decisions, "decisions"), (s.situation_scores, "situations"),
                                    (s.competencies, "competencies")):
                    values = [r for p in batch for r in getattr(p, attr)]
                    if values:
                        conn.execute(sa.insert(table), values)
    finally:
        store.close()


def do_import(url: str, corpus: Path) -> None:
    store = open_store(url)
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            import_logs(store, [corpus], key=None)
    finally:
        store.close()


def file_review(corpus: Path) -> None:
    review = review_logs([corpus])
    with open(os.devnull, "w", encoding="utf-8") as sink:
        write_table(review, sink)
    review.sessions.close()


def store_review(url: str) -> None:
    store = open_store(url)
    try:
        review = review_store(store)
        with open(os.devnull, "w", encoding="utf-8") as sink:
            write_table(review, sink)
        review.sessions.close()
    finally:
        store.close()


def measure(name: str, fresh_url: Callable[[str], str], corpus: Path, rows: list[Any],
            t_files: tuple[float, float]) -> None:
    floor_url, import_url = fresh_url("floor"), fresh_url("import")
    open_store(floor_url).close()  # schema created outside the timings
    open_store(import_url).close()
    t_floor = timed(lambda: plain_inserts(floor_url, rows))
    t_import = timed(lambda: do_import(import_url, corpus))
    t_again = timed(lambda: do_import(import_url, corpus))
    t_review, c_review = best(lambda: store_review(import_url))
    print(f"{name:<11} {t_floor:>9.2f} {t_import:>9.2f} {t_import / t_floor:>8.2f} {t_again:>10.2f} "
          f"{t_review:>10.2f} {t_review / t_files[0]:>12.2f} {c_review / t_files[1]:>12.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        started = time.perf_counter()
        write_corpus(base / "logs", templates(base / "templates"), args.logs, trainees=200)
        corpus = base / "logs"
        print(f"({args.logs} logs generated in {time.perf_counter() - started:.0f} s)")
        rows = prepared_rows(corpus)
        t_files = best(lambda: file_review(corpus))
        print(f"file review: {t_files[0]:.2f} s wall, {t_files[1]:.2f} s CPU")
        print(f"{'store':<11} {'floor s':>9} {'import s':>9} {'import x':>8} {'re-import s':>10} "
              f"{'review s':>10} {'review/file':>12} {'cpu r/f':>12}")
        measure("sqlite", lambda name: str(base / f"{name}.db"), corpus, rows, t_files)
        if (PG_BIN / "initdb").exists():
            with postgres_cluster() as server:
                measure("postgresql", lambda name: create_database(server, name), corpus, rows, t_files)
        else:
            print(f"postgresql  skipped: no PostgreSQL binaries in {PG_BIN}")
        print("import x = import time / plain INSERTs of the same rows; review/file = review --db / file review, wall "
              "(aim <= 0.33); cpu r/f = the same in this process's CPU time (PostgreSQL's own work not included)")


if __name__ == "__main__":
    main()
