"""Feature extraction: what a hashtag of names and a list of ballot numbers say."""

from __future__ import annotations

import datetime as dt

import pytest

from neutrality import Engine, Locality
from neutrality.features import LISTED_NUMBERS, NAME_TAG, RANK, _names_only, _squeeze
from schemas import Action, Platform, Post

PILKADA_DKI_2017 = "2017-02-10T09:00:00+07:00"
PILPRES_2024 = "2024-01-20T09:00:00+07:00"


def _post(text: str, when: str, hashtags: list[str] | None = None) -> Post:
    return Post.model_validate(
        {"platform": "x", "post_id": "f", "account_id": "x:asn", "action": "post",
         "text": text, "hashtags": hashtags or [], "event_time": when}
    )  # fmt: skip


def _found(engine: Engine, post: Post) -> dict[str, set[str]]:
    analysis = engine.analyse(post, complete=True, full_path=True)
    assert analysis.features is not None
    return {k: {ev.label for ev in evs} for k, evs in analysis.features.found.items()}


def test_names_only_reads_one_participants_names_joined() -> None:
    names = {"ahok": {"a"}, "djarot": {"a"}, "anies": {"b", "c"}, "sandi": {"b"}}
    lengths = tuple(sorted({len(n) for n in names}))
    assert _names_only("ahok", names, lengths)
    assert _names_only("ahokdjarot", names, lengths)
    assert _names_only("aniessandi", names, lengths)  # "anies" is also someone else's name
    assert not _names_only("ahokanies", names, lengths)  # two participants: no pair of one
    assert not _names_only("ahokdjarot2017", names, lengths)
    assert not _names_only("tetapahok", names, lengths)
    assert not _names_only("", names, lengths)
    assert _squeeze("Ahok–Djarot!") == "ahokdjarot"


@pytest.mark.parametrize(
    ("text", "hashtags"),
    [
        ("Integrasi rusun dan pasar semasa #AhokDjarot ditunggu kelanjutannya", []),
        ("Deddy Corbuzier sindir karangan bunga", ["ahok", "djarot", "ahokdjarot"]),
    ],
)
def test_a_hashtag_of_names_alone_names_the_participant(
    engine: Engine, text: str, hashtags: list[str]
) -> None:
    found = _found(engine, _post(text, PILKADA_DKI_2017, hashtags))
    assert "text.campaign_term" not in found
    assert any(label.startswith(NAME_TAG) for label in found["text.named"])


@pytest.mark.parametrize("tag", ["AhokDjarot2017", "ahokdjarotmenang", "BadjaForJakarta"])
def test_a_hashtag_with_a_number_or_a_slogan_word_stays_a_campaign_hashtag(
    engine: Engine, tag: str
) -> None:
    found = _found(engine, _post(f"Pagi yang cerah #{tag}", PILKADA_DKI_2017))
    assert "text.campaign_term" in found


def test_a_camel_case_word_in_the_prose_is_a_hashtag_whose_sign_was_lost(engine: Engine) -> None:
    found = _found(engine, _post("Setuju banget AniesMembangunDesa, visinya jelas", PILPRES_2024))
    assert "campaign:pilpres-2024/01" in found["text.campaign_term"]
    alone = _found(engine, _post("Tadi AniesBaswedan lewat depan kantor", PILPRES_2024))
    assert "text.campaign_term" not in alone  # names alone: a topic, as "#AniesBaswedan" is
    particle = _found(engine, _post("Debat Kali Ini Pak AniesLah Yang Top", PILPRES_2024))
    assert "text.campaign_term" not in particle  # title case with a particle, no tag


def test_a_slogan_hashtag_in_styled_letters_is_read_as_its_plain_letters(engine: Engine) -> None:
    styled = "".join(
        chr(0x1D400 + ord(c) - ord("A")) if c.isupper() else chr(0x1D41A + ord(c) - ord("a"))
        for c in "AniesMembangunDesa"
    )  # mathematical bold, as posts style their tags
    found = _found(engine, _post("Pagi yang cerah", PILPRES_2024, [styled]))
    assert "campaign:pilpres-2024/01" in found["text.campaign_term"]


