"""The shipped templates render into configs the services accept (checked for what matters)."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from netra.stack import StackSettings, debian
from netra.stack.alertmanager import Alertmanager
from netra.stack.kafka import Kafka, new_cluster_id
from netra.stack.prometheus import Prometheus
from netra.stack.service import render


@pytest.fixture
def settings(tmp_path: Path) -> StackSettings:
    return StackSettings.from_env(
        {
            "NETRA_STATE": str(tmp_path / "state"),
            "NETRA_CACHE": str(tmp_path / "cache"),
            "NETRA_KAFKA_BOOTSTRAP": "127.0.0.1:39092",
            "NETRA_PROMETHEUS_URL": "http://127.0.0.1:39090",
            "NETRA_ALERTMANAGER_URL": "http://127.0.0.1:39094",
        }
    )


def test_kafka_properties_bind_loopback_with_kraft(settings: StackSettings, tmp_path: Path) -> None:
    out = tmp_path / "server.properties"
    render(
        settings.local_dir / "kafka-server.properties",
        out,
        host="127.0.0.1",
        port=39092,
        controller_port=39093,
        data_dir=tmp_path / "data",
    )
    props = dict(
        line.split("=", 1)
        for line in out.read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert props["process.roles"] == "broker,controller"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:39092,CONTROLLER://127.0.0.1:39093"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:39093"
    assert props["log.dirs"] == str(tmp_path / "data")
    assert props["offsets.topic.replication.factor"] == "1"


def test_kafka_command_has_small_heap_and_file_logging(settings: StackSettings) -> None:
    argv = Kafka(settings, Console(quiet=True)).command()
    assert "-Xmx512m" in argv and argv[-2] == "kafka.Kafka"
    assert any(a.startswith("-Dkafka.logs.dir=") and a.endswith("kafka/logs") for a in argv)


def test_cluster_id_is_22_chars_of_16_bytes() -> None:
    cid = new_cluster_id()
    assert len(cid) == 22
    assert len(base64.urlsafe_b64decode(cid + "==")) == 16
    assert cid != new_cluster_id()


def test_a_cluster_id_never_begins_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """0xF8 encodes as "-": the storage tool would read such an id as an option."""
    draws = iter([uuid.UUID(bytes=b"\xf8" + b"\x00" * 15), uuid.UUID(bytes=b"\x01" * 16)])
    monkeypatch.setattr("netra.stack.kafka.uuid.uuid4", lambda: next(draws))
    cid = new_cluster_id()
    assert not cid.startswith("-")
    assert base64.urlsafe_b64decode(cid + "==") == b"\x01" * 16


def test_the_storage_format_joins_the_cluster_id_to_its_flag(
    settings: StackSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An id kept from an earlier run may begin with "-": joined to its flag it is a value."""
    broker = Kafka(settings, Console(quiet=True))
    broker.dir.mkdir(parents=True, exist_ok=True)
    (broker.dir / "cluster-id").write_text("-AbCdEfGhIjKlMnOpQrStU\n")
    seen: list[list[str]] = []
    monkeypatch.setattr(Kafka, "_format", lambda self, args: seen.append(list(args)))
    broker.prepare()
    assert "--cluster-id=-AbCdEfGhIjKlMnOpQrStU" in seen[0]


def test_prometheus_config_scrapes_itself_workers_and_alerts(settings: StackSettings) -> None:
    Prometheus(settings, Console(quiet=True)).prepare()
    cfg = yaml.safe_load((settings.state_dir / "prometheus" / "prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in cfg["scrape_configs"]}
    assert jobs["prometheus"]["static_configs"][0]["targets"] == ["127.0.0.1:39090"]
    files = jobs["netra-worker"]["file_sd_configs"][0]["files"]
    assert files == [f"{settings.targets_dir}/*.json"]
    assert settings.targets_dir.is_dir()
    am = cfg["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert am == ["127.0.0.1:39094"]
    assert cfg["rule_files"] == [str(settings.deploy_dir / "prometheus" / "*.rules.yml")]
    assert cfg["global"]["external_labels"]["netra_desk_url"] == "http://127.0.0.1:8765"


def test_prometheus_labels_alerts_with_the_desk_url_as_one_value(tmp_path: Path) -> None:
    """NETRA_DESK_URL becomes the external label the alerts' desk links start with, whatever
    characters it holds, and without a trailing slash (links add their own)."""
    url = 'https://desk.example.org:8443/netra "review" #1/'
    settings = StackSettings.from_env(
        {"NETRA_STATE": str(tmp_path / "state"), "NETRA_DESK_URL": url}
    )
    Prometheus(settings, Console(quiet=True)).prepare()
    cfg = yaml.safe_load((settings.state_dir / "prometheus" / "prometheus.yml").read_text())
    assert cfg["global"]["external_labels"] == {"netra_env": "local", "netra_desk_url": url[:-1]}


def test_alertmanager_disables_clustering_and_binds_loopback(
    settings: StackSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(debian, "binary", lambda *names: Path("/usr/bin/prometheus-alertmanager"))
    am = Alertmanager(settings, Console(quiet=True))
    am.prepare()
    cfg = yaml.safe_load((settings.state_dir / "alertmanager" / "alertmanager.yml").read_text())
    assert cfg["route"]["receiver"] == "netra-local"
    argv = am.command()
    assert "--cluster.listen-address=" in argv
    assert "--web.listen-address=127.0.0.1:39094" in argv


def test_elasticsearch_config_is_single_node_without_security_or_watermarks(
    settings: StackSettings, tmp_path: Path
) -> None:
    out = tmp_path / "elasticsearch.yml"
    render(
        settings.local_dir / "elasticsearch.yml",
        out,
        host="127.0.0.1",
        port=39200,
        transport_port=39300,
        data_dir=tmp_path / "d",
        logs_dir=tmp_path / "l",
    )
    cfg = yaml.safe_load(out.read_text())
    assert cfg["discovery.type"] == "single-node"
    assert cfg["xpack.security.enabled"] is False
    assert cfg["cluster.routing.allocation.disk.threshold_enabled"] is False
    assert cfg["network.host"] == "127.0.0.1"
    assert cfg["http.port"] == 39200
