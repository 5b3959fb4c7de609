"""The audit index in Elasticsearch: every entry of the audit topic, written once, never changed.

Each entry is created with its `audit_id` as the document id (`op_type=create`): a redelivered
entry finds its document already there and changes nothing, and no code path in Netra updates
or deletes one. Deployments give the worker only the `create_doc` privilege on these indices
(deploy/), so not even the worker's credentials can rewrite history.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from elasticsearch import AsyncElasticsearch, ConflictError, NotFoundError

from schemas import AuditEntry
from streams.aliased_index import ensure_aliased_index
from streams.settings import REPO_ROOT

TEMPLATE_PATH = REPO_ROOT / "deploy" / "elasticsearch" / "audit-template.json"


class AuditIndexMissingError(LookupError):
    """No audit index yet: nothing was ever audited, or no worker runs the audit agent."""


def load_audit_template() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TEMPLATE_PATH.read_text(encoding="utf-8"))
    return data


async def ensure_audit_index(es: AsyncElasticsearch, alias: str) -> str:
    """Create the template and the index behind the alias when missing; return the index."""
    # An index made under an older template lacks fields added since (`ticket`): add them.
    return await ensure_aliased_index(es, alias, load_audit_template(), add_new_fields=True)


def audit_document(entry: AuditEntry) -> dict[str, Any]:
    """The indexed document: the entry as it is, with @timestamp for Kibana."""
    doc = entry.model_dump(mode="json")
    doc["@timestamp"] = doc["at"]
    doc["indexed_at"] = datetime.now(UTC).isoformat()
    return doc


async def append_audit_entry(es: AsyncElasticsearch, alias: str, entry: AuditEntry) -> bool:
    """Write the entry once; False when it was already there (a redelivery)."""
    try:
        await es.create(index=alias, id=entry.audit_id, document=audit_document(entry))
    except ConflictError:
        return False
    return True


async def search_audit(
    es: AsyncElasticsearch,
    alias: str,
    *,
    flag_id: str | None = None,
    actor: str | None = None,
    size: int = 50,
) -> list[AuditEntry]:
    """The newest entries first, optionally of one flag or one user."""
    filters: list[dict[str, Any]] = []
    if flag_id:
        filters.append({"term": {"flag_id": flag_id}})
    if actor:
        filters.append({"term": {"actor": actor}})
    try:
        await es.indices.refresh(index=alias)
        found = await es.search(
            index=alias,
            size=size,
            query={"bool": {"filter": filters}},
            sort=[{"at": "desc"}],
            source_excludes=["@timestamp", "indexed_at"],
        )
    except NotFoundError as exc:
        raise AuditIndexMissingError(f"there is no audit index {alias!r} yet") from exc
    return [AuditEntry.model_validate(h["_source"]) for h in found["hits"]["hits"]]
