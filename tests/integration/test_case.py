"""Case files built from flags in the real local Elasticsearch, through the API and the CLI."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from elasticsearch import AsyncElasticsearch

from netra.case import CaseFile, CaseNotFoundError, build_case, to_html, to_markdown
from tests.integration.report_samples import Indexed, Sample

pytestmark = pytest.mark.integration


def _case(ix: Indexed, flag_id: str) -> CaseFile:
    async def run() -> CaseFile:
        async with AsyncElasticsearch(ix.es_url, request_timeout=30) as es:
            return await build_case(es, ix.alias, flag_id, now=ix.now)

    return asyncio.run(run())


def _reviewed(ix: Indexed) -> Sample:
    return next(s for s in ix.items if s.reviews and s.flag.asn is not None)


def test_case_file_from_the_index(indexed: Indexed) -> None:
    sample = _reviewed(indexed)
    flag, asn = sample.flag, sample.flag.asn
    assert asn is not None
    case = _case(indexed, flag.flag_id)

    assert case.flag_id == flag.flag_id and case.account_id == flag.post.account_id
    assert case.asn is not None and case.asn.name == asn.name
    assert case.asn.nip is None and case.asn.nip_ref == asn.nip_ref
    assert case.status == sample.status
    assert [r.note for r in case.reviews] == [r["note"] for r in sample.reviews]
    assert set(case.skb_forms) == {h.skb_form for h in flag.decision.hits}
    # Indexed when judged: the deadlines run from then, in the ASN's zone, as stored.
    assert case.known_at == flag.judged_at
    stored = {d.window: d for d in sample.document_deadlines()}
    assert [d.window for d in case.deadlines] == list(stored)
    for d in case.deadlines:
        assert d.due == stored[d.window].due and d.law == stored[d.window].law
        assert d.expired == (indexed.now >= d.due)

    text = next(f for f in case.post_fields if f.field == "text")
    assert text.value == flag.post.text
    spans = [e for h in flag.decision.hits for e in h.evidence if e.start is not None]
    assert [flag.post.text[s.start : s.end] for s in text.spans] == [e.excerpt for e in spans]

    page = to_html(case)
    assert asn.nip_ref in page and asn.nip_ref in to_markdown(case)
    for ev in spans:
        assert f">{ev.excerpt}</mark>" in page
    assert "<Prabowo" not in page  # the post's angle brackets are escaped, not markup
    assert {r.body for r in case.recipients} >= {"Bawaslu", "BKN"}


def test_unknown_flag_id(indexed: Indexed) -> None:
    with pytest.raises(CaseNotFoundError, match="no flag"):
        _case(indexed, "instagram:does-not-exist")


def _netra(ix: Indexed, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NETRA_ES_URL": ix.es_url, "NETRA_FLAGS_ALIAS": ix.alias}
    netra = Path(sys.executable).with_name("netra")
    return subprocess.run([str(netra), *args], env=env, capture_output=True, text=True, timeout=120)


def test_cli_writes_the_case_file_with_the_pseudonym(indexed: Indexed, tmp_path: Path) -> None:
    sample = _reviewed(indexed)
    asn = sample.flag.asn
    assert asn is not None
    plain = _netra(indexed, "case", sample.flag.flag_id, "--format", "json")
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["asn"]["nip_ref"] == asn.nip_ref

    out = tmp_path / "kasus.html"
    written = _netra(indexed, "case", sample.flag.flag_id, "-f", "html", "-o", str(out))
    assert written.returncode == 0, written.stderr
    assert asn.nip_ref in out.read_text(encoding="utf-8")


def test_cli_explains_a_missing_flag(indexed: Indexed) -> None:
    done = _netra(indexed, "case", "instagram:nope")
    assert done.returncode == 2
    said = " ".join(done.stderr.split())  # rich wraps lines
    assert "no flag with id 'instagram:nope'" in said and "netra flags tail" in said
    assert "Traceback" not in said
