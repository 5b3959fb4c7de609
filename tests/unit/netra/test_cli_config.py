"""`netra config` lists every setting but never prints a secret's value."""

from __future__ import annotations

import json

import pytest
import typer
from pydantic import SecretStr
from typer.testing import CliRunner

from netra.cli import config as config_cli
from streams.settings import Settings

SECRETS = {
    "NETRA_ES_API_KEY": "es-api-key-value",
    "NETRA_ES_PASSWORD": "es-password-value",
    "NETRA_KIBANA_API_KEY": "kibana-api-key-value",
    "NETRA_KIBANA_PASSWORD": "kibana-password-value",
}


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NETRA_ES_USERNAME", "netra_worker")
    app = typer.Typer()
    config_cli.register(app)
    app.command("noop", hidden=True)(lambda: None)  # a group, so `config` is a subcommand
    return app


def test_every_secret_setting_is_a_secret_str() -> None:
    for name in SECRETS:
        field = name.removeprefix("NETRA_").lower()
        assert Settings.model_fields[field].annotation == SecretStr | None, field


def test_json_masks_secrets_and_shows_the_rest(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["config", "--json"])
    assert result.exit_code == 0, result.output
    values = json.loads(result.output)
    for name, secret in SECRETS.items():
        assert values[name] == "**********", name
        assert secret not in result.output
    assert values["NETRA_ES_USERNAME"] == "netra_worker"
    assert {"NETRA_ES_CA_CERT", "NETRA_ES_VERIFY_CERTS", "NETRA_KIBANA_CA_CERT"} <= set(values)


def test_table_masks_secrets(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["config"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    for secret in SECRETS.values():
        assert secret not in result.output
    assert "NETRA_ES_API_KEY" in result.output and "**********" in result.output
