from __future__ import annotations

import datetime as dt
import random
import string
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic_core import TzInfo

from neutrality import Engine, Locality
from neutrality.engine import TOO_COMPLEX, wib_day
from neutrality.features import WIB
from neutrality.matcher import _PLAIN
from neutrality.normalise import quick_read
from schemas import Outcome, Phase, Post, SanctionTrack


def make_post(text: str = "", when: str = "2024-01-15T09:00:00+07:00", **kw: Any) -> Post:
    data = {"platform": "instagram", "post_id": "p1", "account_id": "ig:asn.test",
            "action": "post", "text": text, "event_time": when, **kw}  # fmt: skip
    return Post.model_validate(data)


def _outcome(engine: Engine, text: str, **kw: object) -> Outcome:
    return engine.decide(make_post(text, **kw)).outcome  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Cuaca panas sekali hari ini",
        "Jangan lupa bayar PBB sebelum jatuh tempo",
        "Sidang umum PBB membahas perubahan iklim",
        "Timnas Garuda menang 2-0!",
        "Semangat bergelora di hari buruh",
        "Ukurannya pas banget",
        "Harga gas elpiji naik lagi",
        "Liburan di pantai ✌️ seru",
        "Menteri Pertahanan Prabowo meresmikan jembatan",
        "Wali Kota Solo Gibran membuka festival",
        "Jangan golput, gunakan hak pilih di TPS!",
        "HOAKS: video Ganjar ajak coblos itu tidak benar, cek fakta",
    ],
)
def test_hard_negatives_pass(engine: Engine, text: str) -> None:
    assert _outcome(engine, text) is Outcome.PASS


@pytest.mark.parametrize(
    "text",
    [
        "Ayo coblos Prabowo-Gibran!",
        "Sy dukung G a n j a r, gasssss!",
        "Pr4b0w0 presidenku",
        "Partai Garuda pasti menang di pemilu, coblos!",
        "Pagi cerah #GerakCepatGanjarMahfud",
    ],
)
def test_partisan_posts_flag(engine: Engine, text: str) -> None:
    assert _outcome(engine, text) is Outcome.FLAG


def test_collision_word_needs_a_second_signal(engine: Engine) -> None:
    assert _outcome(engine, "PAN juara") is Outcome.PASS
    assert _outcome(engine, "Coblos PAN di pemilu, juara!") is Outcome.FLAG


@pytest.mark.parametrize(
    ("locality", "when", "expected"),
    [
        (Locality("Jawa Tengah"), "2024-10-20T08:00:00+07:00", "pilgub-jateng-2024/02"),
        (Locality("Jawa Timur"), "2024-10-20T08:00:00+07:00", "pilgub-jatim-2024/02"),
        (None, "2024-01-20T08:00:00+07:00", "pilpres-2024/02"),
        (Locality("Jawa Tengah"), "2024-01-20T08:00:00+07:00", "pilpres-2024/02"),
    ],
)
def test_number_resolves_by_race_and_region(
    engine: Engine, locality: Locality | None, when: str, expected: str
) -> None:
    d = engine.decide(make_post("Ayo coblos nomor 2!", when=when), locality)
    assert [p.id for p in d.participants] == [expected]
    assert d.outcome is Outcome.FLAG


def test_number_alone_is_weak(engine: Engine) -> None:
    assert _outcome(engine, "Rumah saya nomor 2 dari ujung") is Outcome.PASS


def test_regent_and_governor_numbers_both_live_in_blora(engine: Engine) -> None:
    d = engine.decide(
        make_post("Coblos nomor 1", when="2024-10-20T08:00:00+07:00"),
        Locality("Jawa Tengah", "Kabupaten Blora"),
    )
    assert {p.id for p in d.participants} == {"pilgub-jateng-2024/01", "pilbup-blora-2024/01"}
    d = engine.decide(
        make_post("Coblos cabup nomor 1", when="2024-10-20T08:00:00+07:00"),
        Locality("Jawa Tengah", "Kabupaten Blora"),
    )
    assert [p.id for p in d.participants] == ["pilbup-blora-2024/01"]


