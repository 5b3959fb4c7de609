"""Supervisor commands on the flags in Elasticsearch: `netra report` and `netra case`."""

from __future__ import annotations

import asyncio
import sys
import webbrowser
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout, TlsError
from elasticsearch import ApiError, AsyncElasticsearch
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from streams.esclient import ElasticsearchConfigError, elasticsearch_client
from streams.settings import Settings

console = Console(stderr=True)
out = Console()
T = TypeVar("T")

FIND_IDS = (
    "flag ids look like 'instagram:C3xYz' (platform:post_id); list recent ones with "
    "`netra flags tail --from-beginning` or in Kibana (field flag_id of the netra-flags data view)"
)


class CaseFormat(StrEnum):
    MD = "md"
    HTML = "html"
    JSON = "json"


def _fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _run_es(settings: Settings, work: Callable[[AsyncElasticsearch], Awaitable[T]]) -> T:
    """Run one coroutine against Elasticsearch; turn an unreachable cluster, a refused
    certificate or refused credentials into advice."""

    async def main() -> T:
        es = elasticsearch_client(settings, retry_on_timeout=False)
        try:
            return await work(es)
        finally:
            await es.close()

    try:
        return asyncio.run(main())
    except ElasticsearchConfigError as exc:
        raise _fail(str(exc)) from exc
    except TlsError as exc:
        raise _fail(
            f"Elasticsearch at {settings.es_url} did not pass the certificate check: "
            f"{exc.message}. Set NETRA_ES_CA_CERT to the PEM file of the CA that signed its "
            "certificate."
        ) from exc
    except (TransportConnectionError, ConnectionTimeout) as exc:
        raise _fail(
            f"Elasticsearch at {settings.es_url} is unreachable. Start the local stack with "
            "`netra stack up`, or point NETRA_ES_URL at your cluster."
        ) from exc
    except ApiError as exc:
        advice = ""
        if exc.meta.status == 401:
            advice = (
                " Set NETRA_ES_API_KEY, or NETRA_ES_USERNAME and NETRA_ES_PASSWORD, to credentials "
                "the cluster accepts."
            )
        elif exc.meta.status == 403:
            advice = (
                f" The credentials lack a privilege on {settings.flags_alias}: see the roles in "
                "deploy/elasticsearch/roles/."
            )
        raise _fail(
            f"Elasticsearch refused the request: {exc.message} ({exc.meta.status}).{advice}"
        ) from exc


def report(
    since: Annotated[
        str, typer.Option(help="Start of the range: 7d, 12h, 2w (before now) or a date (WIB).")
    ] = "7d",
    until: Annotated[
        str | None, typer.Option(help="End of the range, same forms as --since (default: now).")
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for report.html and the chart PNGs.")
    ] = Path("netra-report"),
    top: Annotated[int, typer.Option(min=1, max=100, help="Rows in rankings.")] = 10,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the page in a browser when done.")
    ] = False,
) -> None:
    """Write the supervisor report: one HTML page with PNG charts from Elasticsearch.

    Flags per day, by province, agency, rule and participant, the top repeat offenders and
    the review status. The page is self-contained (charts inlined): it opens offline and can
    be mailed. Times are WIB.

      netra report --since 7d
      netra report --since 2024-02-01 --until 2024-02-15 --out laporan-feb --open
    """
    from netra.report.html import write_report
    from netra.report.query import ReportIndexMissingError, fetch_report, time_range

    settings = Settings()
    try:
        window = time_range(since, until)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"querying {settings.flags_alias} at {settings.es_url}")
        try:
            data = _run_es(
                settings, lambda es: fetch_report(es, settings.flags_alias, window, top=top)
            )
        except ReportIndexMissingError as exc:
            raise _fail(
                f"{exc}: no flag has been indexed. Run a worker (`netra worker`) and feed it "
                "events (`netra produce ...`), or set NETRA_FLAGS_ALIAS."
            ) from exc
        progress.update(task, description=f"drawing charts for {data.total} flags")
        page = write_report(data, out_dir, datetime.now(UTC))
    console.print(f"{data.total} flags from {data.accounts} accounts; report written to")
    out.print(str(page.resolve()), soft_wrap=True, highlight=False)
    if open_page:
        webbrowser.open(page.resolve().as_uri())


def case(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. instagram:C3xYz.")],
    fmt: Annotated[
        CaseFormat, typer.Option("--format", "-f", help="md, html or json.")
    ] = CaseFormat.MD,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (default: stdout).")
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            help="Your role: bawaslu, bkn or inspectorate see the full NIP; analyst (or none) "
            "sees it masked. Default: NETRA_ROLE."
        ),
    ] = None,
) -> None:
    """Export one flag's case file for a report to Bawaslu or BKN (Markdown, HTML or JSON).

    It holds the account and the ASN, the post with its evidence highlighted, the SKB form,
    sanction track, phase, the 7-day deadline (UU 7/2017 Pasal 454) and the review history.

    The NIP is masked (198501**********01) unless your role is entitled to it: roles in
    NETRA_NIP_ENTITLED_ROLES (default bawaslu,bkn,inspectorate), from --role or NETRA_ROLE.

      netra case instagram:C3xYz
      netra case instagram:C3xYz --format html --out kasus.html --role bawaslu
    """
    from netra.case import (
        KNOWN_ROLES,
        CaseNotFoundError,
        build_case,
        entitled_roles,
        is_entitled,
        render,
        resolve_role,
    )

    settings = Settings()
    who = resolve_role(role, settings.role)
    allowed = entitled_roles(settings.nip_entitled_roles)
    if who is not None and who not in KNOWN_ROLES | allowed:
        console.print(
            f"[yellow]warning:[/] unknown role {who!r} (known: "
            f"{', '.join(sorted(KNOWN_ROLES))}); the NIP stays masked"
        )
    entitled = is_entitled(who, allowed)
    try:
        case_file = _run_es(
            settings,
            lambda es: build_case(es, settings.flags_alias, flag_id, entitled, role=who),
        )
    except CaseNotFoundError as exc:
        raise _fail(f"{exc}. {FIND_IDS}.") from exc
    text = render(case_file, fmt.value)
    if out_file is None:
        sys.stdout.write(text)
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text, encoding="utf-8")
    masked = " (NIP masked)" if case_file.asn and case_file.asn.nip_masked else ""
    console.print(f"case file written to {out_file}{masked}")


def purge(
    days: Annotated[
        int | None,
        typer.Option(min=1, help="Retention in days (default: NETRA_RETENTION_DAYS, 365)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count what would be deleted; delete nothing.")
    ] = False,
) -> None:
    """Delete flags with no open case once their retention has passed (run it daily).

    A flag confirmed or escalated by a supervisor is part of a case and is kept; a dismissed
    or never-reviewed flag is deleted NETRA_RETENTION_DAYS after the event (docs/privacy.md).

      netra purge --dry-run
    """
    from streams.retention import purge as purge_expired

    settings = Settings()
    retention = days or settings.retention_days
    result = _run_es(
        settings,
        lambda es: purge_expired(
            es, settings.flags_alias, datetime.now(UTC), retention, dry_run=dry_run
        ),
    )
    verb = "would delete" if dry_run else "deleted"
    count = result.expired if dry_run else result.deleted
    out.print(
        f"{verb} {count} flags with no open case from events before "
        f"{result.cutoff:%Y-%m-%d %H:%M} UTC ({retention}-day retention, alias "
        f"{settings.flags_alias})"
    )


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Supervision")(report)
    app.command(rich_help_panel="Supervision")(case)
    app.command(rich_help_panel="Supervision")(purge)
