"""The stance reader: endorsing vs reporting, warning, administering, on real-world shapes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neutrality import Engine
from neutrality.catalogue import Locality
from neutrality.featureset import Ev
from neutrality.stance import (
    ATTRIBUTED_QUOTE,
    BALLOT_VOTE,
    CLOSING_ATTRIBUTION,
    CONTEST_WON,
    EITHER_OUTCOME,
    EVEN_HANDED,
    EVERY_CANDIDATE,
    MUTUAL_SUPPORT,
    ORDER_TOLD,
    OUSTED,
    OUTLET_TAGS,
    READ_MORE,
    REFRAIN,
    RELAYED_NEWS,
    RIGHT_VOTE,
    RIVALS_ALIKE,
    RULED_OUT,
    SAID_OF_THE_ELECTION,
    SHORTENERS,
    SIGNED_SAYING,
    SINGLED_OUT,
    SLOGAN_LINE,
    SLOGAN_TAG,
    SPEAKER_HEADLINE,
    SUBJECT_SUPPORT,
    SUPPORT_SPOKEN_OF,
    SUPPORTS_THE_ELECTION,
    THANKS_TO_ACCOUNT,
    TIME_TOLD,
    TOLD_BY_SUBJECT,
    UNBEATEN,
    UNDECIDED,
    attributed_quotation,
    closing_attribution,
    headline,
    judged_alone,
    negation,
    news_prose,
    own_voice,
    quoted_spans,
    read_more,
    signed_saying,
    speaker_headline,
    tags_a_reader,
    text_links,
    trailing_tags,
    without_links,
    words_of,
)
from neutrality.stance.alike import supports_the_election
from neutrality.stance.allegation import LABEL as ALLEGATION
from neutrality.stance.cues import REGISTER_WEIGHT, weight
from neutrality.stance.negation import coordinated
from neutrality.stance.ruledout import closes_clause, name_starts, starts_after
from neutrality.stance.votes import result_placed
from neutrality.stance.words import (
    ADVERBIAL,
    FIRST_PERSON,
    RELATIVE,
    WORD,
    first_person,
    word_before_in,
)
from schemas import Action, Decision, Outcome, Platform, Post, Target, TargetKind

WHEN = dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
WHEN_2019 = dt.datetime(2019, 3, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _post(text: str = "", action: Action = Action.POST, **kw: object) -> Post:
    return Post(
        platform=Platform.FACEBOOK,
        post_id="s1",
        account_id="fb:asn",
        text=text,
        action=action,
        **{"event_time": WHEN, **kw},  # type: ignore[arg-type]
    )


def _features(engine: Engine, post: Post) -> set[str]:
    analysis = engine.analyse(post, complete=True)
    return set(analysis.features.found) if analysis.features else set()


def test_headline_shape() -> None:
    assert headline("Prabowo-Gibran Unggul di Hitung Cepat Litbang Kompas")
    assert not headline("ayo dukung prabowo gibran sampai menang")
    assert not headline("Ayo Dukung Prabowo Gibran Sampai Menang!")
    assert not headline("Ya Allah! Anis Dan Sandi Bakal Jadi Gubernur DKI Jakarta Terpilih")
    assert headline("Dilarang Pilih Cagub Nonmuslim? Habib: Pilih Djarot! #PilkadaDKI2017")
    # hashtags and tagged accounts are spelled as tags and handles, not as a headline's words
    assert not headline("Ingat, fokus dan menangkan #AHY #AgusYudhoyono #RakernasDemokrat2017")
    assert headline("Debat Capres Ketiga Digelar Malam Ini di Istora #debatcapres @KPU_ID")


@pytest.mark.parametrize(
    "text",
    [
        "JAKARTA, Kompas.com - KPU menetapkan nomor urut pasangan calon.",
        "Bandung (ANTARA) - KPU Jawa Barat menggelar debat publik.",
        "Suara.com - Timnas Indonesia berhasil lolos ke babak berikutnya.",
        "Jakarta - Presiden meresmikan jalan tol baru di Sumatra.",
        "Kab. Bogor - Bupati meresmikan pasar rakyat yang baru dibangun.",
    ],
)
def test_a_dateline_is_reporting(engine: Engine, text: str) -> None:
    analysis = engine.analyse(_post(text), complete=True, full_path=True)
    assert analysis.features is not None and "register.report" in analysis.features.found


def test_a_recordings_setting_named_for_neutrality_warns_nobody(engine: Engine) -> None:
    """A recording's words are the speaker's statement; a description naming its setting ("di
    acara Deklarasi Netralitas") is no warning by the speaker, while words of warning spoken in
    the recording are."""
    setting = "sambutan penjabat bupati di acara Deklarasi Netralitas Kepala Desa"

    def warned(transcript: str) -> bool:
        post = _post("").model_copy(update={"media_description": setting, "transcript": transcript})
        analysis = engine.analyse(post, complete=True, full_path=True)
        assert analysis.features is not None
        return "register.warn" in analysis.features.found

    assert not warned("satu lagi dan harus dua, bapak ibu kepala desa")
    assert warned("bapak ibu kepala desa wajib menjaga netralitas dan dilarang berpihak")


def test_a_group_or_account_name_is_no_headline_or_dateline(engine: Engine) -> None:
    """The name of the group a message is posted in, or of the account acted on, is what it is
    called: "One - Man Once Again" (a WhatsApp group) opens no newsroom's story, while the same
    words as a shared post's title do."""
    news = {"register:report (dateline)", "register:report (headline)"}

    def read(kind: str) -> set[str]:
        post = _post("Mari kita satukan langkah bersama bapak").model_copy(
            update={"target": Target(kind=TargetKind(kind), name="Jakarta - Man Once Again Tour")}
        )
        analysis = engine.analyse(post, complete=True, full_path=True)
        assert analysis.features is not None
        return {ev.label for evs in analysis.features.found.values() for ev in evs}

    assert news.isdisjoint(read("group"))
    assert news.isdisjoint(read("account"))
    assert not news.isdisjoint(read("post"))


@pytest.mark.parametrize(
    "text",
    [
        "Prabowo- Gibran semakin terdepan",
        "Hampir semua polling Anies - Sandi yang menang. Semoga hari H nya juga demikian.",
        "Khofifah - Emil kena skak sama Bu Risma.",
        # a sentence of the author's ends before the dash: no place or newsroom opens the text
        "Semarang butuh perubahan. Andika Hendi - Yoyok siap membawa kota ini maju.",
    ],
)
def test_a_pair_joined_by_a_dash_is_no_dateline(engine: Engine, text: str) -> None:
    analysis = engine.analyse(_post(text), complete=True, full_path=True)
    assert analysis.features is not None
    labels = {ev.label for evs in analysis.features.found.values() for ev in evs}
    assert "register:report (dateline)" not in labels


def test_an_endorsing_verb_after_a_conjunction_is_no_order(engine: Engine) -> None:
    post = _post("Gegara Dukung Prabowo Subianto - Sandiaga Uno, Nasib 6 Guru SMA Ini Celaka")
    assert engine.decide(post).outcome.value == "pass"
    slogan = _post("Dukung Prabowo Gibran Menang Satu Putaran di Jawa Tengah")
    assert "register.endorse" in _features(engine, slogan)


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


def test_a_prohibition_governs_every_member_of_the_list_it_opens(engine: Engine) -> None:
    post = _post(
        "Jangan sampai ada kades atau lurah yang like atau komen memberikan dukungan di medsos, "
        "ini ranahnya pidana pilkada"
    )
    found = _features(engine, post)
    assert "register.warn" in found and "register.endorse" not in found
    post = _post("ASN tidak boleh mengenakan atribut ataupun kode kode dukungan untuk calon")
    assert "register.endorse" not in _features(engine, post)


def test_a_list_too_long_or_without_a_coordinator_is_out_of_the_negations_reach() -> None:
    assert coordinated(" mengenakan atribut mendukung ataupun kode kode ")
    assert not coordinated(" ada yang lain kami tetap ")  # no list: the reach is the window
    assert not coordinated(" lupa datang ke tps pagi hari dan ")  # a member too long
    long_list = " a atau b atau c atau d atau e atau f atau g "
    assert not coordinated(long_list)  # past NEGATION_SCOPE words


def test_a_prohibition_reaches_past_let_alone_and_a_spaced_reduplication() -> None:
    """ "jangan coba coba berpolitik praktis apalagi ... mendukung politisi": the escalating
    conjunction adds a member to what is refused, and "coba coba" is one word ("coba-coba")."""
    listed = " coba coba berpolitik praktis apalagi menggunakan fasilitas dan jabatannya dalam "
    assert coordinated(listed)
    assert not coordinated(listed.replace("coba coba", "coba lagi"))  # a member too long
    assert not coordinated(" berpolitik praktis apalagi menggunakan fasilitas negara milik kantor ")


def test_a_warning_not_to_use_office_let_alone_to_support_is_no_directive(engine: Engine) -> None:
    warning = (
        "ASN jangan coba coba berpolitik praktis apalagi menggunakan fasilitas dan jabatannya"
        " dalam mendukung politisi"
    )
    assert engine.decide(_post(warning)).outcome is Outcome.PASS
    order = "ASN harus menggunakan fasilitas dan jabatannya dalam mendukung calon kita"
    assert engine.decide(_post(order)).outcome is not Outcome.PASS


def test_an_order_to_refrain_from_nothing_electoral_is_no_warning(engine: Engine) -> None:
    """What is refrained from must be an act of the election for the order to read as a rule
    being given: "tidak ikut kampanye" is; "tidak memakai seragam pegawai", told to staff going
    to a candidate's house, is an instruction, and no warning silences the rest."""
    refrain = "register:warn (an instruction to refrain)"

    def read(text: str) -> dict[str, set[str]]:
        analysis = engine.analyse(_post(text), complete=True, full_path=True)
        assert analysis.features is not None
        return {k: {ev.label for ev in evs} for k, evs in analysis.features.found.items()}

    rule = read("Seluruh guru diminta tidak ikut kampanye dan tidak memasang foto paslon")
    assert refrain in rule.get("register.warn", set())
    errand = read("Besok kita ke rumah bapak calon. Semua diminta tidak memakai seragam pegawai")
    assert refrain not in errand.get("register.warn", set())
    assert "text.directive_cue" in errand


def test_an_order_to_refrain_may_name_the_people_it_tells(engine: Engine) -> None:
    post = _post("", transcript="Saya minta seluruh kepala desa tidak memasang spanduk paslon")
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    assert "text.directive_cue" not in analysis.features.found
    assert "register.warn" in analysis.features.found
    assert "N10.directing-staff" not in {h.rule_id for h in analysis.decision.hits}
    # restraint asked of a campaign team is a warning too
    post = _post("", transcript="Kami minta timses menahan diri selama masa tenang")
    assert "text.directive_cue" not in _features(engine, post)
    # an order to vote, with a prohibition after it, is still an order
    post = _post("", transcript="Saya minta seluruh kepala desa pilih calon kita, jangan yang lain")
    assert "N10.directing-staff" in {h.rule_id for h in engine.decide(post).hits}


def test_a_verb_of_saying_after_a_first_person_subject_declares() -> None:
    def declared(text: str, named_at: set[tuple[str, int | None]] | None = None) -> bool:
        verb = text.index("menyatakan")
        ev = Ev("transcript", verb, verb + len("menyatakan"), "list:report_cue")
        return negation.declared(ev, {"transcript": text}, named_at or set())

    assert declared("kami dari forum pegawai kabupaten garut menyatakan indonesia butuh")
    assert declared("saya menyatakan siap")
    # the pronoun after a preposition is no subject; too far back it is another clause's
    assert not declared("kepada kami ketua kpu menyatakan hasilnya sah")
    assert not declared(
        "kami hadir tadi pagi di aula kantor bupati lalu bapak ketua kpu menyatakan"
    )
    # a participant named between them is the one who says
    text = "kita lihat prabowo menyatakan siap"
    assert not declared(text, {("transcript", text.index("prabowo"))})


def test_a_first_person_declaration_is_not_news_passed_on(engine: Engine) -> None:
    post = _post(
        "",
        transcript="Kami dari paguyuban pegawai kontrak Kabupaten Garut, menyatakan Indonesia "
        "membutuhkan pemimpin muda. Mas Gibran Rakabuming Raka, terima kasih",
    )
    found = _features(engine, post)
    assert "register.report" not in found and "exception.news" not in found
    post = _post("", transcript="Ketua KPU menyatakan Prabowo-Gibran ditetapkan sebagai pemenang")
    assert "register.report" in _features(engine, post)


def test_a_superiors_order_told_of_is_reported_not_given(engine: Engine) -> None:
    told = _post("", transcript="Camat mengarahkan untuk memilih Pak Azis, kata perangkat desa")
    analysis = engine.analyse(told, complete=True)
    assert analysis.features is not None
    report = analysis.features.found.get("register.report", [])
    assert any(ORDER_TOLD in ev.label for ev in report)  # shown to the supervisor
    assert "text.directive_cue" not in analysis.features.found
    assert not {h.rule_id for h in analysis.decision.hits} & {
        "N10.directing-staff",
        "N10.appeal-to-asn",
    }
    # the speaker as the superior: an order given
    given = _post("", transcript="Saya selaku camat mengarahkan seluruh kades memilih Pak Azis")
    assert "N10.directing-staff" in {h.rule_id for h in engine.decide(given).hits}


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


def _endorse_cues(engine: Engine, post: Post) -> list[str]:
    analysis = engine.analyse(post, complete=True)
    found = analysis.features.found if analysis.features else {}
    return [ev.label for ev in found.get("register.endorse", ())]


def test_a_wish_for_a_participants_victory_takes_sides(engine: Engine) -> None:
    post = _post("Pilpres sebentar lagi, mudah-mudahan Ganjar yang terpilih nanti")
    assert any("wish for a victory" in cue for cue in _endorse_cues(engine, post))
    assert engine.decide(post).outcome.value == "flag"


def test_a_wish_without_a_victory_or_a_participant_is_no_stance(engine: Engine) -> None:
    for text in (
        "Semoga pemilu berjalan aman dan damai, siapa pun yang menang",
        "Semoga Pak Ganjar sehat selalu dan lancar acaranya",
    ):
        assert not any("wish" in cue for cue in _endorse_cues(engine, _post(text))), text


def test_a_wish_inside_reported_words_stays_reported(engine: Engine) -> None:
    post = _post("Anies yakin menang satu putaran, ujarnya kepada wartawan di Surabaya.")
    assert not any("wish" in cue for cue in _endorse_cues(engine, post))


AFTER_THE_VOTE = dt.datetime(2024, 3, 22, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _register(engine: Engine, post: Post, name: str) -> list[str]:
    analysis = engine.analyse(post, complete=True)
    found = analysis.features.found if analysis.features else {}
    return [ev.label for ev in found.get(f"register.{name}", ())]


@pytest.mark.parametrize(
    "text",
    [
        "Semoga amanah menjalankan tugas negara, pak Prabowo",
        "Insya Allah pak Prabowo amanah dan jujur",
        "semoga pak Prabowo jadi pemimpin yang adil, aamiin",
    ],
)
def test_after_the_vote_a_wish_of_conduct_is_asked_of_the_office_holder(
    engine: Engine, text: str
) -> None:
    post = _post(text, event_time=AFTER_THE_VOTE)
    assert any("conduct wished" in cue for cue in _register(engine, post, "programme")), text
    assert not _register(engine, post, "endorse"), text
    assert engine.decide(post).outcome is Outcome.PASS, text


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # before the vote the wish praises a candidate still asking for votes
        ("Semoga pak Prabowo jadi pemimpin yang amanah", WHEN),
        # praise in a sentence of its own is outside the wish
        ("Semoga amanah pak Prabowo. Prabowo the best!", AFTER_THE_VOTE),
        # a forecast is no wish
        ("Pasti amanah pak Prabowo", AFTER_THE_VOTE),
        # a hand sign beside it keeps the whole post partisan
        ("Selamat pak, semoga amanah, salam 2 jari", AFTER_THE_VOTE),
        # the praise far from the wish is the author's verdict
        ("Semoga sehat selalu untuk keluarga kita semua di rumah, Prabowo amanah", AFTER_THE_VOTE),
    ],
)
def test_praise_outside_a_wish_of_conduct_after_the_vote_stays_a_verdict(
    engine: Engine, text: str, when: dt.datetime
) -> None:
    post = _post(text, event_time=when)
    assert any("evaluation_cue" in cue for cue in _register(engine, post, "endorse")), text
    assert engine.decide(post).outcome is not Outcome.PASS, text


def test_comparing_participants_of_one_race_takes_sides(engine: Engine) -> None:
    post = _post("Menurutku Anies jauh lebih matang ketimbang Prabowo soal ekonomi")
    assert any("comparison" in cue for cue in _endorse_cues(engine, post))
    assert "register.neutral" not in _features(engine, post)


def test_two_of_three_named_is_not_a_list_but_all_three_is(engine: Engine) -> None:
    two = _features(engine, _post("Anies dan Prabowo sama-sama hadir di acara itu"))
    assert "register.report" not in two
    three = _features(engine, _post("Anies, Prabowo dan Ganjar hadir di acara itu"))
    assert "register.report" in three


