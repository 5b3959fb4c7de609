"""`netra kibana import` sends what Kibana's import API expects and reports failures plainly.

A small HTTP server on loopback stands in for Kibana: it records the request and answers like
Kibana's /api/saved_objects/_import does.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import typer
from typer.testing import CliRunner

from netra.cli import kibana as kibana_cli
from netra.kibana import DEFAULT_NDJSON, KibanaError, import_objects, import_url, tls_context
from tests.unit.loopback_tls import HttpsServer, TlsFiles


class FakeKibana(BaseHTTPRequestHandler):
    received: ClassVar[list[dict[str, Any]]] = []
    answer: ClassVar[tuple[int, dict[str, Any]]] = (200, {})

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status, doc = self.answer
        payload = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def kibana() -> Iterator[str]:
    FakeKibana.received.clear()
    server = HTTPServer(("127.0.0.1", 0), FakeKibana)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_posts_the_ndjson_with_xsrf_header_and_overwrite(kibana: str) -> None:
    count = len(DEFAULT_NDJSON.read_text().splitlines())
    FakeKibana.answer = (200, {"success": True, "successCount": count})
    result = import_objects(kibana, space="bawaslu", api_key="k3y")
    assert result.success and result.success_count == count
    (request,) = FakeKibana.received
    assert request["path"] == "/s/bawaslu/api/saved_objects/_import?overwrite=true"
    headers = {k.lower(): v for k, v in request["headers"].items()}
    assert headers["kbn-xsrf"]
    assert headers["authorization"] == "ApiKey k3y"
    assert headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="netra.ndjson"' in request["body"]
    assert DEFAULT_NDJSON.read_bytes() in request["body"]


def test_cli_reports_refused_objects_and_exits_1(kibana: str) -> None:
    FakeKibana.answer = (
        200,
        {
            "success": False,
            "successCount": 10,
            "errors": [{"type": "lens", "id": "netra-lens-by-rule", "error": {"type": "conflict"}}],
        },
    )
    app = typer.Typer()
    kibana_cli.register(app)
    result = CliRunner().invoke(app, ["kibana", "import", "--url", kibana])
    assert result.exit_code == 1
    assert "netra-lens-by-rule" in result.output
    assert "refused 1" in result.output


def test_unauthorised_says_which_credentials_to_set(kibana: str) -> None:
    FakeKibana.answer = (401, {"message": "unauthorized"})
    with pytest.raises(KibanaError) as caught:
        import_objects(kibana)
    assert "NETRA_KIBANA_API_KEY" in caught.value.hint


def test_unreachable_kibana_is_a_clear_error() -> None:
    with pytest.raises(KibanaError) as caught:
        import_objects("http://127.0.0.1:9", timeout=5)
    assert "not reachable" in caught.value.message
    assert "--url" in caught.value.hint


def test_rejects_a_non_url() -> None:
    with pytest.raises(KibanaError):
        import_url("kibana:5601")
    assert import_url("http://k:5601/").endswith("k:5601/api/saved_objects/_import?overwrite=true")


def test_user_and_password_become_basic_auth(kibana: str) -> None:
    FakeKibana.answer = (200, {"success": True, "successCount": 1})
    import_objects(kibana, user="netra_admin", password="pw")
    (request,) = FakeKibana.received
    headers = {k.lower(): v for k, v in request["headers"].items()}
    assert headers["authorization"] == "Basic " + base64.b64encode(b"netra_admin:pw").decode()


@pytest.mark.parametrize(
    ("credentials", "said"),
    [
        ({"api_key": "k3y", "user": "u", "password": "p"}, "both"),
        ({"user": "netra_admin"}, "go together"),
        ({"password": "pw"}, "go together"),
    ],
)
def test_contradictory_credentials_are_refused_before_sending(
    kibana: str, credentials: dict[str, str], said: str
) -> None:
    with pytest.raises(KibanaError, match=said):
        import_objects(kibana, **credentials)
    assert FakeKibana.received == []


def test_https_kibana_is_trusted_through_the_given_ca(
    https_server: HttpsServer, tls_files: TlsFiles
) -> None:
    FakeKibana.received.clear()
    FakeKibana.answer = (200, {"success": True, "successCount": 3})
    url = https_server(FakeKibana)
    result = import_objects(url, api_key="k3y", ca_cert=tls_files.ca_cert)
    assert result.success_count == 3
    assert len(FakeKibana.received) == 1


def test_untrusted_kibana_certificate_names_the_ca_setting(https_server: HttpsServer) -> None:
    url = https_server(FakeKibana)
    with pytest.raises(KibanaError) as caught:
        import_objects(url, api_key="k3y")
    assert "certificate" in caught.value.message
    assert "NETRA_KIBANA_CA_CERT" in caught.value.hint


def test_ca_file_problems_are_named(tmp_path: Path, tls_files: TlsFiles) -> None:
    with pytest.raises(KibanaError, match="not a file"):
        tls_context("https://kibana:5601", tmp_path / "missing.crt")
    with pytest.raises(KibanaError, match="not https"):
        tls_context("http://kibana:5601", tls_files.ca_cert)
    not_pem = tmp_path / "key.txt"
    not_pem.write_text("not a certificate\n")
    with pytest.raises(KibanaError, match="not a PEM CA certificate"):
        tls_context("https://kibana:5601", not_pem)
    assert tls_context("http://kibana:5601", None) is None


def test_cli_takes_url_and_ca_from_settings(
    https_server: HttpsServer, tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeKibana.received.clear()
    FakeKibana.answer = (200, {"success": True, "successCount": 2})
    url = https_server(FakeKibana)
    monkeypatch.setenv("NETRA_KIBANA_URL", url)
    monkeypatch.setenv("NETRA_KIBANA_CA_CERT", str(tls_files.ca_cert))
    monkeypatch.setenv("NETRA_KIBANA_API_KEY", "k3y")
    app = typer.Typer()
    kibana_cli.register(app)
    result = CliRunner().invoke(app, ["kibana", "import"])
    assert result.exit_code == 0, result.output
    assert "imported 2 saved objects" in " ".join(result.output.split())
