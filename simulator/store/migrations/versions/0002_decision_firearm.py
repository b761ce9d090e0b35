"""Decisions keep how a firearm was used (draw, point, discharge): only a discharge
is a shot in the lethal-force figures (rubric default-2).

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
        batch.add_column(sa.Column("firearm", sa.String(20)))


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("firearm")
