"""The stance reader: endorsing vs reporting, warning, administering, on real-world shapes."""

from __future__ import annotations

import datetime as dt

from neutrality import Engine
from neutrality.catalogue import Locality
from neutrality.stance import headline
from schemas import Action, Decision, Platform, Post, Target, TargetKind

WHEN = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _post(text: str = "", action: Action = Action.POST, **kw: object) -> Post:
    return Post(
        platform=Platform.FACEBOOK,
        post_id="s1",
        account_id="fb:asn",
        text=text,
        action=action,
        event_time=WHEN,
        **kw,  # type: ignore[arg-type]
    )


def _features(engine: Engine, post: Post) -> set[str]:
    analysis = engine.analyse(post, complete=True)
    return set(analysis.features.found) if analysis.features else set()


def test_headline_shape() -> None:
    assert headline("Prabowo-Gibran Unggul di Hitung Cepat Litbang Kompas")
    assert not headline("ayo dukung prabowo gibran sampai menang")
    assert not headline("Ayo Dukung Prabowo Gibran Sampai Menang!")


def test_shared_headline_is_reporting_not_campaigning(engine: Engine) -> None:
    post = _post(
        action=Action.SHARE,
        target=Target(
            kind=TargetKind.POST,
            name="suara.com",
            text="Pasangan Prabowo-Gibran Meraih 58,6 Persen Suara Menurut Hitung Cepat",
        ),
    )
    found = _features(engine, post)
    assert "target.register.report" in found and "target.register.neutral" in found
    assert engine.decide(post).outcome.value == "pass"


def test_the_same_words_with_own_endorsement_are_not_neutral(engine: Engine) -> None:
    post = _post(
        "Alhamdulillah, ayo kita menangkan satu putaran!",
        action=Action.SHARE,
        target=Target(kind=TargetKind.POST, name="suara.com", text="Prabowo-Gibran unggul 58%"),
    )
    found = _features(engine, post)
    assert "register.endorse" in found and "register.neutral" not in found


def test_prohibition_turns_endorsing_words_into_a_warning(engine: Engine) -> None:
    found = _features(engine, _post("ASN dilarang mendukung paslon mana pun di pilkada"))
    assert "register.warn" in found and "register.endorse" not in found


def test_a_conditional_threat_keeps_its_endorsement(engine: Engine) -> None:
    post = _post("Honorer yang tidak dukung petahana, kontrak tidak diperpanjang")
    found = _features(engine, post)
    assert "register.endorse" in found
    assert {h.rule_id for h in engine.decide(post).hits} >= {"N10.threat"}


def test_quoted_speech_with_attribution_is_reported(engine: Engine) -> None:
    found = _features(engine, _post('"Ayo coblos 02 biar satu putaran," kata Prabowo di Medan.'))
    assert "register.report" in found and "register.endorse" not in found


def test_listing_every_pair_evenly_is_information(engine: Engine) -> None:
    text = "Nomor urut 1 Anies-Muhaimin, nomor urut 2 Prabowo-Gibran, nomor urut 3 Ganjar-Mahfud"
    found = _features(engine, _post(text))
    assert "register.report" in found
    assert engine.decide(_post(text)).outcome.value == "pass"


def test_register_evidence_reaches_the_explanation(engine: Engine) -> None:
    post = _post(
        action=Action.SHARE,
        target=Target(kind=TargetKind.POST, name="detik.com", text="Caleg DPRD dilantik hari ini"),
    )
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    labels = [ev.label for ev in analysis.features.found["target.register.report"]]
    assert any("publisher" in label for label in labels)


def test_a_candidate_account_counts_only_from_the_declaration(engine: Engine) -> None:
    def like(day: dt.datetime) -> str:
        post = Post(
            platform=Platform.INSTAGRAM, post_id="l", account_id="ig:asn", action=Action.LIKE,
            event_time=day,
            target=Target(kind=TargetKind.POST, account="ig:ganjar_pranowo", text="Sarapan dulu"),
        )  # fmt: skip
        return engine.decide(post).outcome.value

    wib = dt.timezone(dt.timedelta(hours=7))
    assert like(dt.datetime(2023, 3, 1, 9, tzinfo=wib)) == "pass"  # a governor's account then
    assert like(dt.datetime(2023, 12, 1, 9, tzinfo=wib)) != "pass"  # a candidate's account now


def _corpus_items() -> list[tuple[str, Post, Locality | None]]:
    from neutrality.corpus import Item, read_items
    from neutrality.realcorpus import PARTS, REAL_DIR

    files = [REAL_DIR / f"{p}.jsonl" for p in PARTS]
    files += [REAL_DIR.parent / "dev.jsonl", REAL_DIR.parent / "holdout.jsonl"]
    items = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for item in read_items(fh):
                assert isinstance(item, Item)
                items.append((item.id, item.post, item.locality))
    return items


def _verdict(d: Decision) -> tuple[str, float, list[str]]:
    return d.outcome.value, d.score, [h.rule_id for h in d.hits]


def test_skipping_the_second_tier_never_changes_a_decision(engine: Engine) -> None:
    items = _corpus_items()
    assert len(items) > 2_000
    for ident, post, locality in items:
        lazy = engine.decide(post, locality)
        full = engine.analyse(post, locality, complete=True).decision
        assert _verdict(lazy) == _verdict(full), ident


def test_the_quick_look_never_hides_what_a_rule_would_flag(engine: Engine) -> None:
    rules_only = Engine(engine.pack, engine.catalogue, engine.lexicon, model=None)
    for ident, post, locality in _corpus_items():
        fast = rules_only.decide(post, locality)
        slow = rules_only.analyse(post, locality, complete=True, full_path=True).decision
        assert _verdict(fast) == _verdict(slow), ident
