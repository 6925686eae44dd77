"""document readings

Each stored document keeps a digest of what the parser read in its text
(``source_documents.reading``), so that ``assurance reparse`` makes a document's records
again only when a newer parser reads it otherwise. Documents stored before have none, and
are read again once.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 19:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("source_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reading", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source_documents", schema=None) as batch_op:
        batch_op.drop_column("reading")
