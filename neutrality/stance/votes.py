"""Votes that urge nobody: voter education, the right to vote, a vote told of, a result, a win.

A call to vote whose object is an office, a description, the ballot, or the time and place of
the vote is voter education (`education`); a modal of right or a restriction to the booth states
the right to vote, a clause of time tells when (`vote_stated`); a vote after "usai" or with a
question as its object is no call (`no_call`); a win word with its figure is a result
(`result_figure`), a win of the election itself with its subject there is told
(`contest_won`), and once the polls have closed a win told of a place is that place's tally
(`result_placed`). Each keeps a vote word from being read as a call for a side.
"""

from __future__ import annotations

import re

from neutrality.featureset import Ev
from neutrality.holder import QUESTION_WORDS
from neutrality.stance.negation import CONDITIONS
from neutrality.stance.words import RELATIVE, WORD
from neutrality.wordclasses import ELECTION_EVENTS, ELECTIONS, OWN_WIN_MODALS, word_set

TIME_TOLD = "a vote placed in a clause of time, nobody urged"
CONFINE_WINDOW = 6  # words from a vote or support verb to the restriction confining it
# Restrictive adverbs ("only", "just", "no more than"): a closed class.
_CONFINING = frozenset(["hanya", "cuma", "cukup", "sebatas", "semata", "hanyalah", "only"])
_BALLOT_PREPOSITIONS = frozenset(["di", "dalam", "didalam", "ke", "pada", "saat", "in", "at"])
_BALLOT_PLACES = frozenset(["bilik", "tps", "kotak", "ballot", "booth"])
# Personal pronouns and the reflexive that may be the subject of a clause of time: a closed class.
_SUBJECT_PRONOUNS = frozenset(
    [
        "saya",
        "aku",
        "kami",
        "kita",
        "kamu",
        "anda",
        "kalian",
        "dia",
        "ia",
        "beliau",
        "mereka",
        "dirinya",
    ]
)

_WIN_CALL = "menangkan"  # "menangkan", "memenangkan", "ayo menangkan": making a side win

RESULT_FIGURE = "a result in figures"
RESULT_WINDOW = 2  # words between a win word and the figure it won by
_WIN_WORDS = word_set("menang unggul telak mutlak memenangkan menangkan kalah")
RESULT_SPAN = 4  # words between a win word and the verb of obtaining that brings its figure
_OBTAINING = word_set(
    "meraih meraup memperoleh mendapat mendapatkan mengantongi perolehan raihan sebesar "
    "mencapai menyabet"
)
# Temporal conjunctions: the act after one is placed in time, not urged.
_TEMPORAL = word_set(
    "usai seusai setelah stlh sesudah sebelum sblm saat ketika waktu sejak pasca selesai habis "
    "sehabis abis"
)
# Markers of a completed act ("sudah", "telah" and their spoken and written short forms): the
# vote after one is told as done, not urged.
_DONE = word_set("sudah telah udah udh sdh sudh tlh dah")
# What may follow a vote told as done without naming a side: the election voted in, where and
# when, and the particles of speech (closed classes).
_NO_SIDE_AFTER = ELECTIONS | word_set(
    "di ke tadi hari pagi siang sore malam ini kemarin barusan sekarang dong ya yah nih kok lho "
    "loh kan deh kah belum juga dan tapi"
)
# Question words (Indonesian, Javanese, Sundanese, Betawi): the object of a question.
_QUESTION = QUESTION_WORDS
# "untuk memilih <office>" after an election's name: the election's purpose, told (the offices
# are `_OFFICES`, below).
_PURPOSE = word_set("untuk utk guna")
PURPOSE_REACH = 3  # words between the election's name and "untuk" ("demokrasi lokal untuk")
RIGHT_VOTE = "the right to vote stated"
# Modals of ability, permission and right before a vote verb ("bisa memilih", "berhak memilih").
_RIGHT_MODALS = word_set("bisa boleh dapat berhak bebas leluasa sanggup mampu")

# Hortatives urge whatever follows them; the lists whose words make that partisan.
HORTATIVES = frozenset(["ayo", "yuk", "mari", "jangan lupa"])

