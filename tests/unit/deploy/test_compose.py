"""deploy/compose and deploy/grafana, checked offline (no Docker engine here): the compose file
parses, builds and mounts only what exists, and gives workers only real NETRA_* settings."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import Settings

REPO = Path(__file__).resolve().parents[3]
COMPOSE_DIR = REPO / "deploy" / "compose"
COMPOSE = COMPOSE_DIR / "docker-compose.yml"
GRAFANA_DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "netra-workers.json"


def _compose() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return doc


def _services() -> dict[str, dict[str, Any]]:
    services: dict[str, dict[str, Any]] = _compose()["services"]
    return services


def setting_env_names() -> set[str]:
    """The environment variables Settings reads: NETRA_<FIELD> or a field's explicit alias."""
    names = set()
    for name, info in Settings.model_fields.items():
        names.add(info.alias if info.alias else f"NETRA_{name.upper()}")
    return names


def _bind_sources(service: dict[str, Any]) -> list[str]:
    sources = []
    for volume in service.get("volumes", []):
        source = volume["source"] if isinstance(volume, dict) else volume.split(":", 1)[0]
        if source.startswith((".", "/")):
            sources.append(source)
    return sources


def test_services_present() -> None:
    wanted = {"kafka", "elasticsearch", "kibana", "prometheus", "alertmanager", "grafana"}
    wanted |= {"worker", "topics-init"}
    assert wanted <= set(_services())


def test_every_service_has_an_image_or_build() -> None:
    for name, service in _services().items():
        assert service.get("image") or service.get("build"), name


def test_builds_and_mounts_point_at_existing_files() -> None:
    for name, service in _services().items():
        build = service.get("build")
        if build:
            context = COMPOSE_DIR / (build if isinstance(build, str) else build["context"])
            assert context.is_dir(), f"{name}: build context {context}"
            dockerfile = (
                build.get("dockerfile", "Dockerfile") if isinstance(build, dict) else "Dockerfile"
            )
            assert (context / dockerfile).is_file(), f"{name}: {dockerfile}"
        for source in _bind_sources(service):
            assert (COMPOSE_DIR / source).exists(), f"{name}: mounts missing {source}"


def test_worker_environment_names_are_real_settings() -> None:
    known = setting_env_names()
    for name in ("worker", "topics-init"):
        env = _services()[name]["environment"]
        names = set(env) if isinstance(env, dict) else {e.split("=", 1)[0] for e in env}
        netra = {n for n in names if n.startswith("NETRA_")}
        assert netra, name
        assert netra <= known, f"{name}: unknown settings {sorted(netra - known)}"
    env = _services()["worker"]["environment"]
    assert env["NETRA_METRICS_HOST"] == "0.0.0.0"


def test_setting_names_check_is_not_vacuous() -> None:
    known = setting_env_names()
    assert {"NETRA_KAFKA_BOOTSTRAP", "NETRA_ES_URL", "NETRA_STATE"} <= known
    assert "NETRA_KAFKA_BOOTSTRAPS" not in known


def test_kafka_runs_in_kraft_mode_and_workers_fit_the_partitions() -> None:
    services = _services()
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert "controller" in kafka["environment"]["KAFKA_PROCESS_ROLES"]
    assert services["elasticsearch"]["image"].split(":")[-1].startswith("9.")
    assert services["kibana"]["image"].split(":")[-1].startswith("9.")
    worker = services["worker"]
    partitions = int(worker["environment"]["NETRA_PARTITIONS"])
    assert worker["deploy"]["replicas"] <= partitions == Settings().partitions
    assert services["topics-init"]["command"] == ["netra", "topics", "create"]


def test_compose_prometheus_loads_the_rule_folder_it_mounts() -> None:
    services = _services()
    mounts = {
        target: source
        for source, target in (
            v.split(":")[:2] for v in services["prometheus"]["volumes"] if v.startswith(".")
        )
    }
    config = yaml.safe_load((COMPOSE_DIR / mounts["/etc/prometheus/prometheus.yml"]).read_text())
    (rule_glob,) = config["rule_files"]
    folder, pattern = rule_glob.rsplit("/", 1)
    assert list((COMPOSE_DIR / mounts[folder]).glob(pattern))
    jobs = {job["job_name"] for job in config["scrape_configs"]}
    assert "netra-worker" in jobs


def test_dockerfile_runs_a_worker_reachable_from_other_containers() -> None:
    text = (REPO / "Dockerfile").read_text()
    assert text.startswith("#") and "FROM python:3.11-slim" in text
    assert "NETRA_METRICS_HOST=0.0.0.0" in text
    assert 'CMD ["netra", "worker"]' in text
    for copied in re.findall(r"^COPY (\S+) ", text, flags=re.MULTILINE):
        assert (REPO / copied).exists(), copied


def test_grafana_dashboard_queries_are_valid_promql(tmp_path: Path) -> None:
    """Every panel query must parse; promtool checks them as rules (same PromQL parser)."""
    dashboard = json.loads(GRAFANA_DASHBOARD.read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert len(exprs) >= 10
    assert all(
        t["datasource"]["uid"] == "netra-prometheus"
        for p in dashboard["panels"]
        for t in p["targets"]
    )
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool is not installed (apt-get install prometheus, or `netra stack up`)")
    rules = [
        {"record": f"netra:dashboard:q{i}", "expr": e.replace("$__rate_interval", "5m")}
        for i, e in enumerate(exprs)
    ]
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    result = subprocess.run(
        [promtool, "check", "rules", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_grafana_datasource_matches_the_dashboard() -> None:
    provisioning = REPO / "deploy" / "grafana" / "provisioning"
    datasources = yaml.safe_load((provisioning / "datasources" / "prometheus.yml").read_text())
    assert {d["uid"] for d in datasources["datasources"]} == {"netra-prometheus"}
    provider = yaml.safe_load((provisioning / "dashboards" / "netra.yml").read_text())
    assert provider["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"
