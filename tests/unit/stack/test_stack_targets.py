from __future__ import annotations

import json
from pathlib import Path

import pytest

from netra.stack import (
    StackError,
    StackSettings,
    register_scrape_target,
    registered_targets,
    unregister_scrape_target,
)


@pytest.fixture
def settings(tmp_path: Path) -> StackSettings:
    return StackSettings.from_env({"NETRA_STATE": str(tmp_path), "NETRA_CACHE": str(tmp_path)})


def test_register_writes_a_file_sd_document(settings: StackSettings) -> None:
    path = register_scrape_target("judge-0", "127.0.0.1:29100", settings)
    assert path == settings.targets_dir / "judge-0.json"
    doc = json.loads(path.read_text())
    assert doc == [
        {"targets": ["127.0.0.1:29100"], "labels": {"job": "netra-worker", "worker": "judge-0"}}
    ]
    assert [p.name for p in settings.targets_dir.iterdir()] == ["judge-0.json"]  # no temp left


def test_register_again_replaces_and_unregister_removes(settings: StackSettings) -> None:
    register_scrape_target("indexer", "127.0.0.1:29101", settings)
    register_scrape_target("indexer", "127.0.0.1:29111", settings)
    register_scrape_target("judge", "localhost:29100", settings)
    assert registered_targets(settings) == {
        "indexer": ["127.0.0.1:29111"],
        "judge": ["localhost:29100"],
    }
    assert unregister_scrape_target("indexer", settings) is True
    assert unregister_scrape_target("indexer", settings) is False
    assert registered_targets(settings) == {"judge": ["localhost:29100"]}


@pytest.mark.parametrize("name", ["", "../escape", "a/b", "with space"])
def test_unsafe_names_are_refused(settings: StackSettings, name: str) -> None:
    with pytest.raises(StackError):
        register_scrape_target(name, "127.0.0.1:1", settings)


def test_address_must_have_a_port(settings: StackSettings) -> None:
    with pytest.raises(StackError):
        register_scrape_target("judge", "127.0.0.1", settings)