@pytest.mark.parametrize(
    ("when", "phase", "track"),
    [
        ("2023-08-01T08:00:00+07:00", Phase.PRE_CANDIDACY, SanctionTrack.CODE_OF_ETHICS),
        ("2023-11-20T08:00:00+07:00", Phase.CANDIDACY, SanctionTrack.DISCIPLINE),
        ("2024-01-20T08:00:00+07:00", Phase.CAMPAIGN, SanctionTrack.DISCIPLINE),
        ("2024-02-12T08:00:00+07:00", Phase.QUIET, SanctionTrack.DISCIPLINE),
        ("2024-02-14T08:00:00+07:00", Phase.VOTING, SanctionTrack.DISCIPLINE),
        ("2024-03-01T08:00:00+07:00", Phase.POST_ELECTION, SanctionTrack.DISCIPLINE),
    ],
)
def test_phase_and_sanction_track(
    engine: Engine, when: str, phase: Phase, track: SanctionTrack
) -> None:
    d = engine.decide(make_post("Dukung Anies jadi presiden!", when=when))
    assert d.phase is phase
    assert d.sanction_track is track


def test_a_party_is_read_in_the_season_of_the_election_being_contested(engine: Engine) -> None:
    """A party stands in every election: once the legislative vote's disputes are over, a post
    naming a party alone, or a party beside a Pilkada pair, is in the Pilkada's season, not
    Pemilu 2024's aftermath; while Pemilu 2024's results are open it is still that election."""
    jatim = Locality("Jawa Timur")
    alone = engine.decide(make_post("Tenggelamkan PDIP!", when="2024-10-20T09:00:00+07:00"), jatim)
    assert (alone.election, alone.phase) == ("pilkada-2024", Phase.CAMPAIGN)
    beside = engine.decide(
        make_post("PDIP usung Risma di Pilgub Jatim", when="2024-08-20T09:00:00+07:00"), jatim
    )
    assert (beside.election, beside.phase) == ("pilkada-2024", Phase.PRE_CANDIDACY)
    open_results = engine.decide(make_post("Tenggelamkan PDIP!", when="2024-03-01T09:00:00+07:00"))
    assert (open_results.election, open_results.phase) == ("pemilu-2024", Phase.POST_ELECTION)
    past = engine.decide(make_post("Jokowi hebat", when="2021-08-01T09:00:00+07:00"))
    assert (past.election, past.phase) == ("pemilu-2019", Phase.POST_ELECTION)


def test_pilkada_phases(engine: Engine) -> None:
    jateng = Locality("Jawa Tengah")
    for when, phase in [
        ("2024-09-23T08:00:00+07:00", Phase.CANDIDACY),
        ("2024-10-01T08:00:00+07:00", Phase.CAMPAIGN),
        ("2024-11-25T08:00:00+07:00", Phase.QUIET),
        ("2024-11-27T08:00:00+07:00", Phase.VOTING),
    ]:
        d = engine.decide(make_post("Dukung Luthfi-Yasin!", when=when), jateng)
        assert (d.election, d.phase) == ("pilkada-2024", phase)


def test_evidence_points_into_the_original_text(engine: Engine) -> None:
    text = "Sy dukung  G a n j a r, gasssss!"
    d = engine.decide(make_post(text))
    spans = [(e.start, e.end, e.excerpt) for h in d.hits for e in h.evidence if e.field == "text"]
    assert spans
    for start, end, excerpt in spans:
        assert start is not None and end is not None
        assert text[start:end] == excerpt
    assert any(x == "G a n j a r" for _, _, x in spans)


