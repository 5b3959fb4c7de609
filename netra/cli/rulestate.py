"""`netra rules state` and `netra rules restore`: rules the spike guard dropped to review-only."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from netra.cli.engine import rules_app
from netra.kafka_tools import KafkaDeliveryError, KafkaUnavailableError, TopicReader, replay
from schemas import RuleState
from streams.settings import Settings

console = Console()


def current_states(settings: Settings) -> dict[str, RuleState]:
    """The latest state of every rule that was ever dropped or restored."""
    states: dict[str, RuleState] = {}
    with TopicReader(settings, settings.rulestate_topic) as reader:
        for record in reader.records():
            try:
                state = RuleState.model_validate_json(record.value or b"")
            except ValueError:
                continue
            states[state.rule_id] = state
    return states


def rules_state() -> None:
    """Show which rules are review-only now, why, and since when."""
    try:
        states = current_states(Settings())
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(code=2) from exc
    table = Table("rule", "state", "since", "by", "why", title="rule states")
    for state in sorted(states.values(), key=lambda s: s.rule_id):
        mode = "[yellow]review-only[/]" if state.review_only else "[green]active[/]"
        table.add_row(
            state.rule_id,
            mode,
            f"{state.changed_at:%Y-%m-%d %H:%M}",
            state.changed_by,
            state.reason,
        )
    if not states:
        console.print("every rule is active: none was ever dropped to review-only")
        return
    console.print(table)


def rules_restore(
    rule_id: Annotated[str, typer.Argument(help="The rule to restore, e.g. N02.campaign-post.")],
    by: Annotated[str | None, typer.Option(help="Who restores it (default: $USER).")] = None,
    reason: Annotated[str, typer.Option(help="Why it is safe again.")] = "restored by a person",
) -> None:
    """Let a rule that was dropped to review-only flag again, on every worker.

    The spike guard drops a rule that suddenly hits far more events than usual right after a
    pack change (NETRA_RULE_SPIKE_SHARE of events, 5% by default). Check its flags first:

      netra rules state
      netra rules restore N02.campaign-post --reason "spike was a real campaign day"
    """
    settings = Settings()
    try:
        states = current_states(settings)
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(code=2) from exc
    known = states.get(rule_id)
    if known is None or not known.review_only:
        console.print(f"{rule_id} is not review-only; nothing to restore ('netra rules state')")
        raise typer.Exit(code=1)
    state = RuleState(
        rule_id=rule_id,
        review_only=False,
        reason=reason,
        pack_version=known.pack_version,
        changed_by=by or settings.reviewer or getpass.getuser(),
        changed_at=datetime.now(UTC),
    )
    try:
        replay(
            settings,
            settings.rulestate_topic,
            [state.model_dump_json().encode()],
            key_field="rule_id",
        )
    except (KafkaUnavailableError, KafkaDeliveryError) as exc:
        console.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(code=2) from exc
    console.print(f"{rule_id} restored: it flags again on every worker")


def register(app: typer.Typer) -> None:
    rules_app.command("state")(rules_state)
    rules_app.command("restore")(rules_restore)