@pytest.mark.parametrize(
    "text",
    [
        "Kok paslon 2, 3 seperti selalu melihat kebawah saat memberi pertanyaan ya",
        "hanya nomor urut 1 dan 2 yang bertanya di debat tadi malam",
        "nomor urut 1 sampai 3 sudah ditetapkan",  # a range names them all
        "paslon nomor 1 hingga 3 hadir di debat",
    ],
)
def test_several_ballot_numbers_in_one_breath_make_no_sign(engine: Engine, text: str) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert "text.number" not in found
    assert any(LISTED_NUMBERS in label for label in found["text.participant"])


@pytest.mark.parametrize(
    "text",
    [
        "Debat capres semalam, paslon 2 mantap",
        "Jangan lupa coblos nomor urut 2 14 Februari",  # a date after the number, no list
    ],
)
def test_one_ballot_number_stays_a_sign(engine: Engine, text: str) -> None:
    assert "text.number" in _found(engine, _post(text, PILPRES_2024))


def test_a_debunk_tagged_with_a_campaign_slogan_serves_the_campaign(engine: Engine) -> None:
    """The author's own campaign hashtags beside "klarifikasi" or "hoax" are their words: the
    exception for debunking does not hold, and the slogan is the rule's evidence."""
    text = "Klarifikasi Pak Ganjar terkait roastingan Kiky Saputri"
    tagged = _post(text, PILPRES_2024, ["ganjarcapres", "ganjarpresiden"])
    found = _found(engine, tagged)
    assert "text.debunk" in found
    assert "exception.debunk" not in found
    decision = engine.decide(tagged)
    assert decision.outcome.value != "pass"
    slogans = [
        ev
        for hit in decision.hits
        for ev in hit.evidence
        if ev.field.startswith("hashtags[") and ev.feature.startswith("campaign:")
    ]
    assert slogans


@pytest.mark.parametrize(
    ("text", "hashtags"),
    [
        ("Klarifikasi Pak Ganjar terkait roastingan Kiky Saputri", ["pilpres", "roasting"]),
        (
            "Cek fakta: klaim #PrabowoGibran2024 menang satu putaran versi KPU itu hoaks",
            ["PrabowoGibran2024"],
        ),
    ],
)
def test_a_debunk_with_topic_tags_or_the_claims_slogan_stays_a_debunk(
    engine: Engine, text: str, hashtags: list[str]
) -> None:
    """Topic tags are no slogan; a slogan a sentence uses as a word is the claim examined."""
    assert "exception.debunk" in _found(engine, _post(text, PILPRES_2024, hashtags))


