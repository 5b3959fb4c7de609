"""A missing prerequisite is reported with the command that installs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from netra.stack import StackError, debian, prereqs


def test_missing_maven_says_apt_get_install_maven(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(StackError) as err:
        prereqs.maven()
    assert "apt-get install -y maven" in err.value.hint


def test_missing_java_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(StackError) as err:
        prereqs.java_binary(None, 17, "Kafka")
    assert "openjdk-17-jre-headless" in err.value.hint


def test_es_java_home_without_a_jdk_is_explained(tmp_path: Path) -> None:
    with pytest.raises(StackError) as err:
        prereqs.es_java(tmp_path)
    assert "NETRA_ES_JAVA_HOME" in err.value.hint


def test_prometheus_without_apt_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(StackError) as err:
        debian.ensure_packages(Console(quiet=True))
    assert "apt-get is unavailable" in err.value.message
    assert "prometheus-alertmanager" in err.value.hint
