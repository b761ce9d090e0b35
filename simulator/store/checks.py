"""`uofsim verify --db`: what only the store can tell about a log, and the
annotation chain.

A log whose end record (and anything after a point) was removed afterwards
verifies as `incomplete`: the chain of what is left is intact. The store saw
how far the session went when it was imported, so a log shorter than that,
or no longer ending although it ended then, is reported as truncated.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator.logbook import Verification
from simulator.store.db import Store


def session_id_of(path: Path) -> str | None:
    """The session id the log's first line claims (None if unreadable)."""
    try:
        with open(path, "rb") as handle:
            first = json.loads(handle.readline())
    except (OSError, ValueError, RecursionError):
        return None
    sid = first.get("session_id") if isinstance(first, dict) else None
    return sid if isinstance(sid, str) else None


def truncations(store: Store, results: list[Verification]) -> dict[Path, str]:
    """path -> why, for every log shorter than the store saw it."""
    ids = {r.path: session_id_of(r.path) for r in results if r.status in ("ok", "incomplete")}
    seen = store.seen([sid for sid in ids.values() if sid])
    out: dict[Path, str] = {}
    for result in results:
        sid = ids.get(result.path)
        if not sid or sid not in seen:
            continue
        status, records, _ = seen[sid]
        if result.records < records:
            ended = f", and it ended ({status})" if status != "incomplete" else ""
            out[result.path] = (f"truncated: the store imported {records} record(s){ended}; "
                                f"the log now has {result.records}")
    return out