def test_a_regulation_cited_by_number_and_year_is_no_ballot_number(engine: Engine) -> None:
    post = Post(
        platform=Platform.FACEBOOK,
        post_id="c1",
        action=Action.POST,
        account_id="fb:asn",
        transcript="Acuannya masih PKPU nomor 3 tahun 2017 tentang pencalonan",
        event_time=dt.datetime(2024, 1, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    )
    analysis = engine.analyse(post, complete=True)
    found = analysis.features.found if analysis.features else {}
    assert "text.number" not in found
    # the same number without the year of issue is read as before
    spoken = post.model_copy(update={"transcript": "Acuannya tetap nomor 3 di kampanye pilpres"})
    analysis = engine.analyse(spoken, complete=True)
    assert analysis.features is not None and "text.number" in analysis.features.found


def test_a_hashtag_written_in_the_text_and_listed_is_one_sign_of_its_race(
    engine: Engine,
) -> None:
    """A regional pair's common-word nickname needs another sign of its race where the author's
    region is unknown: the same hashtag in the text and in the post's list of hashtags is one
    name written once, not two names of the race."""
    post = _post(
        "Tujuan Pemilu mendapatkan pemimpin berintegritas #PemiluDamai #KaumMuda",
        "2024-10-20T09:00:00+07:00",
        hashtags=["PemiluDamai", "KaumMuda"],
    )
    found = _found(engine, post)
    assert not any(
        label.endswith("pilgub-kalimantan-barat-2024/03")
        for label in found.get("text.participant", ())
    )


def test_a_pairs_name_across_a_run_of_handles_is_accounts_tagged(engine: Engine) -> None:
    """ "@prabowo @gibran_tweet" tags two accounts: the pair's name read across them is whom
    the post addresses, not a participant it names."""
    post = _post(
        "Mari kawal demokrasi yang jujur. @aniesbaswedan @prabowo @gibran_tweet", PILPRES_2024
    )
    found = _found(engine, post)
    assert found.get("text.participant") == {"tagged account:pilpres-2024/02"}
    named = _post("Prabowo @gibran_tweet hebat", PILPRES_2024)
    assert "participant:pilpres-2024/02" in _found(engine, named)["text.participant"]


@pytest.mark.parametrize(
    "text",
    [
        # a number said in words heading a copula: what comes first is defined
        "Di pilpres ini bagi saya nomor satu adalah kerukunan warga",
        # a noun of concern before the number, one word between at most
        "Pilpres boleh beda, urusan pilihan nomor dua, persaudaraan tetap",
        "Prioritas nomor satu pemerintah di tahun pemilu adalah harga pangan",
    ],
)
def test_a_number_that_ranks_is_no_ballot_number(engine: Engine, text: str) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert "text.number" not in found
    assert found["exception.rank"] == {RANK}


def test_a_ballot_number_stays_a_ballot_number(engine: Engine) -> None:
    # a number after a vote word, or in digits before a copula, keeps its ballot reading
    for text in ("Di pilpres nanti coblos nomor dua", "Di pilpres nanti nomor 2 adalah pilihanku"):
        found = _found(engine, _post(text, PILPRES_2024))
        assert "exception.rank" not in found, text
        assert found.get("text.number") or found.get("text.participant"), text


@pytest.mark.parametrize(
    "text",
    [
        "Mantap 02",
        "Alhamdulillah 02 menang",
        "02 pasti jadi",
        "Prabowo? 02 hebat",
        "02 memang mantaaap",  # one adverb between the number and its verdict
        "02 tetap juara",
    ],
)
def test_a_bare_number_judged_by_the_word_beside_it_is_the_pair(engine: Engine, text: str) -> None:
    """Written as pairs are called, with its leading zero, and praised, wished or declared the
    winner by the word right beside it: the number is used as a name, with no election word."""
    found = _found(engine, _post(text, PILPRES_2024))
    assert "number:2->pilpres-2024/02" in found.get("text.number", set()), text


@pytest.mark.parametrize(
    "text",
    [
        "Mantap 2",  # no leading zero: a count as much as a pair
        "RT 02 mantap",  # a noun the number counts
        "Jam 02 menang",
        "02 hari lagi, mantap",  # no judging word right beside it
        "02 orang memang mantap",  # a noun, not an adverb, between them
        "RT 02 memang mantap",
    ],
)
def test_a_bare_number_without_its_zero_or_after_a_label_stays_no_sign(
    engine: Engine, text: str
) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert "text.number" not in found, text


def test_the_first_look_lets_a_judged_bare_number_through(engine: Engine) -> None:
    """One weak number alone never reaches the full look; beside a word that may judge it, it
    does, and the extractor decides."""
    judged = engine.analyse(_post("Mantap 02", PILPRES_2024))
    assert judged.features is not None
    assert engine.analyse(_post("Kamar 02", PILPRES_2024)).features is None


def test_an_account_tagged_in_the_words_of_a_post_without_mentions_is_named(
    engine: Engine,
) -> None:
    found = _found(engine, _post("Bangga dengan sosok @ganjarpranowo yang merakyat", PILPRES_2024))
    assert "candidate_account:pilpres-2024/03" in found["text.participant"]
    reply = _found(engine, _post("@ganjarpranowo @aniesbaswedan selamat pagi semua", PILPRES_2024))
    # a reply's opening handles are whom it addresses
    assert not any(
        label.startswith("candidate_account") for label in reply.get("text.participant", ())
    )
    honoured = _found(engine, _post("Saya merapat ke Pak @aniesbaswedan.", PILPRES_2024))
    assert "candidate_account:pilpres-2024/01" in honoured["text.participant"]
    closing = _found(engine, _post("Debatnya harus tetap santun @prabowo", PILPRES_2024))
    # a handle closing the post tags the account: no candidate's account named
    assert not any(label.startswith("candidate_account") for label in closing["text.participant"])


@pytest.mark.parametrize(
    "text",
    [
        "hahaha bacot lu ah @prabowo",
        "Badut semua kalian hahaha @prabowo @Gerindra",  # the whole closing run is addressed
        "Kamu gak pantas jadi presiden. @prabowo",
    ],
)
def test_a_closing_handle_after_words_in_the_second_person_names_the_one_addressed(
    engine: Engine, text: str
) -> None:
    """A post that speaks to "you" and closes with a handle says who "you" is: the account is
    named, as a mention the platform kept would be (features.py, written_mentions)."""
    found = _found(engine, _post(text, PILPRES_2024))
    assert "candidate_account:pilpres-2024/02" in found["text.participant"]


@pytest.mark.parametrize(
    "text",
    [
        "Debatnya harus tetap santun @prabowo",  # nobody addressed: the handle tags
        'Kata dia "kamu harus santun" ke semua @prabowo',  # the pronoun is in someone's words
    ],
)
def test_a_closing_handle_without_anyone_addressed_only_tags_the_account(
    engine: Engine, text: str
) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert not any(
        label.startswith("candidate_account") for label in found.get("text.participant", ())
    )


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Hebat semua paslon sepakat anti korupsi, rakyat sejahtera amin", False),
        ("Semoga debatnya lancar dan damai. Amin ya rabb", False),
        ("Saya pilih AMIN, sudah pasti", True),  # the pair, styled as an acronym
        ("Capres 2024: Amin paling tepat untuk Indonesia", True),  # a sentence opens with it
        ("Semoga pemilu damai, rakyat sejahtera amin 3x", False),  # the amen said thrice
        ("Semoga pemilu damai, rakyat SEJAHTERA ATAS IZIN ALLAH AMIN 3 YRA", False),  # shouted
        ("Pemilu sebentar lagi, rakyat sejahtera bersama AMIN 1", True),  # its ballot number
        ("Pemilu sebentar lagi, semoga menang AMIN", True),  # capitals amid plain letters
    ],
)
def test_a_prayers_amen_is_not_the_pair_of_that_name(engine: Engine, text: str, pair: bool) -> None:
    """ "amin" is a prayer word and the nickname of Anies-Muhaimin: closing a sentence (alone, with
    "ya rabb" or with how many times it is said) in plain letters, or in capitals among shouted
    words, it is the prayer."""
    found = _found(engine, _post(text, PILPRES_2024))
    named = any(
        label.endswith("pilpres-2024/01")
        for key, labels in found.items()
        if key.endswith(".participant")
        for label in labels
    )
    assert named is pair


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("oke gas nomor 2", True),  # the pair's common-phrase slogan and its own number agree
        ("gerak cepat, 03", True),
        ("oke gas nomor 3", False),  # another pair's number: the slogan and number disagree
        ("oke gas berangkat touring", False),  # the everyday phrase, with no second sign
    ],
)
def test_a_common_phrase_slogan_and_its_pairs_number_confirm_each_other(
    engine: Engine, text: str, named: bool
) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert ("text.campaign_term" in found) is named
    assert ("text.number" in found) is named


