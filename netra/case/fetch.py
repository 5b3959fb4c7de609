"""A flag's document from Elasticsearch, and its case file."""

from __future__ import annotations

from datetime import datetime

from elasticsearch import AsyncElasticsearch, NotFoundError

from netra.case.model import CaseFile, case_from_document
from schemas.flag_document import FlagDocument


class CaseNotFoundError(LookupError):
    """The flag id (or the whole flags index) does not exist."""


async def fetch_flag_document(es: AsyncElasticsearch, alias: str, flag_id: str) -> FlagDocument:
    """The flag's document as indexed; CaseNotFoundError when the id or the index is missing."""
    try:
        resp = await es.get(index=alias, id=flag_id)
    except NotFoundError as exc:
        if "index_not_found" in str(exc):
            raise CaseNotFoundError(f"there is no flags index '{alias}' yet") from exc
        raise CaseNotFoundError(f"no flag with id '{flag_id}' in '{alias}'") from exc
    return FlagDocument.from_source(resp["_source"])


async def build_case(
    es: AsyncElasticsearch, alias: str, flag_id: str, *, now: datetime | None = None
) -> CaseFile:
    """Fetch the flag and assemble its case file, the NIP pseudonymised (to reveal it, see
    netra.case.reveal)."""
    doc = await fetch_flag_document(es, alias, flag_id)
    return case_from_document(doc, now=now)