def test_support_held_by_someone_else_is_not_the_authors(engine: Engine) -> None:
    post = _post("Para pendukung Ganjar memadati lapangan sejak pagi")
    found = _features(engine, post)
    assert "text.support" not in found and "register.endorse" not in found
    own = _features(engine, _post("Kami siap jadi pendukung Ganjar sampai akhir"))
    assert "register.endorse" in own


@pytest.mark.parametrize(
    ("text", "endorses"),
    [
        # support received from someone is not given by the author
        ("Patroli berjalan lancar berkat dukungan penuh dari warga dan polsek", False),
        ("Mohon dukungan dari bapak ibu sekalian untuk Ganjar", True),  # asked for
        ("Dukungan dari kami sekeluarga untuk Ganjar", True),  # given by the author
        # after a verb of choosing "dari" is the field chosen from, "oleh" who chose
        ("Intinya jangan pilih dari partai merah, tenggelamkan PDIP!", True),
        ("Ganjar dipilih oleh warga Jawa Tengah dua kali", False),
        # "yang" holds the verb with words of time between ("yg dr awal dukung")
        ("Partai yang dari awal mendukung Ganjar makin solid", False),
        ("Relawan yg sudah lama mendukung Ganjar berkumpul di alun-alun", False),
        # a hortative endorses only what it urges
        ("Bapak ibu KPPS, jangan lupa tanda tangan saksi di formulir hasil ✌️", False),
        ("Yuk mari menangkan Ganjar di kampung kita", True),
        ("Pak Ganjar paling peduli sama warga kecil, yuk mari", True),  # urges what came before
    ],
)
def test_who_gives_the_support_and_what_is_urged(engine: Engine, text: str, endorses: bool) -> None:
    assert ("register.endorse" in _features(engine, _post(text))) is endorses


def test_taking_a_sides_part_is_support(engine: Engine) -> None:
    # the author's own defence of a participant; a third party's in news passed on
    assert engine.decide(_post("Mau belain pak Prabowo tipis2, timnya udah jelasin")).outcome is (
        Outcome.FLAG
    )
    shared = _post("Jokowi membela Gibran soal putusan MK https://t.co/abc")
    assert engine.decide(shared).outcome is Outcome.PASS


def test_voting_for_an_office_is_about_the_election_not_a_person(engine: Engine) -> None:
    for text in (
        "Tahun depan memilih presiden. Semoga lancar dan damai",
        "Pilihlah pemimpin yang amanah, jangan golput",
        "Besok saatnya memilih wali kota untuk lima tahun ke depan",
    ):
        found = _features(engine, _post(text))
        assert "register.educate" in found and "register.endorse" not in found, text
    for text in ("Ayo pilih calon nomor 2, Ganjar-Mahfud", "Jangan lupa pilih Ganjar"):
        assert "register.endorse" in _features(engine, _post(text)), text


def test_choosing_by_criteria_or_by_date_and_place_is_voter_education(engine: Engine) -> None:
    for text, cue in (
        ("Ketiga paslon bagus, pilih yang programnya paling masuk akal", "choosing by criteria"),
        ("Ayo memilih 27 November, datang ke TPS pagi-pagi", "when and where"),
        ("Cara coblos surat suara pemilu yang sah: coblos di dalam kotak", "when and where"),
    ):
        analysis = engine.analyse(_post(text), complete=True, full_path=True)
        found = analysis.features.found if analysis.features else {}
        assert "register.endorse" not in found, text
        assert any(cue in ev.label for ev in found.get("register.educate", ())), text
    named = _post("Pilih yang terbaik: Ganjar-Mahfud nomor 3")
    assert "register.endorse" in _features(engine, named)


def test_a_call_read_as_education_is_education_in_every_list_that_has_it(
    engine: Engine,
) -> None:
    # "pilihlah" is a call to vote and an endorsing word: one reading for both
    post = _post("", transcript="Pilihlah yang terbaik di antara yang terbaik untuk kabupaten")
    analysis = engine.analyse(post, complete=True, full_path=True)
    found = analysis.features.found if analysis.features else {}
    assert "register.endorse" not in found
    assert "register.educate" in found
    assert not analysis.decision.hits
    assert "register.endorse" in _features(engine, _post("Pilihlah Ganjar-Mahfud nomor 3"))
    # a call to make someone win has a side as its object, though a place follows it
    win = _post("", transcript="Seluruh RT harus loyal, menangkan di wilayah masing-masing")
    win_found = engine.analyse(win, complete=True, full_path=True).features
    assert win_found is not None and "register.educate" not in win_found.found


def test_a_ballot_as_the_subject_of_a_passive_vote_is_voter_education(engine: Engine) -> None:
    for words in (
        "Ada lima kertas yang akan dicoblos, masing-masing punya makna sendiri",
        "Surat suara yang sudah dicoblos dilipat kembali lalu dimasukkan ke kotak",
    ):
        analysis = engine.analyse(_post("", transcript=words), complete=True, full_path=True)
        found = analysis.features.found if analysis.features else {}
        assert "register.endorse" not in found, words
        assert any(BALLOT_VOTE in ev.label for ev in found.get("register.educate", ())), words
    # an active vote with the voters as its subject is a call, ballot or not
    active = _post("", transcript="Kertas yang akan kita coblos nanti calon nomor urut 2 ya")
    assert "register.endorse" in _features(engine, active)


def test_a_candidate_word_that_says_there_is_none_refers_to_nobody(engine: Engine) -> None:
    for text in ("Twibbon KPU tanpa gambar paslon", "Contoh surat suara dengan paslon fiktif"):
        assert "text.candidate_word" not in _features(engine, _post(text)), text
    assert "text.candidate_word" in _features(engine, _post("Foto bareng paslon tadi pagi"))


def test_the_author_placing_themself_beside_a_participant_takes_sides(engine: Engine) -> None:
    mine = _post("Dari dulu aku pendukung Ganjar, titik")
    assert any("first person" in cue for cue in _endorse_cues(engine, mine))
    beside = _post("Kalau saya tetap Ganjar sampai kapan pun")
    assert any("beside a participant" in cue for cue in _endorse_cues(engine, beside))
    event = _post("Kemarin saya bertemu Ganjar di bandara")
    assert not any("first person" in cue for cue in _endorse_cues(engine, event))


def test_a_title_case_line_in_someones_own_voice_is_no_headline() -> None:
    assert headline("Ganjar Tinjau Pasar Tradisional di Kota Semarang Hari Ini")
    assert own_voice("Ganjar Tinjau Pasar Tradisional Dong, Mantap Sekali Bapak Kita")
    assert not headline("Ganjar Tinjau Pasar Tradisional Di Semarang 🔥🔥 Mantap Sekali")
    assert not headline("Saya Ikut Ganjar Tinjau Pasar Tradisional Di Kota Semarang")
    assert headline("Prabowo: Saya Siap Lanjutkan Program Makan Siang Gratis Di Daerah")


def test_a_support_word_with_the_first_person_enclitic_is_no_headline(engine: Engine) -> None:
    # "-ku" on a support word is the author's own; title case and a long name do not make a
    # newsroom's line of it
    text = "Bapak Anies Rasyid Baswedan Presidenku"
    assert headline(text)  # the shape alone
    found = _features(engine, _post(text))
    assert "register.report" not in found and "register.endorse" in found
    assert "register.report" in _features(engine, _post("Bapak Anies Rasyid Baswedan Presiden RI"))


def test_a_pictograph_written_by_its_name_is_the_authors_voice() -> None:
    # exported posts carry emoji as their names; a known Unicode name or a title-case name
    assert own_voice("Pemimpin Muda Masa Depan Kita Semua <Raising Hands>")
    assert own_voice("Pemimpin Muda Masa Depan Kita Semua <Victory Hand>")
    assert not headline("Pemimpin Muda Masa Depan Bangsa <Raising Hands> <Raising Hands>")
    assert not own_voice("Harga cabai naik <5%> di pasar induk")


def test_an_interjection_is_the_authors_voice() -> None:
    assert own_voice("Alhamdulillah Survei Terbaru Prabowo Gibran Terus Naik Mendekati 50%")
    assert own_voice("Waduh, hasil survei terbaru keluar")
    assert own_voice("Satu Putaran Prabowo Gibran Bismillah Presiden Indonesia 2024")
    assert not own_voice("Survei Terbaru: Prabowo Gibran Naik Mendekati 50 Persen")


def test_a_wish_or_prayer_is_the_authors_voice(engine: Engine) -> None:
    """A newsroom puts "insyaallah" or "semoga" only in someone's mouth: in the author's words
    a figure beside one is a hope, not a result."""
    assert own_voice("Insyaallah Menes menang 70 persen")
    assert own_voice("Semoga suara kita tembus 60% di kecamatan ini")
    assert not own_voice("Hasil hitung cepat di Menes: pasangan nomor 1 meraih 70 persen")
    # "amin" is also a pair's name (Anies-Muhaimin): a headline about it stays news
    assert not own_voice("AMIN Unggul 45 Persen di Survei Terbaru")
    hope = _post("Insyaallah Prabowo-Gibran menang 70 persen di Menes")
    found = _features(engine, hope)
    assert "register.report" not in found and "exception.news" not in found


def test_figures_in_the_authors_own_voice_are_no_report(engine: Engine) -> None:
    news = _post("Survei Litbang: Prabowo-Gibran Naik Mendekati 50 Persen Jelang Pencoblosan")
    assert "register.report" in _features(engine, news)
    chatty = _post("Alhamdulillah trend Prabowo Gibran terus naik mendekati 50%")
    found = _features(engine, chatty)
    assert "register.report" not in found and "exception.news" not in found


def test_accounts_tagged_in_a_reply_are_addressees_not_a_list(engine: Engine) -> None:
    # every party of a race tagged in a reply is not a list of them, and the hand sign after
    # the tags is the author's own
    tags = "@Gerindra @golkar_id @Official_PAN @PDemokrat @PKSejahtera"
    post = _post(f"{tags} Salam 1 Jari membawa kedamaian", action=Action.COMMENT)
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert "register.report" not in found
    assert any(ev.label.startswith("tagged account:") for ev in found["text.participant"])
    assert engine.decide(post).outcome.value != "pass"
    listed = _post("Gerindra, Golkar, PAN, Demokrat, PKS: salam 1 jari membawa kedamaian")
    assert "register.report" in _features(engine, listed)


def test_chat_spelling_is_the_authors_voice() -> None:
    assert own_voice("Risma masih coba2 apalagi dgn gayanya, sdh cocok dgn Khofifah")
    assert own_voice("Kapan Lagi Kita Punya Pemimpin Yg Merakyat Seperti Ini")
    # digits in tags and years, and capital acronyms, are not chat
    assert not own_voice("KPU DKI Tetapkan Hasil Pilkada 2024 #Pilkada2024 #PilkadaDKI2017")


_PROSE = (
    "Partai Golkar secara resmi menyerahkan surat dukungan terhadap Wali Kota Medan Bobby "
    "Nasution untuk maju sebagai bakal calon gubernur di Pilkada Sumatra Utara 2024. Ketua Umum "
    "Partai Golkar Airlangga Hartarto menyerahkan surat dukungan itu didampingi pengurus partai."
)


def test_news_prose_shape() -> None:
    assert news_prose(_PROSE)
    assert not news_prose(_PROSE.replace("Ketua Umum", "Kami dukung. Ketua Umum"))
    assert not news_prose(_PROSE.replace("pengurus partai.", "pengurus partai. Mantap!"))
    assert not news_prose(_PROSE.replace("surat dukungan itu", "surat dukungan itu yg"))
    assert not news_prose(_PROSE.split(". ")[0])  # one sentence is no story


def test_support_told_in_news_prose_is_reported(engine: Engine) -> None:
    post = _post(_PROSE)
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert any("news prose" in ev.label for ev in found["register.report"])
    assert "register.endorse" not in found
    assert engine.decide(post).outcome.value == "pass"
    own = _post(_PROSE + " Ayo dukung Bobby Nasution sampai menang!")
    assert engine.decide(own).outcome.value == "flag"


@pytest.mark.parametrize(
    "text",
    [
        "Yang mendukung Ganjar bukan berarti anti Prabowo, begitu pula sebaliknya",
        "Prabowo dan Ganjar sama hebatnya kok, siapa pun yang menang tetap rakyat",
    ],
)
def test_praise_or_blame_said_of_both_alike_takes_no_side(engine: Engine, text: str) -> None:
    analysis = engine.analyse(_post(text), complete=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert "register.endorse" not in found
    assert any("said of both alike" in ev.label for ev in found["register.report"])
    assert engine.decide(_post(text)).outcome.value == "pass"
    # one of them praised, without the parity, is a side taken
    one_sided = _post("Yang mendukung Ganjar pasti orang hebat, Prabowo bukan pemimpin sejati")
    assert engine.decide(one_sided).outcome.value != "pass"


def test_an_imperative_opening_a_title_case_line_is_a_slogan(engine: Engine) -> None:
    post = _post("Menangkan Ganjar Mahfud Untuk Indonesia Unggul Dan Berdaulat Kita Semua")
    assert "register.endorse" in _features(engine, post)
    assert engine.decide(post).outcome.value == "flag"


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


def test_the_full_path_decides_every_corpus_item_as_the_quick_look_does(engine: Engine) -> None:
    """With the learned model in: it judges only what the quick look lets through, so the full
    path (what `netra rules explain` shows) reaches the decision the worker reaches. Before,
    15 items the quick look passed were sent to review by the model's lone opinion."""
    for ident, post, locality in _corpus_items():
        fast = engine.decide(post, locality)
        full = engine.analyse(post, locality, complete=True, full_path=True).decision
        assert _verdict(fast) == _verdict(full), ident


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("I support Prabowo Gibran, four more years!", "flag"),
        ("Vote for Anies Muhaimin on February 14", "flag"),
        ("Ganjar is the best leader, far better than Prabowo", "flag"),
        ("ASN must remain neutral, prohibited to support any candidate", "pass"),
        ("Civil servants must not support any candidate in the election", "pass"),
        ("Prabowo said he will continue the programme, according to reporters", "pass"),
        ("Support UMKM lokal Semarang, beli produk tetangga", "pass"),
    ],
)
def test_english_phrasing_is_read_like_indonesian(engine: Engine, text: str, outcome: str) -> None:
    """English cue words sit beside the Indonesian ones in the pack's lists."""
    assert engine.decide(_post(text)).outcome.value == outcome


@pytest.mark.parametrize(
    ("url", "outcome"),
    [
        ("https://news.detik.com/berita/d-7190000", "pass"),  # passing the story on
        ("kompas.com/read/2024/02/14/hasil", "pass"),
        ("https://www.tiktok.com/@relawan/video/1", "flag"),  # a platform, not a publisher
        ("http://[::1", "flag"),  # not a link a reader could follow: read as nothing
    ],
)
def test_a_link_to_a_publisher_reads_as_passing_news_on(
    engine: Engine, url: str, outcome: str
) -> None:
    post = _post("Prabowo-Gibran nomor 2 unggul", urls=[url])
    assert engine.decide(post).outcome.value == outcome


def test_a_ballot_number_labelling_the_name_after_it_is_no_sign(engine: Engine) -> None:
    text = (
        "Calon Gubernur Jawa Timur nomor urut 2 Khofifah Indar Parawansa menyebut ada pihak "
        "yang menganggap warga pulau Madura tidak diperhatikan."
    )
    post = _post(text).model_copy(
        update={"event_time": dt.datetime(2024, 10, 25, 9, tzinfo=WHEN.tzinfo)}
    )
    analysis = engine.analyse(post, Locality("Jawa Timur", ""), complete=True, full_path=True)
    assert analysis.features is not None
    assert "text.number" not in analysis.features.found
    labels = {ev.label for ev in analysis.features.found["text.participant"]}
    assert any("labels the name after it" in label for label in labels)
    assert "N02.partisan-symbol" not in {h.rule_id for h in analysis.decision.hits}
    bare = engine.analyse(_post("02 Prabowo Gibran"), complete=True, full_path=True)
    assert bare.features is not None and "text.number" in bare.features.found


def test_a_list_with_one_participant_singled_out_is_not_even(engine: Engine) -> None:
    when = dt.datetime(2024, 11, 1, 9, tzinfo=WHEN.tzinfo)
    jatim = Locality("Jawa Timur", "")
    even = _post("Khofifah, Risma dan Luluk sama-sama turun ke pasar pagi ini.")
    even = even.model_copy(update={"event_time": when})
    analysis = engine.analyse(even, jatim, complete=True, full_path=True)
    assert analysis.features is not None and "register.report" in analysis.features.found
    singled = even.model_copy(update={"hashtags": ["resikresikjawatimur"]})
    analysis = engine.analyse(singled, jatim, complete=True, full_path=True)
    assert analysis.features is not None and "register.neutral" not in analysis.features.found
    assert analysis.decision.outcome.value != "pass"
    tagged = even.model_copy(update={"hashtags": ["khofifah", "risma", "luluk"]})
    analysis = engine.analyse(tagged, jatim, complete=True, full_path=True)
    assert analysis.features is not None and "register.report" in analysis.features.found


