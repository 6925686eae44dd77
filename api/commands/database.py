"""``assurance db``: the database schema."""

from __future__ import annotations

import typer

import migrations
from api.commands.common import consoles, run
from api.settings import Settings

db_app = typer.Typer(help="Database schema.")


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply database migrations up to the newest revision."""
    settings = Settings()
    settings.ensure_data_dir()
    run(migrations.upgrade(settings.resolved_database_url))
    consoles()[0].print(f"database at revision {migrations.head_revision()}")
