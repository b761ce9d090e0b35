"""The store's tables (SQLAlchemy Core), as of the latest migration.

Alembic migrations (migrations/versions) create and change them; this module
is what the code reads and writes. Change both together, with a new migration.
"""

# No `from __future__ import annotations` here: it would bind the name of the
# `annotations` table below.

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

# One row per session id, whatever its file was called. `status`, `records` and
# `end_digest` are what the store saw at import: verify --db uses them to notice
# a log whose end record was removed afterwards.
sessions = Table(
    "sessions",
    metadata,
    Column("session_id", String(200), primary_key=True),
    Column("trainee", String(200), nullable=False, index=True),
    Column("scenario", String(200), nullable=False, index=True),
    Column("scenario_title", Text, nullable=False),
    Column("scenario_version", String(100), nullable=False),
    Column("difficulty", Integer),
    Column("started_at", String(40), nullable=False, index=True),
    Column("workstation", Text, nullable=False),
    Column("lang", String(20), nullable=False),
    Column("cohort", String(200), index=True),
    Column("reportable", Boolean, nullable=False, server_default=false()),  # migration 0002
    Column("status", String(20), nullable=False),
    Column("integrity", Text, nullable=False),
    Column("score", Float),
    Column("passed", Boolean),
    Column("critical_errors", Integer, nullable=False),
    Column("community", Float),
    Column("situations", Integer, nullable=False),
    Column("ending", Text),
    Column("abort_reason", Text),
    Column("duration_s", Float, nullable=False),
    Column("path", Text, nullable=False),  # where it was first imported from
    Column("records", Integer, nullable=False),  # newline-ended records verified at import
    Column("mac_checked", Boolean, nullable=False),  # verified with the academy key at import
    Column("end_digest", String(64)),  # the end record's digest, when it had one
    Column("warnings", Text),  # JSON list of review warnings about its lines, or NULL
    Column("log", LargeBinary, nullable=False),  # zlib of the verified lines, for timelines
    Column("imported_at", String(40), nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("session_id", String(200), ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("t", Float, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("situation", String(200)),
    Column("response", Text),  # JSON: a behaviour, option id, or list of ids
    Column("expected", String(200)),
    Column("score", Float),
    Column("decision_s", Float),
    Column("verdict", String(40)),
    Column("level", Integer),
    Column("range_max", String(60)),
    Column("severity", Integer, nullable=False),
    Column("critical", Boolean, nullable=False),
    Column("reportable", Boolean, nullable=False),
    Column("phase", String(20)),
    Column("reasons", Text),  # JSON list of reason codes (migration 0002)
    Column("firearm", String(20)),  # draw | point | discharge (migration 0002)
    Column("wait", Boolean, nullable=False, server_default=false()),  # a timeout that was a deliberate wait (0002)
)

# Scored situations in order; `competencies` is the JSON map of situation_scored
# when the log has one (logs before scoring model 2 do not).
situation_scores = Table(
    "situation_scores",
    metadata,
    Column("session_id", String(200), ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("situation", String(200), nullable=False),
    Column("total", Float, nullable=False),
    Column("competencies", Text),
)

# session_ended's competencies (0..100 or null = not measured); no rows when the
# log has none.
competencies = Table(
    "competencies",
    metadata,
    Column("session_id", String(200), ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
    Column("competency", String(60), primary_key=True),
    Column("value", Float),
)

# Tampered logs: never counted, kept with the reason. One row per distinct file content.
quarantine = Table(
    "quarantine",
    metadata,
    Column("log_sha256", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("first_bad_seq", Integer),
    Column("detail", Text, nullable=False),
    Column("claimed_trainee", Text, nullable=False),
    Column("claimed_session", Text, nullable=False),
    Column("imported_at", String(40), nullable=False),
)

# Instructor annotations, append-only, hash-chained (`position` is the chain
# order; its primary key makes two concurrent appends race for the same
# position, and the loser retries on the new head).
annotations = Table(
    "annotations",
    metadata,
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("session_id", String(200), nullable=False, index=True),
    Column("author", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("at", String(40), nullable=False),
    Column("prev", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("mac", String(64)),
)
