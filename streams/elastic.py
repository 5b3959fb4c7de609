"""The flags index in Elasticsearch: template, alias, and the document a flag becomes.

The local stack runs Elasticsearch's minimal distribution (no analysis-common, no ILM), so
the Indonesian analyzer and the ILM policy are added only when the cluster has the modules.
One backing index behind the alias, no rollover: the document id is the flag id, and a
redelivered flag must land on the same index to overwrite instead of duplicating.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from elasticsearch import AsyncElasticsearch

from schemas import Flag, Severity
from schemas.flag_document import AsnFields, FlagDocument
from streams.aliased_index import ensure_aliased_index
from streams.deadlines import Clocks, KnownVia, default_clocks
from streams.settings import REPO_ROOT

# The desk sorts by severity; the minimal Elasticsearch has no scripts, so the order is a field.
SEVERITY_RANK = {Severity.HIGH: 3, Severity.MEDIUM: 2, Severity.LOW: 1}
TEMPLATE_PATH = REPO_ROOT / "deploy" / "elasticsearch" / "flags-template.json"


def load_template(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def template_for(modules: set[str], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The index template, with production extras only where the cluster supports them."""
    template = copy.deepcopy(base if base is not None else load_template())
    if "analysis-common" in modules:
        props = template["template"]["mappings"]["properties"]
        for name in ("text", "media_description", "evidence"):
            props[name]["analyzer"] = "indonesian"
        props["target"]["properties"]["text"]["analyzer"] = "indonesian"
    if "x-pack-ilm" in modules:
        template["template"]["settings"]["index.lifecycle.name"] = "netra-flags"
    return template


# Flags are evidence: keep them searchable, then make them read-only and compact.
ILM_POLICY: dict[str, Any] = {
    "phases": {
        "hot": {"actions": {}},
        "warm": {
            "min_age": "90d",
            "actions": {"readonly": {}, "forcemerge": {"max_num_segments": 1}},
        },
    }
}


async def cluster_modules(es: AsyncElasticsearch) -> set[str]:
    """Names of the modules every node has (the minimal distribution lacks most)."""
    info = await es.nodes.info(metric="modules")
    per_node = [
        {m["name"] for m in node.get("modules", [])} for node in info.get("nodes", {}).values()
    ]
    return set.intersection(*per_node) if per_node else set()


async def ensure_index(es: AsyncElasticsearch, alias: str) -> str:
    """Create the template and the first index behind the alias when missing; return the index."""
    modules = await cluster_modules(es)
    if "x-pack-ilm" in modules:
        await es.ilm.put_lifecycle(name="netra-flags", policy=ILM_POLICY)
    return await ensure_aliased_index(es, alias, template_for(modules), add_new_fields=True)


def flag_document(
    flag: Flag, *, clocks: Clocks | None = None, indexed_at: datetime | None = None
) -> FlagDocument:
    """Flatten a flag into the indexed document; the review fields are owned by the review agent.
    Its deadlines start at `indexed_at` (now), the moment Netra made the act known, or, for a
    public report, when the report was received."""
    d, p = flag.decision, flag.post
    indexed_at = indexed_at or datetime.now(UTC)
    deadlines = (clocks or default_clocks()).deadlines(
        known_at=p.report.reported_at if p.report else indexed_at,
        known_via=KnownVia.REPORT if p.report else KnownVia.INDEXED,
        races=d.races,
        election=d.election,
        province=flag.asn.province if flag.asn else None,
    )
    doc = FlagDocument(
        timestamp=p.event_time,
        flag_id=flag.flag_id,
        platform=p.platform.value,
        post_id=p.post_id,
        account_id=p.account_id,
        account_handle=p.account_handle,
        action=p.action.value,
        text=p.text,
        hashtags=p.tags,  # evidence in hashtags[i] names these (Post.tags)
        mentions=p.mentions,
        urls=p.urls,
        media_description=p.media_description,
        language=p.language,
        target=p.target,
        report=p.report,
        reach=p.reach or 0,
        outcome=d.outcome,
        score=d.score,
        severity=d.severity.value if d.severity else None,
        severity_rank=SEVERITY_RANK.get(d.severity, 0) if d.severity else 0,
        rule_ids=[h.rule_id for h in d.hits],
        skb_forms=sorted({h.skb_form for h in d.hits}),
        participants=[x.id for x in d.participants],
        participant_names=[x.name for x in d.participants],
        races=d.races,
        election=d.election,
        phase=d.phase.value if d.phase else None,
        sanction_track=d.sanction_track.value if d.sanction_track else None,
        evidence=[e.excerpt for h in d.hits for e in h.evidence],
        hits=d.hits,
        pack_version=d.pack_version,
        engine_version=d.engine_version,
        asn=AsnFields.of(flag.asn),
        received_at=flag.received_at,
        judged_at=flag.judged_at,
        indexed_at=indexed_at,
        source=flag.source,
        trimmed=flag.trimmed,
    )
    return doc.with_deadlines(deadlines)


def upsert_operations(alias: str, flag_id: str, doc: FlagDocument) -> list[bytes]:
    """Bulk lines that write a flag idempotently and keep any review status and claim already
    recorded, and when it became known with its deadlines. Serialised here (the bulk API sends
    bytes lines as they are): pydantic writes the document's two copies in about a third of the
    time it took to build them as dicts and encode those."""
    kept = FlagDocument.INDEXER_ONCE | FlagDocument.REVIEW_FIELDS | FlagDocument.CLAIM_FIELDS
    action = {"update": {"_index": alias, "_id": flag_id, "retry_on_conflict": 3}}
    body = b'{"doc":' + doc.to_json(exclude=kept) + b',"upsert":' + doc.to_json() + b"}"
    return [json.dumps(action).encode(), body]
