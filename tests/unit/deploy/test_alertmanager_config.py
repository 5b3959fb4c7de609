"""The production Alertmanager configuration is valid and routes each severity where it belongs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[3]
CONFIG = REPO / "deploy" / "alertmanager" / "alertmanager.yml"
RULES = REPO / "deploy" / "prometheus" / "netra.rules.yml"


def _amtool() -> str:
    local = Path("/usr/bin/amtool")
    found = shutil.which("amtool") or (str(local) if local.exists() else None)
    if found is None:
        pytest.skip(
            "amtool is not installed (apt-get install prometheus-alertmanager, or `netra stack up`)"
        )
    return found


def _amtool_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_amtool(), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_amtool_check_config() -> None:
    result = _amtool_run("check-config", str(CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@pytest.mark.parametrize(
    ("labels", "receiver"),
    [
        (["severity=critical", "alertname=NetraWorkerDown"], "oncall-pager"),
        (["severity=warning", "alertname=NetraHighSeverityFlag"], "supervisors"),
        (["severity=info", "alertname=NetraRulePackMismatch"], "daily-digest"),
    ],
)
def test_routes_by_severity(labels: list[str], receiver: str) -> None:
    result = _amtool_run("config", "routes", "test", f"--config.file={CONFIG}", *labels)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split() == [receiver]


def test_every_alert_severity_has_a_route() -> None:
    """A severity used in the rules but missing from the routes would land on the default."""
    config = yaml.safe_load(CONFIG.read_text())
    routed = {
        matcher.split("=", 1)[1].strip('"')
        for route in config["route"]["routes"]
        for matcher in route.get("matchers", [])
        if matcher.startswith("severity=")
    }
    used = {
        rule["labels"]["severity"]
        for group in yaml.safe_load(RULES.read_text())["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }
    assert used <= routed


def test_inhibit_rules_name_real_alerts() -> None:
    names = {
        rule["alert"]
        for group in yaml.safe_load(RULES.read_text())["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }
    for inhibit in yaml.safe_load(CONFIG.read_text())["inhibit_rules"]:
        source = inhibit["source_matchers"][0]
        assert source.startswith('alertname="'), source
        assert source.split('"')[1] in names
