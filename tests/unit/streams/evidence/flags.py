"""A real flag of the shipped rule pack, with the Kafka place and bytes of its event."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import lru_cache

from agents.judge import judge_post
from schemas import EventSource, Flag, Post
from streams.pseudonyms import NipPseudonyms
from streams.ruleguard import RuleGuard
from streams.rulepack import EngineHolder

RAW = (
    b'{"platform":"instagram","post_id":"ev-1","account_id":"ig:asn.ev","account_handle":'
    b'"budi.ev","action":"post","text":"Ayo coblos Prabowo-Gibran <b>menang</b> satu putaran!",'
    b'"hashtags":["02melanjutkan"],"urls":["https://example.org/foto.jpg"],'
    b'"event_time":"2024-01-15T09:00:00+07:00"}'
)
SOURCE = EventSource(
    topic="netra.posts",
    partition=3,
    offset=41,
    size=len(RAW),
    sha256=hashlib.sha256(RAW).hexdigest(),
)


@lru_cache(maxsize=1)
def sample_flag() -> Flag:
    post = Post.model_validate_json(RAW)
    guard = RuleGuard(share=0.5, min_events=1_000_000, window_seconds=60.0)
    keys = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")
    flag, _ = judge_post(
        post, None, EngineHolder(None), guard, keys, datetime.now(UTC), source=SOURCE
    )
    assert flag is not None
    return flag
