"""`netra schemas`: the JSON Schema files of every topic's records."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from schemas.export import JSON_DIR, export, stale

console = Console()


def schemas_export(
    check: Annotated[
        bool, typer.Option("--check", help="Only report files that are out of date (exit 1).")
    ] = False,
) -> None:
    """Write schemas/json/*.json from the records in schemas/ (post, flag, dead letter ...)."""
    if check:
        names = stale()
        if names:
            console.print(f"[red]out of date:[/] {', '.join(names)}; run 'netra schemas export'")
            raise typer.Exit(code=1)
        console.print(f"schemas in {JSON_DIR} are current")
        return
    for path in export():
        console.print(f"wrote {path}")


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="JSON Schema of the records on every topic.", no_args_is_help=True)
    group.command("export")(schemas_export)
    app.add_typer(group, name="schemas", rich_help_panel="Reference")
