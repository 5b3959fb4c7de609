"""`netra cases`: the case across agencies, from Bawaslu's finding to the PPK's decision.

`step` records what an agency did (signed in, checked, sent to the case-steps topic and
applied by the case agent); `show` prints one case; `due` lists open cases by the step they wait
for; `follow-through` shows each Bawaslu office's and each PPK's record.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from netra.cli.common import fail, run_es
from schemas import CaseStage, PpkDecision
from streams.settings import Settings

console = Console(stderr=True)
out = Console()
cases_app = typer.Typer(
    help="Cases across agencies: Bawaslu's finding and recommendation, BKN's verification, "
    "the PPK's decision.",
    no_args_is_help=True,
)
RECORDABLE = [s.value for s in CaseStage if s not in (CaseStage.FLAGGED, CaseStage.REVIEWED)]
#: How long `step` waits to see its step applied before it says it was only sent.
APPLY_WAIT_SECONDS = 15.0


def _when(text: str | None) -> dt.datetime:
    """An ISO time with its offset (a legal time is local: say which), or now."""
    if text is None:
        return dt.datetime.now(dt.UTC)
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise fail(f"--at {text!r} is not an ISO time, e.g. 2024-11-05T10:30+07:00") from exc
    if at.tzinfo is None:
        raise fail(f"--at {text!r} has no UTC offset: write +07:00 (WIB), +08:00 or +09:00")
    return at


@cases_app.command("step")
def step(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. instagram:C3xYz.")],
    stage: Annotated[str, typer.Argument(help="What was done: " + ", ".join(RECORDABLE) + ".")],
    agency: Annotated[
        str, typer.Option(help="The office that acted, e.g. 'Bawaslu Kabupaten Blora'.")
    ],
    reference: Annotated[
        str, typer.Option(help="Registration number, letter or decree number.")
    ] = "",
    ppk: Annotated[
        str, typer.Option(help="With verified_by_bkn: the PPK it goes to, e.g. 'Bupati Blora'.")
    ] = "",
    decision: Annotated[
        PpkDecision | None, typer.Option(help="With ppk_decided: sanction or no_sanction.")
    ] = None,
    sanction: Annotated[str, typer.Option(help="With --decision sanction: as decreed.")] = "",
    note: Annotated[str, typer.Option(help="Notes (required to close a case).")] = "",
    at: Annotated[
        str | None, typer.Option(help="When it was done, ISO with offset (default: now).")
    ] = None,
    user: Annotated[
        str | None, typer.Option(help="Your Netra user name (default: NETRA_USER, else asked).")
    ] = None,
) -> None:
    """Record a step of a case: you sign in; your role and scope must allow it.

    Bawaslu records finding_registered and recommendation_sent, BKN verified_by_bkn, BKN or
    the inspectorate ppk_decided, Bawaslu or BKN closed. Each step follows the one before
    (a case starts from a confirmed or escalated flag) and starts the next step's window.

      netra cases step instagram:C3xYz finding_registered --agency "Bawaslu Kabupaten Blora" \\
          --reference 001/Reg/TM/PB/Kab/14.16/XI/2024 --at 2024-11-05T10:30+07:00
    """
    from netra.case import StepRefusedError, build_step, fetch_flag_document
    from netra.case.fetch import CaseNotFoundError
    from netra.cli.users import ask_password
    from netra.identity import AuthenticationError, UserStore, UserStoreError
    from netra.kafka_tools import KafkaDeliveryError, KafkaUnavailableError, send_and_wait
    from schemas.flag_document import FlagDocument
    from streams.casework import CaseRecord, read_case

    settings = Settings()
    try:
        wanted = CaseStage(stage)
    except ValueError as exc:
        raise fail(f"{stage!r} is not a step: choose from {', '.join(RECORDABLE)}") from exc
    when = _when(at)
    name = user or settings.user or typer.prompt("Netra user")
    try:
        signed_in = UserStore(settings.users_file).authenticate(name, ask_password(settings))
    except (AuthenticationError, UserStoreError) as exc:
        raise fail(f"the step is not recorded: {exc}.") from exc

    async def current(es: Any) -> tuple[FlagDocument, CaseRecord | None]:
        flag = await fetch_flag_document(es, settings.flags_alias, flag_id)
        return flag, await read_case(es, settings.cases_alias, flag_id)

    try:
        flag, case = run_es(settings, current)
    except CaseNotFoundError as exc:
        raise fail(str(exc)) from exc
    try:
        made = build_step(
            user=signed_in,
            flag=flag,
            case=case,
            stage=wanted,
            at=when,
            now=dt.datetime.now(dt.UTC),
            agency=agency,
            reference=reference,
            ppk=ppk,
            decision=decision,
            sanction=sanction,
            note=note,
        )
    except StepRefusedError as exc:
        raise fail(f"the step is not recorded: {exc}.") from exc
    try:
        send_and_wait(
            settings,
            settings.case_steps_topic,
            made.flag_id.encode(),
            made.model_dump_json().encode(),
        )
    except (KafkaDeliveryError, KafkaUnavailableError) as exc:
        raise fail(f"the step is not recorded: {exc}") from exc
    deadline = time.monotonic() + APPLY_WAIT_SECONDS
    while time.monotonic() < deadline:
        applied = run_es(settings, lambda es: read_case(es, settings.cases_alias, flag_id))
        if applied is not None and applied.has(made):
            nxt = applied.next_step
            tail = f"; next: {nxt.stage.value} by {nxt.due.isoformat()}" if nxt else ""
            console.print(f"recorded {made.stage.value} on {flag_id}{tail}")
            return
        time.sleep(0.5)
    console.print(
        f"sent {made.stage.value} on {flag_id} (step {made.step_id}); it is not applied yet: "
        "is a worker running the cases agent (NETRA_AGENTS)? `netra cases show` will tell."
    )


@cases_app.command("show")
def show(
    flag_id: Annotated[str, typer.Argument(help="The flag id.")],
    as_json: Annotated[bool, typer.Option("--json", help="The case document as JSON.")] = False,
) -> None:
    """One case: its stage, every step with who, when and the reference, and what is due."""
    from streams.casework import read_case

    settings = Settings()
    case = run_es(settings, lambda es: read_case(es, settings.cases_alias, flag_id))
    if case is None:
        raise fail(
            f"flag {flag_id} has no case: none is opened until Bawaslu records "
            "finding_registered (netra cases step)"
        )
    if as_json:
        sys.stdout.write(json.dumps(case.model_dump(mode="json"), indent=2) + "\n")
        return
    table = Table("when", "step", "agency", "reference", "by", "note", title=f"Case {flag_id}")
    for s in case.steps:
        detail = s.note
        if s.decision:
            detail = f"{s.decision.value} {s.sanction}".strip() + (f"; {s.note}" if s.note else "")
        table.add_row(
            s.at.isoformat(timespec="minutes"),
            s.stage.value,
            s.agency + (f" -> {s.ppk}" if s.ppk else ""),
            s.reference,
            f"{s.actor} ({s.actor_role})",
            detail,
        )
    out.print(table)
    if case.next_step:
        n = case.next_step
        latest = f" (at the latest {n.latest.isoformat()})" if n.latest else ""
        out.print(f"waiting for {n.stage.value} by {n.due.isoformat()}{latest}: {n.basis}")
    else:
        out.print(f"stage: {case.stage.value}")


@cases_app.command("follow-through")
def follow_through(
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """Each Bawaslu office's and each PPK's follow-through: received, acted on, how fast.

    Offices: registered findings, and how many became recommendations to BKN. PPKs: BKN's
    verified recommendations, how many the PPK decided, with a sanction, and overdue.
    """
    from dataclasses import asdict

    from netra.report.followthrough import fetch_follow_through
    from streams.casework import CasesIndexMissingError

    settings = Settings()
    now = dt.datetime.now(dt.UTC)
    try:
        report = run_es(settings, lambda es: fetch_follow_through(es, settings.cases_alias, now))
    except CasesIndexMissingError as exc:
        raise fail(f"{exc}: no case step was recorded yet (netra cases step)") from exc
    if as_json:
        payload = {
            "as_of": report.as_of.isoformat(),
            "offices": [asdict(r) | {"acted_share": r.acted_share} for r in report.offices],
            "ppks": [asdict(r) | {"acted_share": r.acted_share} for r in report.ppks],
        }
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return
    for title, rows, acted, with_sanctions in (
        ("Bawaslu offices: findings -> recommendations", report.offices, "recommended", False),
        ("PPKs: verified recommendations -> decisions", report.ppks, "decided", True),
    ):
        columns = ["", "received", acted, "share", "median days", "overdue"]
        if with_sanctions:
            columns.insert(3, "sanctioned")
        table = Table(*columns, title=title)
        for r in rows:
            share = f"{r.acted_share:.0%}" if r.acted_share is not None else "-"
            days = f"{r.median_days:g}" if r.median_days is not None else "-"
            cells = [r.name, str(r.received), str(r.acted), share, days, str(r.overdue)]
            if with_sanctions:
                cells.insert(3, str(r.sanctioned))
            table.add_row(*cells)
        out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(cases_app, name="cases", rich_help_panel="Supervision")