def test_news_words_in_a_chatty_voice_are_no_report(engine: Engine) -> None:
    plain = _post("Hasil debat visi misi Prabowo Gibran menurut pengamat.")
    chatty = _post("Hasil debat visi misi Prabowo Gibran?? kaga bakal ngerti dong 🤪")
    found = engine.analyse(plain, complete=True, full_path=True).features
    assert found is not None and "register.report" in found.found
    found = engine.analyse(chatty, complete=True, full_path=True).features
    assert found is not None and "register.report" not in found.found


def test_one_reporting_verb_in_the_authors_own_voice_is_no_report(engine: Engine) -> None:
    # A reporting verb is a strong cue: alone it makes a newsroom's lead a report. In a comment
    # spoken in the author's own voice it is the author's topic, and only a second news word or
    # a structural cue makes the comment a report.
    told = _post("Prabowo menjelaskan program makan siang gratis di hadapan pengusaha")
    assert "register.report" in _features(engine, told)
    voiced = _post("Ganjar menjelaskan programnya dgn jelas, presiden kita", action=Action.COMMENT)
    assert "register.report" not in _features(engine, voiced)
    assert engine.decide(voiced).outcome is not Outcome.PASS
    two_words = _post(
        "Pengamat menilai hasil survei Anies naik, menurut data terbaru dong",
        action=Action.COMMENT,
    )
    assert "register.report" in _features(engine, two_words)


def test_weight_counts_a_strong_news_word_once_where_the_author_speaks() -> None:
    def cue(kind: str, start: int) -> Ev:
        return Ev("text", start, start + 4, f"register:report ({kind})", "word")

    texts = {"text": "kata satu dua tiga"}
    assert weight([cue("report_cue", 0)], texts) == REGISTER_WEIGHT
    assert weight([cue("report_cue", 0)], texts, voiced={"text"}) == 1
    assert weight([cue("report_cue", 0), cue("news_style", 10)], texts, {"text"}) == 2
    # a structural cue and the other strong registers weigh in full in any voice
    assert weight([cue("headline", 0)], texts, {"text"}) == REGISTER_WEIGHT
    assert weight([cue("warn_cue", 0)], texts, {"text"}) == REGISTER_WEIGHT


def test_marks_a_platform_leaves_are_nobodys_voice() -> None:
    cut = (
        "Hasil hitung cepat beberapa lembaga survei pemilihan presiden 2024 menunjukkan bahwa "
        "pasangan calon nomor urut 02 Prabowo… https://t.co/20yAQMsuFz"
    )
    assert not own_voice(cut)  # the cut before the link, and the link itself ("https")
    assert not own_voice(cut.split(" https")[0])  # a long text cut where it ends
    assert own_voice("Prabowo menang…")  # a short one trails off in its author's voice
    assert own_voice("Prabowo menang... https://t.co/x")  # three dots are typed
    assert not own_voice("Direktur menyebut tiga grup siap membantu Prabowo-Gibran &gt &gt")
    assert own_voice("Direktur menyebut grup itu siap bantu, dgn dana &amp; relawan")


def test_the_ellipsis_a_link_was_cut_after_goes_with_it() -> None:
    text = "KPU menjelaskan tahapan kampanye pasangan nomor urut 02 Prabowo… https://t.co/abc123"
    assert without_links(text, text_links(text)) == (
        "KPU menjelaskan tahapan kampanye pasangan nomor urut 02 Prabowo"
    )
    typed = "Prabowo menang... https://t.co/abc123"
    assert without_links(typed, text_links(typed)) == "Prabowo menang..."


@pytest.mark.parametrize(
    ("text", "received"),
    [
        # an order told of: the one ordered is the subject, the one ordering is left out
        ("Kami diminta memenangkan Ganjar di TPS masing-masing, katanya perintah atasan", True),
        ("Sudah rahasia umum, diarahkan untuk menangkan PDIP dan memilih Ganjar", True),
        # an order given: to a hearer, after a request or a modal, or only a condition
        ("Kalian diminta memenangkan Ganjar di TPS masing-masing", False),
        ("Bapak ibu guru, mohon diarahkan wali murid untuk memilih Ganjar", False),
        ("Kalau diminta pilih, saya tetap pilih Ganjar", False),
    ],
)
def test_an_order_someone_received_is_told_of_not_given(
    engine: Engine, text: str, received: bool
) -> None:
    analysis = engine.analyse(_post(text), complete=True, full_path=True)
    found = analysis.features.found if analysis.features else {}
    reported = found.get("register.report", ())
    told = any("instruction someone received" in ev.label for ev in reported)
    assert told is received, text
    assert ("register.endorse" not in found) is received, text


def test_the_hashtags_a_sharer_adds_to_news_are_their_own_words(engine: Engine) -> None:
    news = "Prabowo-Gibran Kunjungi Pasar Induk Kramat Jati Pagi Ini Bersama Pedagang"

    def registers(tags: list[str]) -> dict[str, list[str]]:
        analysis = engine.analyse(_post(news, hashtags=tags), complete=True, full_path=True)
        found = analysis.features.found if analysis.features else {}
        return {k: [ev.label for ev in v] for k, v in found.items() if k.startswith("register.")}

    assert "register.neutral" in registers(["PrabowoGibran", "KramatJati"])  # a topic tag
    for tags, cue in (
        (["PrabowoGibran2024"], "tagged with a number"),
        (["MenangTotal"], "sharer's own hashtag"),
    ):
        found = registers(tags)
        assert "register.neutral" not in found, tags
        assert any(cue in label for label in found.get("register.endorse", ())), tags
    even = registers(["AniesMuhaimin2024", "PrabowoGibran2024", "GanjarMahfud2024"])
    assert "register.endorse" not in even


def test_tags_written_in_a_text_with_none_listed_are_its_own(engine: Engine) -> None:
    """A scraped or forwarded text lists no hashtags; the tags written in it are the author's
    as the same tags listed by an X connector are: the same decision, and evidence in
    `hashtags[i]` that the stored event resolves (`Post.tags`)."""
    text = "Prabowo-Gibran Kunjungi Pasar Induk Kramat Jati #PrabowoGibran2024 https://t.co/x1"
    written = engine.analyse(_post(text), complete=True, full_path=True)
    listed = engine.analyse(
        _post(text, hashtags=["PrabowoGibran2024"]), complete=True, full_path=True
    )
    assert written.decision.outcome is listed.decision.outcome is not Outcome.PASS
    tagged = [
        ev for hit in written.decision.hits for ev in hit.evidence if ev.field == "hashtags[0]"
    ]
    assert tagged and _post(text).field_text("hashtags[0]") == "PrabowoGibran2024"


@pytest.mark.parametrize(
    ("text", "tags", "trailing"),
    [
        ("Ekonomi Salah Arah Kata Om Wowo #PrabowoSalahkanSBY", ["PrabowoSalahkanSBY"], {0}),
        ("Bersalah. #PrabowoSalahkanSBY @jokowi tidak bersalah", ["PrabowoSalahkanSBY"], {0}),
        ("Berita hari ini", ["GanjarPresidenRakyat"], {0}),  # tagged, not written
        ("Tagar #JokowiMundurlah Trending di Twitter", ["JokowiMundurlah"], set()),
        ("Klakuan Pndukung #AniesSandi Stelah Ceramah", ["AniesSandi", "DKI"], {1}),
    ],
)
def test_tags_set_apart_from_the_sentence(text: str, tags: list[str], trailing: set[int]) -> None:
    assert trailing_tags(_post(text, hashtags=tags)) == {f"hashtags[{i}]" for i in trailing}


def test_a_slogan_tagged_after_the_words_is_the_sharers_own(engine: Engine) -> None:
    news = "Ganjar Kunjungi Pasar Induk Kramat Jati Pagi Ini Bersama Pedagang"

    def endorsing(text: str, tags: list[str]) -> list[str]:
        analysis = engine.analyse(_post(text, hashtags=tags), complete=True, full_path=True)
        found = analysis.features.found if analysis.features else {}
        return [ev.label for ev in found.get("register.endorse", ())]

    assert any(SLOGAN_TAG in label for label in endorsing(news, ["GanjarPresidenRakyat"]))
    written = "Tagar #GanjarPresidenRakyat Trending di Twitter Pagi Ini"
    assert not any(SLOGAN_TAG in label for label in endorsing(written, ["GanjarPresidenRakyat"]))
    even = ["GanjarPresidenRakyat", "PrabowoGibranLanjutkan", "AMINajaDulu"]
    assert not any(SLOGAN_TAG in label for label in endorsing(news, even))


def test_a_past_races_tag_does_not_even_out_a_slogan_of_the_race_being_run(
    engine: Engine,
) -> None:
    # In October 2023 "#Jokowinomics" is the name of a programme of the 2019 race's winner: no
    # side of the 2024 race, so it does not weigh against the slogan tagged beside it.
    news = "Parpol Koalisi Prabowo Kumpul di Hambalang, Kode Partai Biru Menguat"
    when = dt.datetime(2023, 10, 29, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))

    def endorsing(tags: list[str]) -> list[str]:
        post = _post(news, hashtags=tags).model_copy(update={"event_time": when})
        analysis = engine.analyse(post, complete=True, full_path=True)
        found = analysis.features.found if analysis.features else {}
        return [ev.label for ev in found.get("register.endorse", ())]

    assert any(SLOGAN_TAG in label for label in endorsing(["Jokowinomics", "PrabowoPetugasRakyat"]))
    # two sides of the race being run tagged alike stay even
    assert not any(
        SLOGAN_TAG in label for label in endorsing(["GanjarPresidenRakyat", "PrabowoPetugasRakyat"])
    )


@pytest.mark.parametrize(
    "text",
    [
        "Usai nyoblos, Ganjar langsung pulang ke rumah dinas",  # placed in time
        "Ganjar atau Anies, kalian pilih siapa?",  # asked
    ],
)
def test_a_vote_verb_told_in_time_or_asked_urges_nothing(engine: Engine, text: str) -> None:
    assert "register.endorse" not in _features(engine, _post(text)), text
    assert "register.endorse" in _features(engine, _post("Ayo pilih Ganjar!"))


def test_a_win_by_a_figure_is_a_result(engine: Engine) -> None:
    result = _post("Khofifah menang telak 58,45% versi hitung cepat, relawan diminta tenang")
    found = engine.analyse(result, complete=True, full_path=True).features
    assert found is not None and "register.endorse" not in found.found
    assert any("result in figures" in ev.label for ev in found.found["register.report"])
    wish = _post("Khofifah pasti menang telak, survei sudah 58%!")
    found = engine.analyse(wish, complete=True, full_path=True).features
    assert found is not None and "register.endorse" in found.found


@pytest.mark.parametrize(
    "text",
    [
        "Kalimat penutup Anies ambisius banget, gak becus",
        "Prabowo-Gibran makin stres, tukang pencitraan",
        "Bravo closing statement Anies malam ini",
        "Pak Ganjar memang berintegritas dan berani",
    ],
)
def test_praise_or_blame_said_of_a_participant_takes_sides(engine: Engine, text: str) -> None:
    """Evaluative words (insults, praise) beside a participant the author names: opposition or
    support in any wording, with no call to vote."""
    assert any("evaluation_cue" in cue for cue in _endorse_cues(engine, _post(text))), text


def test_praise_beside_only_tagged_accounts_judges_nobody(engine: Engine) -> None:
    """A reply tags the accounts it is addressed to; its praise of a debate is not praise of
    them."""
    post = _post("Debat sangat normatif, saya butuh debat yang keras tapi tetap santun @prabowo")
    assert not any("evaluation_cue" in cue for cue in _endorse_cues(engine, post))
    named = _post("Debat Prabowo sangat normatif, tetap santun")
    assert any("evaluation_cue" in cue for cue in _endorse_cues(engine, named))


def test_news_words_in_a_reply_or_comment_are_the_authors_topic(engine: Engine) -> None:
    """A reply or a comment is a turn in a conversation: weak news words ("ternyata",
    "unggul", "elektabilitas") in it make no report register; the same words in a post do."""
    text = "Ganjar sejauh ini unggul, tapi secara elektabilitas ternyata kalah"
    assert "register.report" in _features(engine, _post(text))
    assert "register.report" not in _features(engine, _post(f"@warga {text}"))
    assert "register.report" not in _features(engine, _post(text, action=Action.COMMENT))


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ('"Kalau ada PNS yang mendukung paslon, silakan laporkan," demikian Hasanudin.', True),
        ("“Saya berharap ASN netral” ungkap Ketua Bawaslu", True),
        ('Ketua KPU mengatakan, "Pilih yang terbaik menurut hati nurani"', True),
        ('"Menangkan pasangan nomor 2," tegasnya di depan relawan.', True),
        # the sharer's own cheer or first person around the quote is their voice
        ('"Coblos nomor 2!" kata Pak Bupati. Mantap!', False),
        ('Saya setuju "coblos nomor 2" kata dia', False),
        # quotation marks with nobody said to speak are a scare quote, not reported speech
        ('Program "gratis" itu ternyata berbayar juga', False),
    ],
)
def test_a_quotation_is_attributed_by_its_shape(text: str, attributed: bool) -> None:
    assert (attributed_quotation(text, quoted_spans(text)) is not None) is attributed


def test_endorsing_words_inside_an_attributed_quotation_are_reported(engine: Engine) -> None:
    quoted = _post(
        '"Kalau ada PNS yang menunjukkan dukungan kepada paslon, silakan laporkan," '
        "demikian Hasanudin."
    )
    analysis = engine.analyse(quoted, complete=True)
    assert analysis.features is not None
    assert "register.endorse" not in analysis.features.found
    labels = [ev.label for ev in analysis.features.found["register.report"]]
    assert ATTRIBUTED_QUOTE in labels
    assert analysis.decision.outcome.value == "pass"
    said = _post('"Menangkan Ganjar-Mahfud," demikian Pak Camat.')
    assert "register.endorse" not in _features(engine, said)
    cheered = _post('"Menangkan Ganjar-Mahfud," demikian Pak Camat. Mantap, saya ikut!')
    assert "register.endorse" in _features(engine, cheered)


def test_a_vote_verb_after_its_subject_is_no_order(engine: Engine) -> None:
    told = _features(engine, _post("Prabowo Nyoblos di TPS 08 Bojongkoneng Bersama Warga Desa"))
    assert "register.report" in told and "register.endorse" not in told
    urged = _features(engine, _post("Coblos Prabowo Gibran di TPS Bersama Keluarga Besar"))
    assert "register.endorse" in urged


def test_support_said_to_be_a_third_persons_is_not_the_authors(engine: Engine) -> None:
    theirs = _post("Paslon Prabowo-Gibran hadir dengan dukungan tim mereka yang berseragam putih")
    assert "register.endorse" not in _features(engine, theirs)
    ours = _post("Paslon Prabowo-Gibran hadir, dukungan kami sepenuhnya untuk beliau berdua")
    assert "register.endorse" in _features(engine, ours)


def test_a_one_word_kicker_opens_a_headline() -> None:
    line = "Daftar Nomor Urut Calon Gubernur Jawa Barat, Jakarta, Jawa Tengah dan Bali"
    assert headline(line)
    assert headline(f"Sah! {line}")
    assert not headline(f"Sah! {line}!")  # the exclamation closing the line stays the author's
    assert not headline(f"Ya Allah! {line}")  # two words before it: an exclamation of feeling


def test_a_cheer_as_kicker_is_no_newsroom_headline(engine: Engine) -> None:
    when = dt.datetime(2024, 9, 24, 9, tzinfo=WHEN.tzinfo)
    news = _post("Sah! Daftar Nomor Urut Calon Gubernur Jawa Barat, Jakarta dan Jawa Tengah")
    news = news.model_copy(update={"event_time": when})
    analysis = engine.analyse(news, complete=True, full_path=True)
    assert analysis.features is not None
    assert "register:report (headline)" in {
        ev.label for ev in analysis.features.found["register.report"]
    }
    assert analysis.decision.outcome.value == "pass"
    cheer = news.model_copy(
        update={"text": "Menang! Prabowo Gibran Unggul di Hitung Cepat Semua Lembaga Survei"}
    )
    cheered = engine.analyse(cheer, complete=True, full_path=True)
    assert cheered.features is not None
    assert "register:report (headline)" not in {
        ev.label for ev in cheered.features.found.get("register.report", [])
    }