WHEN_WHERE_VOTE = "when and where to vote"
_WHEN_WHERE = word_set("di pada tanggal tgl hari saat nanti besok surat kertas ke tps bilik")
_MONTHS = word_set(
    "januari februari pebruari maret april mei juni juli agustus september oktober november "
    "desember jan feb mar apr jun jul agu agt agus sep sept okt nov des"
)
OFFICE_VOTE = "voting for an office"
BALLOT_VOTE = "the ballot voted on"
# A passive vote verb ("dicoblos", "dipilih") after a ballot as its subject ("lima kertas yang
# akan dicoblos", "surat suara yang sudah dicoblos"): the ballot is described, nobody chosen.
_BALLOTS = word_set("kertas surat kartu lembar lembaran kolom kotak")
_BALLOT_LINKS = word_set("yang akan sudah telah harus bisa dapat untuk nanti tidak suara")
BALLOT_WINDOW = 4  # words between the ballot and the passive verb
CRITERIA_VOTE = "choosing by criteria"
OFFICE_WINDOW = 3  # "pilih calon kepala daerah": determiners before the office voted for
_DETERMINERS = word_set("calon seorang para sang sosok figur")
# After the office, a word that ends its phrase: function words and the openers of a new clause
# (punctuation is gone from normalised text).
_CLAUSE_WORDS = word_set(
    "dan di ke pada untuk secara dengan agar supaya karena nanti ya ini itu periode tahun "
    "semoga mari ayo jangan insyaallah "
)
_OFFICE_TAILS = word_set("kota daerah desa rakyat ri dki provinsi kabupaten")
# Offices, not candidates: "memilih caleg" may mean one caleg, "memilih presiden" never does.
_OFFICES = word_set(
    "presiden wakil wapres gubernur wagub bupati wabup walikota wali pemimpin pimpinan kepala "
    "legislatif anggota dewan dprd dpr dpd senator pemimpinnya kades "
)
_OFFICE_QUALIFIED = RELATIVE  # "pemimpin yang amanah" asks for a kind; "pemimpin kafir" a side


def result_figure(ev: Ev, figured: set[str], texts: dict[str, str]) -> bool:
    """A win word followed by a number, in a field that gives percentages: a result ("menang
    telak 58,45% versi quick count", "menang satu putaran dengan meraih 50 persen"), not a wish
    or a slogan. The slogan a win word opens ("satu putaran" after "menang") is part of it."""
    if ev.field not in figured or ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    before = text[max(0, ev.start - 20) : ev.start].split()[-1:]
    if not words or not (words[-1] in _WIN_WORDS or (before and before[0] in _WIN_WORDS)):
        return False
    after = text[ev.end : ev.end + 80].split()[: RESULT_SPAN + RESULT_WINDOW]
    if any(w.isdigit() for w in after[:RESULT_WINDOW]):
        return True
    # "menang satu putaran dengan meraih 50 persen": a verb of obtaining brings the figure in
    for i, word in enumerate(after[:RESULT_SPAN]):
        if word in _OBTAINING:
            return any(w.isdigit() for w in after[i + 1 : i + 1 + RESULT_WINDOW])
    return False


