"""`netra intake` serves the public report routes and nothing of the desk; the report form works
the same when the desk mounts it."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from netra.intake.app import create_intake_app
from streams.settings import Settings


def _settings(tmp_path: Path) -> Settings:
    return Settings.model_validate({"NETRA_STATE": str(tmp_path / "state")})


def test_the_intake_app_serves_reports_and_no_desk_page(tmp_path: Path) -> None:
    client = TestClient(create_intake_app(_settings(tmp_path)))
    form = client.get("/report")
    assert form.status_code == 200 and "<form" in form.text
    challenge = client.get("/api/reports/challenge")
    assert challenge.status_code == 200 and {"challenge", "bits"} <= set(challenge.json())
    for desk_path in ("/login", "/", "/queue", "/api/flags"):
        assert client.get(desk_path).status_code == 404, desk_path
    assert client.get("/docs").status_code == 404  # no API browser on a public host