@pytest.mark.parametrize(
    ("text", "refrains"),
    [
        (
            "ASN, TNI, Polri dan pejabat negara diminta tidak membuat keputusan yang "
            "menguntungkan atau merugikan pasangan calon kepala daerah",
            True,
        ),
        ("Seluruh pegawai harus untuk tidak ikut kampanye calon bupati", True),
        ("Seluruh lurah harus cari suara untuk calon bupati petahana", False),
    ],
)
def test_an_instruction_to_refrain_is_no_directing(
    engine: Engine, text: str, refrains: bool
) -> None:
    when = dt.datetime(2024, 10, 15, 9, tzinfo=WHEN.tzinfo)
    post = _post(text).model_copy(update={"event_time": when})
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    found = analysis.features.found
    warned = {ev.label for ev in found.get("register.warn", [])}
    assert ("register:warn (an instruction to refrain)" in warned) is refrains
    assert ("text.directive_cue" in found) is not refrains
    fired = {h.rule_id for h in analysis.decision.hits}
    assert ("N10.directing-staff" in fired) is not refrains


def test_an_instruction_to_refrain_naming_someone_is_kept(engine: Engine) -> None:
    post = _post("Bapak ibu guru harus tidak pilih Anies, ingat itu")
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    assert "text.directive_cue" in analysis.features.found


@pytest.mark.parametrize(
    ("text", "endorses"),
    [
        (
            "Dengan hasil tersebut, Pramono Anung-Rano Karno untuk sementara menang satu "
            "putaran dengan meraih 50 persen lebih suara.",
            False,
        ),
        ("Prabowo-Gibran menang telak 58 persen versi hitung cepat", False),
        # a figure far from the win word, with nothing that brings it in, is not its result
        ("Prabowo-Gibran harus menang satu putaran, jangan sampai di bawah 50 persen", True),
    ],
)
def test_a_win_with_its_figure_a_few_words_later_is_a_result(
    engine: Engine, text: str, endorses: bool
) -> None:
    when = dt.datetime(2024, 2, 15, 9, tzinfo=WHEN.tzinfo)
    post = _post(text).model_copy(update={"event_time": when})
    found = _features(engine, post)
    assert ("register.endorse" in found) is endorses


def test_a_ballot_number_after_a_candidacy_word_labels_the_name(engine: Engine) -> None:
    when = dt.datetime(2024, 4, 22, 9, tzinfo=WHEN.tzinfo)
    text = "MK menolak permohonan yang diajukan pasangan calon 03 Ganjar Pranowo-Mahfud MD."
    post = _post(text).model_copy(update={"event_time": when})
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    assert "text.number" not in analysis.features.found
    labels = {ev.label for ev in analysis.features.found["text.participant"]}
    assert any("labels the name after it" in label for label in labels)
    sign = _post("Pilpres makin dekat, 03 Ganjar Pranowo").model_copy(update={"event_time": when})
    signed = engine.analyse(sign, complete=True, full_path=True)
    assert signed.features is not None and "text.number" in signed.features.found


@pytest.mark.parametrize(
    ("text", "endorses"),
    [
        ("Pidato Ganjar Mewakili Keresahan Rakyat, Prabowo-Gibran Stress", True),
        ("Kalimat Penutup Anies Ambisius, Ahok Minta Maaf Kepada Warga", True),
        # praise or blame put in someone's mouth is reported
        ("Habib Rizieq: Anies Ambisius, Ahok Minta Maaf Kepada Warga Jakarta", False),
        # a word further on belongs to a verb, not a verdict on the participant
        ("Prabowo-Gibran Sapu Bersih Hasil Quick Count Semua Lembaga", False),
    ],
)
def test_praise_or_blame_in_a_headline_nobody_is_quoted_in_is_a_verdict(
    engine: Engine, text: str, endorses: bool
) -> None:
    analysis = engine.analyse(_post(text), complete=True, full_path=True)
    assert analysis.features is not None
    labels = {ev.label for ev in analysis.features.found.get("register.endorse", [])}
    verdict = "register:endorse (praise or blame in a headline nobody is quoted in)"
    assert (verdict in labels) is endorses


def test_a_fact_checkers_verdict_makes_the_claim_checked(engine: Engine) -> None:
    checked = _post("[SALAH] Airlangga Hartarto Pindah Haluan, Gibran Terbukti Curang")
    analysis = engine.analyse(checked, complete=True, full_path=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert "register:debunk (a fact-check verdict)" in {ev.label for ev in found["register.debunk"]}
    assert "register.endorse" not in found
    assert analysis.decision.outcome.value == "pass"
    claimed = checked.model_copy(update={"text": checked.text.removeprefix("[SALAH] ")})
    assert "register.endorse" in _features(engine, claimed)


def test_links_written_into_the_text_are_no_words_of_the_author() -> None:
    text = "Jokowi Resmikan Bendungan Baru di Aceh https://news.example.id/read/bendungan-aceh …"
    links = text_links(text)
    assert [m.group().split("/")[2] for m in links] == ["news.example.id"]
    assert without_links(text, links) == "Jokowi Resmikan Bendungan Baru di Aceh"
    assert headline(without_links(text, links)) and not headline(text)
    assert text_links("tanpa tautan sama sekali") == []


def test_a_headline_with_its_link_in_the_text_is_reporting(engine: Engine) -> None:
    shared = _post(
        "Prabowo Resmikan Jembatan Gantung di Garut https://www.beritaku.id/read/jembatan"
    )
    analysis = engine.analyse(shared, complete=True, full_path=True)
    assert analysis.features is not None
    labels = {ev.label for evs in analysis.features.found.values() for ev in evs}
    assert "register:report (a link to a publisher)" in labels
    assert "register.neutral" in analysis.features.found
    cheered = _post("Ayo coblos Prabowo, mantap! https://www.beritaku.id/read/jembatan")
    assert "register.endorse" in _features(engine, cheered)


@pytest.mark.parametrize(
    "text",
    [
        "Usai Nyoblos Ahok Hanya Tersenyum. #pilkadadki2017",  # told when, not urged
        "Bingung nih mamak pilih siapa ya buat pilpres, Prabowo atau Anies?",  # asked
    ],
)
def test_a_vote_verb_told_of_or_asked_is_no_call_to_vote(engine: Engine, text: str) -> None:
    when = dt.datetime(2017, 2, 10, 9, tzinfo=WHEN.tzinfo) if "2017" in text else WHEN
    post = _post(text).model_copy(update={"event_time": when})
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    assert "text.call_to_vote" not in analysis.features.found
    assert "N02.campaign-post" not in {r.id for r in analysis.fired}
    urged = post.model_copy(update={"text": "Ayo nyoblos Ahok di TPS! #pilkadadki2017"})
    assert "text.call_to_vote" in _features(engine, urged.model_copy(update={"event_time": when}))


def test_a_vote_verb_saying_what_the_election_is_for_is_no_call(engine: Engine) -> None:
    """ "untuk memilih <office>" after the election's name tells its purpose; the same words
    after anything else, or with a side as the object, stay a call."""
    told = _post("Ini perhelatan demokrasi lokal untuk memilih pemimpin definitif kabupaten kita")
    assert "text.call_to_vote" not in _features(engine, told)
    after_else = _post("Ayo datang ke TPS untuk memilih pemimpin yang amanah")
    assert "text.call_to_vote" in _features(engine, after_else)
    sided = _post("Pilkada ini untuk memilih nomor 2, ayo")
    assert "text.call_to_vote" in _features(engine, sided)


@pytest.mark.parametrize(
    ("text", "election"),
    [
        ("Kita harus memberikan dukungan, karena ini merupakan perhelatan demokrasi", True),
        ("Mari beri dukungan, karena ini adalah pesta demokrasi kita", True),
        ("Pemilu 2024 ini mari kita jaga bersama, dan ini harus kita dukung", True),  # fronted
        ("Pilkada sebentar lagi, calon ini harus kita dukung", False),  # a candidate's "ini"
        ("Pilkada sebentar lagi, dan ini harus kita dukung, nomor 2 menang", False),  # a side
        ("Kita harus memberikan dukungan, karena beliau merupakan yang terbaik", False),
        ("Pilkada sebentar lagi, mari dukung kampanye bersama", False),  # a campaign is a side's
    ],
)
def test_support_for_the_election_itself_takes_no_side(
    engine: Engine, text: str, election: bool
) -> None:
    analysis = engine.analyse(_post(text), complete=True, full_path=True)
    assert analysis.features is not None
    labels = {ev.label for evs in analysis.features.found.values() for ev in evs}
    assert (f"register:warn ({SUPPORTS_THE_ELECTION})" in labels) is election


def test_support_for_the_election_reads_its_own_field_and_named_sides() -> None:
    text = "pilkada sudah dekat dan ini harus kita dukung"
    ev = Ev("text", text.index("dukung"), len(text), "list:endorse_cue")
    assert supports_the_election(ev, {"text": text}, set())
    # someone named between the election and the support word is whom "ini" stands for
    assert not supports_the_election(ev, {"text": text}, {("text", text.index("sudah"))})
    elsewhere = {"text": text, "media_description": "foto pak bupati"}
    assert supports_the_election(ev, elsewhere, {("media_description", 5)})
    assert not supports_the_election(ev, {"text": "kita dukung"}, set())


def test_a_vote_told_as_done_is_no_call_unless_it_names_the_choice(engine: Engine) -> None:
    """A completed act ("udah nyoblos", "telah memilih") with no side after it tells that the
    author voted; with the choice as its object it states a side."""
    when = dt.datetime(2024, 2, 14, 10, tzinfo=WHEN.tzinfo)  # Pemilu 2024 polling day
    for told in ("Alhamdulillah udah nyoblos tadi pagi, sekarang lanjut kerja",
                 "Saya telah memilih di TPS 07, semoga pemilu damai"):  # fmt: skip
        post = _post(told).model_copy(update={"event_time": when})
        analysis = engine.analyse(post, complete=True, full_path=True)
        assert analysis.features is not None
        assert "text.call_to_vote" not in analysis.features.found, told
        assert engine.decide(post).outcome.value == "pass", told
    named = _post("Udah nyoblos Prabowo tadi pagi").model_copy(update={"event_time": when})
    assert "text.call_to_vote" in _features(engine, named)
    assert engine.decide(named).outcome.value != "pass"


def test_the_author_beside_a_tagged_pair_is_seen_by_the_quick_path(engine: Engine) -> None:
    """A pair's names tagged in any spelling ("#AgusSilvy", the catalogue's "Sylvi") tag a
    topic; the author placing themself beside them ("kebanggaan kami #AgusSilvy") endorses,
    and the quick path must let the stance reader see it."""
    when = dt.datetime(2017, 1, 15, 9, 0, tzinfo=WHEN.tzinfo)
    rules_only = Engine(engine.pack, engine.catalogue, engine.lexicon, model=None)
    post = _post("Apapun hasilnya kau tetap kebanggaan kami #AgusSilvy").model_copy(
        update={"event_time": when, "hashtags": ["AgusSilvy"]}
    )
    slow = rules_only.analyse(post, complete=True, full_path=True)
    assert slow.features is not None
    labels = [ev.label for evs in slow.features.found.values() for ev in evs]
    assert not any(label.startswith("campaign:") for label in labels)  # the names alone
    assert "register.endorse" in slow.features.found
    assert rules_only.decide(post).outcome is slow.decision.outcome is not Outcome.PASS


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        # spoken to any winner: the praise and blame words are said of no one in particular
        ("Siapapun nanti yang jadi presiden harus jujur dan amanah. Pernah baca ada yg bilang "
         "pak Prabowo pincang, jangan begitu", False),
        # the author still votes for one: a first person keeps the endorsement
        ("Siapapun yang menang, saya tetap pilih Prabowo-Gibran sampai akhir", True),
        # praise right beside a name after the clause still takes a side
        ("Siapa pun presidennya nanti, Anies paling jujur dan amanah", True),
        # the opponent is not the winner: no free choice about the outcome
        ("Siapapun lawannya, Ganjar paling jujur dan berani, dukung terus!", True),
    ],
)  # fmt: skip
def test_whoever_wins_is_a_warning_to_any_winner(engine: Engine, text: str, raised: bool) -> None:
    decision = engine.decide(_post(text))
    assert (decision.outcome.value != "pass") is raised, decision.hits
    if not raised:
        feats = engine.analyse(_post(text), complete=True).features
        assert feats is not None
        assert any("whoever wins" in ev.label for ev in feats.found.get("register.warn", ()))


def test_a_saying_signed_with_its_speakers_name() -> None:
    text = 'Ketakutan membuat kita sulit ~ Jokowi " Jika kami mendapat amanah " ~ Sandiaga Uno'
    m = signed_saying(text)
    assert m is not None and m.group() == "~ Sandiaga Uno"
    assert signed_saying("Ayo pilih 02 ~ saya") is None  # no speaker's name
    assert signed_saying("Kata Jokowi ~ benar kan, pilih siapa?") is None
    assert signed_saying("~ Jokowi: kerja kerja kerja, ayo dukung!") is None  # not closing


def test_a_saying_signed_with_dashes() -> None:
    """Dashes sign a saying as the tilde does: around the name closing the text, or after a
    closing quotation mark; the share button's "via @outlet" after it is read past."""
    epigraph = "Lamun siro pinter, ojo minteri  -Ir. Joko Widodo-"
    m = signed_saying(epigraph)
    assert m is not None and m.group() == "-Ir. Joko Widodo-"
    card = "“Saya Butuh Menteri Eksekutor” - Joko Widodo via @KATADATAcoid"
    m = signed_saying(card)
    assert m is not None and m.group().strip() == "- Joko Widodo"
    # A dash before names closing the text, with no quotation before it, names a pair.
    assert signed_saying("Semua rakyat melek pasti pilih no 1 Anies – Muhaimin") is None
    assert signed_saying("Ayo coblos Prabowo-Gibran") is None
    assert signed_saying("“Lanjutkan” - Jokowi, setuju?") is None  # a question to the reader
    assert signed_saying("Pilih yang jujur -Jokowi- kata siapa") is None  # not closing


@pytest.mark.parametrize(
    "text",
    [
        "Bukan kesulitan yang membuat kita takut ~ Jokowi. Kami tetap amanah ~ Prabowo",
        "“Kami akan lanjutkan pembangunan” - Joko Widodo via @KATADATAcoid",  # a quote card
    ],
)
def test_sayings_signed_by_participants_are_theirs_not_the_sharers(
    engine: Engine, text: str
) -> None:
    post = _post(text)
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    labels = [ev.label for ev in analysis.features.found.get("register.report", ())]
    assert SIGNED_SAYING in labels
    assert "register.endorse" not in analysis.features.found
    assert analysis.decision.outcome is Outcome.PASS


def _in_2019(text: str) -> Post:
    return _post(text).model_copy(update={"event_time": WHEN_2019})


def test_thanks_to_an_office_holders_account_takes_no_side(engine: Engine) -> None:
    thanks = "mantap, semoga ekonomi papua berjalan lebih efektif. terimakasih pak @jokowi"
    analysis = engine.analyse(_in_2019(thanks), complete=True)
    assert analysis.features is not None
    programme = analysis.features.found.get("register.programme", ())
    assert THANKS_TO_ACCOUNT in [ev.label for ev in programme]
    assert analysis.decision.outcome is Outcome.PASS
    # an election word or a slogan beside the thanks keeps it partisan
    for text in (thanks + " #2019TetapJokowi", thanks + ", lanjutkan 2 periode"):
        decision = engine.decide(_in_2019(text))
        assert decision.outcome is not Outcome.PASS, text


@pytest.mark.parametrize(
    "text",
    ["Saya dukung", "SAYA DUKUNG", "kata sy", "Kita", "kitab suci", "aku-lah", "GW_ikut",
     "ku", "akun resmi", "AKU", "Sʏ", "\u212aita", "kami ✌️", "ᴋita", "Gue!", "beta 2", "",
     "bukan saya", "AnE", "awakening", "saya’"],
)  # fmt: skip
def test_first_person_lowered_matches_what_the_ignore_case_pattern_matches(text: str) -> None:
    assert first_person(text) is bool(FIRST_PERSON.search(text))


def test_a_headline_verb_gives_the_words_to_the_person_named(engine: Engine) -> None:
    # "X sebut ...", "... dianggap ...": a named person's words or view, as news gives them
    for text in (
        "Gubernur Sebut Program Pasangan Nomor 2 Belum Jelas Anggarannya",
        "Program Pasangan Calon Nomor 2 Dianggap Menyulitkan Warga",
        "Wakil Presiden mempersilakan Anies untuk kembali maju di Pilkada Jakarta",
    ):
        found = _features(engine, _post(text))
        assert "text.headline_verb" in found, text
        assert {"register.report", "register.neutral"} <= found, text
    # the author's own endorsing words beside it still take a side
    found = _features(engine, _post("Pak Anies disebut pemimpin terbaik, ayo coblos Anies!"))
    assert "register.endorse" in found and "register.neutral" not in found
    # a media description says whose voice a recording is in the reporter's words: no report
    recording = _post(
        "Siap, laksanakan",
        media_description="rekaman suara rapat di kantor camat, disebut suara sekretaris camat",
    )
    found = _features(engine, recording)
    assert "media.headline_verb" in found
    assert "register.report" not in found


