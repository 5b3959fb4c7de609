"""Commands that run and feed the streaming pipeline: worker, topics, produce, registry, flags."""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from netra.kafka_tools import (
    KafkaDeliveryError,
    KafkaUnavailableError,
    create_topics,
    follow,
    grant_acls,
    read_lines,
    replay,
    set_scram_password,
)
from netra.stack.kafka_acls import PrincipalRole
from schemas import Post, RegistryEntry, Verdict
from schemas.codec import Rejection, decode
from streams.deadlines import default_clocks
from streams.settings import Settings

#: What deploy/compose/kafka-secure.sh demands of every SCRAM password it is given.
MIN_SCRAM_PASSWORD = 16

console = Console(stderr=True)
out = Console()


def _fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def worker(
    agents: Annotated[
        str | None,
        typer.Option(
            help="Agents to run, comma separated: judge, indexer, reviews, offenders "
            "(default: all, or NETRA_AGENTS)."
        ),
    ] = None,
    loglevel: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Run a Netra worker: judge events from Kafka and index flags into Elasticsearch.

    Scale by starting more workers (up to the number of partitions, 8 by default); each
    takes a share of the partitions. Configuration comes from NETRA_* variables, e.g.

      NETRA_KAFKA_BOOTSTRAP=127.0.0.1:29092 NETRA_ES_URL=http://127.0.0.1:29200 netra worker
    """
    from netra.pipeline import Worker, create_pipeline
    from netra.stack import register_scrape_target, unregister_scrape_target

    settings = Settings(agents=agents) if agents else Settings()
    registered: list[str] = []

    def on_port(port: int) -> None:
        name = f"worker-{port}"
        register_scrape_target(name, f"127.0.0.1:{port}")
        registered.append(name)

    try:
        pipeline = create_pipeline(settings, on_metrics_port=on_port)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    try:
        Worker(pipeline.app, loglevel=loglevel).execute_from_commandline()
    finally:
        for name in registered:
            unregister_scrape_target(name)


def topics_create() -> None:
    """Create Netra's topics (8 partitions each by default; the registry compacted)."""
    settings = Settings()
    try:
        results = create_topics(settings)
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    table = Table("topic", "partitions", "state", "holds", title="Kafka topics")
    for r in results:
        state = "[green]created[/]" if r.created else "exists"
        table.add_row(r.spec.name, str(r.spec.partitions), state, r.spec.purpose)
    out.print(table)


def topics_grant(
    principal: Annotated[
        str, typer.Argument(help="The Kafka principal, e.g. User:netra-worker or User:netra-desk.")
    ],
    role: Annotated[
        PrincipalRole,
        typer.Option(
            help="worker: Netra's topics and consumer group; desk: write the desk's and the "
            "intake's topics and look keys up in the registry and the reporters topic, "
            "nothing else."
        ),
    ] = PrincipalRole.WORKER,
    password_env: Annotated[
        str | None,
        typer.Option(
            help="Also set the principal's SCRAM password from this environment variable "
            "(adds a user the broker's storage was formatted without)."
        ),
    ] = None,
) -> None:
    """Grant a principal what its role needs on Netra's topics, nothing else (Kafka ACLs).

    Run it as an admin of a broker that authorises requests (NETRA_KAFKA_USERNAME and
    NETRA_KAFKA_PASSWORD of a super user); granting again changes nothing.
    """
    from netra.stack.kafka_acls import role_acls

    settings = Settings()
    if not principal.startswith("User:") or principal == "User:":
        raise _fail(f"{principal!r} is not a principal: write it as User:<name>")
    password = None
    if password_env is not None:
        password = os.environ.get(password_env, "")
        if len(password) < MIN_SCRAM_PASSWORD:
            raise _fail(
                f"{password_env} must hold the password of {principal}, "
                f"{MIN_SCRAM_PASSWORD} characters or more"
            )
    rules = role_acls(role, principal, settings)
    try:
        if password is not None:
            set_scram_password(settings, principal.removeprefix("User:"), password)
        grant_acls(settings, rules)
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    table = Table(
        "resource", "name", "pattern", "operation", title=f"ACLs of {principal} ({role.value})"
    )
    for rule in rules:
        table.add_row(rule.resource, rule.name, rule.pattern, rule.operation)
    out.print(table)


def refusals(
    lines: list[bytes], model: type[BaseModel], max_bytes: int
) -> list[tuple[int, Rejection]]:
    """The lines (numbered from 1) the worker will refuse, each with the worker's reason."""
    out = []
    for number, line in enumerate(lines, start=1):
        checked = decode(line, model, max_bytes=max_bytes)
        if isinstance(checked, Rejection):
            out.append((number, checked))
    return out


def _replay_file(
    path: Path,
    topic: str,
    key_field: str,
    rate: float | None,
    what: str,
    model: type[BaseModel],
) -> int:
    settings = Settings()
    if str(path) == "-":
        lines = [line.rstrip(b"\r\n") for line in sys.stdin.buffer if line.strip()]
    elif not path.is_file():
        raise _fail(f"{path} does not exist: give a JSONL file with one {what} per line")
    else:
        lines = read_lines(path)
    # Each line the worker will refuse is named here, with the worker's own words; it is still
    # sent, so it ends in the dead-letter topic exactly as it would from a real connector.
    refused = refusals(lines, model, settings.max_event_bytes)
    for number, rejection in refused:
        console.print(
            f"[yellow]line {number}:[/] {rejection.error} "
            f"(sent; the worker dead-letters it as {rejection.reason.value})",
            highlight=False,
        )
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(f"{what}s -> {topic}", total=len(lines))
        try:
            sent = replay(
                settings,
                topic,
                lines,
                key_field=key_field,
                rate=rate,
                on_sent=lambda n: progress.update(task, completed=n),
            )
        except (KafkaUnavailableError, KafkaDeliveryError) as exc:
            raise _fail(str(exc)) from exc
    tail = f", {len(refused)} of them invalid (see above)" if refused else ""
    console.print(f"sent {sent} {what}s to {topic}{tail}")
    return sent


def produce(
    file: Annotated[
        Path, typer.Argument(help="JSONL of posts (schemas/json/post.json); - = stdin.")
    ],
    rate: Annotated[
        float | None, typer.Option(help="Events per second (default: as fast as possible).")
    ] = None,
    topic: Annotated[str | None, typer.Option(help="Topic (default: the posts topic).")] = None,
) -> None:
    """Replay posts into Kafka, keyed by account id, with a progress bar.

    Lines are sent as they are: an invalid line is reported here (line number and reason),
    reaches the worker and ends in the dead-letter topic with that reason, exactly as it would
    from a real connector.

      netra produce rules/corpus/dev.jsonl --rate 500
    """
    _replay_file(file, topic or Settings().posts_topic, "account_id", rate, "event", Post)


def registry_load(
    file: Annotated[Path, typer.Argument(help="JSONL of ASN registry entries (schemas/json).")],
) -> None:
    """Load ASN registry entries (account -> civil servant) into the compacted registry topic.

    Loading the same account again replaces its entry; workers pick changes up live.

      netra registry load deploy/demo/registry.jsonl
    """
    _replay_file(
        file, Settings().registry_topic, "account_id", None, "registry entry", RegistryEntry
    )


def flags_tail(
    from_beginning: Annotated[
        bool, typer.Option("--from-beginning", help="Show flags already published too.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print raw flag JSON lines.")] = False,
    idle: Annotated[
        float | None, typer.Option(help="Stop after this many seconds without a new flag.")
    ] = None,
) -> None:
    """Follow flags live as the judge publishes them, with their explanations."""
    from schemas import Flag

    settings = Settings()
    try:
        for raw in follow(
            settings, settings.flags_topic, from_beginning=from_beginning, idle_timeout=idle
        ):
            if as_json:
                out.print(raw.decode("utf-8", "replace"), soft_wrap=True, highlight=False)
                continue
            try:
                flag = Flag.model_validate_json(raw)
            except ValueError:
                continue
            out.print(_flag_line(flag))
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    except KeyboardInterrupt:
        pass


def review(
    flag_id: Annotated[str, typer.Argument(help="The flag id, e.g. instagram:ig-3312.")],
    verdict: Annotated[Verdict, typer.Argument(help="confirm, dismiss or escalate.")],
    note: Annotated[str, typer.Option(help="Why; it goes into the flag's history.")] = "",
    reviewer: Annotated[
        str | None, typer.Option(help="Who reviews (default: NETRA_REVIEWER or $USER).")
    ] = None,
) -> None:
    """Record a supervisor's verdict on a flag; the flag's status and history follow from it.

    Verdicts are events on the reviews topic; the review agent applies them to the flag in
    Elasticsearch, and per-rule precision (confirmed / reviewed) is exported as a metric.

      netra review instagram:ig-3312 confirm --note "foto dua jari dengan caleg, akun resmi ASN"
    """
    import getpass
    import hashlib
    from datetime import UTC, datetime

    from netra.cli.evidence import record_custody
    from schemas import ReviewVerdict
    from schemas.custody import CustodyAction

    settings = Settings()
    who = reviewer or settings.reviewer or getpass.getuser()
    record = ReviewVerdict(
        flag_id=flag_id, reviewer=who, verdict=verdict, note=note, reviewed_at=datetime.now(UTC)
    )
    line = record.model_dump_json().encode()
    # The custody log first: a status change it could not record is not made.
    record_custody(
        settings,
        flag_id,
        CustodyAction.STATUS_CHANGED,
        actor=who,
        detail=f"verdict {verdict.value}" + (f": {note}" if note else ""),
        subject_sha256=hashlib.sha256(line).hexdigest(),
    )
    try:
        replay(settings, settings.reviews_topic, [line], key_field="flag_id")
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    console.print(f"{verdict.value} recorded for {flag_id} by {who}")


def _flag_line(flag: object) -> str:
    from schemas import Flag

    assert isinstance(flag, Flag)
    d, p = flag.decision, flag.post
    who = f"{flag.asn.name} ({flag.asn.agency}, {flag.asn.province})" if flag.asn else p.account_id
    colour = {"flag": "red", "review": "yellow"}.get(d.outcome.value, "white")
    rules = ", ".join(h.rule_id for h in d.hits)
    evidence = "; ".join(
        json.dumps(e.excerpt, ensure_ascii=False) for h in d.hits for e in h.evidence[:2]
    )
    # Indexed flags start their clocks when first indexed; the judging time is the nearest here.
    clocks = default_clocks().deadlines(
        known_at=flag.judged_at,
        races=d.races,
        election=d.election,
        province=flag.asn.province if flag.asn else None,
    )
    first = clocks.first
    regime = "+".join(clocks.regimes) or "regime undetermined"
    return (
        f"[{colour}]{d.outcome.value.upper():6}[/] {flag.flag_id}  {p.event_time:%Y-%m-%d %H:%M} "
        f"{p.platform.value}/{p.action.value} {who}  {first.window} by "
        f"{first.due - timedelta(seconds=1):%Y-%m-%d} {clocks.zone} ({regime})\n"
        f"        rules: {rules}  severity: {d.severity.value if d.severity else '-'}  "
        f"phase: {d.phase.value if d.phase else '-'}\n        evidence: {evidence}"
    )


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Pipeline")(worker)
    app.command(rich_help_panel="Pipeline")(produce)
    topics = typer.Typer(help="Kafka topics of the pipeline.", no_args_is_help=True)
    topics.command("create")(topics_create)
    topics.command("grant")(topics_grant)
    app.add_typer(topics, name="topics", rich_help_panel="Pipeline")
    registry = typer.Typer(help="The ASN registry: which accounts belong to civil servants.")
    registry.command("load")(registry_load)
    app.add_typer(registry, name="registry", rich_help_panel="Pipeline")
    flags = typer.Typer(help="Flags published by the judge.", no_args_is_help=True)
    flags.command("tail")(flags_tail)
    app.add_typer(flags, name="flags", rich_help_panel="Supervision")
    app.command(rich_help_panel="Supervision")(review)
