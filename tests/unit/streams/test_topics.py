"""The tables' changelog topics that `netra topics create` makes are the ones Faust uses."""

from __future__ import annotations

from pathlib import Path

from streams.app import faust_app
from streams.settings import Settings
from streams.topics import OFFENDERS_TABLE, REGISTRY_TABLE, changelog_specs, topic_specs


def test_changelogs_are_named_and_partitioned_as_faust_makes_them(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {"NETRA_STATE": str(tmp_path), "app_id": "netra-test", "partitions": 6}
    )
    app = faust_app(settings)
    specs = {s.name: s for s in changelog_specs(settings)}
    for name in (REGISTRY_TABLE, OFFENDERS_TABLE):
        table = app.Table(name, default=None, partitions=settings.partitions)
        topic = table.changelog_topic
        spec = specs[topic.get_topic_name()]
        assert spec.partitions == settings.partitions == topic.partitions
        assert spec.configs == {"cleanup.policy": "compact"}
    assert not set(specs) & {s.name for s in topic_specs(settings)}
