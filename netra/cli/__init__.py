"""The `netra` command: a thin layer over the packages; each sub-command has its own module."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="netra",
    help=(
        "Netra watches the public social-media activity of Indonesian civil servants (ASN)\n"
        "for breaches of election neutrality (SKB 2022, forms N01-N15) and shows supervisors\n"
        "what it finds.\n\n"
        "Start here:\n\n"
        "netra demo: the whole pipeline on this machine, with sample data\n\n"
        "netra scan rules/corpus/dev.jsonl --explain: judge posts offline, no services\n\n"
        "netra rules test: run every rule's examples\n\n"
        "netra stack up | status | down: Kafka, Elasticsearch, Prometheus, Alertmanager"
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
    "netra.cli.deadletters",
    "netra.cli.schemas",
    "netra.cli.config",
    "netra.cli.engine",
    "netra.cli.corpus",
    "netra.cli.model",
    "netra.cli.catalogue",
    "netra.cli.rulestate",
    "netra.cli.bench",
    "netra.cli.report",
    "netra.cli.evidence",
    "netra.cli.users",
    "netra.cli.cases",
    "netra.cli.desk",
    "netra.cli.kibana",
]


def _load() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)


def main() -> None:
    _load()
    app()