def test_actions_and_targets(engine: Engine) -> None:
    def act(action: str, **target: str) -> Outcome:
        post = make_post("", action=action, target={"kind": "account", **target})
        return engine.decide(post).outcome

    assert act("follow", account="ig:tpn.ganjarmahfud") is Outcome.FLAG
    assert act("follow", account="ig:ganjar_pranowo") is Outcome.REVIEW
    assert act("follow", account="ig:kpu_ri") is Outcome.PASS
    group = make_post(
        "", action="join_group", target={"kind": "group", "name": "Relawan AMIN Kab. X"}
    )
    assert engine.decide(group).outcome is Outcome.FLAG


def test_fast_path_never_changes_a_decision(engine: Engine) -> None:
    """Posts the quick filter drops must also pass when forced through the full path."""
    from neutrality.featureset import Scanned, zone_of

    texts = ["Selamat pagi", "Rapat dinas jam 9", "Resep rendang enak", "Nonton bola bareng"]
    for text in texts:
        post = make_post(text)
        assert engine.analyse(post).features is None
        norm = engine.lexicon.normaliser.normalise(text)
        scanned = [Scanned("text", zone_of("text"), norm, engine.lexicon.matcher.scan(norm.text))]
        feats = engine.extractor.extract(post, None, scanned, post.event_time.date())
        assert not [r for r in engine.rules if r.fires(feats.found.keys())]


def test_decisions_serialise(engine: Engine) -> None:
    d = engine.decide(make_post("Ayo coblos Prabowo-Gibran!"))
    again = type(d).model_validate_json(d.model_dump_json())
    assert again == d
    assert d.pack_version == engine.pack_version


def test_every_word_for_a_ballot_number_counts(engine: Engine) -> None:
    """Indonesian, Javanese (ngoko and krama) and Sundanese words for one number all resolve:
    building the lexicon once kept only the last word of each number."""
    import datetime as dt

    from schemas import Action, Platform, Post

    when = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for text, number in (
        ("Ayo coblos dua tanggal 14", 2),
        ("Sedulur, coblos loro nggih", 2),
        ("Monggo coblos kalih", 2),
        ("Urang coblos tilu, ulah hilap", 3),
        ("Ingat coblos tiga ya", 3),
    ):
        post = Post(
            platform=Platform.X,
            post_id="n",
            account_id="x:asn",
            text=text,
            action=Action.POST,
            event_time=when,
        )
        decision = engine.decide(post)
        assert [p.number for p in decision.participants] == [number], text


def test_a_mentioned_candidate_account_names_the_participant(engine: Engine) -> None:
    """The mentions field is read: "@ganjarpranowo lanjutkan!" names Ganjar-Mahfud, so the
    support words beside it campaign; mentioning a stranger names nobody."""
    import datetime as dt

    from schemas import Action, Platform, Post

    when = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def post(mention: str) -> Post:
        return Post(
            platform=Platform.X,
            post_id="m",
            account_id="x:asn",
            text="Mantap pak, dukung terus sampai menang!",
            mentions=[mention],
            action=Action.COMMENT,
            event_time=when,
        )

    decision = engine.decide(post("@ganjarpranowo"))
    assert decision.outcome.value == "flag"
    assert [p.number for p in decision.participants] == [3]
    evidence = [e for h in decision.hits for e in h.evidence]
    assert any(e.field == "mentions[0]" and e.excerpt == "@ganjarpranowo" for e in evidence)
    stranger = engine.decide(post("@budi.tetangga"))
    assert stranger.participants == [] and stranger.outcome.value != "flag"


def test_an_event_past_its_budget_goes_to_review_as_too_complex(engine: Engine) -> None:
    post = make_post("Ayo coblos Prabowo-Gibran, menang satu putaran! " * 40)
    unbounded = engine.decide(post)
    assert unbounded.outcome is Outcome.FLAG
    stopped = engine.decide(post, budget_ms=0.0)
    assert stopped.outcome is Outcome.REVIEW  # never passed, never a flag it did not finish
    [hit] = stopped.hits
    assert hit.rule_id == TOO_COMPLEX and hit.review_only
    assert hit.evidence[0].excerpt.startswith("stopped while matching text after")
    assert stopped.pack_version == engine.pack_version
    generous = engine.decide(post, budget_ms=60_000.0)
    assert generous.model_copy(update={"decide_ms": 0.0}) == unbounded.model_copy(
        update={"decide_ms": 0.0}
    )


