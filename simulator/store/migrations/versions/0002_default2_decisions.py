"""Decisions keep their reason codes, a deliberate wait, and how a firearm was used
(draw, point, discharge): only a discharge
is a shot in the lethal-force figures (rubric default-2). Sessions keep whether a
use-of-force report would be required (the ending's injuries count too).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("reasons", sa.Text))
        batch.add_column(sa.Column("firearm", sa.String(20)))
        batch.add_column(sa.Column("wait", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("reportable", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("reportable")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("wait")
        batch.drop_column("firearm")
        batch.drop_column("reasons")
