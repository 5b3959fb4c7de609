"""How the stack's state is shown: a rich table for people, JSON for scripts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.table import Table

from netra.stack.service import ServiceStatus, State
from netra.stack.settings import StackSettings

_STYLE = {
    State.RUNNING: "green",
    State.STARTING: "yellow",
    State.STOPPED: "dim",
    State.PORT_BUSY: "red",
}


def status_table(
    rows: Sequence[ServiceStatus],
    title: str = "Netra local stack",
    notes: dict[str, str] | None = None,
) -> Table:
    """Service, URL, state and pid; `notes` (e.g. "already running") go in the last column."""
    table = Table(title=title, title_justify="left")
    table.add_column("service", style="bold")
    table.add_column("url", no_wrap=True)
    table.add_column("state")
    table.add_column("pid", justify="right")
    table.add_column("note", style="dim")
    for row in rows:
        note = (notes or {}).get(row.name) or row.note
        state = f"[{_STYLE[row.state]}]{row.state.value}[/]"
        table.add_row(row.name, row.url, state, str(row.pid or "-"), note)
    return table


def status_json(
    rows: Sequence[ServiceStatus], settings: StackSettings, env: dict[str, str] | None = None
) -> str:
    """A stable document for scripts: every service, whether it is up, and where state lives;
    `env` replaces the client variables (the secure broker's, without the password)."""
    return json.dumps(
        {
            "all_up": bool(rows) and all(r.state is State.RUNNING for r in rows),
            "services": {r.name: r.to_dict() for r in rows},
            "state_dir": str(settings.state_dir),
            "cache_dir": str(settings.cache_dir),
            "env": env if env is not None else settings.as_env(),
        },
        indent=2,
    )
