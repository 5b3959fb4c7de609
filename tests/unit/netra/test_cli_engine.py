from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from netra.cli import bench as bench_cli
from netra.cli import engine as engine_cli

DATA = Path(__file__).resolve().parents[2] / "data"


def _app() -> typer.Typer:
    app = typer.Typer()
    engine_cli.register(app)
    bench_cli.register(app)
    return app


def test_scan_skips_bad_lines_and_writes_decisions(tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    good = {
        "platform": "x",
        "post_id": "1",
        "account_id": "x:a",
        "action": "post",
        "text": "Ayo coblos Prabowo-Gibran!",
        "event_time": "2024-01-10T08:00:00+07:00",
    }
    wrapped = json.dumps({"post": good, "locality": None})
    src.write_text("{broken\n" + json.dumps(good) + "\n" + wrapped + "\n")
    out = tmp_path / "d.jsonl"
    result = CliRunner().invoke(_app(), ["scan", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "line 1" in result.output and "Traceback" not in result.output
    decisions = [json.loads(x) for x in out.read_text().splitlines()]
    assert [d["outcome"] for d in decisions] == ["flag", "flag"]


def test_eval_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", str(DATA / "engine-labelled.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (report,) = data["files"].values()
    assert report["overall"]["tp"] == 2 and len(report["misses"]) == 2


def test_rules_lint_fails_on_broken_pack() -> None:
    result = CliRunner().invoke(
        _app(), ["rules", "lint", str(DATA / "broken-packs" / "regex-term")]
    )
    assert result.exit_code == 1
    assert "lists.yaml:65" in result.output


def test_rules_test_passes_on_shipped_pack() -> None:
    result = CliRunner().invoke(_app(), ["rules", "test"])
    assert result.exit_code == 0, result.output
