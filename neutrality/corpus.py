"""Reading JSONL input: bare Posts, {"post", "locality"} wrappers and labelled corpus items.

A bad line is reported with its number and reason and skipped; it never stops the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from neutrality.catalogue import Locality
from schemas import Post


@dataclass(frozen=True)
class Item:
    line: int
    post: Post
    locality: Locality | None
    label: dict[str, Any] | None
    id: str
    # For real corpus items: part, case, source kind, publisher, election, words (the evaluation
    # and the cross-validation group by them); empty for bare posts and hand-written items.
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BadLine:
    line: int
    reason: str


def _reason(exc: ValidationError) -> str:
    errs = exc.errors()
    first = errs[0]
    loc = ".".join(str(x) for x in first["loc"]) or "(line)"
    more = f" (+{len(errs) - 1} more)" if len(errs) > 1 else ""
    return f"{loc}: {first['msg']}{more}"


# A line holds one event (at most 1 MiB, the worker's limit) and its wrapper: bigger is refused
# before parsing, so one line can never cost more than a bounded amount of work.
MAX_LINE_CHARS = 2 * 1024 * 1024
# Input files are read with errors="surrogateescape": an invalid byte becomes one of these, so
# the line is reported instead of silently repaired or ending the run.
_UNDECODABLE = re.compile("[\udc80-\udcff]")


def parse_line(raw: str, number: int) -> Item | BadLine | None:
    """One JSONL line to an Item (or a BadLine with the reason); blank lines give None.

    Never raises for any input: too large, invalid UTF-8, nested without end, not JSON, not a
    Post, out-of-range values all come back as a BadLine with the reason."""
    raw = raw.strip()
    if not raw:
        return None
    if len(raw) > MAX_LINE_CHARS:
        return BadLine(
            number, f"line is {len(raw):,} characters; at most {MAX_LINE_CHARS:,} are read"
        )
    bad_byte = _UNDECODABLE.search(raw)
    if bad_byte is not None:
        return BadLine(
            number, f"not UTF-8 at column {bad_byte.start() + 1}: save the file as UTF-8"
        )
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return BadLine(number, f"not JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return BadLine(number, "not JSON this program reads: nested too deeply")
    if not isinstance(obj, dict):
        return BadLine(
            number, 'a line must be a JSON object (a Post, or {"post": ..., "locality": ...})'
        )
    wrapped = "post" in obj and isinstance(obj["post"], dict)
    post_obj = obj["post"] if wrapped else obj
    loc_obj = obj.get("locality") if wrapped else None
    label = obj.get("label") if wrapped else None
    try:
        post = Post.model_validate(post_obj)
    except ValidationError as exc:
        return BadLine(number, f"not a valid Post: {_reason(exc)}")
    locality = None
    if loc_obj is not None:
        if not isinstance(loc_obj, dict) or not isinstance(loc_obj.get("province"), str):
            return BadLine(number, 'locality must be {"province": "...", "regency": "..."} or null')
        locality = Locality(loc_obj["province"], str(loc_obj.get("regency") or ""))
    if label is not None and (
        not isinstance(label, dict) or label.get("outcome") not in ("flag", "pass")
    ):
        return BadLine(number, 'label must be {"outcome": "flag" | "pass", "forms": [...]}')
    meta: dict[str, str] = {}
    if wrapped:
        source = obj.get("source")
        if isinstance(source, dict) and isinstance(source.get("kind"), str):
            meta["source_kind"] = source["kind"]
        if isinstance(source, dict) and isinstance(source.get("publisher"), str):
            # who published it: a news site, or for a dataset the repository holding its files
            meta["publisher"] = source["publisher"]
        for key in ("part", "case", "election"):
            if isinstance(obj.get(key), str):
                meta[key] = obj[key]
        if label is not None and isinstance(label.get("words"), str):
            meta["words"] = label["words"]
    return Item(
        number, post, locality, label, str(obj.get("id", post.key)) if wrapped else post.key, meta
    )


def read_items(lines: Iterable[str]) -> Iterator[Item | BadLine]:
    for number, raw in enumerate(lines, start=1):
        parsed = parse_line(raw, number)
        if parsed is not None:
            yield parsed
