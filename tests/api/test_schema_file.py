"""schema.graphql at the repository root is the schema the code serves, to the character."""

from __future__ import annotations

from pathlib import Path

from graphql import build_schema as build_from_sdl
from graphql import find_breaking_changes, find_dangerous_changes
from typer.testing import CliRunner

from api.cli import app
from api.commands.schema import schema_sdl

SCHEMA_FILE = Path(__file__).parents[2] / "schema.graphql"
FIX = "the code and schema.graphql differ: run `assurance export-schema` and commit the file"


def test_schema_file_matches_the_code() -> None:
    committed_sdl = SCHEMA_FILE.read_text(encoding="utf-8")
    code_sdl = schema_sdl()
    committed, current = build_from_sdl(committed_sdl), build_from_sdl(code_sdl)
    breaking = [
        f"{c.type.name}: {c.description}" for c in find_breaking_changes(committed, current)
    ]
    assert not breaking, f"breaking changes against schema.graphql {breaking}; {FIX}"
    dangerous = [
        f"{c.type.name}: {c.description}" for c in find_dangerous_changes(committed, current)
    ]
    assert not dangerous, f"dangerous changes against schema.graphql {dangerous}; {FIX}"
    assert code_sdl == committed_sdl, FIX


def test_export_schema_writes_the_sdl(tmp_path: Path) -> None:
    output = tmp_path / "out.graphql"
    result = CliRunner().invoke(app, ["export-schema", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8") == schema_sdl()
    assert "type Query" in output.read_text(encoding="utf-8")
