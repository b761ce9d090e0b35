"""The academy store: sessions, decisions, competencies, quarantined logs and
instructor annotations in one database (SQLite by default, PostgreSQL for many
workstations and sites), behind SQLAlchemy 2 with Alembic migrations.

The session logs stay the source of truth; the store is an index of what was
verified and imported, so reports need not re-read every log (docs/store.md).

Nothing here imports SQLAlchemy at module import: `uofsim validate` and the
window never pay for it. `open_store` imports it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from simulator.store.url import DB_ENV, DEFAULT_DB, StoreError, resolve_url

if TYPE_CHECKING:
    from simulator.store.db import Store

__all__ = ["DB_ENV", "DEFAULT_DB", "StoreError", "open_store", "resolve_url", "store_errors"]


def open_store(url: str | None) -> Store:
    """The store named by `url` (or $UOFSIM_DB, or ./academy.db), migrated to the
    current schema. Raises StoreError (one line) when it cannot be opened."""
    from simulator.store.db import Store

    return Store.open(resolve_url(url))


@contextlib.contextmanager
def store_errors(url: str | None) -> Iterator[None]:
    """Database errors (server gone, disk full, permissions, a schema from a
    newer uofsim) as one-line StoreErrors, never a traceback or an SQL dump."""
    try:
        yield
    except StoreError:
        raise
    except Exception as exc:
        module = type(exc).__module__
        if not module.startswith(("sqlalchemy", "alembic", "psycopg", "sqlite3")):
            raise
        from simulator.store.db import _reason, _where

        raise StoreError(f"{_where(resolve_url(url))}: database error ({_reason(exc)})") from None
