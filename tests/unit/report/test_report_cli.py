"""The commands explain an unreachable Elasticsearch and bad input without a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from netra.cli import report as report_cli


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    report_cli.register(app)
    return app


@pytest.fixture
def dead_es(monkeypatch: pytest.MonkeyPatch) -> str:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("NETRA_ES_URL", url)
    return url


def _said(text: str) -> str:
    return " ".join(text.split())


def test_report_without_elasticsearch(app: typer.Typer, dead_es: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2
    said = _said(result.output)
    assert dead_es in said and "netra stack up" in said
    assert not (tmp_path / "report.html").exists()


def test_case_without_elasticsearch(app: typer.Typer, dead_es: str) -> None:
    result = CliRunner().invoke(app, ["case", "instagram:x"])
    assert result.exit_code == 2 and "netra stack up" in _said(result.output)


def test_report_rejects_an_unreadable_time(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["report", "--since", "minggu lalu"])
    assert result.exit_code == 2 and "7d" in _said(result.output)
