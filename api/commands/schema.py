"""``assurance export-schema``: the GraphQL schema as SDL, for clients and for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from strawberry.printer import print_schema

from api.commands.common import consoles

DEFAULT_OUTPUT = Path("schema.graphql")


def schema_sdl() -> str:
    """The SDL of the schema the server runs, ending with one newline."""
    from schema import build_schema

    return print_schema(build_schema()).rstrip("\n") + "\n"


def export_schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write ('-' for standard output).")
    ] = DEFAULT_OUTPUT,
) -> None:
    """Write the GraphQL schema (SDL) to schema.graphql or another file."""
    sdl = schema_sdl()
    console = consoles()[0]
    if str(output) == "-":
        console.print(sdl, end="", markup=False, highlight=False, soft_wrap=True)
        return
    output.write_text(sdl, encoding="utf-8")
    console.print(f"schema written to {output}")