def test_a_campaign_role_forbidden_is_a_warning(engine: Engine) -> None:
    for text in (
        "Jangan jadi tim sukses. Kalau menang bagus, kalau kalah repot, jadi profesional saja",
        "Guru tidak boleh terlibat sebagai tim kampanye",
        "Kepala sekolah dilarang ikut jadi relawan pemenangan",
    ):
        found = _features(engine, _post(text))
        assert {"register.warn", "register.neutral"} <= found, text
    # the role taken, or forbidden with a participant named, is no warning
    for text in ("Saya jadi tim sukses, jangan lupa coblos", "Jangan jadi tim sukses Prabowo"):
        assert "register.warn" not in _features(engine, _post(text)), text
    # words other than becoming or joining between the negation and the role: no prohibition
    assert "register.warn" not in _features(
        engine, _post("Tidak ada yang tahu siapa tim sukses itu")
    )


def test_a_share_buttons_credit_closing_a_title_is_news_passed_on(engine: Engine) -> None:
    for text in (
        "Presiden Menjawab: Dialog Warga dan Joko Widodo di Istana Negara -... via @YouTube",
        "pak jokowi dialog sama warga di istana negara via @YouTube #PresidenMenjawab",
    ):
        found = _features(engine, _post(text))
        assert {"register.report", "register.neutral"} <= found, text
    # a credit in the middle of the author's own words is no share button's
    found = _features(engine, _post("Saya datang via @gojekindonesia ke acara Prabowo, mantap"))
    assert "register.report" not in found
    # the author's own endorsement shared with a credit still takes a side
    found = _features(engine, _post("Ayo menangkan Prabowo via @gerindra"))
    assert "register.endorse" in found and "register.neutral" not in found


def test_parity_spelt_with_a_digit_2_is_even_handed(engine: Engine) -> None:
    found = _features(engine, _post("Pak Prabowo, pak Anies dan pak Ganjar sama2 hebat"))
    assert "text.parity_cue" in found
    assert "register.neutral" in found and "register.endorse" not in found
    # one of them praised alone is a side taken
    found = _features(engine, _post("Pak Prabowo memang hebat, sama2 kita dukung"))
    assert "register.neutral" not in found


@settings(max_examples=500)
@given(st.text(alphabet="abXY09_'-’ .,!?#@\t\né✌ٱ", max_size=40))
def test_words_by_string_calls_are_the_word_regexs_words(text: str) -> None:
    """ASCII text is split by a byte table and a strip of what a word cannot start with, any
    other text by `WORD`: the same words either way."""
    assert words_of(text) == tuple(WORD.findall(text))


def test_a_line_opening_in_lower_case_is_no_headline() -> None:
    """A newsroom writes a headline from a capital; a description of a photo or a post that
    opens in lower case is no headline, however many names in it are capitalised."""
    assert not headline("foto Muh. Din Ma'bud Dan Anjar Taher Sebagai Bakal Calon Bupati 2020")
    assert headline("Foto Muh. Din Ma'bud Dan Anjar Taher Sebagai Bakal Calon Bupati 2020")
    assert headline("“Prabowo-Gibran Unggul di Hitung Cepat Litbang Kompas”")  # past the quote


def test_a_liked_photo_of_candidates_described_in_lower_case_is_not_news(engine: Engine) -> None:
    liked = Target(
        kind=TargetKind.POST,
        name="Rusmin Gafur",
        text="foto Muh. Din Ma'bud dan Anjar Taher sebagai bakal calon Bupati dan Wakil Bupati",
    )
    found = _features(engine, _post(action=Action.LIKE, target=liked))
    assert "target.register.report" not in found and "target.register.neutral" not in found


def test_a_third_partys_support_passed_on_as_news_is_reported(engine: Engine) -> None:
    """holder.py: a group, a named organisation or a credited speaker is the subject of the
    support verb; beside a link or as a headline the post passes news on."""
    for text in (
        "Projo Jabar deklarasi dukung Ganjar-Mahfud di Pilpres 2024 https://t.co/abc",
        "Ulama se-Madura siap menangkan Prabowo-Gibran di Pilpres 2024 https://t.co/abc",
        "Ketua DPD Golkar Jatim Resmi Dukung Anies-Muhaimin di Pilpres 2024",
    ):
        analysis = engine.analyse(_post(text), complete=True)
        assert analysis.decision.outcome is Outcome.PASS, text
        assert analysis.features is not None
        labels = [ev.label for ev in analysis.features.found["register.neutral"]]
        assert f"register:report ({SUBJECT_SUPPORT})" in labels, text


def test_a_third_partys_support_in_a_newsrooms_affixed_verbs(engine: Engine) -> None:
    """holder.py reads the words as written: "mendukung", "memenangkan", "dukungannya" fold to
    their stems when normalised, and the normalised field's offsets find them again; a gloss
    in parentheses, a modifier of place and a purpose clause leave the subject readable."""
    for text in (
        "Partai Cahaya Nusa (PCN) resmi mendukung bakal calon presiden Ganjar Pranowo pada "
        "Pilpres 2024. https://t.co/abc",
        "Ribuan petani kopi di kabupaten Lembah Hijau mendeklarasikan dukungan kepada Anies "
        "Baswedan sebagai calon presiden. https://t.co/abc",
        "Partai Karya Rakyat resmi bekerja sama dengan Partai Suara Desa untuk mendukung bakal "
        "calon presiden Ganjar Pranowo. https://t.co/abc",
        "Ikatan Guru Nusantara mendeklarasikan diri dukungannya untuk pasangan Ganjar Pranowo "
        "dan Mahfud MD. https://t.co/abc",
    ):
        analysis = engine.analyse(_post(text), complete=True)
        assert analysis.decision.outcome is Outcome.PASS, text
        assert analysis.features is not None
        labels = [ev.label for ev in analysis.features.found["register.neutral"]]
        assert f"register:report ({SUBJECT_SUPPORT})" in labels, text


def test_winning_the_election_said_of_its_subject(engine: Engine) -> None:
    """A win verb whose object is the election, with a participant as its subject or in a
    condition, tells or supposes a win: no call to make a side win."""
    for text in (
        "Prabowo berjanji akan membangun seribu sekolah jika nantinya memenangkan Pilpres 2024.",
        "Tim sedang menyusun strategi untuk membawa Anies Baswedan memenangkan Pilpres 2024.",
        # a "bahwa" clause tells what a result showed; the vote is what was won
        "Pilkada ulang digelar setelah hasil Pilkada menunjukkan bahwa kotak kosong memenangkan "
        "suara.",
    ):
        analysis = engine.analyse(_post(text), complete=True)
        assert analysis.decision.outcome is Outcome.PASS, text
        assert f"register:report ({CONTEST_WON})" in _all_labels(engine, _post(text)), text
    # an imperative names its side by the call; a wish is the mood reader's; a debate won is a
    # verdict, not an election's result
    for text in (
        "Ayo menangkan Anies Baswedan di Pilpres 2024!",
        "Semoga Pak Anies Baswedan sehat selalu dan memenangkan pilpres 2024 aamiin",
        "Anies Baswedan menangkan debat dong, argumennya jelas sih",
        "Ayo menangkan suara untuk Anies Baswedan di Pilpres 2024!",
    ):
        assert engine.decide(_post(text)).outcome is not Outcome.PASS, text


def _tagged_post(text: str) -> Post:
    return _post(text, hashtags=[t.lstrip("#") for t in text.split() if t.startswith("#")])


def test_a_newsrooms_hashtags_closing_its_shared_story(engine: Engine) -> None:
    """The run of tags closing a shared lead, one of them the outlet's own ("#beritaHarian",
    "#kabarnews"): a turnout tag among them is the newsroom's, not the sharer's call."""
    text = (
        "Anies Baswedan berjanji akan membangun sekolah di desa-desa terpencil.  "
        "#detikDaerah #Pemilu2024 #AyoMemilih https://t.co/abc"
    )
    post = _tagged_post(text)
    assert engine.decide(post).outcome is Outcome.PASS
    assert f"register:report ({OUTLET_TAGS})" in _all_labels(engine, post)
    # no newsroom's tag in the run: the tags are the sharer's own
    mine = _tagged_post(text.replace("#detikDaerah ", ""))
    assert engine.decide(mine).outcome is not Outcome.PASS
    # a pair's campaign tag among them chants whoever posts it
    chant = _tagged_post(text.replace("#Pemilu2024", "#AMIN2024"))
    assert engine.decide(chant).outcome is not Outcome.PASS


def test_a_publishers_read_more_line_closes_its_lead(engine: Engine) -> None:
    text = (
        "Sebuah lembaga survei membuat tiga skenario yang dapat membuat Anies Baswedan gagal "
        "maju sebagai calon presiden.   Baca selengkapnya: https://t.co/abc #Pilpres2024"
    )
    post = _post(text)
    assert engine.decide(post).outcome is Outcome.PASS
    assert READ_MORE in _all_labels(engine, post)
    assert read_more("Prabowo hadir. Baca di https://t.co/x", "Prabowo hadir. Baca di") is not None
    # the sharer's own words around it keep the text theirs
    for own in (
        text.replace("presiden.", "presiden, mantap sih!"),
        text.replace("Sebuah lembaga", "Kami lihat sebuah lembaga"),
    ):
        bare = without_links(own, text_links(own))
        assert read_more(own, bare) is None, own
    # "lihat di" or "cek di" beside a link is no publisher's formula
    assert read_more("Anies hebat, cek di https://t.co/x", "Anies hebat, cek di") is None


def test_speech_closed_by_its_attribution(engine: Engine) -> None:
    text = (
        "Desa harus jadi pusat pertumbuhan. Karena itu kita harus bekerja lebih keras lagi, "
        "ujar Anies Baswedan di Alun-alun Kota, Minggu (7/1/2024)."
    )
    post = _post(text)
    assert CLOSING_ATTRIBUTION in _all_labels(engine, post)
    assert closing_attribution(text) is not None
    # the author's own family, a question or a cheer of the sharer's: not a newsroom's line
    assert closing_attribution("Pilih Anies saja, kata Ibu saya kemarin.") is None
    assert closing_attribution("Kita harus pilih Anies, kata Budi. Setuju?") is None
    assert closing_attribution("Kita menang, kata Anies Baswedan 🔥") is None


def test_the_authors_own_voice_around_a_newsrooms_affixed_verbs_stays(engine: Engine) -> None:
    """The subject read past a gloss or a modifier of place takes nothing from the author's own
    words around it: a first person, a cheer, an emoji, a call, a pair's campaign tag."""
    for text in (
        "Kami Partai Cahaya Nusa (PCN) resmi mendukung Ganjar Pranowo https://t.co/abc",
        "Mantap! Partai Cahaya Nusa (PCN) resmi mendukung Ganjar Pranowo https://t.co/abc",
        "Partai Cahaya Nusa (PCN) resmi mendukung Ganjar Pranowo, ayo kita dukung juga! "
        "https://t.co/abc",
        "Ribuan relawan di Kota Baru mendeklarasikan dukungan kepada Prabowo Subianto 🔥🔥 "
        "https://t.co/abc",
        "Ribuan relawan di Kota Baru mendeklarasikan dukungan kepada Prabowo Subianto "
        "#PrabowoGibran2024 https://t.co/abc",
    ):
        assert engine.decide(_tagged_post(text)).outcome is not Outcome.PASS, text


def test_a_group_tagging_itself_declares_its_own_support(engine: Engine) -> None:
    # the subject the support is held by, tagged by the author: the group's own post
    text = (
        "#relawanmerahputih Relawan Merah Putih se-Jawa siap mendukung Ganjar Pranowo "
        "memenangkan Pilpres 2024. https://t.co/abc"
    )
    assert engine.decide(_post(text)).outcome is not Outcome.PASS


def test_a_headline_credited_to_its_speaker_before_a_colon(engine: Engine) -> None:
    text = (
        "Ketua Relawan Nusantara: Insya Allah Kita Menang, Anies Presiden  Ketua relawan itu "
        "berharap Anies menang di 2024. https://t.co/abc #beritaku"
    )
    analysis = engine.analyse(_post(text), complete=True)
    assert analysis.decision.outcome is Outcome.PASS
    assert SPEAKER_HEADLINE in _all_labels(engine, _post(text))
    # a cheer of the sharer's after the headline is their own voice
    assert engine.decide(_post(text.replace("2024.", "2024!! 🔥"))).outcome is not Outcome.PASS
    # a one-word opener names nobody; a name addressed is spoken to
    assert speaker_headline("Ingat: Insya Allah Kita Menang https://t.co/abc") is None
    assert speaker_headline("Pak Anies: Kami Dukung Anda https://t.co/abc") is None
    assert speaker_headline("Pak Anies: Lanjutkan Perjuangan https://t.co/abc") is None
    assert speaker_headline("Cak Amir: Kami Dukung Anda https://t.co/abc") is None
    assert speaker_headline("Cak Amir: Kami Siap Menang") is not None
    # one class of terms of address (wordclasses): "Kang" is part of a public name as the press
    # writes it, a regional or chat vocative ("Teh", "Bro", "Bpk") calls to someone
    assert speaker_headline("Kang Emil: Kami Siap Menang https://t.co/abc") is not None
    for vocative in ("Teh", "Bro", "Bpk", "Om"):
        assert speaker_headline(f"{vocative} Anies: Lanjutkan Perjuangan https://t.co/abc") is None


def test_the_authors_own_support_around_a_third_partys_stays(engine: Engine) -> None:
    for text in (
        "Mantap! Projo dukung Ganjar-Mahfud, ayo kita juga https://t.co/abc",
        "Relawan dukung Ganjar-Mahfud, yuk kita menangkan bersama https://t.co/abc",
        "Kami relawan siap menangkan Ganjar-Mahfud https://t.co/abc",
        "Warga Desa Sukamaju dukung Prabowo-Gibran 💪🔥 https://t.co/abc",  # the sharer's voice
        "Dukung Ganjar-Mahfud di Pilpres 2024 https://t.co/abc",  # no subject: an imperative
    ):
        assert engine.decide(_post(text)).outcome is not Outcome.PASS, text
    # with no link and no headline shape the group's support is the author's own line
    assert engine.decide(_post("relawan desa siap menangkan Ganjar-Mahfud")).outcome is not (
        Outcome.PASS
    )


def test_an_open_question_to_the_person_addressed(engine: Engine) -> None:
    # read once, by the question reader (neutrality.question), not again as a report
    analysis = engine.analyse(_post("Kamu pilih siapa di Pilpres 2024, Anies atau Prabowo?"))
    assert analysis.decision.outcome is Outcome.PASS
    assert analysis.features is not None
    assert "question.asked" in analysis.features.found
    assert "register.report" not in analysis.features.found
    assert engine.decide(_post("Kamu pilih Prabowo kan?")).outcome is not Outcome.PASS


def test_a_campaign_notified_to_the_supervisor_is_administration(engine: Engine) -> None:
    post = _post(
        "",
        transcript="Kami sudah menerima surat pemberitahuan jadwal kampanye pasangan calon "
        "nomor urut 2 untuk pekan depan",
    )
    found = _features(engine, post)
    assert "register.administer" in found and "register.endorse" not in found
    assert not engine.decide(post).hits


def test_a_reporters_stand_in_for_a_name_is_a_candidate_named(engine: Engine) -> None:
    post = _post("", transcript="Pokoknya saya dukung (nama calon) jadi bupati")
    found = _features(engine, post)
    assert "text.candidate_word" in found and "register.endorse" in found
    assert "N02.generic-candidate" in {h.rule_id for h in engine.decide(post).hits}


def test_a_vote_after_a_modal_of_right_states_the_right(engine: Engine) -> None:
    post = _post(
        "",
        transcript="Kami memantau media sosial, sekarang sudah banyak bakal calon dan tentunya "
        "para ASN bisa memilih dan memilah",
    )
    analysis = engine.analyse(post, complete=True, full_path=True)
    found = analysis.features.found if analysis.features else {}
    assert "text.call_to_vote" not in found
    assert any(RIGHT_VOTE in ev.label for ev in found.get("register.educate", ()))
    assert not analysis.decision.hits
    # with a participant named the words may suggest them: kept as a call
    named = _post("Bapak ibu bisa pilih Ganjar-Mahfud nomor 3")
    assert "register.endorse" in _features(engine, named)


