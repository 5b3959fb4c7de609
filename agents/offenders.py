"""The repeat-offender agent: counts each ASN's flags in 7- and 30-day windows and escalates.

The state per account (a Faust table, co-partitioned with the flags topic) holds the flag ids
with their event times, not a bare counter: a flag redelivered after a crash is recognised
and not counted twice, and the windows slide by event time, so a replay of old events
escalates exactly as the live stream did. One escalation per window crossing: an account is
escalated again only once its earlier escalation has left the window.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from agents.delivery import until_delivered
from agents.flagread import read_flag
from schemas import Escalation, Outcome
from schemas.codec import Rejection
from schemas.flag_document import flag_link
from streams import metrics
from streams.pseudonyms import NipPseudonyms
from streams.settings import Settings

log = logging.getLogger(__name__)
KEEP = timedelta(days=30)


@dataclass
class OffenderHistory:
    """One account's recent flags (id -> event time, epoch seconds) and past escalations."""

    flags: dict[str, float] = field(default_factory=dict)
    escalated: dict[str, float] = field(default_factory=dict)  # window days -> event time

    @classmethod
    def loads(cls, raw: bytes | None) -> OffenderHistory:
        if not raw:
            return cls()
        data = json.loads(raw)
        return cls(flags=data["flags"], escalated=data["escalated"])

    def dumps(self) -> bytes:
        return json.dumps({"flags": self.flags, "escalated": self.escalated}).encode()

    def add(self, flag_id: str, at: datetime, thresholds: dict[int, int]) -> list[tuple[int, int]]:
        """Record a flag; return (window days, count) for each window it makes cross."""
        if flag_id in self.flags:
            return []
        now = at.timestamp()
        self.flags[flag_id] = now
        horizon = now - KEEP.total_seconds()
        self.flags = {k: t for k, t in self.flags.items() if t >= horizon}
        crossed = []
        for days, threshold in sorted(thresholds.items()):
            start = now - days * 86400
            count = sum(1 for t in self.flags.values() if start < t <= now)
            last = self.escalated.get(str(days))
            if count >= threshold and (last is None or last <= start):
                self.escalated[str(days)] = now
                crossed.append((days, count))
        return crossed

    def ids_within(self, days: int, at: datetime) -> list[str]:
        start = at.timestamp() - days * 86400
        return [k for k, t in sorted(self.flags.items(), key=lambda kv: kv[1]) if t > start]


def attach(
    app: Any,
    settings: Settings,
    flags_topic: Any,
    escalations_topic: Any,
    table: Any,
    pseudonyms: NipPseudonyms,
) -> Any:
    thresholds = {7: settings.escalate_after_7d, 30: settings.escalate_after_30d}

    @app.agent(flags_topic, name="netra.agents.offenders")
    async def offenders(stream: Any) -> None:
        async for event in stream.events():
            flag = read_flag(event.message.value, pseudonyms, max_bytes=16 * 1024 * 1024)
            if isinstance(flag, Rejection) or flag.decision.outcome is not Outcome.FLAG:
                continue  # the indexer dead-letters bad flags; review-level ones are not proven
            key = flag.post.account_id.encode()
            history = OffenderHistory.loads(table.get(key))
            at = flag.post.event_time
            for days, count in history.add(flag.flag_id, at, thresholds):
                escalation = Escalation(
                    account_id=flag.post.account_id,
                    asn=flag.asn,
                    window_days=days,
                    flags=count,
                    threshold=thresholds[days],
                    flag_ids=history.ids_within(days, at),
                    window_end=at,
                    escalated_at=datetime.now(UTC),
                    desk_url=flag_link(settings.desk_url, flag.flag_id),
                )
                value = escalation.model_dump_json().encode()
                await until_delivered(
                    partial(escalations_topic.send, key=key, value=value, force=True),
                    topic=settings.escalations_topic,
                    stage="offenders",
                )
                metrics.ESCALATIONS.labels(window=str(days)).inc()
                log.info("escalated %s: %d flags in %d days", flag.post.account_id, count, days)
            table[key] = history.dumps()

    return offenders
