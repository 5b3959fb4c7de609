"""Follow-through across agencies: what each Bawaslu office and each PPK did with their cases.

Handoffs get lost (a Bawaslu office found its recommendations had never been forwarded) and the
PPK's compliance is the known weak point (KASN tracked the share of PPKs acting on
recommendations). This reads the cases index and answers both: per office, how many findings
became recommendations and how fast; per PPK, how many forwarded recommendations were decided,
how many ended in a sanction, how fast, and how many are overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from elasticsearch import AsyncElasticsearch, NotFoundError

from schemas import CaseStage, PpkDecision
from streams.casework import CasesIndexMissingError

TOP = 200


@dataclass(frozen=True)
class FollowThroughRow:
    """One office or PPK: `received` cases reached it, `acted` of them got its step."""

    name: str
    received: int
    acted: int
    sanctioned: int
    overdue: int
    median_days: float | None

    @property
    def acted_share(self) -> float | None:
        return self.acted / self.received if self.received else None


@dataclass(frozen=True)
class FollowThrough:
    offices: list[FollowThroughRow]  # Bawaslu: registered findings -> recommendations sent
    ppks: list[FollowThroughRow]  # PPK: verified recommendations -> decisions
    as_of: dt.datetime


def _had(stage: CaseStage) -> dict[str, Any]:
    return {"term": {"steps.stage": stage.value}}


def _group(field: str, acted: CaseStage, waits_for: CaseStage, now: dt.datetime) -> dict[str, Any]:
    return {
        "terms": {"field": field, "size": TOP},
        "aggs": {
            "acted": {"filter": _had(acted)},
            "sanctioned": {"filter": {"term": {"decision": PpkDecision.SANCTION.value}}},
            "overdue": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"term": {"next_step.stage": waits_for.value}},
                            {"range": {"next_step.due": {"lt": now.isoformat()}}},
                        ],
                        "must_not": [{"term": {"stage": CaseStage.CLOSED.value}}],
                    }
                }
            },
            "days": {"percentiles": {"field": f"days_taken.{acted.value}", "percents": [50]}},
        },
    }


def follow_through_query(now: dt.datetime) -> dict[str, Any]:
    return {
        "size": 0,
        "aggs": {
            "offices": {
                "filter": _had(CaseStage.FINDING_REGISTERED),
                "aggs": {
                    "by": _group(
                        "bawaslu_office",
                        CaseStage.RECOMMENDATION_SENT,
                        CaseStage.RECOMMENDATION_SENT,
                        now,
                    )
                },
            },
            "ppks": {
                "filter": _had(CaseStage.VERIFIED_BY_BKN),
                "aggs": {"by": _group("ppk", CaseStage.PPK_DECIDED, CaseStage.PPK_DECIDED, now)},
            },
        },
    }


def _rows(agg: Mapping[str, Any], *, with_sanctions: bool) -> list[FollowThroughRow]:
    rows = []
    for b in agg["by"]["buckets"]:
        median = b["days"]["values"].get("50.0")
        rows.append(
            FollowThroughRow(
                name=str(b["key"]),
                received=int(b["doc_count"]),
                acted=int(b["acted"]["doc_count"]),
                sanctioned=int(b["sanctioned"]["doc_count"]) if with_sanctions else 0,
                overdue=int(b["overdue"]["doc_count"]),
                median_days=round(float(median), 1) if median is not None else None,
            )
        )
    # The weakest follow-through first: that is who a supervisor calls.
    return sorted(rows, key=lambda r: (r.acted_share or 0.0, -r.received, r.name))


def parse_follow_through(resp: Mapping[str, Any], now: dt.datetime) -> FollowThrough:
    aggs = resp["aggregations"]
    return FollowThrough(
        offices=_rows(aggs["offices"], with_sanctions=False),
        ppks=_rows(aggs["ppks"], with_sanctions=True),
        as_of=now,
    )


async def fetch_follow_through(
    es: AsyncElasticsearch, alias: str, now: dt.datetime
) -> FollowThrough:
    try:
        await es.indices.refresh(index=alias)
        resp = await es.search(index=alias, **follow_through_query(now))
    except NotFoundError as exc:
        raise CasesIndexMissingError(f"there is no cases index {alias!r} yet") from exc
    return parse_follow_through(resp.body, now)
