"""`netra deadletters list` and `netra deadletters replay`: what failed, why, and sending it again
once the cause is fixed (netra.deadletters says which failures may be replayed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from netra.deadletters import REPLAYABLE, DeadLetters, Failure, fold, replayed
from netra.kafka_tools import (
    KafkaDeliveryError,
    KafkaUnavailableError,
    TopicReader,
    send_records,
)
from schemas import DeadLetterReason
from streams.settings import Settings

console = Console(stderr=True)
out = Console()

#: How much of a failure's error a table row shows (`--json` shows all of it).
ERROR_SHOWN = 160


def _fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=2)


def _records(reader: TopicReader) -> Iterator[tuple[int, int, bytes | None]]:
    return ((r.partition, r.offset, r.value) for r in reader.records())


def _read(settings: Settings, group_id: str | None = None) -> tuple[DeadLetters, TopicReader]:
    """The failures on the dead-letter topic (described, without their messages' bytes)."""
    reader = TopicReader(settings, settings.deadletter_topic, group_id=group_id)
    try:
        found = fold(_records(reader))
    except BaseException:
        reader.close()
        raise
    return found, reader


def deadletters_list(
    reason: Annotated[
        DeadLetterReason | None, typer.Option(help="Only failures for this reason.")
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="Only failures of this stage (judge, indexer, ...).")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object a failure, with the whole error.")
    ] = False,
) -> None:
    """Every message that failed, once, with why, where and how often: read from the start of
    the dead-letter topic to its end now. The messages' bytes are never shown."""
    settings = Settings()
    try:
        found, reader = _read(settings)
        reader.close()
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    shown = [
        f
        for f in found.failures
        if (reason is None or f.letter.reason == reason)
        and (stage is None or f.letter.stage == stage)
    ]
    if as_json:
        for failure in shown:
            out.print(
                json.dumps(failure.summary(), ensure_ascii=False), soft_wrap=True, highlight=False
            )
        return
    _print_table(shown)
    counts = ", ".join(f"{r.value} {n}" for r, n in found.by_reason().items()) or "none"
    filtered = f"; {len(shown)} of them shown" if reason is not None or stage is not None else ""
    out.print(
        f"{len(found.failures)} messages failed ({found.letters} dead letters); "
        f"by reason: {counts}{filtered}"
    )
    for bad in found.unreadable:
        out.print(
            f"[yellow]not a dead letter[/] at {settings.deadletter_topic}[{bad.partition}]"
            f"@{bad.offset}: {bad.error}"
        )


def _print_table(failures: list[Failure]) -> None:
    if not failures:
        out.print("no failed messages")
        return
    table = Table("first failed", "reason", "stage", "message", "times", "replay", "error")
    for failure in failures:
        letter = failure.letter
        error = (
            letter.error if len(letter.error) <= ERROR_SHOWN else letter.error[:ERROR_SHOWN] + "…"
        )
        table.add_row(
            f"{letter.failed_at:%Y-%m-%d %H:%M:%S}",
            letter.reason.value,
            letter.stage,
            failure.place,
            str(failure.letters),
            "yes" if failure.replayable else "no",
            error,
        )
    out.print(table)


def deadletters_replay(
    reason: Annotated[DeadLetterReason, typer.Argument(help="Replay the failures of this reason.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be sent; send and record nothing.")
    ] = False,
) -> None:
    """Send the original messages that failed for REASON back to their topics, each once, once
    its cause is fixed. Failures already replayed are not sent again: each reason has its own
    consumer group on the dead-letter topic, committed after the replayed messages are stored."""
    if reason not in REPLAYABLE:
        allowed = ", ".join(sorted(r.value for r in REPLAYABLE))
        raise _fail(
            f"{reason.value} is the producer's error: the same bytes would fail again, so "
            f"send a corrected message instead (replay is for {allowed})"
        )
    settings = Settings()
    group = settings.replay_group(reason.value)
    try:
        found, reader = _read(settings, group_id=group)
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        raise _fail(str(exc)) from exc
    with reader:
        chosen = [f for f in found.failures if f.letter.reason == reason]
        cut = [f for f in chosen if not f.replayable]
        sending = [f for f in chosen if f.replayable]
        for failure in cut:
            console.print(
                f"[yellow]not replayed[/] {failure.place}: only the first bytes of its "
                f"{failure.letter.raw_size:,} were kept"
            )
        if dry_run:
            out.print(f"would replay {len(sending)} messages failed for {reason.value}")
            for failure in sending:
                out.print(f"  {failure.place} ({failure.letter.stage})")
            return
        try:
            sent = send_records(
                settings,
                replayed(_records(reader), {f.at for f in sending}),
                again="nothing was recorded as replayed: run the replay again",
            )
        except (KafkaUnavailableError, KafkaDeliveryError) as exc:
            raise _fail(str(exc)) from exc
        if sent < len(sending):
            console.print(
                f"[yellow]{len(sending) - sent} of {len(sending)} failures were gone from "
                f"{settings.deadletter_topic} when read again (its retention?): not replayed"
            )
        try:
            reader.commit()
        except (KafkaUnavailableError, KafkaDeliveryError) as exc:
            raise _fail(
                f"{sent} messages were replayed, but {exc}: a replay run again sends them again"
            ) from exc
    out.print(f"replayed {sent} messages failed for {reason.value} to their topics")


def register(app: typer.Typer) -> None:
    deadletters = typer.Typer(
        help="Messages that could not be processed: list them, replay them after a fix.",
        no_args_is_help=True,
    )
    deadletters.command("list")(deadletters_list)
    deadletters.command("replay")(deadletters_replay)
    app.add_typer(deadletters, name="deadletters", rich_help_panel="Pipeline")