PILKADA_2024 = "2024-11-10T10:00:00+07:00"


def test_a_regency_pairs_one_word_name_is_read_in_its_regency_only(engine: Engine) -> None:
    """Pilkada 2024's 500 regent and mayor pairs are in the catalogue; a pair's one-word name
    ("Sudewo", Pati) names the pair for civil servants of Pati, and nowhere else: elsewhere, or
    where the author's region is unknown, it is a person's name (the call still reads as an
    endorsement of someone uncatalogued)."""
    post = _post("Pilkada sebentar lagi, dukung Sudewo jadi bupati", PILKADA_2024)
    in_pati = engine.analyse(post, Locality("Jawa Tengah", "Pati"), complete=True)
    assert in_pati.features is not None
    assert "participant:pilbup-pati-2024/01" in {
        ev.label for ev in in_pati.features.found["text.participant"]
    }
    for elsewhere in (Locality("Jawa Tengah", "Kudus"), None):
        found = engine.analyse(post, elsewhere, complete=True).features
        assert found is not None and "text.participant" not in found.found


def test_a_regency_pairs_name_is_asked_for_on_the_first_look_only_in_its_regency(
    engine: Engine,
) -> None:
    """ "Sudewo" is a Pati candidate's name and a person's: a post with it is worth the full look
    only from a civil servant of Pati."""
    post = _post("Kemarin ketemu Pak Sudewo di pasar", PILKADA_2024)
    assert engine._first_look(post, False, Locality("Jawa Tengah", "Pati")) is not None
    assert engine._first_look(post, False, Locality("Jawa Tengah", "Kudus")) is None
    assert engine._first_look(post, False, None) is None


