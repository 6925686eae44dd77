"""``assurance keys``: API keys for force systems."""

from __future__ import annotations

from typing import Annotated

import typer

from api.auth import Role, create_key
from api.commands.common import consoles, run, runtime
from api.settings import Settings

keys_app = typer.Typer(help="API keys (stored hashed; a key is shown only when it is made).")


@keys_app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="What the key may do.", case_sensitive=False)],
    name: Annotated[str, typer.Option(help="Who or what the key is for.")],
) -> None:
    """Make a new API key and print it once."""
    if not name.strip():
        consoles()[1].print("[red]error:[/red] --name must not be empty")
        raise typer.Exit(2)
    key_id, key = run(_create(Settings(), name, role))
    console, err_console = consoles()
    err_console.print(
        f"API key {key_id} ({role.value}) for {name.strip()!r}; keep it now, it is not stored:"
    )
    console.print(key, soft_wrap=True, highlight=False)


async def _create(settings: Settings, name: str, role: Role) -> tuple[int, str]:
    async with runtime(settings) as rt:
        return await create_key(rt.engine, name=name, role=role)
