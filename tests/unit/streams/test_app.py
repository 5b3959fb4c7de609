"""The Faust app takes its group and metadata timing from Settings, not from Faust's defaults."""

from __future__ import annotations

from pathlib import Path

from streams.app import faust_app
from streams.settings import Settings


def test_metadata_is_refreshed_as_often_as_settings_say(tmp_path: Path) -> None:
    settings = Settings.model_validate({"NETRA_STATE": str(tmp_path), "app_id": "unit"})
    assert faust_app(settings).conf.consumer_metadata_max_age_ms == 15_000
    quicker = settings.model_copy(update={"metadata_max_age_seconds": 2.5})
    assert faust_app(quicker).conf.consumer_metadata_max_age_ms == 2_500
