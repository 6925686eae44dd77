"""meeting date optional

Minutes that state no date (a single-item web page, an opening cut before the header)
are stored without one instead of being refused.

Downgrading fails while a meeting has no date: delete those meetings first.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 13:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite rebuilds the table to change a column; it must keep AUTOINCREMENT.
MEETINGS_TABLE_KWARGS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.alter_column("date", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    undated = op.get_bind().scalar(sa.text("SELECT count(*) FROM meetings WHERE date IS NULL"))
    if undated:
        raise RuntimeError(
            f"{undated} meeting(s) have no date: delete them before downgrading below 0003"
        )
    with op.batch_alter_table(
        "meetings", schema=None, table_kwargs=MEETINGS_TABLE_KWARGS
    ) as batch_op:
        batch_op.alter_column("date", existing_type=sa.Date(), nullable=False)
