"""`netra config`: every setting a worker reads, its value here and its default."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from streams.settings import Settings, env_names

console = Console()


def env_name(field: str) -> str:
    return " or ".join(env_names(field))


def config(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print NAME=value lines as JSON.")
    ] = False,
) -> None:
    """Show the NETRA_* settings: the value this shell gives a worker, the default, the meaning.

    Every value can be set in the environment, e.g. NETRA_PARTITIONS=16 netra topics create.
    """
    current = Settings()
    if as_json:
        import json

        values = {env_names(f)[0]: str(getattr(current, f)) for f in Settings.model_fields}
        console.print_json(json.dumps(values))
        return
    table = Table("variable", "value", "default", "what it does", title="Netra settings")
    for name, field in Settings.model_fields.items():
        value, default = getattr(current, name), field.get_default(call_default_factory=True)
        shown = f"[bold]{value}[/]" if value != default else str(value)
        table.add_row(env_name(name), shown, str(default), field.description or "")
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Reference")(config)
