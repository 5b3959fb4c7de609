"""The local Elasticsearch is real: a bulk write is searchable through the Python client."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch, helpers

pytestmark = pytest.mark.integration


@pytest.fixture
def es(es_url: str) -> Iterator[Elasticsearch]:
    client = Elasticsearch(es_url, request_timeout=30)
    yield client
    client.close()


def test_server_is_9x_and_green_or_yellow(es: Elasticsearch) -> None:
    health = es.cluster.health(wait_for_status="yellow", timeout="30s")
    assert health["status"] in ("green", "yellow")
    assert es.nodes.info()["nodes"]
    versions = {n["version"] for n in es.nodes.info()["nodes"].values()}
    assert all(v.startswith("9.") for v in versions), versions


def test_bulk_then_search_round_trip(es: Elasticsearch) -> None:
    index = f"netra-stack-test-{uuid.uuid4().hex[:8]}"
    docs = [
        {"account": "ig:kpu_ri", "text": "Ayo gunakan hak pilih", "n": i} for i in range(20)
    ] + [{"account": "x:prabowo", "text": "coblos nomor dua", "n": 99}]
    try:
        ok, errors = helpers.bulk(
            es,
            ({"_index": index, "_id": str(d["n"]), "_source": d} for d in docs),
            refresh="wait_for",
        )
        assert ok == len(docs) and not errors
        hits = es.search(index=index, query={"match": {"text": "coblos"}})["hits"]
        assert hits["total"]["value"] == 1
        assert hits["hits"][0]["_source"]["account"] == "x:prabowo"
        assert es.count(index=index)["count"] == len(docs)
    finally:
        es.indices.delete(index=index, ignore_unavailable=True)
