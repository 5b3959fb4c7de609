"""The commands explain an unreachable Elasticsearch, a refused certificate or credentials, and
bad input without a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from netra.cli import report as report_cli
from tests.unit.loopback_tls import FakeSecuredElasticsearch, HttpsServer, TlsFiles


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


@pytest.fixture
def secured_es(
    https_server: HttpsServer, tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch
) -> str:
    """NETRA_ES_* pointing at a loopback cluster with security and TLS on."""
    url = https_server(FakeSecuredElasticsearch)
    for name in ("NETRA_ES_API_KEY", "NETRA_ES_CA_CERT", "NETRA_ES_VERIFY_CERTS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NETRA_ES_URL", url)
    monkeypatch.setenv("NETRA_ES_USERNAME", "netra_reader")
    monkeypatch.setenv("NETRA_ES_PASSWORD", "pw")
    return url


def test_purge_authenticates_and_trusts_the_ca(
    app: typer.Typer, secured_es: str, tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETRA_ES_CA_CERT", str(tls_files.ca_cert))
    result = CliRunner().invoke(app, ["purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would delete 7 flags" in _said(result.output)


def test_an_untrusted_certificate_names_the_ca_setting(app: typer.Typer, secured_es: str) -> None:
    result = CliRunner().invoke(app, ["purge", "--dry-run"])
    assert result.exit_code == 2
    said = _said(result.output)
    assert "certificate check" in said and "NETRA_ES_CA_CERT" in said
    assert "netra stack up" not in said


def test_refused_credentials_name_the_credential_settings(
    app: typer.Typer, secured_es: str, tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETRA_ES_CA_CERT", str(tls_files.ca_cert))
    monkeypatch.setenv("NETRA_ES_PASSWORD", "wrong")
    result = CliRunner().invoke(app, ["purge", "--dry-run"])
    assert result.exit_code == 2
    said = _said(result.output)
    assert "(401)" in said and "NETRA_ES_API_KEY" in said


def test_contradictory_credentials_are_refused_before_connecting(
    app: typer.Typer, secured_es: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETRA_ES_API_KEY", "a2V5")
    FakeSecuredElasticsearch.seen_auth.clear()
    result = CliRunner().invoke(app, ["case", "instagram:x"])
    assert result.exit_code == 2
    assert "not both" in _said(result.output)
    assert FakeSecuredElasticsearch.seen_auth == []
