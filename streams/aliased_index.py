"""An index behind an alias, made from a template: how every Netra index comes to exist.

Writers address the alias, never the index, so the backing index can be replaced (a reindex,
a rollover where a deployment adds one) without touching them. Creating is idempotent: workers
that start together each put the same template and find the alias the first one made.
"""

from __future__ import annotations

from typing import Any

from elasticsearch import AsyncElasticsearch


async def ensure_aliased_index(
    es: AsyncElasticsearch,
    alias: str,
    template: dict[str, Any],
    *,
    add_new_fields: bool = False,
) -> str:
    """Put `template` for the alias's indices and create the first index behind the alias
    when there is none; return the index. `add_new_fields` adds to an existing index the
    fields the template gained since it was made (its mapping is strict; adding fields changes
    no existing document, and needs the right to manage the index)."""
    await es.indices.put_index_template(
        name=alias, **{**template, "index_patterns": [f"{alias}-*"]}
    )
    if await es.indices.exists_alias(name=alias):
        found = await es.indices.get_alias(name=alias)
        index = str(next(iter(found.keys())))
        if add_new_fields:
            await es.indices.put_mapping(
                index=index, properties=template["template"]["mappings"]["properties"]
            )
        return index
    index = f"{alias}-000001"
    await es.indices.create(index=index, aliases={alias: {"is_write_index": True}})
    # Reads right after the first write must not meet a shard still starting (a 503).
    await es.cluster.health(index=index, wait_for_status="yellow", timeout="30s")
    return index
