"""Whose support is it? The subject of a support or win verb.

A support verb beside a participant's name ("dukung", "pilih", "menangkan") is the author's
endorsement only when the author is its subject: a first person ("saya dukung X"), or no subject
at all (an imperative or a slogan, "Dukung X!", "Ayo pilih X"). A third party named before the
verb ("Projo Jabar deklarasi dukung X", "Relawan ... siap menangkan X", "Tokoh besar Madura ...
dukung X") or as the speaker a headline credits after it ("Mantap dukung X, Yenny Wahid: ...")
holds the support; passed on beside a link or as a headline, that is news of someone else's
stance. A verb whose subject is the person addressed holds no support this reader knows: whether
the clause asks them ("Jadi loe pilih mana, X apa Y?") is the question reader's to say
(neutrality.question), so one mechanism reads questions.

The subject may carry a short gloss in parentheses ("Partai Persatuan Indonesia (Perindo)"), a
modifier of place ("ratusan warga di kabupaten X"); a verb after a preposition of purpose takes
the subject opening its clause ("Partai X bekerja sama dengan Y untuk mendukung Z"), and a verb
in the complement of a verb of saying is held by that verb's subject ("Ketua X memastikan
bahwa ... akan memenangkan Y").

The reader works on the words the person wrote (their capitals and punctuation mark names and
clause boundaries, which normalised text has lost), and classes words by grammar, never by
phrases of particular posts: pronouns, group nouns, titles and roles, auxiliaries and the verbs
of declaring that stand between a subject and its verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from neutrality.wordclasses import FIRST_PERSONS, SECOND_PERSONS, word_set


class Holder(Enum):
    """Who a support verb belongs to."""

    AUTHOR = "author"  # a first person before the verb
    THIRD_PARTY = "third party"  # a named person or organisation, a group, a title or role


# Nouns of a group of people, the subject of a collective declaration: supporters, volunteers,
# members, residents, communities, organisations, parties and alliances, and the counting words
# that open a crowd ("ribuan warga").
_GROUP_NOUNS = word_set(
    "relawan sukarelawan simpatisan pendukung kader anggota massa warga masyarakat rakyat "
    "tokoh ulama kiai kyai santri jamaah jemaah umat ormas organisasi komunitas paguyuban "
    "forum aliansi koalisi partai parpol barisan laskar tim timses asosiasi serikat ikatan "
    "himpunan persatuan perkumpulan keluarga kelompok kalangan golongan elemen pemuda "
    "mahasiswa buruh petani nelayan pedagang pengusaha emak ibu-ibu bapak-bapak alumni "
    "ribuan ratusan puluhan jutaan sejumlah"
)
# Titles and roles: offices, ranks, religious and academic titles, kinship to a public figure.
_TITLES = word_set(
    "ketua ketum sekjen bendahara direktur presiden wapres menteri gubernur wagub bupati wabup "
    "walikota camat lurah kades kepala panglima jenderal purnawirawan habib ustaz ustadz "
    "ustad syekh romo pendeta biksu profesor prof dokter artis aktor aktris presenter penyanyi "
    "komedian selebriti pengamat pakar politisi politikus mantan eks putri putra istri suami "
    "cucu menantu"
)
# Auxiliaries, adverbs and verbs of declaring between a subject and the support verb ("resmi
# dukung", "siap menangkan", "deklarasi dukung", "ngaku dukung"): read past to find the
# subject, and no subject themselves.
_BETWEEN = word_set(
    "siap akan bakal telah sudah udah sdh resmi tetap ttp terus juga jg pun ikut kompak "
    "sepakat bertekad tekad tegas mantap makin semakin kembali bulat solid ramai serentak "
    "langsung pasti optimis yakin secara terang terangan sepenuhnya penuh all in "
    "deklarasi deklarasikan mendeklarasikan menyatakan nyatakan mengaku ngaku umumkan "
    "mengumumkan memutuskan putuskan berkomitmen komitmen berjanji janji siap-siap "
    # the reflexive object of a verb of declaring ("menyatakan diri", "mendeklarasikan diri")
    "diri"
)
# Words that open a subordinate clause or a phrase: a verb after one has no subject of its own
# before it ("hanya dengan memenangkan X", "kalau cinta X pasti dukung Y").
_NO_SUBJECT = word_set(
    "dengan untuk utk dari di ke pada oleh bagi demi buat karena krn sebab jika bila kalau "
    "kalo klo apabila andai seandainya agar supaya biar usai setelah sesudah sebelum saat "
    "ketika sejak tanpa yang yg hanya cuma ayo yuk mari"
)
# Prepositions of place and origin that open a modifier inside a subject ("ratusan warga di
# kabupaten X", "relawan dari Jawa Barat"): a closed class. The words before one are the head.
_LOCATIVES = word_set("di dari asal se")
# The words of `_NO_SUBJECT` a subject's locative modifier may hold: the locatives themselves.
_CLAUSE_OPENERS = _NO_SUBJECT - _LOCATIVES
# The words of `_NO_SUBJECT` that open a subordinate clause, a relative or a hortative (its
# prepositions left out): a clause holding one has no plain subject at its start for a
# purpose clause to take.
_SUBORDINATE = _NO_SUBJECT - word_set("dengan untuk utk dari di ke pada oleh bagi demi buat")
# Complementisers: a clause after one is what the verb of saying or knowing before it reports.
_COMPLEMENTISERS = word_set("bahwa bahwasanya bhw")
# Prepositions of purpose before an infinitive ("... bekerja sama dengan Y untuk mendukung X"):
# the verb after one has no subject of its own; the clause's subject holds it.
_PURPOSE = word_set("untuk utk guna demi")
# A short gloss in parentheses inside a name: an acronym or a second name ("Partai Persatuan
# Indonesia (Perindo)", "Tim Pemenangan Nasional (TPN)"): up to four words, no clause mark.
_GLOSS = re.compile(r"\(([^()\n.,;:!?\"“”]{1,40})\)")
GLOSS_WORDS = 4
# Stems of the transitive verbs of supporting, voting and winning someone: their subject holds
# the support. "X menang", "X presiden 2024" have the participant as subject: no holder there.
_TRANSITIVE_STEMS = ("dukung", "pilih", "milih", "coblos", "menangkan", "menangin", "usung", "bela")
SUBJECT_WORDS = 8  # words of a subject read back from the verb, past auxiliaries
# Clause boundaries in the written text: punctuation, a bar or a spaced dash between titles, a
# line break, a link.
_CLAUSE_STOP = re.compile(r"[.!?;:,|\n()\[\]\"“”]|\s[-–—]\s|https?://\S+")
# Connectives that open a new clause ("makanya coblos X", "jadi loe pilih mana"): the subject
# is read after the last of them.
_CONNECTIVES = word_set("jadi maka makanya sehingga tapi tetapi namun lalu kemudian trus")
_WORD = re.compile(r"[#@]?[^\W_][\w'’-]*")
# A headline's speaker credited after its claim: ", Yenny Wahid: ..." (one to four capitalised
# words and a colon, closing the clause that holds the verb).
_CREDITED_SPEAKER = re.compile(
    r"^[^.!?:\n]*?,[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:"
)
# Question words (Indonesian, Javanese, Sundanese, Betawi): an open question, not a leading one
# ("kamu pilih X kan?" asks for agreement).
QUESTION_WORDS = word_set(
    "apa siapa sapa mana manakah siapakah apakah opo sopo endi naon saha mane"
)


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject found for a support verb: who holds it and where its words are in the
    original text (what the explanation highlights). Made only for the few verbs read."""

    holder: Holder
    words: str
    start: int
    end: int