def test_a_hand_sign_in_words_that_warn_names_nobody(engine: Engine) -> None:
    ntt = Locality(province="Nusa Tenggara Timur")
    when = dt.datetime(2024, 11, 10, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    warning = _post(
        "",
        transcript="Kita berharap ASN menjaga netralitas. Bagi yang terbiasa foto dengan dua jari "
        "atau jempol, harap menahan diri sampai Pilkada selesai",
    ).model_copy(update={"event_time": when})
    analysis = engine.analyse(warning, ntt, complete=True)
    found = analysis.features.found if analysis.features else {}
    assert "text.gesture" in found  # the sign is still read, and shown
    assert "register.endorse" not in found and "register.warn" in found
    assert analysis.decision.outcome is Outcome.PASS
    # the same sign with praise and no warning takes a side
    cheer = _post("", transcript="Mantap, foto dengan dua jari dan jempol, pilkada kali ini")
    cheer = cheer.model_copy(update={"event_time": when})
    assert engine.decide(cheer, ntt).outcome is not Outcome.PASS


def _publisher_link_read(engine: Engine, post: Post) -> bool:
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    return any(
        ev.label == "register:report (a link to a publisher)"
        for evs in analysis.features.found.values()
        for ev in evs
    )


def test_a_shortened_link_beside_the_authors_own_voice_is_not_a_story(engine: Engine) -> None:
    """t.co hides where it leads (X wraps the author's own photo in it too): beside a cheer,
    an emoji or a particle it is the author's link, and the words are theirs."""
    voiced = _post("Hadirrr siap kawal pak ganjar sampe jadi presiden💪💪 https://t.co/rOeT5pErwY")
    assert not _publisher_link_read(engine, voiced)
    assert engine.decide(voiced).outcome is not Outcome.PASS
    shouted = _post("Siaaaap Komandan..!!! Prabowo-Gibran", urls=["https://t.co/scoq1bgP3k"])
    assert not _publisher_link_read(engine, shouted)


def test_words_that_close_by_tagging_someone_are_not_a_story(engine: Engine) -> None:
    """A post that ends by tagging an account beside its shortened link talks to that
    account; a newsroom's lead names its subject inside the sentence or credits itself."""
    tagged = _post(
        "Rieke Diah Pitaloka adalah pilihan yang tepat untuk rakyat Jawa Barat @budi_santoso88 "
        "https://t.co/Ab12Cd34Ef"
    )
    tagged = tagged.model_copy(
        update={"event_time": dt.datetime.fromisoformat("2024-01-20T09:00:00+07:00")}
    )
    assert not _publisher_link_read(engine, tagged)
    credited = _post(
        "Relawan Gunungkidul Siap Menangkan Ganjar-Mahfud via @detikcom https://t.co/gL9Hb4kyDl"
    )
    assert _publisher_link_read(engine, credited)
    subject = _post(
        "Calon gubernur nomor urut 3 @pramonoanung berjanji mengevaluasi retribusi pasar https://t.co/x1"
    )
    assert _publisher_link_read(engine, subject)


@pytest.mark.parametrize(
    ("bare", "tags"),
    [
        ("Langkah menuju perubahan positif @akun_satu", True),
        ("Langkah menuju perubahan positif @akun_satu @akun_dua.", True),
        ("Langkah menuju perubahan positif via @kompascom", False),  # a credit
        ("Langkah menuju perubahan positif | @tempodotco", False),
        ("@akun_satu @akun_dua", False),  # only tags: nothing said
        ("@pramonoanung berjanji mengevaluasi retribusi", False),  # a subject, not a tag at the end
    ],
)
def test_what_counts_as_closing_by_tagging(bare: str, tags: bool) -> None:
    assert tags_a_reader(bare) is tags


@pytest.mark.parametrize(
    "post",
    [
        # a headline with its shortened link: still news passed on
        _post("Relawan Gunungkidul Siap Menangkan Ganjar-Mahfud https://t.co/gL9Hb4kyDl"),
        # a first person inside news prose (a group's name, a quote told with "kata") is no
        # mark of the sharer's voice: a pronoun is what a story quotes, a cheer is not
        _post(
            "Relawan pasangan calon nomor urut 1 yang tergabung dalam Teman Kita mentraktir "
            "makan warga di 250 titik pada hari ini. https://t.co/c6uaKjmSZG"
        ),
        _post(
            "Eks gubernur menghormati keputusan itu. Kita hormati saja semuanya kata Anies di "
            "Kampus UI Salemba Kamis (17/10/2024). https://t.co/uW0eXdBI1D"
        ),
        # a publisher's own domain is read beside any voice
        _post("Mantap nih beritanya!! Prabowo Resmikan Jembatan https://www.beritaku.id/read/x"),
    ],
)
def test_a_shortened_link_beside_a_headline_or_a_publishers_domain_stays_news(
    engine: Engine, post: Post
) -> None:
    assert _publisher_link_read(engine, post)


def test_the_shorteners_are_hosts() -> None:
    assert "t.co" in SHORTENERS and "bit.ly" in SHORTENERS
    assert all("/" not in host and "." in host for host in SHORTENERS)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a petition title the platform cut short: quoted from its mark to the cut
        (
            'Saya baru saja menandatangani petisi "Joko Widodo: STOP ARREST OF HUMAN RIGHTS…',
            "Joko Widodo: STOP ARREST OF HUMAN RIGHTS",
        ),
        ('Dia bilang "pilih Anies ya kawan kawan ...', "pilih Anies ya kawan kawan"),
        # closed quotations as before; an ellipsis with no open mark quotes nothing
        ('kata "Prabowo presiden kita" ya', "Prabowo presiden kita"),
        ("biasa aja, Prabowo menang ...", None),
        # an open mark not at the cut is no quotation
        ('Prabowo "menang telak di sini', None),
    ],
)
def test_a_quotation_cut_short_is_quoted_to_the_cut(text: str, quoted: str | None) -> None:
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ([quoted] if quoted else [])


def test_a_petition_title_cut_short_names_no_side_of_the_authors(engine: Engine) -> None:
    post = _post(
        'Saya baru saja menandatangani petisi "Joko Widodo: STOP ARREST OF INDONESIAN '
        "PEOPLE’S HUMAN RIGHT TO VOICE INVESTIG…"
    ).model_copy(update={"event_time": WHEN_2019})
    assert "side.own" not in _features(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


def _endorsed(engine: Engine, post: Post) -> list[str]:
    """The labels of the endorsement read in a post's own words."""
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    return [ev.label for ev in analysis.features.found.get("register.endorse", [])]


@pytest.mark.parametrize(
    "text",
    [
        "Ya Allah, takdirkan Ganjar menang tahun ini",
        "YA ALLAH Kabulkan Anies Menang Satu Putaran",  # a prayer in title case is no headline
        "Ya Rabb menangkanlah Prabowo Gibran",
    ],
)
def test_a_prayer_for_a_participants_victory_is_a_wish(engine: Engine, text: str) -> None:
    """The prayer formulas (the vocative to God, the verbs asking Him to decree or grant) open
    a wish as "semoga" does; the vocative is the author's own voice, never a newsroom's."""
    post = _post(text)
    assert "register:endorse (wish for a victory)" in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_prayer_vocative_is_the_authors_own_voice() -> None:
    assert own_voice("Ya Allah Lindungi Negeri Kami Dari Bencana Alam")
    assert own_voice("Ya Alloh Lindungi Negeri Ini Dari Bencana Alam")  # as it is often spelt
    assert not headline("Ya Allah Lindungi Negeri Kami Dari Bencana Alam")
    assert not own_voice("Allah Maha Besar Kata Khatib Di Masjid Agung Kota")


@pytest.mark.parametrize(
    "text",
    [
        "Ya Allah, lindungi kami semua, semoga pemilu berjalan damai",  # nobody's victory
        "Ya Allah semoga siapapun yang menang amanah",  # whoever wins
    ],
)
def test_a_prayer_for_no_side_stays_a_prayer(engine: Engine, text: str) -> None:
    assert engine.decide(_post(text)).outcome is Outcome.PASS


@pytest.mark.parametrize(
    "text",
    [
        "Hanya Pak Ganjar yang bisa melanjutkan pembangunan",
        "cuma anies capres yg berani debat terbuka",
        "Satu-satunya Prabowo yang punya pengalaman memimpin",
    ],
)
def test_a_participant_singled_out_by_exclusive_focus_is_a_side(engine: Engine, text: str) -> None:
    """Exclusive focus ("hanya X yang ..."): the author ranks one participant above the field."""
    post = _post(text)
    assert f"register:endorse ({SINGLED_OUT})" in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_name_misspelt_beside_an_exclusive_focus_is_read_as_the_name(engine: Engine) -> None:
    """A name one letter off beside the particle is the name, as beside a vote word."""
    debate = Target(kind=TargetKind.POST, name="Debat Capres 2024 (YouTube)")
    post = _post("hanya pak anis yg bisa memperbaiki aturan", Action.COMMENT, target=debate)
    assert f"register:endorse ({SINGLED_OUT})" in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "Bukan hanya Ganjar yang hadir, semua capres datang ke acara itu",  # not only
        "Hanya Ganjar dan istrinya hadir di acara itu",  # no relative clause said of the name
        "Hanya Anies yang belum menyerahkan berkas ke KPU",  # an event told, no rank
        "Hanya Prabowo yang hadir di acara KPU kemarin",  # who came, in plain words
        "Hanya Prabowo dan Ganjar yang bisa hadir hari ini",  # the focus covers both
        '"Hanya Prabowo yang bisa," kata Dasco kepada wartawan',  # quoted and attributed
    ],
)
def test_exclusive_focus_that_singles_nobody_out(engine: Engine, text: str) -> None:
    assert f"register:endorse ({SINGLED_OUT})" not in _endorsed(engine, _post(text))


JAKARTA_2024 = dt.datetime(2024, 10, 18, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def test_a_slogan_line_after_a_news_lead_is_the_sharers(engine: Engine) -> None:
    """A pair's slogan written as the post's last line (hashtags without their hash) signs
    the news lead above it: the sharer's own words, whatever the lead reports."""
    post = _post(
        "Calon gubernur nomor urut 3 Pramono Anung meninjau pasar tradisional di Jakarta Timur "
        "pada Jumat pagi. Ia berdialog dengan para pedagang tentang harga bahan pokok yang naik. "
        "Mas Pram Bang Doel Jakarta Menyala https://t.co/abcdef"
    ).model_copy(update={"event_time": JAKARTA_2024})
    assert f"register:endorse ({SLOGAN_LINE})" in _endorsed(engine, post)
    assert engine.decide(post, Locality(province="DKI Jakarta")).outcome is Outcome.FLAG


def test_a_slogan_inside_a_sentence_is_no_slogan_line(engine: Engine) -> None:
    """The slogan told in a sentence (its words lower case around it, a stop after it) is what
    the news reports, not a line the sharer signs with."""
    post = _post(
        "Calon gubernur nomor urut 3 Pramono Anung meninjau pasar tradisional di Jakarta Timur "
        "pada Jumat pagi. Tim kampanye menyebut slogan Jakarta Menyala sudah dikenal warga."
    ).model_copy(update={"event_time": JAKARTA_2024})
    assert f"register:endorse ({SLOGAN_LINE})" not in _endorsed(engine, post)


def test_judged_alone_finds_the_one_side_every_verdict_stands_beside() -> None:
    text = "paslon 02 hambar gagasannya tiap sesi jadi juri 01 sama 03"
    texts = {"text": text}

    def at(word: str, label: str) -> Ev:
        start = text.index(word)
        return Ev("text", start, start + len(word), label)

    refs = [
        at("paslon 02", "number:2->pilpres-2024/02"),
        at("01", "number:1->pilpres-2024/01"),
        at("03", "number:3->pilpres-2024/03"),
    ]
    verdict = at("hambar", "list:evaluative_word")
    assert judged_alone(texts, [verdict], refs) == "pilpres-2024/02"
    # a second verdict beside another side: two sides judged
    other = at("juri", "list:evaluative_word")
    assert judged_alone(texts, [verdict, other], refs) is None
    # a verdict beside nobody singles nobody out
    assert judged_alone(texts, [at("sama", "list:evaluative_word")], refs[:1]) is None


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("terima kasih pak anies dan pak prabowo atas debatnya", None),  # a list of rivals
        ("terima kasih anies, prabowo atas debatnya", None),  # joined by a comma
        ("terima kasih anies & prabowo atas debatnya", None),
        ("anies hebat dan prabowo juga", None),  # judged alike, said after the first
        ("terima kasih anies atas debatnya semalam lawan prabowo", "pilpres-2024/01"),  # no list
    ],
)
def test_a_verdict_beside_one_of_a_list_of_names_is_said_of_them_all(
    text: str, alone: str | None
) -> None:
    """Names coordinated ("Pak Anies dan Pak Prabowo") are one list: a verdict beside its first
    member reaches the last, so it singles nobody out."""

    def at(word: str, label: str) -> Ev:
        start = text.index(word)
        return Ev("text", start, start + len(word), label)

    refs = [
        at("anies", "participant:pilpres-2024/01"),
        at("prabowo", "participant:pilpres-2024/02"),
    ]
    verdict = at("terima kasih" if text.startswith("terima") else "hebat", "list:evaluative_word")
    assert judged_alone({"text": text}, [verdict], refs) == alone


@pytest.mark.parametrize(
    "text",
    [
        "Gibran harus didiskualifikasi dari pilpres",
        "pak Gibran layak di coret dari surat suara",  # "di" written apart, a term of address
        "Ayo kalahkan Prabowo di pilpres nanti",
        "kita tumbangkan pak Anies tanggal 14",
        "Diskualifikasi Gibran sekarang juga!",
    ],
)
def test_a_participant_ordered_defeated_or_held_due_for_removal_is_opposed(
    engine: Engine, text: str
) -> None:
    """Verbs of defeat and removal with a participant as their object, ordered or held due by
    a modal in the author's own words: campaigning against that side."""
    post = _post(text)
    assert f"register:endorse ({OUSTED})" in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "jangan jegal Anies",  # a negation before the verb
        "Gibran tidak harus didiskualifikasi",  # the modal negated
        "Bawaslu: Gibran tidak bisa didiskualifikasi",  # no modal of obligation
        "TPN minta Gibran didiskualifikasi, ujar juru bicaranya",  # someone's request reported
        "mari kalahkan hoaks tentang Prabowo",  # the object is not the participant
    ],
)
def test_a_defeat_or_removal_told_negated_or_aimed_elsewhere_opposes_nobody(
    engine: Engine, text: str
) -> None:
    assert f"register:endorse ({OUSTED})" not in _endorsed(engine, _post(text))


@pytest.mark.parametrize(
    "text",
    [
        "mana aja asal jangan prabowo",
        "Siapapun presidennya, yang penting bukan dari PDIP",  # a preposition between
        "yg penting jgn si Anies",  # chat spelling, "si" and a term of address between
        "pokoke ojo Ganjar",  # Javanese
        "Siapa saja asal jangan banteng",  # a party's emblem: the construction is its second sign
        "asal bukan partai banteng lagi",  # a party noun before it, a particle closing it
    ],
)
def test_every_choice_conceded_but_one_participant_rules_that_side_out(
    engine: Engine, text: str
) -> None:
    """'Anyone but X': a concession of free choice joined to a negator with a participant right
    after it campaigns against that side (stance/ruledout.py)."""
    post = _post(text)
    assert f"register:endorse ({RULED_OUT})" in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "Siapa pun presiden kedepan saya dukung asal jangan nambah utang negara",  # no participant
        "asal jangan hujan, nanti sore kita nonton debat Prabowo",  # the name is elsewhere
        # ASN ruled out, not a participant
        'Kata Bawaslu: "siapa saja boleh, asal jangan ASN yang kampanye untuk Prabowo"',
        "asal jangan banteng masuk sawah lagi",  # a weak name with a verb after it: the animal
        "yang penting jangan golput ya",  # a turnout appeal
    ],
)
def test_a_concession_whose_object_is_no_participant_rules_nothing_out(
    engine: Engine, text: str
) -> None:
    assert f"register:endorse ({RULED_OUT})" not in _endorsed_or_none(engine, _post(text))


def test_a_concession_quoted_from_someone_else_rules_nothing_out_of_the_authors_choice(
    engine: Engine,
) -> None:
    post = _post('Tokoh itu berkata: "yang penting bukan Prabowo", ujarnya kepada wartawan')
    assert f"register:endorse ({RULED_OUT})" not in _endorsed_or_none(engine, post)


def test_a_ruled_out_name_may_start_after_prepositions_nouns_and_address_only() -> None:
    text = "asal jangan dari partai x lagi"
    end = len("asal jangan")
    assert [text[at:].split()[0] for at in name_starts(text, end)] == ["dari", "partai", "x"]
    assert name_starts("asal jangan hujan turun", end) == [end + 1]  # the next word only
    assert closes_clause("asal jangan banteng", len("asal jangan banteng"))
    assert closes_clause("asal jangan banteng lagi deh", len("asal jangan banteng"))
    assert not closes_clause("asal jangan banteng masuk sawah", len("asal jangan banteng"))


def test_name_places_are_read_after_each_construction_in_the_authors_normalised_words() -> None:
    texts = {"text": "asal jangan si x", "transcript": "pokoknya bukan y"}
    cues = [
        Ev("text", 0, len("asal jangan"), "list:anyone_but"),
        Ev("transcript", 0, len("pokoknya bukan"), "list:anyone_but"),
        Ev("text", 0, len("asal jangan"), "list:anyone_but", raw=True),  # raw: not normalised
        Ev("text", None, None, "list:anyone_but"),  # no place
    ]
    assert starts_after(cues, texts) == {
        ("text", len("asal jangan ")),
        ("text", len("asal jangan si ")),
        ("transcript", len("pokoknya bukan ")),
    }


def _endorsed_or_none(engine: Engine, post: Post) -> list[str]:
    """As `_endorsed`, for a post the engine may pass before reading any feature."""
    analysis = engine.analyse(post, complete=True)
    if analysis.features is None:
        return []
    return [ev.label for ev in analysis.features.found.get("register.endorse", [])]


