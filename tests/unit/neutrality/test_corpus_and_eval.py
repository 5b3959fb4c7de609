from __future__ import annotations

from pathlib import Path

from neutrality import Engine
from neutrality.corpus import BadLine, Item, read_items
from neutrality.evaluation import evaluate

DATA = Path(__file__).resolve().parents[2] / "data"


def test_bad_lines_are_reported_not_raised() -> None:
    lines = [
        "{not json",
        "[1, 2]",
        '{"platform": "instagram"}',
        "",
        '{"post": {"platform": "x", "post_id": "1", "account_id": "x:a", "action": "post",'
        ' "event_time": "2024-01-01T00:00:00+07:00"}, "locality": {"province": "Aceh"}}',
    ]
    out = list(read_items(lines))
    assert [type(o) for o in out] == [BadLine, BadLine, BadLine, Item]
    assert [o.line for o in out] == [1, 2, 3, 5]
    assert isinstance(out[2], BadLine) and "post_id" in out[2].reason
    item = out[3]
    assert isinstance(item, Item) and item.locality is not None and item.locality.province == "Aceh"


def test_evaluation_counts(engine: Engine) -> None:
    with (DATA / "engine-labelled.jsonl").open() as fh:
        items = [i for i in read_items(fh) if isinstance(i, Item)]
    report = evaluate(engine, items)
    c = report.overall
    assert (c.tp, c.fp, c.fn, c.tn) == (2, 1, 1, 1)
    assert report.by_form["N04"].tp == 1
    assert {m.item.id for m in report.misses} == {"t4", "t5"}
    assert abs(c.precision - 2 / 3) < 1e-9 and abs(c.recall - 2 / 3) < 1e-9


def test_hostile_lines_are_reported_with_their_reason() -> None:
    from neutrality.corpus import MAX_LINE_CHARS

    deep = '{"a":' * 10_000 + "1" + "}" * 10_000
    undecodable = b'{"text": "\xff\xfe"}'.decode("utf-8", "surrogateescape")
    huge = '{"text": "' + "x" * MAX_LINE_CHARS + '"}'
    out = list(read_items([deep, undecodable, huge, "[1, 2]"]))
    assert all(isinstance(o, BadLine) for o in out)
    reasons = [o.reason for o in out if isinstance(o, BadLine)]
    assert "nested too deeply" in reasons[0]
    assert reasons[1].startswith("not UTF-8 at column 11")
    assert "characters; at most" in reasons[2]
    assert [o.line for o in out] == [1, 2, 3, 4]
