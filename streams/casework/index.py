"""The cases index: one document per case, written by the case-steps agent alone.

Each step is a read-modify-write guarded by sequence numbers (the minimal Elasticsearch has no
scripting), and a step already in the case is not applied twice when Kafka redelivers it. The
first step opens the case from its flag document, which must have been confirmed or escalated.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, ConflictError, NotFoundError

from schemas.case import CaseStage, CaseStep
from schemas.flag_document import FlagDocument, FlagField
from streams.aliased_index import ensure_aliased_index
from streams.casework.record import CaseRecord, apply, open_case, refusal
from streams.casework.windows import StepWindows
from streams.deadlines import Clocks
from streams.flag_updates import update_flag
from streams.settings import REPO_ROOT

TEMPLATE_PATH = REPO_ROOT / "deploy" / "elasticsearch" / "cases-template.json"
# Windows of the overdue gauge, as in the flags' deadline gauge: (label, start, end) from now.
DUE_WINDOWS = (
    ("passed", None, dt.timedelta(0)),
    ("48h", dt.timedelta(0), dt.timedelta(hours=48)),
)


class CasesIndexMissingError(LookupError):
    """No cases index yet: no case step was ever recorded, or no worker runs the case agent."""


class StepResult(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"  # already in the case: a redelivery
    REFUSED = "refused"  # it cannot follow the case's steps (the reason says why)
    UNKNOWN_FLAG = "unknown_flag"


@dataclass(frozen=True)
class StepOutcome:
    result: StepResult
    reason: str = ""
    case: CaseRecord | None = None


async def ensure_cases_index(es: AsyncElasticsearch, alias: str) -> str:
    """Create the template and the index behind the alias when missing; return the index."""
    template: dict[str, Any] = json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))
    return await ensure_aliased_index(es, alias, template)


def case_document(case: CaseRecord) -> dict[str, Any]:
    doc = case.model_dump(mode="json")
    doc["@timestamp"] = doc["updated_at"] or doc["opened_at"]
    return doc


def case_of(source: dict[str, Any]) -> CaseRecord:
    return CaseRecord.model_validate({k: v for k, v in source.items() if k != "@timestamp"})


async def read_case(es: AsyncElasticsearch, alias: str, flag_id: str) -> CaseRecord | None:
    """The case of a flag, None when it has none (or there is no cases index yet, or its
    first shard is still starting: the case agent has only just created it)."""
    try:
        found = await es.get(index=alias, id=flag_id)
    except NotFoundError:
        return None
    except ApiError as exc:
        if exc.meta.status == 503:
            return None
        raise
    return case_of(found["_source"])


async def record_step(
    es: AsyncElasticsearch,
    *,
    cases_alias: str,
    flags_alias: str,
    step: CaseStep,
    windows: StepWindows,
    now: dt.datetime,
) -> StepOutcome:
    """Apply one step to its case, opening the case from its flag on the first step."""
    while True:
        guard: dict[str, Any] = {}
        try:
            found = await es.get(index=cases_alias, id=step.flag_id)
            case = case_of(found["_source"])
            guard = {"if_seq_no": found["_seq_no"], "if_primary_term": found["_primary_term"]}
        except NotFoundError:
            try:
                flag = await es.get(index=flags_alias, id=step.flag_id)
            except NotFoundError:
                return StepOutcome(StepResult.UNKNOWN_FLAG, f"no flag {step.flag_id!r}")
            case = open_case(FlagDocument.from_source(flag["_source"]))
        if case.has(step):
            # Applied before; the flag may have missed its mark if the worker stopped between.
            await mark_flag(es, flags_alias, case, windows.clocks)
            return StepOutcome(StepResult.DUPLICATE, case=case)
        why = refusal(case, step, now)
        if why is not None:
            return StepOutcome(StepResult.REFUSED, why, case)
        updated = apply(case, step, windows)
        try:
            if guard:
                await es.index(
                    index=cases_alias,
                    id=step.flag_id,
                    document=case_document(updated),
                    refresh="wait_for",
                    **guard,
                )
            else:
                await es.create(
                    index=cases_alias,
                    id=step.flag_id,
                    document=case_document(updated),
                    refresh="wait_for",
                )
        except ConflictError:
            continue  # another step was written in between: read again
        await mark_flag(es, flags_alias, updated, windows.clocks)
        return StepOutcome(StepResult.APPLIED, case=updated)


async def mark_flag(
    es: AsyncElasticsearch, flags_alias: str, case: CaseRecord, clocks: Clocks
) -> None:
    """Show the case's stage on its flag (the desk's queue and the case file read it there),
    and once the finding is registered, the flag's follow-up deadlines, which run from then.
    Idempotent: a step applied again marks the flag the same way."""
    registered = next((s.at for s in case.steps if s.stage is CaseStage.FINDING_REGISTERED), None)

    def fields_for(doc: FlagDocument) -> dict[str, Any]:
        fields: dict[str, Any] = {FlagField.CASE_STATE.value: case.stage.value}
        recorded = doc.recorded_deadlines()
        if registered is not None and recorded is not None and doc.registered_at is None:
            deadlines = clocks.deadlines(
                known_at=recorded.known_at,
                known_via=recorded.known_via,
                races=doc.races,
                election=doc.election,
                province=doc.asn.province,
                registered_at=registered,
            )
            fields |= doc.with_deadlines(deadlines).to_source(include=FlagDocument.INDEXER_ONCE)
        return fields

    # A flag purged since keeps no mark; the case keeps what happened.
    await update_flag(es, flags_alias, case.flag_id, fields_for)


def due_query(now: dt.datetime) -> dict[str, Any]:
    """Open cases counted by next step and by where its due time falls relative to now."""
    ranges = [
        {
            "key": key,
            **({"from": (now + a).isoformat()} if a is not None else {}),
            "to": (now + b).isoformat(),
        }
        for key, a, b in DUE_WINDOWS
    ]
    return {
        "size": 0,
        "query": {
            "bool": {
                "must_not": [{"term": {"stage": "closed"}}],
                "filter": [{"exists": {"field": "next_step.due"}}],
            }
        },
        "aggs": {
            "stage": {
                "terms": {"field": "next_step.stage", "size": 10},
                "aggs": {"due": {"date_range": {"field": "next_step.due", "ranges": ranges}}},
            }
        },
    }


async def steps_due(
    es: AsyncElasticsearch, alias: str, now: dt.datetime
) -> dict[tuple[str, str], int]:
    """(next stage, 'passed' or '48h') -> open cases; empty while there is no cases index."""
    try:
        result = await es.search(index=alias, **due_query(now))
    except NotFoundError:
        return {}
    return {
        (stage["key"], window["key"]): int(window["doc_count"])
        for stage in result["aggregations"]["stage"]["buckets"]
        for window in stage["due"]["buckets"]
    }
