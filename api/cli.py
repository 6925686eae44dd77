"""The ``assurance`` command line: one Typer app made of the commands in ``api.commands``."""

from __future__ import annotations

import typer

from api.commands.chain import chain
from api.commands.database import db_app
from api.commands.export import export
from api.commands.index import reindex
from api.commands.ingest import ingest
from api.commands.keys import keys_app
from api.commands.reparse import reparse
from api.commands.schema import export_schema
from api.commands.search import search
from api.commands.series import series
from api.commands.serve import serve
from api.commands.timeline import timeline

app = typer.Typer(
    help="Police governance assurance records: ingest, search and serve minutes.",
    no_args_is_help=True,
)
app.command()(ingest)
app.command()(reparse)
app.command()(search)
app.command()(series)
app.command()(timeline)
app.command()(chain)
app.command()(reindex)
app.command()(serve)
app.command()(export)
app.command("export-schema")(export_schema)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")

if __name__ == "__main__":
    app()
