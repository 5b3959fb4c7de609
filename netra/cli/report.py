"""Supervisor commands on the flags in Elasticsearch: `netra report` and `netra case`."""

from __future__ import annotations

import hashlib
import sys
import webbrowser
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from netra.cli.common import fail, run_es
from schemas.flag_document import FlagDocument
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
        raise fail(str(exc)) from exc
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(f"querying {settings.flags_alias} at {settings.es_url}")
        try:
            data = run_es(
                settings, lambda es: fetch_report(es, settings.flags_alias, window, top=top)
            )
        except ReportIndexMissingError as exc:
            raise fail(
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
    reveal_nip: Annotated[
        bool,
        typer.Option(
            "--reveal-nip",
            help="Show the clear NIP: you sign in, your role must be entitled and the ASN in "
            "your scope; every attempt is written to the audit trail.",
        ),
    ] = False,
    reason: Annotated[
        str | None,
        typer.Option(help="Why you need the NIP (required with --reveal-nip; audited)."),
    ] = None,
    user: Annotated[
        str | None, typer.Option(help="Your Netra user name (default: NETRA_USER, else asked).")
    ] = None,
    bundle: Annotated[
        bool,
        typer.Option(
            "--bundle",
            help="Write a zip for filing: the case file as PDF with the Pasal 454(4) report "
            "fields, the evidence artefacts, the custody log and manifest.sha256 "
            "(default file: case-<flag>.zip, or --out).",
        ),
    ] = False,
    reporter: Annotated[
        str | None,
        typer.Option(help="Pelapor in the bundle's report fields (default: your user name)."),
    ] = None,
) -> None:
    """Export one flag's case file for a report to Bawaslu or BKN (Markdown, HTML or JSON).

    It holds the account and the ASN, the post with its evidence highlighted, the SKB form,
    sanction track, phase, its legal deadlines by regime with what is left, and the reviews.

    The NIP is shown as its pseudonym. With --reveal-nip and a --reason, a user whose role is
    in NETRA_NIP_ENTITLED_ROLES (default bawaslu,bkn,inspectorate) and whose scope covers the
    ASN gets the clear NIP from the registry; granted or refused, the attempt is written to the
    audit trail first (`netra audit`). Users are managed with `netra users`.

      netra case instagram:C3xYz
      netra case instagram:C3xYz -f html -o kasus.html --reveal-nip --reason "laporan ke BKN"
      netra case instagram:C3xYz --bundle --reporter "Siti, Panwascam Menteng"

    Every case file shown or bundled is appended to the flag's custody log (`netra evidence
    verify` checks it); a bundle is checked by hand with `sha256sum -c manifest.sha256`.
    """
    from netra.case import CaseNotFoundError, case_from_document, fetch_flag_document, render
    from netra.cli.evidence import actor_name, record_custody, write_bundle_file
    from schemas.custody import CustodyAction

    settings = Settings()
    if reveal_nip and not (reason and reason.strip()):
        raise fail("--reveal-nip needs --reason: why you need the NIP goes in the audit trail")
    try:
        doc = run_es(settings, lambda es: fetch_flag_document(es, settings.flags_alias, flag_id))
    except CaseNotFoundError as exc:
        raise fail(f"{exc}. {FIND_IDS}.") from exc
    nip, viewer = None, None
    if reveal_nip:
        assert reason is not None
        nip, viewer = _reveal(settings, doc, user, reason.strip())
    case_file = case_from_document(doc, revealed_nip=nip, viewer=viewer)
    actor = actor_name(settings, viewer.split(" ")[0] if viewer else user)
    if bundle:
        target = out_file or Path(f"case-{flag_id.replace(':', '_').replace('/', '_')}.zip")
        digest = write_bundle_file(settings, case_file, target, actor, reporter or actor)
        console.print(f"case bundle written to {target} (manifest SHA-256 {digest})")
        return
    text = render(case_file, fmt.value)
    record_custody(
        settings,
        flag_id,
        CustodyAction.VIEWED,
        actor=actor,
        detail=f"case file as {fmt.value}" + (" with the NIP revealed" if nip else ""),
        subject_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    if out_file is None:
        sys.stdout.write(text)
        return
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(text, encoding="utf-8")
    shown = " (with the NIP: keep it safe)" if nip else ""
    console.print(f"case file written to {out_file}{shown}")


def _reveal(
    settings: Settings, doc: FlagDocument, user_name: str | None, reason: str
) -> tuple[str, str]:
    """Sign the user in and reveal the NIP of the flag's ASN: (NIP, who it was shown to)."""
    from netra.case import RevealRefusedError
    from netra.case.reveal import nip_revealer
    from netra.cli.users import ask_password
    from netra.identity import AuthenticationError, UserStore, UserStoreError
    from netra.kafka_tools import KafkaDeliveryError, KafkaUnavailableError

    name = user_name or settings.user or typer.prompt("Netra user")
    revealer = nip_revealer(settings)
    store = UserStore(settings.users_file)
    try:
        try:
            signed_in = store.authenticate(name, ask_password(settings))
        except AuthenticationError as exc:  # recorded too: the trail shows who tried
            revealer.reveal(doc, actor=name, user=None, reason=reason, refusal=str(exc))
            raise
        return revealer.reveal(doc, actor=name, user=signed_in, reason=reason), (
            f"{name} ({signed_in.role.value})"
        )
    except (AuthenticationError, RevealRefusedError, UserStoreError) as exc:
        raise fail(f"the NIP is not revealed: {exc}.") from exc
    except (KafkaDeliveryError, KafkaUnavailableError) as exc:
        raise fail(
            f"the NIP is not revealed because the audit trail could not be written: {exc}"
        ) from exc


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
    result = run_es(
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