def test_one_word_with_two_weak_meanings_is_one_weak_signal(engine: Engine) -> None:
    """ "Garuda" is a party's nickname and a regency candidate's name: one word, one weak
    signal, which alone is not worth judging."""
    post = _post("Timnas Garuda menang 2-0, mantap!", PILKADA_2024)
    assert engine.analyse(post, Locality("Jawa Tengah", "Pati")).features is None


def test_a_regency_pairs_name_of_two_words_is_asked_for_by_its_first(engine: Engine) -> None:
    """ "Ja'far" is read "ja far": the first look compares a text's words with the names, so a
    name of two words is asked for by its first (the full look then reads it whole)."""
    names = engine.lexicon.names_of_place("Kalimantan Selatan", "Hulu Sungai Selatan")
    assert "ja" in names and all(" " not in name for name in names)
    # the same regency however it is written, read once
    assert (
        engine.lexicon.names_of_place("Kalimantan Selatan", "Kabupaten Hulu Sungai Selatan")
        == names
    )


@pytest.mark.parametrize(
    ("tag", "when", "participant"),
    [
        ("PKSnomor8", "2023-05-12T09:00:00+07:00", "pileg-2024/08"),  # a number word between
        ("AMIN1", PILPRES_2024, "pilpres-2024/01"),  # "amin" alone may be a prayer's amen
        ("02PrabowoGibran", PILPRES_2024, "pilpres-2024/02"),  # the number first
    ],
)
def test_a_name_joined_to_its_own_ballot_number_is_a_campaign_tag(
    engine: Engine, tag: str, when: str, participant: str
) -> None:
    post = _post(f"Kunjungan ke pasar pagi ini #{tag}", when, [tag])
    assert f"campaign:{participant}" in _found(engine, post).get("text.campaign_term", set())
    assert engine.extractor.may_name_by_number_tag(post.text)


@pytest.mark.parametrize(
    ("tag", "when"),
    [
        ("AMIN2", PILPRES_2024),  # another pair's number: the signals disagree
        ("AMIN1", "2021-05-07T09:00:00+07:00"),  # out of the election's season
        ("COVID19", PILPRES_2024),  # a number with no participant's name
    ],
)
def test_a_name_and_a_number_that_do_not_agree_make_no_campaign_tag(
    engine: Engine, tag: str, when: str
) -> None:
    post = _post(f"Kunjungan ke pasar pagi ini #{tag}", when, [tag])
    labels = _found(engine, post).get("text.campaign_term", set())
    assert not any(label.startswith("campaign:pilpres-2024/01") for label in labels)
    assert not any(label.startswith("campaign:pileg") for label in labels)
    assert engine.extractor.may_name_by_number_tag(post.text) == tag.startswith("AMIN")


@pytest.mark.parametrize(
    "text", ["Tetap 02", "Pokoknya 01 titik", "Masio disigar, panggah nomor 2"]
)
def test_a_number_held_to_whatever_happens_is_the_pairs_sign(engine: Engine, text: str) -> None:
    """ "Tetap 02", "pokoknya 01", Javanese "panggah nomor 2": the choice kept is one made
    (the language's strong number forms), and the first look lets it through."""
    found = _found(engine, _post(text, PILPRES_2024))
    assert "text.number" in found, text
    assert engine.analyse(_post(text, PILPRES_2024)).features is not None


@pytest.mark.parametrize("text", ["Indonesia tetap nomor 1 di hati", "Tetap di nomor 2 klasemen"])
def test_a_rank_held_is_no_ballot_number(engine: Engine, text: str) -> None:
    found = _found(engine, _post(text, PILPRES_2024))
    assert "text.number" not in found, text


@pytest.mark.parametrize(
    "text",
    [
        "Insya Allah menang 70 persen",
        "kita harus menang di Tapalang, minimal 57 persen",
        "Target kita menang di angka 60 persen",
    ],
)
def test_a_victory_aimed_at_with_its_share_is_read(engine: Engine, text: str) -> None:
    """The speaker's side's victory as an aim, with the share it is to win by: the first look
    lets it through (a share and a victory in one field) and the extractor reads it."""
    assert engine.analyse(_post(text, PILPRES_2024)).features is not None
    assert "text.vote_share" in _found(engine, _post(text, PILPRES_2024)), text


