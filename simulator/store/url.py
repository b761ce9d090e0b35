"""Which database: `--db URL`, else $UOFSIM_DB, else ./academy.db (SQLite)."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "UOFSIM_DB"
DEFAULT_DB = "academy.db"
_SCHEMES = ("sqlite", "postgresql")


class StoreError(Exception):
    """The store cannot be used. The message is one line."""


def resolve_url(arg: str | None) -> str:
    """A SQLAlchemy URL for `arg` (or $UOFSIM_DB, or academy.db).

    A plain path is an SQLite file; `postgresql://…` (or `postgres://…`) is served
    by psycopg 3. Anything else is refused here, in one line, before any driver
    is imported, so a typo never becomes a traceback."""
    text = arg or os.environ.get(DB_ENV) or DEFAULT_DB
    if "://" not in text:
        if text.startswith("sqlite:"):
            raise StoreError(f"database URL {_shown(text)} is not valid (use sqlite:///PATH or a plain file path)")
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    scheme, _, rest = text.partition("://")
    base = scheme.split("+", 1)[0].lower()
    if base == "postgres":
        base = "postgresql"
    if base not in _SCHEMES:
        raise StoreError(f"database URL {_shown(text)}: unsupported scheme {scheme!r} "
                         "(use a file path, sqlite:///PATH or postgresql://…)")
    if base == "postgresql":
        if not rest:
            raise StoreError(f"database URL {_shown(text)} names no database (postgresql://USER@HOST[:PORT]/DATABASE)")
        return "postgresql+psycopg://" + rest  # postgresql:///db (the local socket) is fine too
    if not rest.startswith("/") or rest == "/":
        raise StoreError(f"database URL {_shown(text)} is not valid (use sqlite:///PATH)")
    return "sqlite://" + rest


def _shown(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        creds, _, host = rest.partition("@")
        if ":" in creds:
            rest = creds.split(":", 1)[0] + ":***@" + host
    return repr(scheme + sep + rest)
