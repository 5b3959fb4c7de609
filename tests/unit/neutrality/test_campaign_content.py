"""Content described as campaign material (the campaign_content list, N02/N04 rules): such a
description alone is worth a full look, and the campaign season is not content."""

from __future__ import annotations

from typing import Any

from neutrality import Engine
from schemas import Outcome, Post


def _post(**kw: Any) -> Post:
    data = {"platform": "facebook", "post_id": "p1", "account_id": "fb:asn.test", "action": "post",
            "text": "", "event_time": "2024-09-20T09:00:00+07:00", **kw}  # fmt: skip
    return Post.model_validate(data)


def test_a_description_of_campaign_content_alone_reaches_the_rules(engine: Engine) -> None:
    post = _post(media_description="unggahan konten kampanye di media sosial milik seorang ASN")
    decision = engine.decide(post)  # the fast path: the first look must let it through
    assert decision.outcome is Outcome.FLAG
    hit = next(h for h in decision.hits if h.rule_id == "N02.campaign-content")
    assert [ev.excerpt for ev in hit.evidence if ev.feature == "list:campaign_content"] == [
        "konten kampanye"
    ]


def test_the_campaign_season_is_not_content(engine: Engine) -> None:
    post = _post(media_description="foto jalan macet pada hari pertama masa kampanye")
    assert engine.decide(post).outcome is Outcome.PASS


def test_liking_campaign_material_from_any_account(engine: Engine) -> None:
    post = _post(action="like", target={"kind": "post", "account": "fb:akun.warga",
                                        "text": "video kampanye calon gubernur"})  # fmt: skip
    assert engine.decide(post).outcome is Outcome.FLAG
