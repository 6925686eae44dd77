"""fire boards' identity

A commissioner over police and fire holds an accountability board for each, often on the
same day. A meeting whose title names the fire service and not the police, of a body whose
name does not name the fire service, is told apart from the police board of that body,
kind and date by an identity key ending in "/fire" (``ingest.keys.meeting_identity_key``),
so that its minutes no longer replace the police board's. Existing such meetings take it;
their body's metric series take the fire board's figures apart when a meeting of the body
next arrives, and police board minutes that a fire board's replaced come back by
ingesting them again.

Downgrading fails while a fire board and its body's police board share a kind and date.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 23:10:00.000000
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUFFIX = "/fire"
# As ``ingest.keys.fire_board`` reads a title, written here as this revision knew it.
_FIRE = re.compile(r"\bfire\b", re.IGNORECASE)
_POLICE = re.compile(r"\bpolic(?:e|ing)\b", re.IGNORECASE)
_BOTH_SERVICES = re.compile(
    r"\bpolice,?\s+fire\s+(?:and|&)\s+crime\s+(?:commissioner|panel)", re.IGNORECASE
)

meetings = sa.table(
    "meetings",
    sa.column("id", sa.BigInteger()),
    sa.column("title", sa.String()),
    sa.column("identity_key", sa.String()),
)


def _fire_board(title: str | None, key: str) -> bool:
    if not title or _FIRE.search(key):
        return False
    title = _BOTH_SERVICES.sub(" ", title)
    return bool(_FIRE.search(title) and not _POLICE.search(title))


def _set_keys(keys: dict[int, str]) -> None:
    bind = op.get_bind()
    for meeting_id, key in keys.items():
        bind.execute(meetings.update().where(meetings.c.id == meeting_id).values(identity_key=key))


def upgrade() -> None:
    rows = (
        op.get_bind()
        .execute(
            sa.select(meetings.c.id, meetings.c.title, meetings.c.identity_key).where(
                meetings.c.identity_key != "", ~meetings.c.identity_key.startswith("chair:")
            )
        )
        .all()
    )
    _set_keys(
        {
            row.id: row.identity_key + SUFFIX
            for row in rows
            if not row.identity_key.endswith(SUFFIX) and _fire_board(row.title, row.identity_key)
        }
    )


def downgrade() -> None:
    rows = (
        op.get_bind()
        .execute(
            sa.select(meetings.c.id, meetings.c.identity_key).where(
                meetings.c.identity_key.endswith(SUFFIX)
            )
        )
        .all()
    )
    _set_keys({row.id: row.identity_key[: -len(SUFFIX)] for row in rows})