def test_a_benign_post_finished_on_the_quick_look_is_not_too_complex(engine: Engine) -> None:
    assert engine.decide(make_post("Cuaca panas sekali hari ini"), budget_ms=0.0).outcome is (
        Outcome.PASS
    )


def test_the_election_phase_is_a_feature_with_its_evidence(engine: Engine) -> None:
    """A rule may hold a word to the season in which it is partisan: the phase of the election
    the day falls in is a feature, and the explanation shows the day and the election."""
    during = engine.analyse(make_post("Dasar cebong, ngeyel terus"), full_path=True)
    assert during.features is not None and "phase.campaign" in during.features.found
    assert during.decision.outcome is not Outcome.PASS
    evidence = [ev for hit in during.decision.hits for ev in hit.evidence]
    assert any(ev.feature == "phase:campaign" and "2024-01-15" in ev.excerpt for ev in evidence)
    between = make_post("Dasar cebong, ngeyel terus", when="2024-07-15T09:00:00+07:00")
    analysis = engine.analyse(between, full_path=True)
    assert analysis.features is not None and "phase.pre_candidacy" in analysis.features.found
    assert analysis.decision.outcome is Outcome.PASS


def test_a_verdict_on_one_side_is_read_while_the_results_are_open(engine: Engine) -> None:
    """After the vote the sides still contend for the outcome until the disputes end: praise or
    blame of one side is read then (phase.results_open, shown with the day it lasts until), and
    no longer once the results are final."""
    text = "Gibran anak haram konstitusi, memalukan"
    disputed = engine.analyse(make_post(text, when="2024-03-21T09:00:00+07:00"), full_path=True)
    assert disputed.features is not None
    assert {"phase.post_election", "phase.results_open"} <= disputed.features.found.keys()
    hits = {h.rule_id: h for h in disputed.decision.hits}
    assert "N02.evaluates-one-side" in hits
    assert any(
        ev.feature == "phase:results open until 2024-04-30"
        for ev in hits["N02.evaluates-one-side"].evidence
    )
    final = engine.analyse(make_post(text, when="2024-07-15T09:00:00+07:00"), full_path=True)
    assert final.features is not None and "phase.results_open" not in final.features.found
    assert "N02.evaluates-one-side" not in {h.rule_id for h in final.decision.hits}


def test_a_slogan_inside_an_account_handle_tags_the_account(engine: Engine) -> None:
    """ "@prabowogibran" names the pair's account (a tag); a hashtag of the names with a slogan's
    number ("#prabowogibran2024") is the slogan (the names alone, "#prabowogibran", tag a topic:
    see test_features)."""
    tagged = engine.analyse(make_post("Debatnya seru sekali @prabowogibran"), full_path=True)
    found = tagged.features.found if tagged.features else {}
    assert "text.campaign_term" not in found and "text.named" in found
    assert any(ev.label.startswith("tagged account:") for ev in found["text.named"])
    assert not any(h.rule_id == "N02.campaign-hashtag" for h in tagged.decision.hits)
    chanted = engine.analyse(make_post("Debatnya seru sekali #prabowogibran2024"), full_path=True)
    assert chanted.features is not None and "text.campaign_term" in chanted.features.found


