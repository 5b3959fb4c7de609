from __future__ import annotations

import json

from schemas.export import JSON_DIR, RECORDS, stale


def test_exported_json_schemas_match_the_records() -> None:
    assert stale() == [], "run 'netra schemas export' and commit schemas/json"


def test_post_schema_lists_every_action() -> None:
    schema = json.loads((JSON_DIR / "post.json").read_text())
    actions = schema["$defs"]["Action"]["enum"]
    assert set(actions) == {
        "post",
        "comment",
        "share",
        "like",
        "follow",
        "join_group",
        "profile_photo",
    }
    assert set(RECORDS) >= {"post", "flag", "deadletter", "registry-entry", "review-verdict"}