def locate(orig: str, norm: str, start: int, end: int) -> tuple[int, int] | None:
    """Original [start, end) of the first word of normalised `norm[start:end]`: the same word,
    counted as often before it. None when normalisation changed the word (a spelling folded to
    it), so no subject is guessed."""
    word = norm[start:end].split(" ", 1)[0]
    if not word:
        return None
    nth = norm[:start].split().count(word)
    pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
    for i, m in enumerate(pattern.finditer(orig)):
        if i == nth:
            return m.start(), m.end()
    return None


_TRANSITIVE = re.compile("|".join(_TRANSITIVE_STEMS))


def transitive(words: str) -> bool:
    """Whether normalised `words` hold a verb of supporting, voting for or winning someone."""
    return _TRANSITIVE.search(words) is not None


def _name(words: list[str], at_clause_start: bool) -> bool:
    """Capitals mark a name: two capitalised words, an acronym, or one capitalised word that
    does not open its clause (the first word of a sentence is capitalised anyway)."""
    capital = sum(1 for w in words if w[0].isupper())
    if capital >= 2 or any(len(w) > 1 and w.isupper() and w.isalpha() for w in words):
        return True
    return capital == 1 and not (at_clause_start and words[0][0].isupper())


def _unglossed(orig: str, start: int) -> str:
    """`orig` with the parentheses of each short gloss before `start` blanked ("Partai
    Persatuan Indonesia (Perindo) resmi mendukung" reads as one name before the verb), the same
    length, so offsets hold. A longer aside in parentheses stays a clause of its own."""
    if "(" not in orig[:start]:
        return orig

    def blank(m: re.Match[str]) -> str:
        if len(m.group(1).split()) > GLOSS_WORDS:
            return m.group()
        return f" {m.group(1)} "

    return _GLOSS.sub(blank, orig[:start]) + orig[start:]