def test_a_quick_form_called_plain_is_plain_and_equals_the_quick_form() -> None:
    """The first look tells the automata a field's quick form is plain without matching it:
    it must then be lower-case letters, digits and single spaces, whatever ASCII characters the
    field holds (control characters, separators `bytes.split` does not know), and the form
    must be the one the string functions build."""
    raws = [f"Ab{chr(code)}9 z" for code in range(128)]
    rng = random.Random(1922)
    alphabet = string.printable + "\x00\x07\x1c\x1f\x7f\x85é"
    raws += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3_000)]
    called_plain = 0
    for raw in raws:
        read = quick_read(raw)
        if read is None:
            continue
        form, plain = read
        if raw.isascii():
            blanked = "".join(" " if c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" else c for c in raw)
            assert form == " ".join(blanked.lower().split()), repr(raw)
        if plain:
            called_plain += 1
            assert _PLAIN.fullmatch(form), repr(raw)
    assert called_plain > 1_000
    assert quick_read("tab\there\nand a line") == ("tab here and a line", True)
    assert quick_read("bell\x07") == ("bell\x07", False)
    assert quick_read("Prabówo") == ("prabowo", False)  # folded, yet not called plain


def _wib_day_by_utc(when: dt.datetime) -> dt.date:
    """The WIB day the long way, through UTC, clamped at the edges of the calendar."""
    try:
        return when.astimezone(WIB).date()
    except OverflowError:
        return dt.date.min if when.year == dt.MINYEAR else dt.date.max


def test_the_wib_day_of_a_fixed_zone_is_the_day_through_utc() -> None:
    rng = random.Random(7)
    hours = [-12, -9.5, -5, 0, 5.75, 7, 8, 9, 10, 14]
    zones: list[dt.tzinfo] = [dt.timezone(dt.timedelta(hours=h)) for h in hours]
    zones += [TzInfo(int(h * 3600)) for h in hours]
    zones.append(ZoneInfo("America/New_York"))  # not fixed: read through its utcoffset
    edges = [dt.datetime(1, 1, 1, 0, 0), dt.datetime(1, 1, 1, 23, 59), dt.datetime(9999, 12, 31)]
    edges += [dt.datetime(9999, 12, 31, 23, 59), dt.datetime(2024, 2, 13, 17, 30)]
    for zone in zones:
        times = edges + [
            dt.datetime(2024, 1, 1) + dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 400))
            for _ in range(200)
        ]
        for naive in times:
            when = naive.replace(tzinfo=zone)
            assert wib_day(when) == _wib_day_by_utc(when), (zone, naive)


def test_decisions_are_built_as_pydantic_builds_them(engine: Engine) -> None:
    """The engine builds its models without validation (`_build_from`): each must be the model
    pydantic builds from the same values, with every field set, nothing extra or private."""
    passed = engine.decide(make_post("Selamat pagi, cuaca cerah hari ini"))
    flagged = engine.decide(make_post("Ayo coblos Prabowo-Gibran nomor 2! #PrabowoGibran2024"))
    assert passed.outcome is Outcome.PASS and flagged.outcome is not Outcome.PASS
    for decision in (passed, flagged, *flagged.hits, *flagged.hits[0].evidence):
        rebuilt = type(decision).model_validate(decision.model_dump())
        assert decision == rebuilt
        assert decision.model_fields_set == rebuilt.model_fields_set
        assert decision.__pydantic_extra__ is None and decision.__pydantic_private__ is None
        assert decision.model_copy() == decision


def test_words_posted_in_a_staff_group_get_the_full_look(engine: Engine) -> None:
    """A group named for staff ("grup para kepala sekolah") is whom its posts address, as a
    superior's recorded words address staff: a post there with no campaign word is still read
    in full (and by the learned model); the same words in any other group are not."""

    def looked_at(group: str) -> bool:
        post = make_post(
            "Pokoknya tetap yang itu ya, jangan pindah",
            platform="whatsapp",
            account_id="wa:asn",
            target={"kind": "group", "name": group},
        )
        return engine.analyse(post).features is not None

    assert looked_at("grup WhatsApp para kepala sekolah")
    assert not looked_at("grup WhatsApp alumni SMA 3")
