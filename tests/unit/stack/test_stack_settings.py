from __future__ import annotations

from pathlib import Path

import pytest

from netra.stack import StackError, StackSettings
from netra.stack.settings import HostPort, parse_host_port


def test_defaults_use_the_29xxx_ports_and_home_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/ani")
    s = StackSettings.from_env({})
    assert s.kafka_bootstrap == "127.0.0.1:29092"
    assert s.kafka_controller_port == 29093
    assert s.es_url == "http://127.0.0.1:29200"
    assert s.prometheus_url == "http://127.0.0.1:29090"
    assert s.alertmanager_url == "http://127.0.0.1:29094"
    assert s.cache_dir == Path("/home/ani/.cache/netra")
    assert s.state_dir == Path("/home/ani/.local/state/netra")
    assert s.maven_repo == s.cache_dir / "m2"
    assert s.targets_dir == s.state_dir / "prometheus" / "targets"
    assert s.kafka_version.startswith("4.")
    assert s.es_version.startswith("9.")


def test_environment_overrides_every_address_and_folder(tmp_path: Path) -> None:
    s = StackSettings.from_env(
        {
            "NETRA_CACHE": str(tmp_path / "c"),
            "NETRA_STATE": str(tmp_path / "s"),
            "NETRA_KAFKA_BOOTSTRAP": "127.0.0.1:39092",
            "NETRA_ES_URL": "http://localhost:39200/",
            "NETRA_PROMETHEUS_URL": "http://127.0.0.1:39090",
            "NETRA_ALERTMANAGER_URL": "127.0.0.1:39094",
            "NETRA_ES_HEAP": "1g",
            "NETRA_KAFKA_VERSION": "3.9.1",
        }
    )
    assert s.cache_dir == tmp_path / "c"
    assert s.state_dir == tmp_path / "s"
    assert s.kafka == HostPort("127.0.0.1", 39092)
    assert s.kafka_controller_port == 39093  # follows the broker port unless set
    assert s.es_url == "http://localhost:39200"
    assert s.alertmanager_url == "http://127.0.0.1:39094"
    assert s.es_heap == "1g"
    assert s.kafka_version == "3.9.1"
    assert s.as_env()["NETRA_KAFKA_BOOTSTRAP"] == "127.0.0.1:39092"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NETRA_KAFKA_BOOTSTRAP", "no-port"),
        ("NETRA_ES_URL", "http://127.0.0.1:99999"),
        ("NETRA_KAFKA_CONTROLLER_PORT", "abc"),
        ("NETRA_ES_HEAP", "lots"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(StackError) as err:
        StackSettings.from_env({name: value})
    assert name in str(err.value)


def test_parse_host_port_accepts_urls_and_pairs() -> None:
    assert parse_host_port("http://10.0.0.5:9200", "X") == HostPort("10.0.0.5", 9200)
    assert str(parse_host_port("127.0.0.1:1", "X")) == "127.0.0.1:1"


def test_the_secure_broker_has_ports_and_a_heap_of_its_own() -> None:
    s = StackSettings.from_env({})
    assert str(s.kafka_secure) == "127.0.0.1:29095"
    assert s.kafka_secure_controller_port == 29096
    assert s.kafka_secure_heap == "256m"
    moved = StackSettings.from_env(
        {"NETRA_KAFKA_SECURE_BOOTSTRAP": "127.0.0.1:39500", "NETRA_KAFKA_SECURE_HEAP": "384m"}
    )
    assert (moved.kafka_secure.port, moved.kafka_secure_controller_port) == (39500, 39501)
    assert moved.kafka_secure_heap == "384m"
    assert moved.kafka_bootstrap == "127.0.0.1:29092"  # the plain broker stays where it was
    with pytest.raises(StackError, match="NETRA_KAFKA_SECURE_BOOTSTRAP"):
        StackSettings.from_env({"NETRA_KAFKA_SECURE_BOOTSTRAP": "nowhere"})
