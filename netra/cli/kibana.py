"""`netra kibana import`: load the data view, saved searches and dashboard into Kibana."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import SecretStr
from rich.console import Console

from netra.kibana import DEFAULT_NDJSON, KibanaError, import_objects
from streams.settings import Settings

kibana_app = typer.Typer(
    name="kibana",
    no_args_is_help=True,
    rich_markup_mode="rich",
    help=(
        "Kibana saved objects for supervisors: the netra-flags data view, saved searches (high\n"
        "severity in the last 24 h, unreviewed, by agency) and the 'Netra flags' dashboard.\n\n"
        "Examples:\n\n"
        "  netra kibana import --url http://127.0.0.1:5601\n\n"
        "  netra kibana import --url https://kibana.example:5601 --space bawaslu\n\n"
        "Credentials (environment): NETRA_KIBANA_API_KEY, or NETRA_KIBANA_USER and\n"
        "NETRA_KIBANA_PASSWORD; for an https Kibana with a private CA, NETRA_KIBANA_CA_CERT."
    ),
)


@kibana_app.command("import")
def import_command(
    url: Annotated[
        str | None,
        typer.Option(
            "--url", help="Kibana's base URL (default: NETRA_KIBANA_URL, http://127.0.0.1:5601)."
        ),
    ] = None,
    space: Annotated[
        str | None,
        typer.Option("--space", help="Kibana space id; the default space when omitted."),
    ] = None,
    file: Annotated[
        Path, typer.Option("--file", help="Saved objects NDJSON to import.")
    ] = DEFAULT_NDJSON,
) -> None:
    """Import (overwrite) Netra's saved objects into Kibana; safe to run again after changes.

    Example: netra kibana import --url http://127.0.0.1:5601 --space default
    """
    console, err_console = Console(), Console(stderr=True)
    settings = Settings()
    url = url or settings.kibana_url
    try:
        result = import_objects(
            url,
            file,
            space,
            api_key=_secret(settings.kibana_api_key),
            user=settings.kibana_user or None,
            password=_secret(settings.kibana_password),
            ca_cert=settings.kibana_ca_cert,
        )
    except KibanaError as err:
        err_console.print(f"[bold red]error:[/] {err.message}", highlight=False)
        if err.hint:
            err_console.print(f"[yellow]what to do:[/] {err.hint}", highlight=False)
        raise typer.Exit(1) from None
    for error in result.errors:
        what = error.get("error", {}).get("type", "error")
        err_console.print(
            f"[red]not imported:[/] {error.get('type')} {error.get('id')}: {what}", highlight=False
        )
    if not result.success:
        err_console.print(
            f"[bold red]error:[/] Kibana imported {result.success_count} object(s) and refused "
            f"{len(result.errors)}.",
            highlight=False,
        )
        raise typer.Exit(1)
    console.print(f"[green]imported[/] {result.success_count} saved objects from {file} into {url}")


def register(app: typer.Typer) -> None:
    app.add_typer(kibana_app, name="kibana", rich_help_panel="Supervision")


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() or None if value is not None else None
