"""The registry agent: keeps the ASN registry table (account -> civil servant) up to date.

Fed by the compacted registry topic; the table lives in the worker that owns the same
partition of the posts topic, so the judge reads it locally.
"""

from __future__ import annotations

import logging
from typing import Any

from agents.deadletters import send_to_deadletter
from schemas import RegistryEntry
from schemas.codec import Rejection, decode
from streams import metrics

log = logging.getLogger(__name__)
STAGE = "registry"


def attach(app: Any, registry_topic: Any, table: Any, deadletter_topic: Any) -> Any:
    @app.agent(registry_topic, name="netra.agents.registry")
    async def registry(stream: Any) -> None:
        async for event in stream.events():
            msg = event.message
            key, raw = msg.key, msg.value
            if raw is None:  # tombstone: the account no longer belongs to a civil servant
                if key is not None:
                    table.pop(key, None)
                continue
            entry = decode(raw, RegistryEntry, max_bytes=64 * 1024)
            if isinstance(entry, Rejection):
                await send_to_deadletter(
                    deadletter_topic, msg, reason=entry.reason, error=entry.error, stage=STAGE
                )
                continue
            table[entry.account_id.encode()] = raw
            metrics.REGISTRY_ACCOUNTS.set(len(table))

    return registry
