"""`netra stack up | down | status | logs`: Kafka, Elasticsearch, Prometheus, Alertmanager."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from netra.stack import StackError, StackSettings, supervisor
from netra.stack.kafka_secure import SecureKafka
from netra.stack.report import status_json, status_table
from netra.stack.supervisor import SERVICE_NAMES

T = TypeVar("T")

stack_app = typer.Typer(
    name="stack",
    no_args_is_help=True,
    rich_markup_mode="rich",
    help=(
        "Run Netra's services on this machine: Apache Kafka (KRaft), Elasticsearch 9,\n"
        "the SeaweedFS object store (S3, built once from the Go module proxy), Prometheus\n"
        "and Alertmanager, on 127.0.0.1, fetched into ~/.cache/netra, data in\n"
        "~/.local/state/netra.\n\n"
        "Examples:\n\n"
        "  netra stack up                       # fetches once, waits until healthy\n\n"
        "  netra stack up --only kafka,elasticsearch\n\n"
        "  netra stack up --secure               # Kafka with SASL/SCRAM over TLS and ACLs\n\n"
        '  netra stack status --json            # for scripts: {"all_up": true, ...}\n\n'
        "  netra stack logs kafka -n 100        # or -f to follow\n\n"
        "  netra stack down                     # stops all, no process left\n\n"
        "Settings (environment, defaults in parentheses):\n\n"
        "NETRA_KAFKA_BOOTSTRAP (127.0.0.1:29092), NETRA_KAFKA_CONTROLLER_PORT (29093),\n"
        "NETRA_ES_URL (http://127.0.0.1:29200), NETRA_PROMETHEUS_URL (http://127.0.0.1:29090),\n"
        "NETRA_ALERTMANAGER_URL (http://127.0.0.1:29094), NETRA_CACHE (~/.cache/netra),\n"
        "NETRA_STATE (~/.local/state/netra), NETRA_KAFKA_VERSION, NETRA_ES_VERSION,\n"
        "NETRA_KAFKA_HEAP / NETRA_ES_HEAP (512m), NETRA_JAVA_HOME (java on PATH, 17+),\n"
        "NETRA_ES_JAVA_HOME (Temurin 25), NETRA_ES_USER (netra), NETRA_STACK_TIMEOUT (240 s),\n"
        "NETRA_KAFKA_SECURE_BOOTSTRAP (127.0.0.1:29095), NETRA_KAFKA_SECURE_CONTROLLER_PORT\n"
        "(29096), NETRA_KAFKA_SECURE_HEAP (256m), NETRA_OBJECT_STORE_URL\n"
        "(http://127.0.0.1:29333; master, volume and filer on the next three ports),\n"
        "NETRA_SEAWEEDFS_VERSION."
    ),
)

OnlyOption = Annotated[
    str,
    typer.Option(
        "--only",
        help=f"Comma-separated subset of: {', '.join(SERVICE_NAMES)}.",
        show_default=False,
    ),
]

SecureOption = Annotated[
    bool,
    typer.Option(
        "--secure",
        help="Kafka is the secure broker (SASL/SCRAM-SHA-512 over TLS, ACLs; service "
        "kafka-secure on NETRA_KAFKA_SECURE_BOOTSTRAP), not the plain one.",
    ),
]


def _console() -> Console:
    return Console(stderr=False)


def _guard(action: Callable[[], T]) -> T:
    """Run `action`; show a StackError as a message with its remedy and exit 1."""
    try:
        return action()
    except StackError as err:
        err_console = Console(stderr=True)
        err_console.print(f"[bold red]error:[/] {err.message}", highlight=False)
        if err.hint:
            err_console.print(f"[yellow]what to do:[/] {err.hint}", highlight=False)
        raise typer.Exit(1) from None


def _split(only: str) -> list[str]:
    return [n for n in only.split(",") if n.strip()]


@stack_app.command("up")
def up_command(only: OnlyOption = "", secure: SecureOption = False) -> None:
    """Start the stack (idempotent) and wait until every service is healthy.

    A second run finds everything up and returns in seconds. Example: netra stack up --only kafka

    With --secure, Kafka is the secure broker beside the plain one; the workers' credentials are
    written to <state>/kafka-secure/client.env (load them with: set -a; . FILE; set +a).
    """
    console = _console()
    settings = _guard(StackSettings.from_env)
    t0 = time.monotonic()
    results = _guard(lambda: supervisor.up(settings, console, _split(only), secure))
    notes = {row.name: ("started" if started else "already running") for row, started in results}
    console.print(status_table([row for row, _ in results], notes=notes))
    verb = "already running" if not any(s for _, s in results) else "up"
    console.print(f"stack {verb} in {time.monotonic() - t0:.1f}s  (state: {settings.state_dir})")
    secured = [row for row, _ in results if row.name == SecureKafka.name]
    if secured:
        secure_kafka = SecureKafka(settings, console)
        env_file = secure_kafka.client_env_file
        console.print(
            f"secure Kafka credentials of the workers: {env_file}\n"
            f"  load them into a shell with: set -a; . {env_file}; set +a\n"
            f"  the review desk's (netra-desk, write only): {secure_kafka.desk_env_file}",
            highlight=False,
        )


@stack_app.command("down")
def down_command(only: OnlyOption = "", secure: SecureOption = False) -> None:
    """Stop the stack's processes (SIGTERM, then SIGKILL after a grace period). Data is kept.

    Without --only or --secure every service stops, the secure Kafka included.
    Example: netra stack down   (delete NETRA_STATE, default ~/.local/state/netra, to wipe data)
    """
    console = _console()
    settings = _guard(StackSettings.from_env)
    stopped = _guard(lambda: supervisor.down(settings, console, _split(only), secure))
    for name, was_running in stopped:
        console.print(f"  {name}: {'stopped' if was_running else 'was not running'}")


@stack_app.command("status")
def status_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    only: OnlyOption = "",
    secure: SecureOption = False,
) -> None:
    """Show each service's URL, state (running, starting, stopped, port busy) and pid.

    Example: netra stack status --json | jq .all_up
    """
    settings = _guard(StackSettings.from_env)
    rows = _guard(lambda: supervisor.status(settings, Console(stderr=True), _split(only), secure))
    if as_json:
        env = settings.as_env()
        if secure:
            env |= SecureKafka(settings, Console(stderr=True)).public_env()
        sys.stdout.write(status_json(rows, settings, env) + "\n")
    else:
        _console().print(status_table(rows))


@stack_app.command("logs")
def logs_command(
    service: Annotated[str, typer.Argument(help=f"One of: {', '.join(SERVICE_NAMES)}.")],
    lines: Annotated[int, typer.Option("-n", "--lines", help="How many lines.")] = 50,
    follow: Annotated[bool, typer.Option("-f", "--follow", help="Keep following.")] = False,
    secure: SecureOption = False,
) -> None:
    """Show the end of a service's log file. Example: netra stack logs elasticsearch -f"""
    settings = _guard(StackSettings.from_env)
    svc = _guard(lambda: supervisor.services(settings, Console(stderr=True), [service], secure))[0]
    path = svc.log_file if svc.log_file.exists() else svc.out_file
    if not path.exists():
        Console(stderr=True).print(f"No log yet at {path}; start it with: netra stack up")
        raise typer.Exit(1)
    argv = ["tail", f"-n{lines}", *(["-F"] if follow else []), str(path)]
    try:
        raise typer.Exit(subprocess.call(argv, env=os.environ.copy()))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None


def register(app: typer.Typer) -> None:
    app.add_typer(stack_app, name="stack")
