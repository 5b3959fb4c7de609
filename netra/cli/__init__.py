"""The `netra` command: a thin layer over the packages; every sub-command lives in its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="netra",
    help=(
        "Netra watches the public social-media activity of Indonesian civil servants (ASN) for\n"
        "breaches of election neutrality (SKB 2022, forms N01-N15) and shows supervisors what it finds.\n\n"
        "Start here:  netra stack up   (Kafka, Elasticsearch, Prometheus on this machine)\n"
        "             netra scan posts.jsonl   (judge posts offline, no services needed)"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)

# Each module defines `register(app)`; the order here is the order of `netra --help`.
COMMAND_MODULES = [
    "netra.cli.demo",
    "netra.cli.stack",
    "netra.cli.pipeline",
    "netra.cli.schemas",
    "netra.cli.engine",
    "netra.cli.rulestate",
    "netra.cli.bench",
    "netra.cli.report",
    "netra.cli.kibana",
]


def _load() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


def main() -> None:
    _load()
    app()