def test_a_name_misspelt_beside_a_removal_verb_is_read_as_the_name(engine: Engine) -> None:
    debate = Target(kind=TargetKind.POST, name="Debat Capres 2024 (YouTube)")
    post = _post("anis harus di diskualifikasi krn nyerang pribadi", Action.COMMENT, target=debate)
    assert f"register:endorse ({OUSTED})" in _endorsed(engine, post)


@pytest.mark.parametrize(
    "text",
    ["Optimis Ganjar Presiden 2024", "yakin pak Anies RI 1", "semoga Prabowo the next president"],
)
def test_an_office_wished_as_a_participants_predicate_is_a_wish_for_victory(
    engine: Engine, text: str
) -> None:
    assert "register:endorse (wish for a victory)" in _endorsed(engine, _post(text))


def test_a_shortened_link_beside_a_candidate_called_by_a_term_of_address_is_the_authors(
    engine: Engine,
) -> None:
    """'Pak Prabowo', 'Bu Risma': how a person speaks of a candidate, not a newsroom's words."""
    post = _post("Lanjut terus, Pak Prabowo menang https://t.co/abcdef")
    assert not _publisher_link_read(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG
    # the name and the office, as a story gives them: still news passed on
    assert _publisher_link_read(engine, _post("Capres Prabowo Menang di Jatim https://t.co/abc"))


def _even(engine: Engine, text: str) -> bool:
    analysis = engine.analyse(_post(text), complete=True)
    assert analysis.features is not None
    return any(ev.label == EVEN_HANDED for evs in analysis.features.found.values() for ev in evs)


def test_sama_before_a_ke_an_noun_is_a_feeling_toward_it_not_parity(engine: Engine) -> None:
    """A feeling "sama" (to) a ke-an noun is no parity: "simpati sama kepribadiannya" is
    sympathy for his personality; "sama baiknya" (equally good) makes praise even."""
    assert not _even(
        engine,
        "dulu kagum sama Ganjar, skrg kurang simpati sama kepribadiannya, Prabowo lebih tegas",
    )
    assert _even(engine, "Ganjar dan Prabowo sama baiknya, dua duanya hebat")


@pytest.mark.parametrize(
    "text",
    ["Prabowo adalah satu-satunya harapan rakyat", "Ganjar satu2nya capres yang layak"],
)
def test_satu_satunya_after_the_name_singles_it_out(engine: Engine, text: str) -> None:
    assert f"register:endorse ({SINGLED_OUT})" in _endorsed(engine, _post(text))


def test_hanya_after_the_name_restricts_what_they_do_and_singles_nobody_out(
    engine: Engine,
) -> None:
    assert f"register:endorse ({SINGLED_OUT})" not in _endorsed(
        engine, _post("Prabowo hanya bicara tanpa bukti di debat")
    )


@pytest.mark.parametrize(
    "text", ["Gak ada yang bisa ngalahin Prabowo", "tidak ada yang mampu mengalahkan pak Anies"]
)
def test_a_participant_nobody_can_defeat_is_ranked_above_the_field(
    engine: Engine, text: str
) -> None:
    post = _post(text)
    assert f"register:endorse ({UNBEATEN})" in _endorsed(engine, post)
    assert f"register:endorse ({OUSTED})" not in _endorsed(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG


def test_a_declarative_verb_of_defeat_is_told_not_ordered(engine: Engine) -> None:
    """'untuk mengalahkan X' tells someone's purpose; the bare 'kalahkan X' orders it."""
    told = _post("TPN punya strategi untuk mengalahkan Prabowo")
    assert f"register:endorse ({OUSTED})" not in _endorsed(engine, told)
    assert f"register:endorse ({OUSTED})" in _endorsed(
        engine, _post("bersatu untuk kalahkan Prabowo")
    )


@pytest.mark.parametrize(
    "text", ["Prabowo pasti jadi presiden", "Anies pasti terpilih, percaya deh"]
)
def test_a_conviction_that_a_participant_wins_is_the_authors_forecast(
    engine: Engine, text: str
) -> None:
    assert "register:endorse (wish for a victory)" in _endorsed(engine, _post(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hanya Anies yang rendah hati di antara mereka",  # a verdict in the clause
        "Hanya Pak Prabowo capres yang Merdeka !!!",  # the author's own voice around it
    ],
)
def test_exclusive_focus_ranks_by_a_verdict_or_in_the_authors_voice(
    engine: Engine, text: str
) -> None:
    assert f"register:endorse ({SINGLED_OUT})" in _endorsed(engine, _post(text))


def test_success_in_the_election_wished_to_one_side_is_a_wish_for_victory(engine: Engine) -> None:
    post = _post("Semoga Pak Ganjar sukses di pilpres 2024")
    assert "register:endorse (wish for a victory)" in _endorsed(engine, post)
    # the election itself going well wishes nobody's victory
    assert engine.decide(_post("Semoga pilkada sukses dan damai")).outcome is Outcome.PASS


def _labels(engine: Engine, post: Post, feature: str) -> list[str]:
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    return [ev.label for ev in analysis.features.found.get(feature, ())]


def test_support_for_one_another_takes_no_side(engine: Engine) -> None:
    post = _post("", transcript="Guru dan komite sekolah harus saling mendukung selama kampanye")
    found = _features(engine, post)
    assert "register.endorse" not in found
    assert f"register:warn ({MUTUAL_SUPPORT})" in _labels(engine, post, "register.warn")
    assert engine.decide(post).outcome is Outcome.PASS
    # a participant named keeps the side: "saling dukung" among one camp's supporters
    post = _post("Kita saling dukung, pilih Prabowo Gibran")
    assert "register.endorse" in _features(engine, post)


def test_voting_for_someone_indefinite_or_for_the_process_names_nobody(engine: Engine) -> None:
    post = _post("", transcript="Kepala desa mengumpulkan warga untuk memilih seseorang itu pidana")
    assert "register.endorse" not in _features(engine, post)
    post = _post("Mari kita dukung menyukseskan Pemilu 2024 dengan menjaga netralitas ASN")
    found = _features(engine, post)
    assert "register.endorse" not in found and "register.neutral" in found


def test_every_candidate_alike_singles_none_out(engine: Engine) -> None:
    text = (
        "Semua paslon boleh berkampanye di wilayah RT/RW asal tidak melibatkan ASN, "
        "kalau paslon bupati datang, harus diizinkan keduanya"
    )
    post = _post("", transcript=text)
    found = _features(engine, post)
    assert "text.candidate_word" not in found
    assert f"register:warn ({EVERY_CANDIDATE})" in _labels(engine, post, "register.warn")
    assert engine.decide(post).outcome is Outcome.PASS
    # owned by a first person, "all our candidates" is a side
    post = _post("", transcript="Bapak ibu kepala desa, semua caleg kita harus menang di sini")
    assert "text.candidate_word" in _features(engine, post)
    # a media label's "keduanya" counts the people pictured, not the candidates
    post = _post("", media_description="foto kepala dinas bersama calon bupati, keduanya tersenyum")
    assert "media.candidate_word" in _features(engine, post)


def test_support_as_the_matter_administered_or_warned_of_is_nobodys(engine: Engine) -> None:
    text = "Ada bukti dukungan berupa video pengawasan saat kampanye, kami teruskan"
    post = _post("", transcript=text.replace(", kami teruskan", ""))
    assert f"register:warn ({SUPPORT_SPOKEN_OF})" in _labels(engine, post, "register.warn")
    assert "register.endorse" not in _features(engine, post)
    # in a speaker's own voice the same noun is their support given
    post = _post("", transcript="Pengawasan boleh ketat, dukungan kami tetap untuk calon bupati")
    assert "register.endorse" in _features(engine, post)
    # the verb is the speaker's act, not the matter spoken of
    post = _post("", transcript="Di tengah pengawasan Bawaslu, ayo dukung terus di kampanye")
    assert "register.endorse" in _features(engine, post)
    # a candidate word in the warning is whom the rule is about, not a side
    text = (
        "Memberikan like pada unggahan kampanye pasangan calon itu bentuk dukungan. "
        "Kami mengingatkan jajaran ASN agar bijak menggunakan media sosial."
    )
    post = _post("", transcript=text)
    assert f"register:warn ({SUPPORT_SPOKEN_OF})" in _labels(engine, post, "register.warn")
    assert engine.decide(post).outcome is Outcome.PASS


def test_support_administered_is_read_where_normalising_changes_the_words(
    engine: Engine,
) -> None:
    # A hashtag split into its words and a date read as one change the count of words, so the
    # noun as written is found through the field's offsets, not by counting words.
    text = (
        "#TemanPemilih Anggota KPU hadir dan menyaksikan verifikasi faktual dukungan calon "
        "perseorangan pada Pilkada 2024 di Kota Gorontalo Sabtu (22/6/2024)."
    )
    post = _post(text, hashtags=["TemanPemilih"])
    assert f"register:administer ({SUPPORT_SPOKEN_OF})" in _labels(
        engine, post, "register.administer"
    )
    assert "register.endorse" not in _features(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


def test_winning_and_losing_accepted_alike_wish_nobody_the_win(engine: Engine) -> None:
    post = _post("", transcript="Saya harap para caleg siap menang dan siap juga untuk kalah")
    assert f"register:warn ({EITHER_OUTCOME})" in _labels(engine, post, "register.warn")
    assert engine.decide(post).outcome is Outcome.PASS
    # "still" after the pair is loyalty whatever the outcome
    post = _post("Menang atau kalah tetap satu pilihan kita")
    assert "register.warn" not in _features(engine, post)


def test_support_confined_to_the_ballot_states_the_right_to_vote(engine: Engine) -> None:
    text = (
        "Saya minta ASN boleh saja mendukung calon bupati tetapi cukup di bilik suara, "
        "saat kita memilih nanti"
    )
    post = _post("", transcript=text)
    labels = _labels(engine, post, "register.educate")
    assert f"register:educate ({RIGHT_VOTE})" in labels
    assert f"register:educate ({TIME_TOLD})" in labels
    assert "register.endorse" not in _features(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS
    # a support with nothing confining it stays a call to staff
    post = _post("", transcript="Saya minta ASN mendukung calon bupati kita di kampanye nanti")
    assert "register.endorse" in _features(engine, post)
    # a time clause without its own subject is not one ("saat ini pilih ...")
    post = _post("", transcript="Saat ini pilih calon bupati yang sudah kita sepakati")
    assert f"register:educate ({TIME_TOLD})" not in _labels(engine, post, "register.educate")


def test_a_transcript_or_a_media_label_is_no_news_by_its_shape(engine: Engine) -> None:
    def found(post: Post) -> dict[str, list[Ev]]:
        analysis = engine.analyse(post, complete=True, full_path=True)
        assert analysis.features is not None
        return analysis.features.found

    # a transcript's capitals are the transcriber's names, not a headline's title case
    text = "Dia nomor 3 di Partai Gerindra, namanya Budi Santoso Wijaya dari Desa Sukamaju"
    post = _post("", transcript=text)
    reports = found(post).get("register.report", [])
    assert "register:report (headline)" not in [e.label for e in reports]
    # a media label's verb of saying tells what the recorded speaker does
    post = _post("", media_description="video kepala desa menjelaskan surat suara kepada warga")
    assert "register.report" not in found(post)
    # in words it is still attribution
    post = _post("Pak camat menjelaskan aturan kampanye pilkada kepada warga")
    assert "register.report" in found(post)


def test_an_order_to_keep_people_away_from_a_campaign_is_a_warning(engine: Engine) -> None:
    post = _post("", transcript="Para siswa harus dijauhkan dari kegiatan kampanye partai")
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    found = analysis.features.found
    assert "text.directive_cue" not in found
    assert any(REFRAIN in ev.label for ev in found.get("register.warn", ()))


def test_support_the_post_itself_holds_is_the_authors(engine: Engine) -> None:
    def found(media: str) -> dict[str, list[Ev]]:
        analysis = engine.analyse(_post("", media_description=media), complete=True)
        assert analysis.features is not None
        return analysis.features.found

    own = found("tangkapan layar status Facebook yang mendukung pencalonan Budi Santoso")
    assert "media.endorse_cue" in own and "register.endorse" in own
    # a relative clause on people describes others' support, as before
    others = found("foto warga yang mendukung pencalonan Budi Santoso di balai desa")
    assert "media.endorse_cue" not in others


def test_a_cheer_for_an_outright_win_under_a_hand_sign_is_looked_at(engine: Engine) -> None:
    """ "menang mutlak" is the win slogan "menang telak" is: a comment cheering it under a photo
    of a pair's hand sign gets the full look, and the learned model's reading."""
    target = Target(kind=TargetKind.POST, name="foto kepala dinas bersama calon berpose dua jari")
    post = _post("mantap, menang mutlak", Action.COMMENT, target=target)
    assert "text.endorse_cue" in _features(engine, post)


def test_an_election_participant_is_a_candidate_in_general(engine: Engine) -> None:
    post = _post("", media_description="unggahan di akun pribadi yang merujuk pada peserta pemilu")
    assert "media.candidate_word" in _features(engine, post)
    # a warning against supporting any of them is still a warning
    post = _post("ASN dilarang mendukung peserta pemilu mana pun")
    found = _features(engine, post)
    assert "register.warn" in found and "register.endorse" not in found
    assert engine.decide(post).outcome is Outcome.PASS


def _relayed(engine: Engine, post: Post) -> bool:
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    return any(ev.label == RELAYED_NEWS for evs in analysis.features.found.values() for ev in evs)


@pytest.mark.parametrize(
    "post",
    [
        # a retweeted story: an evaluative word and a prediction told of, not said by the sharer
        _post(
            "RT Capres 02 Budi Santoso mengaku punya program yang luar biasa untuk nelayan di "
            "Sulawesi. https://t.co/abcDEF123 [RE kabarharian]"
        ),
        _post(
            "RT @kabarharian: Elektabilitas Prabowo-Gibran naik 40 persen menurut survei, pilpres "
            "bisa selesai satu putaran. https://t.co/abcDEF123"
        ),
        # the story's own tags: a vote word naming nobody is the newsroom's tag
        _post(
            "RT Ganjar Pranowo menyoroti harga pupuk di Klaten. https://t.co/abcDEF123 "
            "#BeritaPemilu #SaatnyaMemilih [RE kabarharian]",
            hashtags=["BeritaPemilu", "SaatnyaMemilih"],
        ),
    ],
)
def test_a_retweeted_story_is_news_passed_on(engine: Engine, post: Post) -> None:
    assert _relayed(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


@pytest.mark.parametrize(
    "post",
    [
        # a cheer, an emoji, a call or a question of the retweet's own: someone's voice
        _post(
            "RT Prabowo-Gibran pasti menang satu putaran 💪 https://t.co/abcDEF123 [RE relawan_x]"
        ),
        _post("RT Ayo pilih Anies-Muhaimin tanggal 14 https://t.co/abcDEF123 [RE relawan_x]"),
        _post("RT pak ganjar itu pemimpin yang hebat https://t.co/abcDEF123 [RE relawan_x]"),
        # a story retweeted with a participant's numbered slogan tag still chants
        _post(
            "RT Ganjar Pranowo menyoroti harga pupuk di Klaten. https://t.co/abcDEF123 "
            "#GanjarMahfud2024 [RE relawan_x]",
            hashtags=["GanjarMahfud2024"],
        ),
        # a shortened link alone hides what it leads to: no story without a report cue
        _post(
            "RT Prabowo-Gibran menang satu putaran di Jawa Tengah. https://t.co/abcDEF123 "
            "[RE relawan_x]"
        ),
        # "RT" with no account credited is a neighbourhood, not a retweet
        _post("RT 05 Kelurahan Sukamaju mendukung Prabowo-Gibran. https://t.co/abcDEF123"),
    ],
)
def test_a_retweet_in_someones_own_voice_is_read_as_before(engine: Engine, post: Post) -> None:
    if "#GanjarMahfud2024" in post.text:
        assert engine.decide(post).outcome is not Outcome.PASS
    else:
        assert not _relayed(engine, post)


def _all_labels(engine: Engine, post: Post) -> set[str]:
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    return {ev.label for evs in analysis.features.found.values() for ev in evs}


@pytest.mark.parametrize(
    "text",
    [
        # a lead: a third party the subject of a verb of saying, the praise after it theirs
        "Calon presiden nomor urut 1 Anies Baswedan mengaku punya program yang luar biasa untuk "
        "petani di Jawa Tengah.",
        # an appositive before the name hides it from the holder reader: the name before the verb
        "Tak hanya itu pesaingnya pada pilpres 2024 yaitu Ganjar Pranowo mengucapkan selamat "
        "kepada Prabowo Subianto dan doa agar amanah memimpin.",
    ],
)
def test_a_news_lead_tells_its_subjects_words(engine: Engine, text: str) -> None:
    post = _post(text)
    assert TOLD_BY_SUBJECT in _all_labels(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


@pytest.mark.parametrize(
    "text",
    [
        # the author's own cheer after the lead keeps the words theirs
        "Anies Baswedan mengaku punya program yang luar biasa untuk petani, mantap dong",
        # a first person: the author is the one speaking
        "Saya mengatakan Prabowo pemimpin yang luar biasa",
        # a long text is a story or a comment, not a lead
        "Anies Baswedan mengatakan siap. Ganjar juga. Prabowo hebat sekali. Ini luar biasa.",
        # the manner of an answer is the narrator's verdict, not a verb of saying
        "Anies Baswedan menjawab pertanyaan debat dengan bukti nyata yang memuaskan",
    ],
)
def test_no_lead_where_the_author_speaks(engine: Engine, text: str) -> None:
    assert TOLD_BY_SUBJECT not in _all_labels(engine, _post(text))


@pytest.mark.parametrize(
    "text",
    [
        # an additive particle after a rival: the praise is said of both
        "Pak Anies keren, pak Ganjar juga keren",
        # a support word whose object is a list of rivals
        "Mau dukung Prabowo, Ganjar, Anies semuanya tetap satu Indonesia",
    ],
)
def test_praise_or_support_of_rival_sides_alike_takes_no_side(engine: Engine, text: str) -> None:
    post = _post(text)
    assert RIVALS_ALIKE in _all_labels(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


@pytest.mark.parametrize(
    "text",
    [
        # one side's two names: "juga" repeats praise of the same pair
        "Prabowo hebat, Gibran juga hebat",
        # a support word for one, a rival named apart
        "Saya dukung Prabowo karena Ganjar lemah",
    ],
)
def test_praise_of_one_side_stays_a_side(engine: Engine, text: str) -> None:
    post = _post(text)
    assert RIVALS_ALIKE not in _all_labels(engine, post)
    assert engine.decide(post).outcome is not Outcome.PASS


def test_the_authors_choice_not_made_is_weighing_not_support(engine: Engine) -> None:
    post = _post("Mau dukung Anies juga masih mikir, saya belum menentukan pilihan sampai sekarang")
    assert UNDECIDED in _all_labels(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS
    decided = _post("Saya dukung Anies, sudah menentukan pilihan sejak lama")
    assert UNDECIDED not in _all_labels(engine, decided)
    assert engine.decide(decided).outcome is not Outcome.PASS


def test_a_retweeted_story_quoting_a_first_person_is_still_news(engine: Engine) -> None:
    """The pronouns inside the quotation a story carries are its speaker's, and "awak media"
    (the press crew) is no pronoun."""
    post = _post(
        'RT Capres nomor urut 3 Ganjar Pranowo menjawab pertanyaan awak media di Klaten. "Saya '
        'juga siap kerja sama dengan siapa saja," kata Ganjar. https://t.co/abcDEF123 '
        "#BeritaPemilu #SaatnyaMemilih [RE kabarharian]",
        hashtags=["BeritaPemilu", "SaatnyaMemilih"],
    )
    assert _relayed(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


def test_a_verb_of_saying_with_its_clitic_attributes_a_quotation(engine: Engine) -> None:
    post = _post("dalam kerja keras demi memenangkan Pak Prabowo di pemilu mendatang, tegasnya.")
    assert "register.report" in _features(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS


def test_a_vote_for_every_candidate_is_for_nobody_in_particular(engine: Engine) -> None:
    every = _post("Makin yakin untuk mencoblos semua capres di surat suara pemilu nanti.")
    assert "register.warn" in _features(engine, every)
    assert engine.decide(every).outcome is Outcome.PASS
    # a quantifier after a name keeps the name's support
    named = _post("Ayo coblos Prabowo-Gibran semua, satu putaran!")
    assert engine.decide(named).outcome is not Outcome.PASS


def test_a_judgement_in_the_agentless_passive_is_someone_elses(engine: Engine) -> None:
    post = _post("Khofifah Indar Parawansa dinilai punya bukti nyata hasil kerja di Jawa Timur.")
    assert "register.neutral" in _features(engine, post)


def test_support_given_each_other_takes_no_side(engine: Engine) -> None:
    post = _post("Camat dan panwascam harus saling mendukung selama masa kampanye pilkada")
    assert any(MUTUAL_SUPPORT in label for label in _all_labels(engine, post))
    assert engine.decide(post).outcome is Outcome.PASS


def test_a_vote_for_someone_unnamed_is_for_nobody_in_particular(engine: Engine) -> None:
    post = _post("Saat kampanye kades ngumpulin warga untuk milih seseorang itu pidana")
    assert engine.decide(post).outcome is Outcome.PASS


def test_support_for_making_the_election_succeed_endorses_nobody(engine: Engine) -> None:
    post = _post(
        "Mari kita terus mendukung menyukseskan Pemilu 2024, hindari memberi like pada pesan "
        "para kandidat"
    )
    assert engine.decide(post).outcome is Outcome.PASS


def test_a_rival_named_after_the_ones_judged_alike_is_singled_out(engine: Engine) -> None:
    post = _post("Anies jelek, Prabowo juga jelek, tapi Ganjar hebat")
    assert RIVALS_ALIKE not in _all_labels(engine, post)


def test_praise_of_the_election_itself_takes_no_side(engine: Engine) -> None:
    post = _post(
        "Megawati mengumpulkan partai pengusung Ganjar Pranowo. Harapannya pelaksanaan pilpres "
        "yang damai dan berintegritas."
    )
    assert SAID_OF_THE_ELECTION in _all_labels(engine, post)
    assert engine.decide(post).outcome is Outcome.PASS
    # a participant named between the election noun and the praise is who is praised
    named = _post("Pemilu yang dimenangkan Prabowo berintegritas dan jujur")
    assert SAID_OF_THE_ELECTION not in _all_labels(engine, named)


def test_a_quantifier_of_the_people_spoken_to_names_a_choice_not_every_candidate(
    engine: Engine,
) -> None:
    """ "pilihan kita semua" is the choice of all of us: it stays an endorsement, while
    "coblos semua capres" spreads the vote over every candidate."""
    ours = _post("Besok kita ke TPS, kita sudah tahu pilihan kita semua, nomor 2 ya")
    everyone = _post("Besok saya mencoblos semua capres di surat suara")
    assert "register:warn (nobody in particular)" not in _all_labels(engine, ours)
    assert engine.decide(ours).outcome.value != "pass"
    assert engine.decide(everyone).outcome.value == "pass"


def _news_prose_read(engine: Engine, post: Post) -> bool:
    analysis = engine.analyse(post, complete=True)
    assert analysis.features is not None
    return any(
        ev.label == "register:report (news prose)"
        for evs in analysis.features.found.values()
        for ev in evs
    )


def test_prose_that_calls_a_participant_by_a_term_of_address_is_no_story(engine: Engine) -> None:
    """A newsroom gives a candidate's name and office; "pak Ganjar" is how a person speaks of
    them, so prose that calls a participant so is the author's own, whatever its shape."""
    prose = _PROSE.replace("Golkar", "Perindo").replace(
        "Wali Kota Medan Bobby Nasution", "Gubernur Jawa Tengah Ganjar Pranowo"
    )
    assert _news_prose_read(engine, _post(prose))
    spoken = prose.replace("Gubernur Jawa Tengah Ganjar Pranowo", "pak Ganjar")
    assert not _news_prose_read(engine, _post(spoken))


def test_unattributed_prose_of_verdicts_on_one_side_is_the_authors(engine: Engine) -> None:
    """Prose shaped like a story, its praise given to nobody quoted: the writer's verdict."""
    post = _post(
        "Ganjar Pranowo memiliki gaya kepemimpinan yang sangat cocok untuk negeri ini yaitu "
        "merakyat dan tidak sombong. Selama memimpin daerahnya ia dikenal tegas dan jujur dalam "
        "menjalankan tugas sehari hari bersama warganya."
    )
    assert not _news_prose_read(engine, post)
    assert engine.decide(post).outcome is Outcome.FLAG
    singled = _post(
        "Kepemimpinan seseorang dapat dilihat dari rekam jejaknya di daerah yang pernah dipimpin. "
        "Jika melihat kriteria tersebut hanya Anies Baswedan sosok yang pas melanjutkan "
        "pembangunan bangsa ini ke depan."
    )
    assert not _news_prose_read(engine, singled)


def test_prose_that_attributes_its_verdicts_stays_a_story(engine: Engine) -> None:
    post = _post(
        "Pengamat politik menilai Ganjar Pranowo tegas dan jujur selama memimpin Jawa Tengah "
        "dalam dua periode. Menurut dia, gaya kepemimpinan itu membuat warga merasa dekat "
        "dengan pemerintah daerah, kata pengamat tersebut kepada wartawan."
    )
    assert _news_prose_read(engine, post)


def _said_reach(engine: Engine, text: str) -> list[str]:
    """The sentences a verb of saying in `text` reaches, as written."""
    from neutrality.stance.quotation import said_sentences

    normalise = engine.lexicon.normaliser.normalise
    norm = normalise(text, True)
    verbs = [
        Ev("text", m.start(), m.end(), "register:report (report_cue)")
        for m in re.finditer(r"mengkritik|mengatakan|ungkapnya", norm.text)
    ]
    spans = said_sentences("text", verbs, {"text": norm}, normalise, {})
    assert spans is not None
    return [text[a:b].strip() for a, b in spans]


def test_a_verb_of_saying_reaches_from_its_sentence_on(engine: Engine) -> None:
    """What the author wrote before the verb is theirs; the verb's sentence and what follows
    (news goes on: 'Ia menambahkan ...') are the speaker's."""
    text = "Pak Anies the best...debat ya. Ia mengkritik pemimpin lama. Katanya harus berubah"
    assert _said_reach(engine, text) == ["Ia mengkritik pemimpin lama", "Katanya harus berubah"]


def test_a_verb_of_saying_after_its_words_reaches_back(engine: Engine) -> None:
    text = "Kita kerja demi memenangkan Pak Prabowo di pemilu 2024. ungkapnya"
    assert _said_reach(engine, text)[0] == "Kita kerja demi memenangkan Pak Prabowo di pemilu 2024"


def test_praise_before_a_verb_of_saying_is_the_authors(engine: Engine) -> None:
    """A comment whose one verb of saying comes after the author's own praise: the praise is
    not reported speech (it was, when any such verb made the whole field reported)."""
    own = _post("Pak Anies the best...debat ya seperti itu, berani mengkritik pemimpin sebelumnya")
    found = _features(engine, own)
    assert "register.endorse" in found
    told = _post("Anies mengatakan pemimpin sebelumnya gagal, dia yang terbaik untuk Jakarta")
    assert "register.endorse" not in _features(engine, told)


@pytest.mark.parametrize(
    "name",
    [
        "Debat ketiga calon presiden 2024 (Narasi live broadcast, YouTube)",
        "LIVE - Debat Kedua Pilkada Banten 2024",
        "Siaran langsung debat publik pilgub",
    ],
)
def test_a_broadcast_named_as_such_is_a_channels_coverage(engine: Engine, name: str) -> None:
    """A video that airs an event is the channel's, as a newsroom's story is: a comment under
    it answers the coverage, whatever the channel is called."""
    post = _post("lebih baik gak usah ada penonton", Action.COMMENT,
                 target=Target(kind=TargetKind.POST, name=name))  # fmt: skip
    assert "target.register.report" in _features(engine, post)


def test_a_video_not_named_as_a_broadcast_is_not_read_as_one(engine: Engine) -> None:
    video = Target(kind=TargetKind.POST, name="Video kegiatan Ganjar di pasar")
    post = _post("lebih baik gak usah ada penonton", Action.COMMENT, target=video)
    assert "target.register.report" not in _features(engine, post)


@pytest.mark.parametrize("quantifier", ["Masing-masing", "Masing2", "Segala"])
def test_every_universal_quantifier_counts_every_candidate(engine: Engine, quantifier: str) -> None:
    """One class of universal quantifiers for every reader (stance.words.UNIVERSAL): the
    reduplicated and spoken forms count every candidate as "semua" does."""
    text = f"{quantifier} paslon boleh berkampanye di wilayah RT/RW asal tidak melibatkan ASN"
    post = _post("", transcript=text)
    assert f"register:warn ({EVERY_CANDIDATE})" in _labels(engine, post, "register.warn")


def test_a_verb_of_regarding_in_a_relative_clause_attributes_nothing(engine: Engine) -> None:
    # "yg dianggap" describes the noun before it; "dianggap" heading a clause reports a view
    described = "Kualitas Ganjar jauh diatas Anies, banyak yg terkecoh dgn Anies yg dianggap santun"
    reported = "Kualitas Ganjar jauh diatas Anies, Anies dianggap santun oleh banyak warga"
    assert "register.report" not in _features(engine, _post(described))
    assert "register.report" in _features(engine, _post(reported))


@pytest.mark.parametrize(
    ("text", "adverbial"),
    [
        ("Ganjar tetap santai dalam menjelaskan 03 the best", True),
        ("Saat menyampaikan visi misi, warga antusias", True),
        ("Ganjar menjelaskan 03 the best", False),
    ],
)
def test_a_verb_of_saying_after_a_preposition_tells_how_not_whose(
    text: str, adverbial: bool
) -> None:
    start = min(i for w in ("menjelaskan", "menyampaikan") if (i := text.find(w)) >= 0)
    ev = Ev("text", start, start + 5, "list:report_cue")
    texts = {"text": text.casefold()}
    assert word_before_in(ev, texts, ADVERBIAL) is adverbial
    assert word_before_in(ev, texts, RELATIVE) is False


def test_the_word_before_is_read_in_the_evidence_field_and_only_there() -> None:
    texts = {"text": "anies yg dianggap santun", "media.caption": "dianggap santun"}
    assert word_before_in(Ev("text", 9, 17, "list:report_cue"), texts, RELATIVE)
    assert not word_before_in(Ev("media.caption", 0, 8, "list:report_cue"), texts, RELATIVE)
    assert not word_before_in(Ev("text", None, None, "list:report_cue"), texts, RELATIVE)


def test_praise_after_an_adverbial_verb_of_saying_is_the_authors(engine: Engine) -> None:
    found = _features(engine, _post("Ganjar tetap santai dalam menjelaskan 03 the best"))
    assert "register.report" not in found
    assert "register.endorse" in found


def test_a_tag_supporting_the_result_endorses_no_side(engine: Engine) -> None:
    """A support word in a hashtag whose object is the result accepts the outcome; the same
    tag with a side's name stays the sharer's endorsement."""
    after = dt.datetime(2024, 2, 20, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    neutral = _post(
        "Apapun hasilnya kita terima bersama, jaga persatuan #DukungHasilPemilu2024",
        event_time=after,
    )
    assert engine.decide(neutral).outcome.value == "pass"
    partisan = _post(
        "Apapun hasilnya kita terima bersama, jaga persatuan #DukungPrabowoGibran",
        event_time=after,
    )
    assert engine.decide(partisan).outcome.value != "pass"


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("partai golkar menang di demak dengan total perolehan suara", True),
        ("didesaku 02 menang walaupun tidak telak", True),
        ("untuk bengkulu menang presiden ya prabowo", True),
        ("insyaallah prabowo menang di menes", False),  # a prayer: the speaker's hope
        ("kita menang di sini", False),  # a first person: the speaker's side
        ("alhamdulillah 02 menang", False),  # no place: a celebration
        ("ayo menangkan di jawa tengah", False),  # making a side win, a call
    ],
)
def test_a_win_told_of_a_place(text: str, told: bool) -> None:
    at = text.find(" menang") + 1
    if at == 0:
        at = text.find("menang")
    end = text.find(" ", at)
    ev = Ev("text", at, len(text) if end < 0 else end, "list:support")
    assert result_placed(ev, {"text": text}) is told


def test_a_placed_win_after_the_vote_passes_and_says_why(engine: Engine) -> None:
    after = dt.datetime(2024, 2, 16, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    post = _post("Rekap sementara, Partai Golkar menang di Kecamatan Bonang", event_time=after)
    assert engine.decide(post).outcome.value == "pass"
    assert "register.report" in _features(engine, post)


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Karena kasus dugaan dukungan itu masih berproses di Bawaslu", True),
        ("Ada indikasi dukungan ke calon tertentu dari oknum pegawai, sedang kami tangani", True),
        ("Saya dukung calon bupati kita, ayo menangkan", False),
    ],
)  # fmt: skip
def test_support_an_allegation_governs_is_told_of(engine: Engine, text: str, told: bool) -> None:
    """ "dugaan dukungan", "indikasi dukungan": a case told of, not support given."""
    post = _post(text)
    labels = _report_labels(engine, post)
    assert (ALLEGATION in labels) is told, labels
    assert (engine.decide(post).outcome is Outcome.PASS) is told


def test_an_allegation_in_a_media_description_describes_the_act_judged(engine: Engine) -> None:
    photo = _post(
        "",
        media_description="foto kepala dinas mengacungkan tiga jari, diduga bentuk dukungan "
        "kepada salah satu paslon pilgub",
    )
    assert ALLEGATION not in _report_labels(engine, photo)


def _report_labels(engine: Engine, post: Post) -> set[str]:
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    return {ev.label for ev in analysis.features.found.get("register.report", ())}
