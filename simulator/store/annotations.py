"""Instructor annotations: append-only, with a hash chain of their own.

Each annotation's `hash` is the SHA-256 of its canonical JSON (position,
session id, author, kind, text, time, prev) and `prev` is the hash of the one
before (64 zeros for the first), so editing, deleting or reordering any
annotation that has one after it breaks the chain, as in a session log. With
the academy key each also carries `mac` (HMAC-SHA256 of the same text): then
no one without the key can rewrite the chain from an edit onwards either.
What no chain can show is the removal of the newest annotations (docs/store.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from simulator.logbook.records import ZERO_HASH, canonical_json, compute_mac
from simulator.store import schema as s
from simulator.store.db import Store
from simulator.store.url import StoreError

KINDS = ("note", "remediation", "sign-off")
_FIELDS = ("position", "session_id", "author", "kind", "text", "at", "prev")


@dataclass(frozen=True)
class ChainProblem:
    position: int
    detail: str


def body(row: Any) -> bytes:
    """The exact bytes hashed and MACed for an annotation."""
    fields = {name: getattr(row, name) if not isinstance(row, dict) else row[name] for name in _FIELDS}
    return canonical_json(fields).encode("utf-8")


def annotate(store: Store, session_id: str, author: str, kind: str, text: str, key: bytes | None) -> dict[str, Any]:
    """Append one annotation to a stored session; two instructors at once both
    land, one after the other (the loser of the race for a position retries)."""
    if kind not in KINDS:
        raise ValueError(kind)
    for _ in range(20):
        try:
            with store.writing() as conn:
                known = sa.select(s.sessions.c.session_id).where(s.sessions.c.session_id == session_id)
                if conn.execute(known).first() is None:
                    raise StoreError(f"session {session_id!r} is not in the store (import its log first)")
                head = conn.execute(sa.select(s.annotations.c.position, s.annotations.c.hash)
                                    .order_by(s.annotations.c.position.desc()).limit(1)).first()
                row: dict[str, Any] = {
                    "position": 0 if head is None else head.position + 1, "session_id": session_id, "author": author,
                    "kind": kind, "text": text, "at": _now(), "prev": ZERO_HASH if head is None else head.hash,
                }
                data = body(row)
                row["hash"] = hashlib.sha256(data).hexdigest()
                row["mac"] = compute_mac(key, data) if key is not None else None
                conn.execute(sa.insert(s.annotations), row)
                return row
        except sa.exc.IntegrityError:
            continue  # another instructor took that position first: chain onto theirs
    raise StoreError("could not append the annotation (the store is too busy); try again")


def check_chain(store: Store, key: bytes | None) -> tuple[int, list[ChainProblem]]:
    """(annotations, problems): every link, hash and (with a key) mac."""
    problems: list[ChainProblem] = []
    expected_prev, n = ZERO_HASH, 0
    with store.reading() as conn:
        for row in conn.execute(sa.select(s.annotations).order_by(s.annotations.c.position)):
            data = body(row)
            if row.position != n:
                problems.append(ChainProblem(row.position, f"position {n} is missing (annotation removed)"))
            if row.prev != expected_prev:
                problems.append(ChainProblem(row.position,
                                             "does not follow the annotation before it (removed or altered)"))
            if hashlib.sha256(data).hexdigest() != row.hash:
                problems.append(ChainProblem(row.position, "altered (its hash does not match its content)"))
            if key is not None and (row.mac is None or compute_mac(key, data) != row.mac):
                problems.append(ChainProblem(row.position, "mac does not match (altered, or written without this key)"))
            expected_prev, n = row.hash, row.position + 1
    return n, problems


def annotations_of(store: Store, session_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Annotations in chain order (of the given sessions only, when given)."""
    with store.reading() as conn:
        rows = conn.execute(sa.select(s.annotations).order_by(s.annotations.c.position)).all()
    return [
        {"session_id": r.session_id, "by": r.author, "kind": r.kind, "text": r.text, "at": r.at, "position": r.position}
        for r in rows if session_ids is None or r.session_id in session_ids
    ]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