def _holder_of(
    orig: str, tokens: list[re.Match[str]], at_clause_start: bool, *, strict: bool = False
) -> Subject | None:
    """Who the subject words `tokens` name: a first person is the author; a second person
    nobody this reader knows; a group noun, a title or a name (capitals, `_name`) a third
    party. `strict` asks more of capitals alone (the subject of a clause read from its start,
    not the words right before the verb): an acronym, or two capitalised words after the
    first, since a sentence's first word is capitalised anyway ("Saatnya Indonesia ...")."""
    words = [m.group() for m in tokens]
    lowered = [w.casefold() for w in words]
    last = tokens[-1].end()
    if orig[last : last + 1] == ")" and "(" in orig[tokens[0].start() : last]:
        last += 1  # the gloss's closing parenthesis
    span = (tokens[0].start(), last)
    if not FIRST_PERSONS.isdisjoint(lowered):
        return Subject(Holder.AUTHOR, orig[span[0] : span[1]], *span)
    if not SECOND_PERSONS.isdisjoint(lowered):
        # the person spoken to: whether they are asked, and so whether the clause takes no
        # side, is the question reader's to say (neutrality.question)
        return None
    if not _GROUP_NOUNS.isdisjoint(lowered) or not _TITLES.isdisjoint(lowered):
        return Subject(Holder.THIRD_PARTY, orig[span[0] : span[1]], *span)
    if strict:
        named = any(len(w) > 1 and w.isupper() and w.isalpha() for w in words) or (
            sum(1 for w in words[1:] if w[0].isupper()) >= 2
        )
    else:
        named = _name(words, at_clause_start)
    return Subject(Holder.THIRD_PARTY, orig[span[0] : span[1]], *span) if named else None


def _modified_head(tokens: list[re.Match[str]]) -> list[re.Match[str]] | None:
    """The head of a subject that a modifier of place or origin follows ("Ratusan masyarakat
    lintas profesi di kabupaten X", "relawan dari Y"): the words before the first locative,
    when the clause holds no other word that opens a clause or phrase (a condition, a
    relative, a purpose) and the head and its modifier are a subject's length."""
    lowered = [m.group().casefold() for m in tokens]
    if not _CLAUSE_OPENERS.isdisjoint(lowered):
        return None
    at = next((i for i, w in enumerate(lowered) if w in _LOCATIVES), 0)
    if at == 0 or at > SUBJECT_WORDS or len(tokens) - at - 1 > SUBJECT_WORDS:
        return None
    return tokens[:at]


