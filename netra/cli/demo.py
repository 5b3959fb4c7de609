"""`netra demo`: the main job, end to end on this machine."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from netra import stack
from netra.workers import stop_all


def demo(
    posts: Annotated[int, typer.Option(help="How many posts to stream.")] = 3000,
    accounts: Annotated[int, typer.Option(help="Civil servants in the sample registry.")] = 300,
    rate: Annotated[float, typer.Option(help="Posts per second.")] = 1000,
) -> None:
    """Bring the stack up, stream sample posts through a worker and show the flags it finds.

    Installs and starts Kafka, Elasticsearch, Prometheus and Alertmanager if needed (the first
    run downloads them, later runs take seconds), loads a sample ASN registry, starts a worker,
    replays posts (about 5% partisan, a few malformed) and shows flags by rule, agency and
    province as they are indexed. Everything stays running: stop it with 'netra down'.
    """
    from netra.demo import run_demo

    console = Console()
    try:
        run_demo(console, accounts=accounts, posts=posts, rate=rate)
    except (stack.StackError, RuntimeError, TimeoutError) as exc:
        console.print(f"[bold red]demo failed:[/] {exc}")
        raise typer.Exit(code=1) from exc


def down() -> None:
    """Stop the demo's workers and the whole local stack; nothing is left running."""
    console = Console()
    stopped = stop_all()
    console.print(f"stopped {stopped} worker(s)")
    for name, was_running in stack.down(console=console):
        console.print(f"  {name:14} {'stopped' if was_running else 'was not running'}")


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Start here")(demo)
    app.command(rich_help_panel="Start here")(down)
