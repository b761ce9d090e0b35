"""Opening the store (engine, dialect settings, migrations) and writing to it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from simulator.store import schema as s
from simulator.store.url import StoreError

_MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x756F6673  # "uofs": PostgreSQL advisory lock id held while migrating
# The newest migration's revision. Checked with one query on every open, so a
# store already at head costs no Alembic import (~0.4 s per command); a test
# keeps this equal to Alembic's own head.
HEAD = "0002"


@dataclass
class Prepared:
    """One verified session, as rows for every table (see ingest.py)."""

    session: dict[str, Any]
    decisions: list[dict[str, Any]] = field(default_factory=list)
    situations: list[dict[str, Any]] = field(default_factory=list)
    competencies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def session_id(self) -> str:
        return self.session["session_id"]


@dataclass
class Stored:
    """What one batch did: sessions new to the store, already there, and upgraded
    (held as incomplete, now seen ending)."""

    new: int = 0
    known: int = 0
    upgraded: int = 0


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str) -> Store:
        try:
            engine = _engine(url)
            store = cls(engine)
            store._migrate()
        except StoreError:
            raise
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"{_where(url)}: cannot open the store ({_reason(exc)})") from None
        except OSError as exc:
            raise StoreError(f"{_where(url)}: cannot open the store ({exc.strerror or exc})") from None
        return store

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions -----------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction. On SQLite it takes the write lock at BEGIN
        (IMMEDIATE), so two importers queue instead of failing when a reader
        tries to become a writer ("database is locked")."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(uofsim_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    # --- schema -----------------------------------------------------------------------
    def _migrate(self) -> None:
        if self.revision() == HEAD:
            return  # the common case: no Alembic, no lock, no DDL
        config = _alembic_config()
        with self.writing() as conn:
            # Many workstations may open a new store at once: one migrates, the
            # others wait and then find it at head (Alembic does nothing twice).
            if self.dialect == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
            from alembic import command

            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def revision(self) -> str | None:
        """The store's schema revision (None for a new, empty database)."""
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    # --- sessions ---------------------------------------------------------------------
    def known(self, conn: Connection, session_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
        """session id -> (status, records) of those already stored."""
        if not session_ids:
            return {}
        q = sa.select(s.sessions.c.session_id, s.sessions.c.status, s.sessions.c.records).where(
            s.sessions.c.session_id.in_(list(session_ids))
        )
        return {row.session_id: (row.status, row.records) for row in conn.execute(q)}

    def store(self, batch: Sequence[Prepared]) -> Stored:
        """Store a batch in one transaction: sessions it does not hold yet, and
        sessions it holds as incomplete that this batch shows further along (a log
        imported while its session was still running, imported again later)."""
        done = Stored()
        if not batch:
            return done
        unique: dict[str, Prepared] = {}
        for item in batch:  # the same session twice in one batch: keep the longest log
            held = unique.get(item.session_id)
            if held is None or item.session["records"] > held.session["records"]:
                unique[item.session_id] = item
        with self.writing() as conn:
            inserted = self._insert_new(conn, list(unique.values()))
            done.new = len(inserted)
            rest = [p for sid, p in unique.items() if sid not in inserted]
            known = self.known(conn, [p.session_id for p in rest])
            for item in rest:
                status, records = known.get(item.session_id, ("", 0))
                if status == "incomplete" and item.session["records"] > records:
                    self._replace(conn, item)
                    done.upgraded += 1
                else:
                    done.known += 1
        done.known += len(batch) - len(unique)
        return done

    def _insert_new(self, conn: Connection, items: list[Prepared]) -> set[str]:
        """Insert the sessions not yet stored (ON CONFLICT DO NOTHING, so a
        concurrent importer of the same log costs nothing) and their rows."""
        stmt = _insert(self.dialect, s.sessions).on_conflict_do_nothing(index_elements=["session_id"])
        result = conn.execute(stmt.returning(s.sessions.c.session_id), [p.session for p in items])
        inserted = {row[0] for row in result}
        chosen = [p for p in items if p.session_id in inserted]
        _insert_children(conn, chosen)
        return inserted

    def _replace(self, conn: Connection, item: Prepared) -> None:
        sid = item.session_id
        for table in (s.decisions, s.situation_scores, s.competencies):
            conn.execute(sa.delete(table).where(table.c.session_id == sid))
        values = {k: v for k, v in item.session.items() if k not in ("session_id", "path")}
        conn.execute(sa.update(s.sessions).where(s.sessions.c.session_id == sid).values(**values))
        _insert_children(conn, [item])

    def quarantine(self, rows: Sequence[dict[str, Any]]) -> int:
        """Record tampered logs (once per distinct content); the number new to the store."""
        if not rows:
            return 0
        with self.writing() as conn:
            stmt = _insert(self.dialect, s.quarantine).on_conflict_do_nothing(index_elements=["log_sha256"])
            result = conn.execute(stmt.returning(s.quarantine.c.log_sha256), list(rows))
            return len(result.all())

    def seen(self, session_ids: Sequence[str]) -> dict[str, tuple[str, int, str | None]]:
        """session id -> (status, records, end digest) the store saw at import."""
        out: dict[str, tuple[str, int, str | None]] = {}
        ids = list(session_ids)
        with self.reading() as conn:
            for start in range(0, len(ids), 500):
                q = sa.select(s.sessions.c.session_id, s.sessions.c.status, s.sessions.c.records,
                              s.sessions.c.end_digest)
                for row in conn.execute(q.where(s.sessions.c.session_id.in_(ids[start:start + 500]))):
                    out[row.session_id] = (row.status, row.records, row.end_digest)
        return out


def _insert_children(conn: Connection, items: list[Prepared]) -> None:
    for table, attr in ((s.decisions, "decisions"), (s.situation_scores, "situations"),
                        (s.competencies, "competencies")):
        rows = [row for p in items for row in getattr(p, attr)]
        if rows:
            conn.execute(sa.insert(table), rows)


def _insert(dialect: str, table: sa.Table) -> Any:
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        folder = Path(path).parent
        if not folder.is_dir():
            raise StoreError(f"{path}: cannot open the store (folder {folder} does not exist)")
        engine = sa.create_engine(url, connect_args={"timeout": 120})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=False, connect_args={"connect_timeout": 10})


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it
    # and start transactions late, which is how SQLite locks go wrong).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the importer
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; WAL keeps it consistent
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("uofsim_write") else "BEGIN")


def _where(url: str) -> str:
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return sa.engine.make_url(url).render_as_string(hide_password=True).replace("+psycopg", "")


def _reason(exc: BaseException) -> str:
    """The driver's own first line (e.g. 'connection refused'), without SQL,
    parameters or traceback."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    text = " ".join(first.split())
    return text[:200] or type(orig).__name__