def _clause_subject(orig: str, tokens: list[re.Match[str]]) -> Subject | None:
    """The holder of a verb after a preposition of purpose ("Partai X resmi bekerja sama
    dengan Y untuk mendukung Z"): the subject that opens the clause, the words up to the first
    lower-case word that is neither a group noun nor a title. A condition, a relative or a
    hortative in the clause (`_SUBORDINATE`) leaves it unread."""
    lowered = [m.group().casefold() for m in tokens]
    if not tokens or not _SUBORDINATE.isdisjoint(lowered):
        return None
    if lowered[0] in FIRST_PERSONS:
        return Subject(Holder.AUTHOR, tokens[0].group(), tokens[0].start(), tokens[0].end())
    head: list[re.Match[str]] = []
    for m, low in zip(tokens, lowered, strict=True):
        if head and m.group()[0].islower() and low not in _GROUP_NOUNS and low not in _TITLES:
            break
        head.append(m)
    if len(head) < 2 or len(head) > SUBJECT_WORDS:
        return None
    return _holder_of(orig, head, True, strict=True)


def _speaker_of(
    orig: str, tokens: list[re.Match[str]], text: str, clause_start: int
) -> Subject | None:
    """The subject of the verb of saying or knowing before a complementiser ("Presiden PKS X
    memastikan bahwa ...", "saya tegaskan bahwa ..."): the words before that verb, past its
    auxiliaries. What the complement says, its pronouns included, is that speaker's."""
    main = tokens[:-1]
    while main and main[-1].group().casefold() in _BETWEEN:
        main.pop()
    if not main or not _NO_SUBJECT.isdisjoint(m.group().casefold() for m in main):
        return None
    main = main[-SUBJECT_WORDS:]
    return _holder_of(orig, main, not text[clause_start : main[0].start()].strip())


def subject_of(orig: str, start: int, end: int) -> Subject | None:
    """The holder of the verb at original [start, end), or None when it has no subject (an
    imperative, a slogan, a verb after a preposition or a conjunction) or none the word classes
    know."""
    text = _unglossed(orig, start)
    clause_start = 0
    for m in _CLAUSE_STOP.finditer(text, 0, start):
        clause_start = m.end()
    tokens = [m for m in _WORD.finditer(text, clause_start, start) if m.group()[0] not in "#@"]
    if tokens and orig[start].isupper() and not tokens[-1].group()[0].isupper():
        return None  # a capital after a lower-case word opens a new sentence or a slogan
    while tokens and tokens[-1].group().casefold() in _BETWEEN:
        tokens.pop()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].group().casefold() in _CONNECTIVES:
            del tokens[: i + 1]
            break
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i].group().casefold() in _COMPLEMENTISERS:
            speaker = _speaker_of(orig, tokens[:i], text, clause_start)
            if speaker is not None:
                return speaker  # the complement of a verb of saying is its speaker's
            del tokens[: i + 1]
            break
    after = orig[end:]
    if not tokens:
        said = _CREDITED_SPEAKER.match(after)
        if said is not None:
            at = end + said.start(1)
            return Subject(Holder.THIRD_PARTY, said.group(1), at, end + said.end(1))
        return None
    if tokens[-1].group().casefold() in _PURPOSE:
        return _clause_subject(orig, tokens[:-1])
    if tokens[-1].group().casefold() in _NO_SUBJECT:
        return None
    clause = tokens
    tokens = tokens[-SUBJECT_WORDS:]
    at_clause_start = not text[clause_start : tokens[0].start()].strip()
    if not _NO_SUBJECT.isdisjoint(m.group().casefold() for m in tokens):
        head = _modified_head(clause)
        if head is None:
            return None  # a clause inside the phrase: no plain subject
        return _holder_of(orig, head, True)
    return _holder_of(orig, tokens, at_clause_start)
