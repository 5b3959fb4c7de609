"""deploy/elasticsearch/roles: each Netra component may touch Netra's indices only, with the
least it needs (worker writes and keeps the template, reader reads, purge reads and deletes,
the desk reads and updates flag documents)."""

from __future__ import annotations

import json
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest

from streams.settings import Settings

REPO = Path(__file__).resolve().parents[3]
ROLES = REPO / "deploy" / "elasticsearch" / "roles"
NETRA_PATTERNS = {"netra-flags*", "netra-audit*", "netra-cases*"}
# Cluster privileges a component may hold: read node facts (which modules exist), put the
# flags index template and its lifecycle policy. Nothing over users, snapshots or other indices.
ALLOWED_CLUSTER = {"monitor", "manage_index_templates", "manage_ilm"}


def _role(name: str) -> dict[str, Any]:
    role: dict[str, Any] = json.loads((ROLES / f"{name}.json").read_text())
    return role


def _privileges(role: dict[str, Any]) -> dict[str, set[str]]:
    """index pattern -> privileges granted on it."""
    granted: dict[str, set[str]] = {}
    for entry in role["indices"]:
        for pattern in entry["names"]:
            granted.setdefault(pattern, set()).update(entry["privileges"])
    return granted


def test_every_component_has_its_role() -> None:
    assert {p.stem for p in ROLES.glob("*.json")} == {
        "netra_worker",
        "netra_reader",
        "netra_purge",
        "netra_desk",
    }


@pytest.mark.parametrize("name", ["netra_worker", "netra_reader", "netra_purge", "netra_desk"])
def test_a_role_reaches_netra_indices_only(name: str) -> None:
    role = _role(name)
    # The same file is a role (PUT _security/role) and an API key's role descriptor, which takes
    # no description: what a role is for lives in its metadata.
    assert set(role) <= {"cluster", "indices", "metadata"}, "no run_as, no applications"
    assert role["metadata"]["purpose"]
    assert set(role["cluster"]) <= ALLOWED_CLUSTER
    for entry in role["indices"]:
        assert set(entry["names"]) <= NETRA_PATTERNS, entry["names"]
        assert "all" not in entry["privileges"]
        assert entry.get("allow_restricted_indices", False) is False
        assert "field_security" not in entry and "query" not in entry


def test_worker_writes_flags_and_keeps_their_template() -> None:
    role = _role("netra_worker")
    assert {"manage_index_templates", "monitor"} <= set(role["cluster"])
    flags = _privileges(role)["netra-flags*"]
    assert {"create_index", "write", "read", "manage"} <= flags


def test_reader_writes_nothing() -> None:
    role = _role("netra_reader")
    assert role["cluster"] == []
    for privileges in _privileges(role).values():
        assert privileges <= {"read", "view_index_metadata"}


def test_purge_deletes_flags_only_document_by_document() -> None:
    role = _role("netra_purge")
    assert role["cluster"] == []
    assert _privileges(role) == {"netra-flags*": {"read", "delete"}}


def test_patterns_cover_the_alias_and_its_backing_index() -> None:
    alias = Settings().flags_alias
    for name in ("netra_worker", "netra_reader", "netra_purge", "netra_desk"):
        patterns = _privileges(_role(name))
        for target in (alias, f"{alias}-000001"):
            assert any(fnmatch(target, p) for p in patterns), (name, target)


def test_desk_reads_what_it_shows_and_updates_flag_documents_only() -> None:
    """`index` lets the desk update a flag's claim (the update API); it cannot create an index,
    delete a document, or change a mapping, and writes nothing outside the flags."""
    role = _role("netra_desk")
    assert role["cluster"] == []
    assert _privileges(role) == {
        "netra-flags*": {"read", "index"},
        "netra-audit*": {"read"},
        "netra-cases*": {"read"},
    }