def test_a_share_written_with_a_percent_sign_is_read_in_a_full_look(engine: Engine) -> None:
    """The quick form drops "%": a share so written is read when the full look runs."""
    found = _found(engine, _post("Pokoknya kita menang 60%, coblos 02", PILPRES_2024))
    assert "text.vote_share" in found


@pytest.mark.parametrize(
    "text",
    [
        "Paslon 2 unggul 45 persen menurut survei",  # a share told of: no aim before it
        "Kita menang 2-0, penguasaan bola 60 persen",  # a match won
        "Kita harus menang. Inflasi turun 2 persen",  # the share in another sentence
        "Kita harus menang di TPS. 57 persen warga hadir",  # there after a short word's stop
        "Insya Allah menang lomba, hadiahnya naik 10 persen tahun depan dan seterusnya",  # too far
    ],
)
def test_a_share_told_of_or_out_of_reach_is_no_vote_share(engine: Engine, text: str) -> None:
    assert "text.vote_share" not in _found(engine, _post(text, PILPRES_2024)), text


AFTER_PILPRES_2024 = "2025-03-05T09:00:00+07:00"  # the winners in office, no national race run


def test_a_slogan_of_an_election_over_is_no_campaign_term(engine: Engine) -> None:
    """ "Asta Cita" was a 2024 pair's slogan and is the government's programme after it: once
    the election's numbers stop mattering it names the candidate, no campaign."""
    during = _found(engine, _post("Wujudkan Asta Cita", PILPRES_2024))
    after = _found(engine, _post("Wujudkan Asta Cita", AFTER_PILPRES_2024))
    assert "text.campaign_term" in during
    assert "text.campaign_term" not in after
    assert any(label.startswith("a past campaign's slogan") for label in after["text.participant"])


@pytest.mark.parametrize(
    "text",
    [
        "Dukung program 3 juta rumah Presiden Prabowo, Kementerian PKP salurkan bantuan",
        "Mendukung Asta Cita, Pemkab Blora luncurkan program makan bergizi gratis",
    ],
)
def test_backing_an_office_holders_programme_after_the_election_is_no_campaign(
    engine: Engine, text: str
) -> None:
    analysis = engine.analyse(_post(text, AFTER_PILPRES_2024), complete=True)
    assert analysis.features is not None
    assert "exception.office_holder" in analysis.features.found
    assert not analysis.decision.hits, text


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Dukung program makan siang gratis Prabowo", PILPRES_2024),  # the race being run
        ("Dukung Prabowo lanjut di pilpres 2029", AFTER_PILPRES_2024),  # talk of an election
        ("Dukung Golkar terus", AFTER_PILPRES_2024),  # a party stands in every election
    ],
)
def test_a_candidate_of_a_race_in_season_or_election_talk_is_no_office_holder(
    engine: Engine, text: str, when: str
) -> None:
    assert "exception.office_holder" not in _found(engine, _post(text, when)), text


@pytest.mark.parametrize("text", ["Pilihki nomor 2 nah", "Coblosmi 02 ya", "Coblosi nomor 2 sanak"])
def test_a_vote_verb_with_a_makassar_or_bugis_particle_names_the_number(
    engine: Engine, text: str
) -> None:
    assert "text.number" in _found(engine, _post(text, PILPRES_2024)), text


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("@kang_cebong @strike_bravo_b jadwal rapat RT besok jam berapa ya pak?", None),
        ("Dasar cebong, dikasih fakta tetap saja ngeyel @kang_budi", "text.camp_epithet"),
        ("@strike_bravo_b bravo untuk timnya, kerja bagus", "text.evaluation_cue"),
    ],
)
def test_a_cue_inside_a_mentioned_account_is_no_word_of_the_post(
    engine: Engine, text: str, cue: str | None
) -> None:
    """An account's name ("@kang_cebong") is not the author's words: a cue read only inside it
    is dropped, and the same word written outside a mention is still read."""
    found = _found(engine, _post(text, PILPRES_2024))
    if cue is None:
        assert "text.camp_epithet" not in found
        assert "text.evaluation_cue" not in found
    else:
        assert cue in found
