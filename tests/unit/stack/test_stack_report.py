from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from netra.stack import ServiceStatus, StackSettings, State
from netra.stack.report import status_json, status_table


def _rows() -> list[ServiceStatus]:
    return [
        ServiceStatus("kafka", "127.0.0.1:29092", State.RUNNING, 4242, "/s/kafka/logs/server.log"),
        ServiceStatus("elasticsearch", "http://127.0.0.1:29200", State.STOPPED, None, "/s/es.log"),
        ServiceStatus(
            "prometheus", "http://127.0.0.1:29090", State.PORT_BUSY, None, "/p", "used by pid 9"
        ),
    ]


def _render(rows: list[ServiceStatus], notes: dict[str, str] | None = None) -> str:
    console = Console(record=True, width=160, color_system=None)
    console.print(status_table(rows, notes=notes))
    return console.export_text()


def test_table_shows_service_url_state_and_pid() -> None:
    text = _render(_rows(), notes={"kafka": "already running"})
    kafka_line = next(line for line in text.splitlines() if "kafka" in line)
    assert "127.0.0.1:29092" in kafka_line
    assert "running" in kafka_line and "4242" in kafka_line and "already running" in kafka_line
    es_line = next(line for line in text.splitlines() if "elasticsearch" in line)
    assert "stopped" in es_line and "-" in es_line
    assert "used by pid 9" in text


def test_json_reports_each_service_and_whether_all_are_up(tmp_path: Path) -> None:
    settings = StackSettings.from_env({"NETRA_STATE": str(tmp_path)})
    doc = json.loads(status_json(_rows(), settings))
    assert doc["all_up"] is False
    assert doc["services"]["kafka"] == {
        "name": "kafka",
        "url": "127.0.0.1:29092",
        "state": "running",
        "up": True,
        "pid": 4242,
        "log": "/s/kafka/logs/server.log",
        "note": "",
    }
    assert doc["services"]["prometheus"]["state"] == "port busy"
    assert doc["state_dir"] == str(tmp_path)
    running = [r for r in _rows() if r.state is State.RUNNING]
    assert json.loads(status_json(running, settings))["all_up"] is True
    assert json.loads(status_json([], settings))["all_up"] is False
