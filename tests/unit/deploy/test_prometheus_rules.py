"""The alert rules load in Prometheus and behave as their promtool unit tests say.

promtool comes with Debian's prometheus package, which `netra stack up` (run by `make test`)
installs; only a machine without it skips, and says why.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from fastapi.routing import APIRoute

from netra.desk import pages
from netra.desk.queue import QueueFilters
from netra.stack import StackSettings
from tests.unit.deploy.alert_links import BASE, SAMPLE_LABELS, desk_links, expand

REPO = Path(__file__).resolve().parents[3]
RULES_DIR = REPO / "deploy" / "prometheus"
RULE_FILES = sorted(RULES_DIR.glob("*.rules.yml"))
TEST_FILES = sorted((RULES_DIR / "tests").glob("*.test.yml"))
SEVERITIES = {"critical", "warning", "info"}


def _promtool() -> str:
    found = shutil.which("promtool") or (
        "/usr/bin/promtool" if Path("/usr/bin/promtool").exists() else None
    )
    if found is None:
        pytest.skip(
            "promtool is not installed (apt-get install prometheus, or run `netra stack up`)"
        )
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_promtool(), *args], capture_output=True, text=True, timeout=300, check=False
    )


def _alerts() -> list[dict[str, Any]]:
    alerts: list[dict[str, Any]] = []
    for path in RULE_FILES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            alerts.extend(rule for rule in group["rules"] if "alert" in rule)
    return alerts


def test_rule_files_exist_where_the_local_prometheus_loads_them() -> None:
    assert RULE_FILES, "no deploy/prometheus/*.rules.yml"
    pattern = Path(StackSettings.from_env({}).rules_glob)
    loaded = set(pattern.parent.glob(pattern.name))
    assert set(RULE_FILES) <= loaded


def test_promtool_check_rules() -> None:
    result = _run("check", "rules", *map(str, RULE_FILES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests_pass() -> None:
    assert TEST_FILES, "no deploy/prometheus/tests/*.test.yml"
    result = _run("test", "rules", *map(str, TEST_FILES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_routes_and_tells_what_to_do() -> None:
    alerts = _alerts()
    assert len(alerts) >= 8
    for rule in alerts:
        name = rule["alert"]
        assert rule.get("labels", {}).get("severity") in SEVERITIES, name
        annotations = rule.get("annotations", {})
        assert annotations.get("summary"), name
        assert len(annotations.get("description", "")) > 60, name


def test_every_alert_is_unit_tested_firing_and_not_firing() -> None:
    firing: set[str] = set()
    quiet: set[str] = set()
    for path in TEST_FILES:
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else quiet).add(check["alertname"])
    names = {rule["alert"] for rule in _alerts()}
    assert names - firing == set(), "alerts never tested firing"
    assert names - quiet == set(), "alerts never tested staying quiet"


def test_every_alert_links_to_a_desk_view_on_the_desk_url_label() -> None:
    links = desk_links()
    assert set(links) == {rule["alert"] for rule in _alerts()}
    for name, template in links.items():
        assert template.startswith(BASE + "/"), name
        # Any label value is escaped for a query string (a province has spaces).
        assert not re.search(r"\{\{ \$labels\.\w+ \}\}", template), name


def test_every_desk_link_is_a_page_the_desk_serves_with_the_parameters_it_takes() -> None:
    """Each link, expanded, names a GET page of the desk, and its query is one the page
    accepts: the queue's are QueueFilters (which forbids unknown ones), the others take none.
    tests/integration/test_desk.py opens them on a real desk."""
    served = {
        route.path
        for route in pages.router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    }
    for name, template in desk_links().items():
        url = urlsplit(expand(template, "https://desk.example", SAMPLE_LABELS))
        assert url.path in served, (name, url.path)
        params = dict(parse_qsl(url.query, strict_parsing=bool(url.query)))
        if url.path == "/":
            QueueFilters.model_validate(params)
        else:
            assert params == {}, name


def test_the_link_check_catches_an_unknown_filter_and_an_unescaped_label() -> None:
    with pytest.raises(ValueError):
        QueueFilters.model_validate({"provinsi": "Aceh"})
    assert expand(BASE + "/?province={{ $labels.province | urlquery }}", "", SAMPLE_LABELS) == (
        "/?province=Jawa+Tengah"
    )
    with pytest.raises(ValueError):
        expand(BASE + "/?province={{ $labels.province }}", "", SAMPLE_LABELS)


def test_every_promtool_test_group_sets_the_desk_url_label() -> None:
    for path in TEST_FILES:
        for case in yaml.safe_load(path.read_text())["tests"]:
            assert case.get("external_labels", {}).get("netra_desk_url"), path.name
