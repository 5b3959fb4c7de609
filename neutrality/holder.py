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

The reader works on the words the person wrote (their capitals and punctuation mark names and
clause boundaries, which normalised text has lost), and classes words by grammar, never by
phrases of particular posts: pronouns, group nouns, titles and roles, auxiliaries and the verbs
of declaring that stand between a subject and its verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


class Holder(Enum):
    """Who a support verb belongs to."""

    AUTHOR = "author"  # a first person before the verb
    THIRD_PARTY = "third party"  # a named person or organisation, a group, a title or role


# First-person pronouns (Indonesian, Betawi, eastern Malay): the author or a group they are in.
FIRST_PERSONS = frozenset(
    ["saya", "sy", "aku", "ku", "kami", "kita", "gue", "gua", "gw", "beta", "ane", "awak"]
)
# Second-person pronouns (Indonesian, Betawi, Javanese, Sundanese, eastern Malay): the person
# spoken to.
_SECOND_PERSONS = _words(
    "kamu km kalian anda engkau kau lu lo loe elu elo lw ente antum sampeyan panjenengan kowe "
    "koen awakmu maneh anjeun ngana ngoni"
)
# Nouns of a group of people, the subject of a collective declaration: supporters, volunteers,
# members, residents, communities, organisations, parties and alliances, and the counting words
# that open a crowd ("ribuan warga").
_GROUP_NOUNS = _words(
    "relawan sukarelawan simpatisan pendukung kader anggota massa warga masyarakat rakyat "
    "tokoh ulama kiai kyai santri jamaah jemaah umat ormas organisasi komunitas paguyuban "
    "forum aliansi koalisi partai parpol barisan laskar tim timses asosiasi serikat ikatan "
    "himpunan persatuan perkumpulan keluarga kelompok kalangan golongan elemen pemuda "
    "mahasiswa buruh petani nelayan pedagang pengusaha emak ibu-ibu bapak-bapak alumni "
    "ribuan ratusan puluhan jutaan sejumlah"
)
# Titles and roles: offices, ranks, religious and academic titles, kinship to a public figure.
_TITLES = _words(
    "ketua ketum sekjen bendahara direktur presiden wapres menteri gubernur wagub bupati wabup "
    "walikota camat lurah kades kepala panglima jenderal purnawirawan habib ustaz ustadz "
    "ustad syekh romo pendeta biksu profesor prof dokter artis aktor aktris presenter penyanyi "
    "komedian selebriti pengamat pakar politisi politikus mantan eks putri putra istri suami "
    "cucu menantu"
)
# Auxiliaries, adverbs and verbs of declaring between a subject and the support verb ("resmi
# dukung", "siap menangkan", "deklarasi dukung", "ngaku dukung"): read past to find the
# subject, and no subject themselves.
_BETWEEN = _words(
    "siap akan bakal telah sudah udah sdh resmi tetap ttp terus juga jg pun ikut kompak "
    "sepakat bertekad tekad tegas mantap makin semakin kembali bulat solid ramai serentak "
    "langsung pasti optimis yakin secara terang terangan sepenuhnya penuh all in "
    "deklarasi deklarasikan mendeklarasikan menyatakan nyatakan mengaku ngaku umumkan "
    "mengumumkan memutuskan putuskan berkomitmen komitmen berjanji janji siap-siap"
)
# Words that open a subordinate clause or a phrase: a verb after one has no subject of its own
# before it ("hanya dengan memenangkan X", "kalau cinta X pasti dukung Y").
_NO_SUBJECT = _words(
    "dengan untuk utk dari di ke pada oleh bagi demi buat karena krn sebab jika bila kalau "
    "kalo klo apabila andai seandainya agar supaya biar usai setelah sesudah sebelum saat "
    "ketika sejak tanpa yang yg hanya cuma ayo yuk mari"
)
# Stems of the transitive verbs of supporting, voting and winning someone: their subject holds
# the support. "X menang", "X presiden 2024" have the participant as subject: no holder there.
_TRANSITIVE_STEMS = ("dukung", "pilih", "milih", "coblos", "menangkan", "menangin", "usung")
SUBJECT_WORDS = 8  # words of a subject read back from the verb, past auxiliaries
# Clause boundaries in the written text: punctuation, a bar or a spaced dash between titles, a
# line break, a link.
_CLAUSE_STOP = re.compile(r"[.!?;:,|\n()\[\]\"“”]|\s[-–—]\s|https?://\S+")
# Connectives that open a new clause ("makanya coblos X", "jadi loe pilih mana"): the subject
# is read after the last of them.
_CONNECTIVES = _words("jadi maka makanya sehingga tapi tetapi namun lalu kemudian trus")
_WORD = re.compile(r"[#@]?[^\W_][\w'’-]*")
# A headline's speaker credited after its claim: ", Yenny Wahid: ..." (one to four capitalised
# words and a colon, closing the clause that holds the verb).
_CREDITED_SPEAKER = re.compile(
    r"^[^.!?:\n]*?,[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:"
)
# Question words (Indonesian, Javanese, Sundanese, Betawi): an open question, not a leading one
# ("kamu pilih X kan?" asks for agreement).
QUESTION_WORDS = _words("apa siapa sapa mana manakah siapakah apakah opo sopo endi naon saha mane")


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


def subject_of(orig: str, start: int, end: int) -> Subject | None:
    """The holder of the verb at original [start, end), or None when it has no subject (an
    imperative, a slogan, a verb after a preposition or a conjunction) or none the word classes
    know."""
    clause_start = 0
    for m in _CLAUSE_STOP.finditer(orig, 0, start):
        clause_start = m.end()
    tokens = [m for m in _WORD.finditer(orig, clause_start, start) if m.group()[0] not in "#@"]
    if tokens and orig[start].isupper() and not tokens[-1].group()[0].isupper():
        return None  # a capital after a lower-case word opens a new sentence or a slogan
    while tokens and tokens[-1].group().casefold() in _BETWEEN:
        tokens.pop()
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].group().casefold() in _CONNECTIVES:
            del tokens[: i + 1]
            break
    after = orig[end:]
    if not tokens:
        said = _CREDITED_SPEAKER.match(after)
        if said is not None:
            at = end + said.start(1)
            return Subject(Holder.THIRD_PARTY, said.group(1), at, end + said.end(1))
        return None
    if tokens[-1].group().casefold() in _NO_SUBJECT:
        return None
    tokens = tokens[-SUBJECT_WORDS:]
    words = [m.group() for m in tokens]
    lowered = [w.casefold() for w in words]
    span = (tokens[0].start(), tokens[-1].end())
    if not _NO_SUBJECT.isdisjoint(lowered):
        return None  # a clause inside the phrase: no plain subject
    if not FIRST_PERSONS.isdisjoint(lowered):
        return Subject(Holder.AUTHOR, orig[span[0] : span[1]], *span)
    if not _SECOND_PERSONS.isdisjoint(lowered):
        # the person spoken to: whether they are asked, and so whether the clause takes no
        # side, is the question reader's to say (neutrality.question)
        return None
    at_clause_start = not orig[clause_start : tokens[0].start()].strip()
    if (
        not _GROUP_NOUNS.isdisjoint(lowered)
        or not _TITLES.isdisjoint(lowered)
        or _name(words, at_clause_start)
    ):
        return Subject(Holder.THIRD_PARTY, orig[span[0] : span[1]], *span)
    return None
