from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from netra.cli import bench as bench_cli
from netra.cli import engine as engine_cli
from neutrality.explanation import Explanation

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


def test_scan_reports_every_hostile_line_and_goes_on(tmp_path: Path) -> None:
    good = (
        '{"schema_version": 1, "platform": "x", "post_id": "p1", "account_id": "x:a", '
        '"text": "Ayo coblos Prabowo-Gibran!", "action": "post", '
        '"event_time": "2024-01-20T09:00:00+07:00"}'
    )
    src = tmp_path / "hostile.jsonl"
    src.write_bytes(
        b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"\n" + b'{"text": "\xff"}\n' + good.encode() + b"\n"
    )
    out = tmp_path / "decisions.jsonl"
    result = CliRunner().invoke(_app(), ["scan", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "line 1:" in result.output and "nested too deeply" in result.output
    assert "line 2:" in result.output and "not UTF-8" in result.output
    assert len(out.read_text().splitlines()) == 1


def test_produce_names_each_line_the_worker_will_refuse() -> None:
    from netra.cli.pipeline import refusals
    from schemas import Post
    from schemas.deadletter import DeadLetterReason

    lines = [b"{not json", b'{"a": 1}', b"\xff\xfe", b"x" * 2048]
    found = refusals(lines, Post, max_bytes=1024)
    assert [n for n, _ in found] == [1, 2, 3, 4]
    assert [r.reason for _, r in found] == [
        DeadLetterReason.INVALID_JSON,
        DeadLetterReason.SCHEMA,
        DeadLetterReason.INVALID_UTF8,
        DeadLetterReason.TOO_LARGE,
    ]


def test_rules_explain_json_is_the_record_with_its_neutral_readings() -> None:
    text = "ASN dilarang mendukung paslon, jaga netralitas!"
    result = CliRunner().invoke(_app(), ["rules", "explain", "--text", text, "--json"])
    assert result.exit_code == 0, result.output
    shown = Explanation.model_validate(json.loads(result.output))
    assert shown.outcome.value == "pass"
    assert "register.warn" in {r.feature for r in shown.readings}
