"""The case agent: applies what agencies did with a case to the cases index, in order, once.

Steps are events (the case-steps topic is the record, keyed by flag id so one case's steps
arrive in order); the case document is derived from them. A step that cannot follow the case's
steps so far (a recommendation before a registered finding, a step on a dismissed flag) is
kept as a dead letter with the reason, never dropped. Elasticsearch outages only delay.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial
from typing import Any

from elasticsearch import AsyncElasticsearch

from agents.deadletters import send_to_deadletter
from agents.decoding import OnFirstUse, valid_records
from agents.retrying import until_done
from schemas import CaseStep, DeadLetterReason
from streams import metrics
from streams.casework import (
    DUE_WINDOWS,
    StepOutcome,
    StepResult,
    StepWindows,
    ensure_cases_index,
    record_step,
    steps_due,
)
from streams.settings import Settings

log = logging.getLogger(__name__)
STAGE = "cases"
REASONS = {
    StepResult.REFUSED: DeadLetterReason.STEP_REFUSED,
    StepResult.UNKNOWN_FLAG: DeadLetterReason.UNKNOWN_FLAG,
}


def attach(
    app: Any,
    settings: Settings,
    steps_topic: Any,
    deadletter_topic: Any,
    es: AsyncElasticsearch,
    windows: StepWindows,
) -> Any:
    alias = settings.cases_alias
    prepared = OnFirstUse(partial(ensure_cases_index, es, alias))

    async def _record(step: CaseStep) -> StepOutcome:
        await prepared()
        return await record_step(
            es,
            cases_alias=alias,
            flags_alias=settings.flags_alias,
            step=step,
            windows=windows,
            now=datetime.now(UTC),
        )

    @app.agent(steps_topic, name="netra.agents.cases")
    async def cases(stream: Any) -> None:
        steps = valid_records(stream, CaseStep, deadletter_topic=deadletter_topic, stage=STAGE)
        async for msg, step in steps:
            outcome = await until_done(
                partial(_record, step),
                what="case step",
                max_backoff=settings.bulk_retry_max_seconds,
            )
            metrics.CASE_STEPS.labels(stage=step.stage.value, result=outcome.result.value).inc()
            reason = REASONS.get(outcome.result)
            if reason is not None:
                await send_to_deadletter(
                    deadletter_topic,
                    msg,
                    stage=STAGE,
                    reason=reason,
                    error=f"case step {step.step_id} ({step.stage.value}) not recorded: "
                    f"{outcome.reason}",
                )

    @app.timer(settings.stats_seconds)
    async def export_case_deadlines() -> None:
        """Prometheus cannot read documents: this gauge is what the case alerts watch."""
        try:
            due = await steps_due(es, alias, datetime.now(UTC))
        except Exception as exc:
            log.debug("case deadlines not computed: %s", exc)
            return
        stages = {stage for stage, _ in due} | set(windows.stages)
        for stage in stages:
            for key, _, _ in DUE_WINDOWS:
                metrics.CASE_STEPS_DUE.labels(stage=stage, within=key).set(due.get((stage, key), 0))

    return cases
