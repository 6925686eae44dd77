"""The ``assurance`` command line: one Typer app made of the commands in ``api.commands``."""

from __future__ import annotations

import typer

from api.commands.database import db_app
from api.commands.index import reindex
from api.commands.ingest import ingest
from api.commands.search import search

app = typer.Typer(
    help="Police governance assurance records: ingest, search and serve minutes.",
    no_args_is_help=True,
)
app.command()(ingest)
app.command()(search)
app.command()(reindex)
app.add_typer(db_app, name="db")

if __name__ == "__main__":
    app()
