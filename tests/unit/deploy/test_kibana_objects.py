"""Kibana cannot run here, so the saved objects are checked offline: well-formed NDJSON, resolvable
references, and only fields that exist in the index template of the data view each object uses
(a typo would show as an empty panel or a failed search in Kibana, not as an import error)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]
NDJSON = REPO / "deploy" / "kibana" / "netra.ndjson"
TEMPLATES = {
    "netra-flags": REPO / "deploy" / "elasticsearch" / "flags-template.json",
    "netra-cases": REPO / "deploy" / "elasticsearch" / "cases-template.json",
}
# Lens' pseudo-field for "count of records".
LENS_RECORDS = "___records___"
# `field:` or `field :` in KQL, not inside quotes.
KQL_FIELD = re.compile(r'(?<![\w."])([@\w][\w.]*)\s*:(?!\S*")')


def _objects() -> list[dict[str, Any]]:
    lines = [line for line in NDJSON.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def _data_view(obj: dict[str, Any]) -> str:
    """The data view an object reads (a data view is its own)."""
    if obj["type"] == "index-pattern":
        return str(obj["id"])
    (view,) = {r["id"] for r in obj.get("references", []) if r["type"] == "index-pattern"}
    return str(view)


def _mapped_fields(view: str = "netra-flags") -> set[str]:
    """Every dotted field path of the view's template, with multi-field sub-fields (.keyword)."""

    def walk(properties: dict[str, Any], prefix: str) -> Iterator[str]:
        for name, spec in properties.items():
            path = f"{prefix}{name}"
            yield path
            yield from walk(spec.get("properties", {}), f"{path}.")
            yield from (f"{path}.{sub}" for sub in spec.get("fields", {}))

    mappings = json.loads(TEMPLATES[view].read_text())["template"]["mappings"]
    return set(walk(mappings["properties"], ""))


def kql_fields(query: str) -> set[str]:
    return {m.group(1) for m in KQL_FIELD.finditer(query)}


def _lens_fields(attributes: dict[str, Any]) -> Iterator[str]:
    layers = attributes["state"]["datasourceStates"]["formBased"]["layers"]
    for layer in layers.values():
        for column in layer["columns"].values():
            if column.get("sourceField") not in (None, LENS_RECORDS):
                yield column["sourceField"]
    yield from kql_fields(attributes["state"]["query"]["query"])


def referenced_fields(obj: dict[str, Any]) -> set[str]:
    """The index fields one saved object names, wherever it names them."""
    attributes = obj["attributes"]
    fields: set[str] = set()
    source = attributes.get("kibanaSavedObjectMeta", {}).get("searchSourceJSON")
    if source:
        fields |= kql_fields(json.loads(source).get("query", {}).get("query", ""))
    if obj["type"] == "index-pattern":
        fields.add(attributes["timeFieldName"])
        for key in ("fieldFormatMap", "fieldAttrs"):
            fields |= set(json.loads(attributes.get(key) or "{}"))
    elif obj["type"] == "search":
        fields |= set(attributes["columns"])
        fields |= {field for field, _direction in attributes["sort"]}
    elif obj["type"] == "lens":
        fields |= set(_lens_fields(attributes))
    return fields


def test_kql_field_extraction() -> None:
    """The extractor the field check relies on finds fields and ignores quoted text."""
    found = kql_fields('severity: high and asn.province : "Jawa: Tengah" or @timestamp >= now')
    assert found == {"severity", "asn.province"}


def test_every_line_is_an_object_with_type_id_and_attributes() -> None:
    objects = _objects()
    assert len(objects) >= 5
    for obj in objects:
        assert isinstance(obj.get("type"), str) and obj["type"], obj
        assert isinstance(obj.get("id"), str) and obj["id"], obj
        assert isinstance(obj.get("attributes"), dict) and obj["attributes"].get("title"), obj
    ids = [(o["type"], o["id"]) for o in objects]
    assert len(ids) == len(set(ids)), "duplicate type/id"


def test_the_expected_objects_are_there() -> None:
    objects = _objects()
    views = {o["attributes"]["title"]: o for o in objects if o["type"] == "index-pattern"}
    assert set(views) == set(TEMPLATES)
    assert all(v["attributes"]["timeFieldName"] == "@timestamp" for v in views.values())
    queries = {
        json.loads(o["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])["query"]["query"]
        for o in objects
        if o["type"] == "search"
    }
    assert "severity: high" in queries
    assert "status: unreviewed" in queries
    assert any("asn.agency" in q for q in queries)
    lens_fields = {f for o in objects if o["type"] == "lens" for f in _lens_fields(o["attributes"])}
    wanted = {"@timestamp", "asn.province", "asn.agency", "rule_ids", "participants", "action"}
    assert wanted <= lens_fields
    assert {"bawaslu_office", "ppk", "stage", "days_taken.ppk_decided"} <= lens_fields
    dashboards = {o["attributes"]["title"] for o in objects if o["type"] == "dashboard"}
    assert dashboards == {"Netra flags", "Netra cases across agencies"}


def test_references_resolve_to_objects_in_the_file() -> None:
    objects = _objects()
    present = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        for ref in obj.get("references", []):
            assert (ref["type"], ref["id"]) in present, f"{obj['id']} -> {ref}"


def test_dashboard_panels_use_declared_references() -> None:
    for dashboard in (o for o in _objects() if o["type"] == "dashboard"):
        names = {ref["name"] for ref in dashboard["references"]}
        panels = json.loads(dashboard["attributes"]["panelsJSON"])
        assert len(panels) >= 6
        for panel in panels:
            assert f"{panel['panelIndex']}:{panel['panelRefName']}" in names, panel


def test_search_source_index_refs_are_declared() -> None:
    for obj in _objects():
        source = obj["attributes"].get("kibanaSavedObjectMeta", {}).get("searchSourceJSON")
        ref_name = json.loads(source).get("indexRefName") if source else None
        if ref_name:
            assert ref_name in {r["name"] for r in obj["references"]}, obj["id"]


@pytest.mark.parametrize(
    "obj",
    [o for o in _objects() if o["type"] != "dashboard"],
    ids=lambda o: f"{o['type']}:{o['id']}",
)
def test_every_referenced_field_exists_in_the_index_template(obj: dict[str, Any]) -> None:
    view = _data_view(obj)
    missing = referenced_fields(obj) - _mapped_fields(view)
    assert not missing, f"fields not in {TEMPLATES[view].name}: {sorted(missing)}"


def test_the_field_check_catches_a_typo() -> None:
    typo = {
        "type": "search",
        "id": "x",
        "attributes": {
            "columns": ["asn.agnecy"],
            "sort": [],
            "kibanaSavedObjectMeta": {"searchSourceJSON": '{"query":{"query":"sevrity: high"}}'},
        },
    }
    assert referenced_fields(typo) - _mapped_fields() == {"asn.agnecy", "sevrity"}
