"""`netra evidence verify | show`, and the custody side of `netra case`: views and bundles.

Every read of a flag's case by a person is a custody event: `netra case` appends a view, and
`netra case --bundle` an export naming the bundle's manifest digest. Both refuse to go on
when the evidence store does not answer (a view the log cannot record is not shown), and say
nothing of custody for a flag whose evidence was never captured.
"""

from __future__ import annotations

import asyncio
import getpass
import hashlib
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from netra.cli.common import fail
from schemas.custody import CustodyAction, CustodyEntry
from streams.evidence.credentials import MissingCredentialsError
from streams.evidence.custody import CustodyLog
from streams.evidence.keys import record_key
from streams.evidence.outcome import ObjectStoreRefusedError, ObjectStoreUnavailableError
from streams.evidence.store import EvidenceStore, open_store
from streams.settings import Settings

console = Console(stderr=True)
out = Console()
evidence_app = typer.Typer(
    name="evidence",
    help="The evidence kept for each flag in the object store, and its chain of custody.",
    no_args_is_help=True,
)
STORE_ERRORS = (ObjectStoreUnavailableError, ObjectStoreRefusedError, MissingCredentialsError)


def store_or_fail(settings: Settings) -> EvidenceStore:
    try:
        return open_store(settings)
    except STORE_ERRORS as exc:
        raise fail(
            f"the evidence store at {settings.object_store_url} cannot be used: {exc}. Start "
            "the local stack with `netra stack up`, or set NETRA_OBJECT_STORE_URL and its keys."
        ) from exc


def actor_name(settings: Settings, user: str | None = None) -> str:
    return user or settings.user or getpass.getuser()


def record_custody(
    settings: Settings,
    flag_id: str,
    action: CustodyAction,
    *,
    actor: str,
    detail: str,
    subject_sha256: str | None,
) -> CustodyEntry | None:
    """Append to the flag's chain (when it has evidence); a store that does not answer stops
    the command."""
    store = store_or_fail(settings)
    try:
        return CustodyLog(store).append_if_captured(
            flag_id, action, actor=actor, detail=detail, subject_sha256=subject_sha256
        )
    except STORE_ERRORS as exc:
        raise fail(f"the custody log of {flag_id} could not be written: {exc}") from exc


@evidence_app.command("verify")
def verify_command(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. instagram:C3xYz.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Recompute every artefact's SHA-256 and the custody chain; exit 1 when anything changed.

    Each problem names the object and the recorded and found digests:

      netra evidence verify instagram:C3xYz
    """
    from streams.evidence.verify import verify

    settings = Settings()
    store = store_or_fail(settings)
    try:
        result = verify(store, flag_id)
    except STORE_ERRORS as exc:
        raise fail(str(exc)) from exc
    if as_json:
        out.print_json(
            json.dumps(
                {
                    "flag_id": flag_id,
                    "intact": result.intact,
                    "record_sha256": result.record_sha256,
                    "artefacts_checked": result.artefacts_checked,
                    "custody_entries": len(result.entries),
                    "problems": result.problems,
                    "notes": result.notes,
                }
            )
        )
    else:
        _print_verification(result)
    if not result.intact:
        raise typer.Exit(1)


def _print_verification(result: Any) -> None:
    if result.record is not None:
        rec = result.record
        table = Table(title=f"evidence of {result.flag_id}", header_style="bold")
        for col in ("artefact", "sha256", "bytes"):
            table.add_column(col)
        for a in rec.artefacts:
            table.add_row(a.kind.value, a.sha256, str(a.size))
        out.print(table)
        out.print(
            f"captured {rec.captured_at_wib} ({rec.capture_source.value}) by {rec.tool.name} "
            f"{rec.tool.version}; record SHA-256 {result.record_sha256}"
        )
    for e in result.entries:
        about = f" ({e.detail}; SHA-256 {e.subject_sha256})" if e.subject_sha256 else ""
        out.print(
            f"  custody {e.seq}: {e.action.value} by {e.actor} at {e.at:%Y-%m-%d %H:%M:%S}Z{about}",
            highlight=False,
            soft_wrap=True,
        )
    for note in result.notes:
        out.print(f"[yellow]note[/]: {note}", highlight=False, soft_wrap=True)
    if result.intact:
        out.print(
            f"[green]intact[/]: {result.artefacts_checked} artefacts and "
            f"{len(result.entries)} custody entries match their hashes"
        )
        return
    out.print(f"[bold red]NOT INTACT[/]: {len(result.problems)} problem(s)")
    for problem in result.problems:
        out.print(f"  - {problem}", highlight=False, soft_wrap=True)


@evidence_app.command("show")
def show_command(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. instagram:C3xYz.")],
) -> None:
    """Print the evidence record as stored (JSON); the view is appended to the custody log."""
    settings = Settings()
    store = store_or_fail(settings)
    raw = store.get(record_key(flag_id))
    if raw is None:
        raise fail(f"no evidence was captured for {flag_id}")
    record_custody(
        settings,
        flag_id,
        CustodyAction.VIEWED,
        actor=actor_name(settings),
        detail="evidence record shown",
        subject_sha256=hashlib.sha256(raw).hexdigest(),
    )
    out.print_json(raw.decode("utf-8"))


def write_bundle_file(
    settings: Settings, case_file: Any, out_file: Path, actor: str, reporter: str
) -> str:
    """Write the case bundle of `case_file` to `out_file`; returns the manifest's digest."""
    from netra.case.bundle import bundle_html, read_evidence, report_fields, write_bundle
    from schemas.evidence import EvidenceRecord
    from streams.evidence.browser import Browser, BrowserError

    store = store_or_fail(settings)
    flag_id = case_file.flag_id
    try:
        raw = store.get(record_key(flag_id))
        evidence = None
        if raw is not None:
            record = EvidenceRecord.model_validate_json(raw)
            evidence = read_evidence(store, record, raw)
        custody = CustodyLog(store).entries(flag_id)
    except STORE_ERRORS as exc:
        raise fail(f"the evidence of {flag_id} could not be read: {exc}") from exc
    fields = report_fields(case_file, evidence.record if evidence else None, reporter)
    page = bundle_html(case_file, fields, evidence)

    async def print_pdf() -> bytes:
        browser = Browser(settings.chromium_path)
        try:
            return await browser.pdf(page)
        finally:
            await browser.close()

    try:
        pdf = asyncio.run(print_pdf())
    except BrowserError as exc:
        raise fail(f"{exc} (is Chromium at NETRA_CHROMIUM_PATH={settings.chromium_path}?)") from exc
    folder = flag_id.replace(":", "_").replace("/", "_")
    data, manifest = write_bundle(pdf, evidence, custody, folder)
    digest = hashlib.sha256(manifest).hexdigest()
    record_custody(
        settings,
        flag_id,
        CustodyAction.EXPORTED,
        actor=actor,
        detail=f"case bundle {out_file.name} (manifest SHA-256 is the subject)",
        subject_sha256=digest,
    )
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_bytes(data)
    return digest


def register(app: typer.Typer) -> None:
    app.add_typer(evidence_app, rich_help_panel="Supervision")
