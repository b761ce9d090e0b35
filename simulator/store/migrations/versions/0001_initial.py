"""The first academy store: sessions, decisions, situation scores, competencies,
quarantine and annotations.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SID = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("session_id", _SID, primary_key=True),
        sa.Column("trainee", sa.String(200), nullable=False, index=True),
        sa.Column("scenario", sa.String(200), nullable=False, index=True),
        sa.Column("scenario_title", sa.Text, nullable=False),
        sa.Column("scenario_version", sa.String(100), nullable=False),
        sa.Column("difficulty", sa.Integer),
        sa.Column("started_at", sa.String(40), nullable=False, index=True),
        sa.Column("workstation", sa.Text, nullable=False),
        sa.Column("lang", sa.String(20), nullable=False),
        sa.Column("cohort", sa.String(200), index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("integrity", sa.Text, nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("passed", sa.Boolean),
        sa.Column("critical_errors", sa.Integer, nullable=False),
        sa.Column("community", sa.Float),
        sa.Column("situations", sa.Integer, nullable=False),
        sa.Column("ending", sa.Text),
        sa.Column("abort_reason", sa.Text),
        sa.Column("duration_s", sa.Float, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("mac_checked", sa.Boolean, nullable=False),
        sa.Column("end_digest", sa.String(64)),
        sa.Column("warnings", sa.Text),
        sa.Column("log", sa.LargeBinary, nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "decisions",
        sa.Column("session_id", _SID, sa.ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("t", sa.Float, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("situation", sa.String(200)),
        sa.Column("response", sa.Text),
        sa.Column("expected", sa.String(200)),
        sa.Column("score", sa.Float),
        sa.Column("decision_s", sa.Float),
        sa.Column("verdict", sa.String(40)),
        sa.Column("level", sa.Integer),
        sa.Column("range_max", sa.String(60)),
        sa.Column("severity", sa.Integer, nullable=False),
        sa.Column("critical", sa.Boolean, nullable=False),
        sa.Column("reportable", sa.Boolean, nullable=False),
        sa.Column("phase", sa.String(20)),
    )
    op.create_table(
        "situation_scores",
        sa.Column("session_id", _SID, sa.ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("situation", sa.String(200), nullable=False),
        sa.Column("total", sa.Float, nullable=False),
        sa.Column("competencies", sa.Text),
    )
    op.create_table(
        "competencies",
        sa.Column("session_id", _SID, sa.ForeignKey("sessions.session_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("competency", sa.String(60), primary_key=True),
        sa.Column("value", sa.Float),
    )
    op.create_table(
        "quarantine",
        sa.Column("log_sha256", sa.String(64), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("first_bad_seq", sa.Integer),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("claimed_trainee", sa.Text, nullable=False),
        sa.Column("claimed_session", sa.Text, nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "annotations",
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("session_id", _SID, nullable=False, index=True),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("prev", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("mac", sa.String(64)),
    )


def downgrade() -> None:
    for table in ("annotations", "quarantine", "competencies", "situation_scores", "decisions", "sessions"):
        op.drop_table(table)