def no_call(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote verb that urges nothing: after a temporal conjunction it tells when something
    happened ("Usai Nyoblos, Ahok Tersenyum"), with a question word as its object it asks
    ("mamak pilih apa?", "pilih siapa nih"), after an election's name and "untuk", with an
    office as its object, it tells what the election is for ("perhelatan demokrasi lokal untuk
    memilih pemimpin definitif", "Pilkada 27 November untuk memilih gubernur"), and after a
    marker of the completed act with no side as its object it tells that the author voted
    ("Sudah nyoblos Pilgub & Pilbup", "udah nyoblos tadi pagi"); "sudah pilih Prabowo" names
    the choice and stays one."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[max(0, ev.start - 20) : ev.start].split()[-1:]
    after = text[ev.end : ev.end + 20].split()[:1]
    if (before and before[0] in _TEMPORAL) or (after and after[0] in _QUESTION):
        return True
    if before and before[0] in _PURPOSE and after and after[0] in _OFFICES:
        return _after_election(text[: ev.start].split()[:-1])
    return bool(before and before[0] in _DONE) and (not after or after[0] in _NO_SIDE_AFTER)


def _after_election(before: list[str]) -> bool:
    """Whether an election (or "demokrasi", its feast) is named in the last PURPOSE_REACH words:
    "perhelatan demokrasi lokal untuk memilih pemimpin" says what the election is for."""
    return not ELECTION_EVENTS.isdisjoint(before[-PURPOSE_REACH:])


CONTEST_WON = "winning the election said of its subject"
_WIN_STEM = "menang"
# The elections themselves are the object a win verb names when its subject wins one; a debate
# won is a verdict on a performance, not an election's result.
_CONTESTS = ELECTIONS
CONDITION_WINDOW = 3  # words between a conditional and the win verb it governs ("jika nantinya")
# What a win verb wins when the election is what is won: the election or its vote ("menunjukkan
# bahwa kotak kosong memenangkan suara").
_WON_OBJECTS = _CONTESTS | {"suara"}
# "bahwa" opens the content of a verb of saying or showing: a win told, not urged.
_COMPLEMENTISERS = word_set("bahwa bhw")


def contest_won(ev: Ev, texts: dict[str, str], name_ends: set[tuple[str, int | None]]) -> bool:
    """A win verb whose object is the election itself or its vote ("memenangkan Pilpres",
    "menangkan pemilu", "memenangkan suara") with its subject there: a participant named right
    before it ("membawa X memenangkan Pilpres 2024": X wins), a condition governing it
    ("berjanji ... jika nantinya memenangkan Pemilihan Presiden"), the win supposed, or a
    "bahwa" clause ("hasil Pilkada menunjukkan bahwa kotak kosong memenangkan suara"), the win
    told. Nobody is urged to make a side win, as "menangkan X" does; a wish for the win
    ("semoga X memenangkan pilpres") is the mood reader's, and an imperative with no subject
    ("Ayo menangkan pemilu!") stays a call."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if len(words) != 1 or _WIN_STEM not in words[0]:
        return False
    after = text[ev.end : ev.end + 30].split()[:1]
    if not after or after[0] not in _WON_OBJECTS:
        return False
    if (ev.field, ev.start - 1) in name_ends:
        return True
    before = text[max(0, ev.start - 60) : ev.start].split()[-CONDITION_WINDOW:]
    return not CONDITIONS.isdisjoint(before) or not _COMPLEMENTISERS.isdisjoint(before)


def _right_stated(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote verb right after a modal of ability, permission or right ("ASN bisa memilih",
    "warga berhak memilih", "boleh memilih"): the right to vote stated, not a call. Only with
    nobody named: "bisa pilih X" may suggest X."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 20) : ev.start].split()[-1:]
    return bool(before) and before[0] in _RIGHT_MODALS


def vote_stated(name: str, ev: Ev, texts: dict[str, str]) -> str | None:
    """Why a vote or support word of list `name` urges nobody, if it does not: the right to
    vote stated (`_right_stated`, `_confined_to_ballot`) or the vote placed in time
    (`_in_time_clause`). A first-person cue is the author's own, never either."""
    if name == "first_person":
        return None
    if (name == "call_to_vote" and _right_stated(ev, texts)) or _confined_to_ballot(ev, texts):
        return RIGHT_VOTE
    if _in_time_clause(ev, texts):
        return TIME_TOLD
    return None


def _confined_to_ballot(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote or support confined to the ballot: within CONFINE_WINDOW words after the verb, a
    restrictive adverb (`_CONFINING`), at most one preposition, then the booth or the polling
    station ("ASN silakan mendukung calon tetapi hanya dalam bilik suara", "dukungan cukup di
    TPS"). The rule officials give their staff: the right to vote, not a call."""
    if ev.end is None or ev.raw:
        return False
    after = texts.get(ev.field, "")[ev.end :].split()[: CONFINE_WINDOW + 2]
    for i, word in enumerate(after[:CONFINE_WINDOW]):
        if word in _CONFINING:
            rest = after[i + 1 : i + 3]
            if rest and rest[0] in _BALLOT_PREPOSITIONS:
                rest = rest[1:]
            return bool(rest) and rest[0] in _BALLOT_PLACES
    return False


def _in_time_clause(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote verb in a clause of time with its own subject pronoun ("ketika dirinya memilih",
    "saat kita memilih nanti"): it tells when, as "usai nyoblos" does (`no_call`)."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 30) : ev.start].split()[-2:]
    return len(before) == 2 and before[0] in _TEMPORAL and before[1] in _SUBJECT_PRONOUNS


def hortative(ev: Ev, texts: dict[str, str]) -> bool:
    """A hortative with words after it (at the very end, "...yuk mari", it urges what the post
    said before it)."""
    if ev.start is None or ev.end is None:
        return False
    text = texts.get(ev.field, "")
    return text[ev.start : ev.end] in HORTATIVES and WORD.search(text, ev.end) is not None


def _chosen_by_criteria(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote whose object is a description ("pilih yang programnya masuk akal", "pilihlah
    yang terbaik menurut hati nurani"): with no participant named, it is voter education."""
    if ev.end is None:
        return False
    after = texts.get(ev.field, "")[ev.end : ev.end + 20].split()
    return bool(after) and after[0] in RELATIVE


def education(
    ev: Ev, texts: dict[str, str], named_here: bool, originals: dict[str, str]
) -> str | None:
    """Why a call to vote is voter education, if it is: its object is an office, or (with no
    participant named) a description or the time and place of the vote. A call to make
    someone win ("menangkan di wilayah masing-masing") always has a side as its object, named
    or not: it is never education."""
    if ev.start is not None and _WIN_CALL in texts.get(ev.field, "")[ev.start : ev.end]:
        return None
    if _office_object(ev, texts):
        return OFFICE_VOTE
    if named_here:
        return None
    if _chosen_by_criteria(ev, texts):
        return CRITERIA_VOTE
    if _ballot_voted(ev, texts, originals):
        return BALLOT_VOTE
    if _when_and_where(ev, texts):
        return WHEN_WHERE_VOTE
    return None


def _ballot_voted(ev: Ev, texts: dict[str, str], originals: dict[str, str]) -> bool:
    """A passive vote verb whose subject is a ballot ("ada lima kertas yang akan dicoblos"):
    the ballot described, as voter education describes it. The normaliser folds "dicoblos" to
    "coblos", so the passive is read in the words as written."""
    if ev.start is None or ev.end is None:
        return False
    text = texts.get(ev.field, "")
    verb = text[ev.start : ev.end].split(" ", 1)[0]
    if not verb.isalpha():
        return False
    for word in reversed(text[max(0, ev.start - 60) : ev.start].split()[-BALLOT_WINDOW:]):
        if word in _BALLOTS:
            orig = originals.get(ev.field, "")
            return re.search(rf"(?<![^\W_])di-?{verb}(?![^\W_])", orig, re.IGNORECASE) is not None
        if word not in _BALLOT_LINKS:
            return False
    return False


def _when_and_where(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote followed by its time, place or ballot ("ayo memilih 14 februari", "coblos di dalam
    kotak", "coblos surat suara"): with no participant named, turnout or ballot instructions."""
    if ev.end is None:
        return False
    after = texts.get(ev.field, "")[ev.end : ev.end + 40].split()[:2]
    if not after:
        return False
    if after[0] in _WHEN_WHERE:
        return True
    return after[0].isdigit() and len(after) > 1 and after[1] in _MONTHS


def _office_object(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote whose object is an office, not a person: "untuk memilih presiden", "pilihlah
    pemimpin yang amanah" speak of the election itself (a participant named as the object,
    "pilih calon nomor 2", is not this)."""
    if ev.end is None:
        return False
    words = texts.get(ev.field, "")[ev.end : ev.end + 60].split()
    for i, word in enumerate(words[:OFFICE_WINDOW]):
        if word in _OFFICES:
            rest = words[i + 1 :]
            while rest and (rest[0] in _OFFICES or rest[0] in _OFFICE_TAILS):  # "wali kota"
                rest = rest[1:]
            return not rest or rest[0] in _OFFICE_QUALIFIED or rest[0] in _CLAUSE_WORDS
        if word not in _DETERMINERS:
            return False
    return False


RESULT_PLACED = "a win told of a place, once the polls have closed"
# Phases from polling day on, when a side's win in a place is the count's.
AFTER_THE_VOTE = ("phase.voting", "phase.post_election")
# Intransitive words of winning: "X menang" tells who won; "menangkan X" makes a side win.
_WON = word_set("menang unggul")
PLACE_WINDOW = 4  # words between a win word and the place it is told of
MODAL_WINDOW = 3  # words before a win word where a modal makes it the speaker's aim
# Prepositions of place: "menang di Demak", "untuk Bengkulu menang".
_AT = word_set("di dikota didaerah untuk")
# Nouns of a place with the first person's "-ku" ("didesaku", "daerahku", "tpsku"): the
# speaker's own place, told of.
_OWN_PLACES = ("desaku", "daerahku", "kampungku", "tpsku", "kotaku", "kecamatanku", "dapilku")
# Words that may follow a preposition of place without being a place ("di sini" is, "di hukum"
# is a passive written apart).
_NOT_PLACES = word_set("hukum sana mana atas bawah antara dalam luar depan belakang sisi saat")


def result_placed(ev: Ev, texts: dict[str, str]) -> bool:
    """A bare win word with a place beside it once the polls have closed ("Partai Golkar menang
    di Demak dengan total perolehan suara", "Didesaku di jawatengah 02. Menang", "untuk
    bengkulu menang presiden ya Prabowo"): a tally of the place told, not the speaker's hope.
    A first person, a must, a prayer or a forecast before it (`OWN_WIN_MODALS`: "kita menang
    di sini", "insyaallah menang di Menes") keeps it the speaker's."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if len(words) != 1 or words[0] not in _WON:
        return False
    before = text[: ev.start].split()
    if not OWN_WIN_MODALS.isdisjoint(before[-MODAL_WINDOW:]):
        return False
    after = text[ev.end :].split()[:PLACE_WINDOW]
    near = [*before[-PLACE_WINDOW:], "", *after]  # "" stands for the win word itself
    if any(w.endswith(_OWN_PLACES) for w in near):
        return True
    return any(
        w in _AT and i + 1 < len(near) and near[i + 1] and near[i + 1] not in _NOT_PLACES
        for i, w in enumerate(near)
    )
