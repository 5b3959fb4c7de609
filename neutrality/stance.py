"""Stance and register: is the text endorsing someone, or reporting, warning, administering,
debunking, explaining a programme or educating voters?

Naming a candidate is not supporting one. A civil servant who shares a quick-count headline, an
agency that quotes Bawaslu's warning, a KPU officer announcing the ballot numbers all name
participants; none of them campaigns. The register is read separately for the author's own words
(text, transcript, hashtags, media) and for the content acted on (a liked or shared post), from
two kinds of cue:

* lexical cues, kept as data in the pack's lists (`report_cue`, `warn_cue`, `administer_cue`,
  `programme_cue`, `gotv`, `debunk`, and the endorsement lists `first_person`, `call_to_vote`,
  `endorse_cue`), so a rule author can extend them without code;
* structural cues that hold in any wording: a headline (most words capitalised, no first person),
  a dateline ("JAKARTA, Kompas.com -"), news prose (several declarative sentences about third
  persons with nothing of a speaker in them), percentages (results and surveys, unless spoken in
  the author's own voice), quotation marks with a reporting verb (someone else's words), and a
  balanced enumeration of several participants of one race (a list of pairs is information, not
  a choice).

Endorsement wins when it is the author's own: a first-person or imperative cue outside quoted
speech. Each register becomes a feature (`register.<kind>` for the author's words,
`target.register.<kind>` for the content acted on) with the cue as its evidence, so the
explanation a supervisor reads says *why* a post was read as news or as a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import urlsplit

from neutrality.featureset import Ev, Features, Scanned
from neutrality.holder import (
    FIRST_PERSONS,
    QUESTION_WORDS,
    Holder,
    Subject,
    locate,
    subject_of,
    transitive,
)
from neutrality.normalise import EMOJI_NAME, NormText, emoji_by_name
from schemas import Action, Post

NEUTRAL_REGISTERS = ("report", "warn", "administer", "debunk", "programme", "educate")
REGISTERS = ("endorse", *NEUTRAL_REGISTERS)
# list name -> register it signals
CUE_LISTS = {
    "report_cue": "report",
    "headline_verb": "report",
    "result_cue": "report",
    "news_style": "report",
    "warn_cue": "warn",
    "administer_cue": "administer",
    "programme_cue": "programme",
    "debunk": "debunk",
    "gotv": "educate",
}
ENDORSE_LISTS = ("first_person", "call_to_vote", "endorse_cue")
# An attribution ("ujarnya") gives the words around it to a third person.
ATTRIBUTION_LISTS = frozenset({"report_cue", "headline_verb"})
SPOKEN_FIELDS = frozenset({"text", "transcript", "target.text"})  # words, not a media label
# Lists read only in words: a media description is a reporter's account of a recording, and its
# "disebut suara Sekcam" says whose voice it is, its "kepala desa menjelaskan surat suara" what
# the speaker in it does, not that the recording reports anyone.
WORDS_ONLY_LISTS = frozenset({"headline_verb", "report_cue"})
# A register is read when its cues weigh at least REGISTER_WEIGHT: a structural cue or an
# attribution, a warning, a debunk or a turnout appeal weighs that much alone, any other cue
# word one.
STRONG_CUE_LISTS = frozenset(
    {"report_cue", "headline_verb", "news_style", "debunk", "gotv", "warn_cue"}
)
REGISTER_WEIGHT = 2
FORGET_WORDS = ("lupa", "lali", "hilap", "poho", "sampai lupa", "ampe lupa", "sampe lupa")
NEGATION_WINDOW = 4  # words between a negation and the endorsing word it governs
DECLARER_WINDOW = 10  # words between a first-person subject and its verb of saying
# Words after which a pronoun is no subject ("kepada kami", "menurut saya", "bersama kita").
_NOT_SUBJECT = frozenset(
    [
        "kepada",
        "pada",
        "ke",
        "dengan",
        "untuk",
        "utk",
        "bagi",
        "oleh",
        "sama",
        "menurut",
        "bersama",
        "buat",
        "tentang",
        "terhadap",
        "antara",
        "dari",
    ]
)
# A negation governs every member of a list it opens ("tidak mengenakan atribut mendukung
# ataupun kode-kode dukungan", "jangan sampai ada kades atau lurah yang like atau komen
# memberikan dukungan"): past a coordinator its reach starts again, each member within
# NEGATION_WINDOW words, the whole within NEGATION_SCOPE words.
COORDINATORS = frozenset(["atau", "ataupun", "maupun", "dan", "serta", "or", "and", "nor"])
NEGATION_SCOPE = 12
EVALUATION_LIST = "evaluation_cue"  # endorsement only beside a participant named on that side
# Mood and comparison take sides in any words: a wish (`optative_cue`) for a participant's victory
# (`win_outcome`), and a comparison (`comparative_cue`) between participants of one race.
MOOD_LISTS = ("optative_cue", "win_outcome", "comparative_cue")
# Focus particles of exclusion: one participant singled out of the field (see `_singled_out`).
EXCLUSIVE_LIST = "exclusive_focus"
# Defeating or removing a participant: opposition (see `_ousted`).
OUSTER_LIST = "ouster_cue"
STANCE_LISTS = (*CUE_LISTS, *ENDORSE_LISTS, EVALUATION_LIST, *MOOD_LISTS)
# Support described as someone else's ("yang mendukung X", "pendukung X akan menentukan") is not
# the author's: the lists whose words are read for who holds the support.
HOLDER_LISTS = ("support", "endorse_cue", "call_to_vote")
REFRAIN = "an instruction to refrain"
REFRAIN_WINDOW = 2  # purpose words between a directive and the negation it orders
_PURPOSE = frozenset(["untuk", "utk", "agar", "supaya", "biar", "buat", "spy"])
# Quantifiers before the people a directive tells ("seluruh kepala desa", "para guru").
_QUANTIFIERS = frozenset(["seluruh", "semua", "para", "setiap", "segenap", "segala", "tiap"])
FORBIDDEN_ROLE = "a campaign role forbidden"
ROLE_WINDOW = 3  # words between a negation and the campaign role it forbids
# Verbs of becoming and joining (and their particles) between a prohibition and a role.
_JOINING = frozenset(
    [
        "jadi",
        "menjadi",
        "ikut",
        "ikutan",
        "terlibat",
        "sebagai",
        "masuk",
        "bergabung",
        "gabung",
        "dalam",
        "ke",
        "secara",
        "aktif",
        "sampai",
        "sampe",
        "usah",
    ]
)
# Reciprocal markers (Indonesian "saling", Sundanese "silih"): a closed grammatical class whose
# verb's object is its own subjects ("saling mendukung": support one another).
_RECIPROCALS = frozenset(["saling", "slg", "silih"])
MUTUAL_SUPPORT = "support for one another, nobody in particular"
EVERY_CANDIDATE = "every candidate alike"
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
EITHER_OUTCOME = "winning and losing accepted alike"
OUTCOME_WINDOW = 5  # words between a win word and the losing it is joined to
# Words of losing an election (Indonesian and regional "kalah", English): the antonyms of the
# win words, a closed class.
_LOSING = frozenset(["kalah", "lose", "losing", "defeat"])
_READY = "siap"  # "siap menang, siap kalah": readiness repeated for each outcome
# "Still" (Indonesian, Javanese, English) opening what follows the pair, a word or a hashtag
# ("#tetap02"): loyalty whatever the outcome, not both outcomes accepted.
_STILL = ("tetap", "tetep", "panggah", "still")
SUPPORT_SPOKEN_OF = "support as the matter spoken of, nobody's given"
# The noun of "dukung" as written (the normaliser folds both to the verb's stem).
_SUPPORT_NOUNS = frozenset(["dukungan", "dukungannya"])
_WRITTEN_WORD = re.compile(r"[^\W_]+")
# Universal quantifiers (not "para", which only makes a plural) and the collective numerals that
# count a race's candidates all together: closed grammatical classes.
_UNIVERSAL = frozenset(["semua", "seluruh", "setiap", "tiap", "segenap", "masing"])
_ALL_OF_THEM = frozenset(["keduanya", "kedua duanya", "ketiganya", "ketiga tiganya", "keempatnya"])
OTHERS_SUPPORT = "someone else's support"  # weighs as one report cue word
# A support verb whose subject is a third party (holder.py), in news passed on: weighs as one
# report cue word too; the subject's words are its evidence.
SUBJECT_SUPPORT = "support of the subject named"
RECEIVED = "an instruction someone received"
ORDER_TOLD = "a superior's order told of"
_WIN_CALL = "menangkan"  # "menangkan", "memenangkan", "ayo menangkan": making a side win
# Active verbs of ordering (meN- forms): with a superior before them, an order told of.
_ACTIVE_ORDERS = frozenset(
    [
        "mengarahkan",
        "memerintahkan",
        "menyuruh",
        "menginstruksikan",
        "meminta",
        "memaksa",
        "mewajibkan",
        "menekan",
        "menggiring",
        "mengerahkan",
        "memobilisasi",
        "menugaskan",
    ]
)
WHOEVER_WINS = "whoever wins"
# A free-choice relative about the winner ("siapapun yang jadi presiden", "siapa pun
# pemenangnya", Javanese "sopo wae sing dadi", Sundanese "saha wae nu jadi"): the author speaks
# to any winner, so praise, blame or support words in that sentence pick no side. The tail is
# the class of words that name winning or the office won; at most WHOEVER_GAP words between.
WHOEVER_GAP = 3
WHOEVER_NAMED_WINDOW = 3  # words between a participant's name and praise that stays a side
_WHOEVER = re.compile(
    r"\b(?:siapa ?pun|sapa ?(?:wae|wa|bae)|sopo ?(?:wae|ae)|saha ?(?:wae|bae|ge))\b"
    rf"(?:\s+\S+){{0,{WHOEVER_GAP}}}?\s+"
    r"(?:jadi|terpilih|menang|pemenang|dadi|kapilih|meunang|presiden|pemimpin|gubernur|bupati"
    r"|wali ?kota|kepala daerah)(?:nya|e)?\b"
)
RECEIVED_WINDOW_WORDS = 10  # words from a passive order to the vote or support it governs
SHARERS_TAG = "the sharer's own hashtag"
# What in a hashtag endorses whatever the body says: a participant's slogan, a call to vote, a
# win or support word.
_TAG_LISTS = ("call_to_vote", "endorse_cue", "support")
NUMBERED_TAG = "a participant tagged with a number"
SLOGAN_TAG = "a participant's slogan tagged after the post's words"
_NUMBERED_TAG = re.compile(r"[^\W\d_]\d{1,4}$|^\d{1,4}[^\W\d_]")
IMPERATIVE_AT = 3  # an endorsing verb among the first words of a title-case line is imperative
ENUMERATION_MIN = 3  # participants named together that make a list, in races with more
COMPARISON = "comparison between participants"
EVEN_HANDED = "register:report (said of both alike)"
_EQUATIVE = re.compile(r"\bsama [^\W\d_]{3,}nya\b")
# A noun made with the circumfix ke-...-an ("kepribadiannya", "kebijakannya"): after "sama" it
# is the object of a feeling ("simpati sama kepribadiannya", sympathy for his personality),
# not the quality of an equative, which is an adjective ("sama baiknya").
_NOMINAL = re.compile(r" ke[^\W\d_]+annya$")
# A title-case line that judges a participant with nobody quoted ("Pidato Ganjar Mewakili
# Keresahan Rakyat, Prabowo-Gibran Stress") is the author's verdict dressed as a headline: a
# newsroom puts praise and blame in someone's mouth ("Habib: ...", "kata X").
HEADLINE_VERDICT = "praise or blame in a headline nobody is quoted in"
MOOD_WINDOW = 8  # words between a wish and the victory it wishes, or a participant and either


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_RELATIVE = frozenset(["yang", "yg"])
# Conjunctions and prepositions that open a subordinate clause or a phrase: a verb after one of
# them is what the clause is about, not an order.
_SUBORDINATORS = _word_set(
    "karena krn sebab gara gegara akibat usai setelah stlh sesudah sebelum jelang menjelang "
    "pasca soal terkait demi saat ketika sejak jika bila kalau tanpa "
)
# Words that may stand between "saya" and a participant in a statement of allegiance ("saya
# untuk Bu Risma", "aku tetap 02", "kami pro X"): prepositions, particles and honorifics only, so
# "saya bertemu X" (an event) is not one.
_LINKING = _word_set(
    "untuk utk ke for tetap pro tim team ikut nomor no nomer selalu pasti sama cinta bu ibu "
    "pak bapak mas mbak mba bang kak cak gus abah "
)
ALLEGIANCE_WINDOW = 3  # words between the pronoun and the participant
HOLDER_WINDOW = 3  # "saya siap jadi pendukung": the pronoun a few words before the support word
_HOLDER_NOUNS = ("pendukung", "simpatisan", "pemilih")
RECEIVED_WINDOW = 2  # words between a support word and the "dari"/"oleh" naming its source
_SOURCE_WORDS = frozenset(["dari", "oleh", "dr"])
# Third-person pronouns naming who holds a support ("dukungan tim mereka", "dukungan beliau").
_THIRD_PERSONS = frozenset(["mereka", "beliau", "dia", "ia", "their", "his", "her"])
_REQUESTS = _word_set(
    "mohon minta meminta memohon harap berharap butuh perlu ajak mengajak galang menggalang "
    "cari mencari "
)
# Who may stand right before a passive order for it to be the author's own directive to them:
# second-person pronouns (Indonesian, Javanese, Sundanese, Betawi, eastern Malay) and the
# vocatives that address a group.
_HEARERS = _word_set(
    "kamu kalian anda engkau kau dikau sampeyan panjenengan kowe koen awakmu sira maneh "
    "anjeun lu lo elu ente ngana ngoni ale kamorang bapak ibu saudara saudari sekalian semua "
    "rekan teman "
)
# A passive order after one of these is a hypothesis or a condition, not a report; after a
# request or a modal ("mohon diarahkan", "harus dikerahkan") it is the polite imperative,
# addressed to the hearer.
_CONDITIONS = _word_set("kalau kalo klo jika jikalau bila apabila andai seandainya kl")
_IMPERATIVE_MARKERS = _word_set(
    "mohon tolong harap silakan silahkan harus wajib mesti musti kudu perlu segera agar supaya "
    "biar please "
)
# Percentages make a field read as results or a survey, unless it is spoken in the author's own
# voice ("alhamdulillah ... mendekati 50%"): then they are the author's topic, as news words are.
FIGURES = "register:report (figures)"
RESULT_FIGURE = "a result in figures"
RESULT_WINDOW = 2  # words between a win word and the figure it won by
_WIN_WORDS = _word_set("menang unggul telak mutlak memenangkan menangkan kalah")
RESULT_SPAN = 4  # words between a win word and the verb of obtaining that brings its figure
_OBTAINING = _word_set(
    "meraih meraup memperoleh mendapat mendapatkan mengantongi perolehan raihan sebesar "
    "mencapai menyabet"
)
# Temporal conjunctions: the act after one is placed in time, not urged.
_TEMPORAL = _word_set(
    "usai seusai setelah stlh sesudah sebelum sblm saat ketika waktu sejak pasca selesai habis "
    "sehabis abis"
)
# Question words (Indonesian, Javanese, Sundanese, Betawi): the object of a question.
_QUESTION = QUESTION_WORDS
RIGHT_VOTE = "the right to vote stated"
# Modals of ability, permission and right before a vote verb ("bisa memilih", "berhak memilih").
_RIGHT_MODALS = _word_set("bisa boleh dapat berhak bebas leluasa sanggup mampu")
_SUPPORT_VERBS = ("dukung",)  # "warga yang coblos 02 dapat bansos" is a condition, kept
# Hortatives urge whatever follows them; the lists whose words make that partisan.
_HORTATIVES = frozenset(["ayo", "yuk", "mari", "jangan lupa"])
_HORTATIVE_OBJECTS = ("participant", "call_to_vote", "support", "endorse_cue", "candidate_word")
ABSENCE_WINDOW = 2  # "tanpa gambar paslon": words between "without" and the candidate word
_ABSENCE = frozenset(["tanpa", "tnpa"])
_NOT_REAL = frozenset(["fiktif", "rekaan", "karangan", "dummy"])
WHEN_WHERE_VOTE = "when and where to vote"
_WHEN_WHERE = _word_set("di pada tanggal tgl hari saat nanti besok surat kertas ke tps bilik")
_MONTHS = _word_set(
    "januari februari pebruari maret april mei juni juli agustus september oktober november "
    "desember jan feb mar apr jun jul agu agt agus sep sept okt nov des"
)
OFFICE_VOTE = "voting for an office"
BALLOT_VOTE = "the ballot voted on"
# A passive vote verb ("dicoblos", "dipilih") after a ballot as its subject ("lima kertas yang
# akan dicoblos", "surat suara yang sudah dicoblos"): the ballot is described, nobody chosen.
_BALLOTS = _word_set("kertas surat kartu lembar lembaran kolom kotak")
_BALLOT_LINKS = _word_set("yang akan sudah telah harus bisa dapat untuk nanti tidak suara")
BALLOT_WINDOW = 4  # words between the ballot and the passive verb
CRITERIA_VOTE = "choosing by criteria"
OFFICE_WINDOW = 3  # "pilih calon kepala daerah": determiners before the office voted for
_DETERMINERS = _word_set("calon seorang para sang sosok figur")
# After the office, a word that ends its phrase: function words and the openers of a new clause
# (punctuation is gone from normalised text).
_CLAUSE_WORDS = _word_set(
    "dan di ke pada untuk secara dengan agar supaya karena nanti ya ini itu periode tahun "
    "semoga mari ayo jangan insyaallah "
)
_OFFICE_TAILS = _word_set("kota daerah desa rakyat ri dki provinsi kabupaten")
# Offices, not candidates: "memilih caleg" may mean one caleg, "memilih presiden" never does.
_OFFICES = _word_set(
    "presiden wakil wapres gubernur wagub bupati wabup walikota wali pemimpin pimpinan kepala "
    "legislatif anggota dewan dprd dpr dpd senator pemimpinnya kades "
)
_OFFICE_QUALIFIED = _RELATIVE  # "pemimpin yang amanah" asks for a kind; "pemimpin kafir" a side

_PRONOUNS = FIRST_PERSONS
_FIRST_PERSON = re.compile(rf"\b(?:{'|'.join(sorted(_PRONOUNS))})\b", re.I)
_FIRST_PERSON_LOWER = re.compile(rf"\b(?:{'|'.join(sorted(_PRONOUNS))})\b")


def _first_person(text: str) -> bool:
    """Whether `text` has a first-person pronoun as a word (`_FIRST_PERSON`). ASCII text is
    lowered and matched case-sensitively: the same matches (lowering keeps every ASCII
    character in place and a word a word) for a third of the time an ignore-case alternation
    takes; other text is matched as written."""
    if text.isascii():
        return _FIRST_PERSON_LOWER.search(text.lower()) is not None
    return _FIRST_PERSON.search(text) is not None


_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?(?:%|persen\b)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ ]{2,40}?)(?P<where>,\s*[A-Za-z0-9.' ]{2,30})?"
    r"(?:\s*(?P<outlet>\([A-Za-z]+\)))?(?P<gap>\s*)[-–—]\s"
)
# A publisher's name (a domain, or a newsroom word) as the name of the account shared from.
_PUBLISHER = re.compile(
    r"\.(?:com|id|co|net|org|tv|news)\b|\b(?:news|berita|tribun|pos|times|media|kabar|"
    r"detik|kompas|antara|tempo|suara|okezone|liputan|radar|harian|koran|tv)\b(?!\s+sosial)",
    re.IGNORECASE,
)
# A fact-checker's verdict opening the line in brackets, as Indonesian fact-checks label the
# claim they examine ("[SALAH] ...", "[HOAKS] ...", "[DISINFORMASI] ..."): the claim is checked.
_FACT_CHECK = re.compile(
    r"\s*\[\s*(?:salah|hoaks|hoax|disinformasi|misinformasi|fitnah|menyesatkan|keliru|"
    r"konten yang menyesatkan|konteks yang salah|konten palsu|konten yang dimanipulasi|"
    r"konten tiruan|satire|false|misleading)\s*\]",
    re.IGNORECASE,
)
# A share button's credit closing a shared title: "<title> via @detikcom", "... via @YouTube",
# then at most links and hashtags: the words before it are the publisher's title, passed on
# (the credit alone closing a saying is read past by `signed_saying`, `_SHARE_CREDIT`).
_TITLE_CREDIT = re.compile(
    r"\svia\s+@[A-Za-z0-9_.]{2,}(?=(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+|#\w+))*\s*$)"
)
SHARE_CREDIT = "register:report (a share button's credit)"
# A retweet: the marker "RT" and the account whose words follow, as "RT @akun: ..." or, in
# exported tweet collections, "RT ... [RE akun]" closing the text. "RT" alone also opens a
# neighbourhood's name ("RT 05 warga ..."), so the marker counts only with an account credited.
_RETWEET = re.compile(r"\s*RT\s+(?:@\w+\s*:\s*|(?=.*\[RE\s+@?\w+\]\s*$))", re.DOTALL)
RELAYED_NEWS = "register:report (a retweet of news, nothing of the sharer's own)"
PUBLISHER_LINK = "register:report (a link to a publisher)"
# "awak" is a first person in eastern Malay, and a noun (crew) before the crew's domain: "kepada
# awak media" is how a story says it spoke to reporters.
_CREW = re.compile(r"\bawak(?= (?:media|redaksi|kapal|pesawat)\b)", re.IGNORECASE)
# Verbs of saying, asking, admitting, claiming, greeting and reminding, in the third-person meN-
# forms news leads write ("Calon presiden nomor urut 1 X meminta ...", "X mengucapkan selamat
# kepada Y"): a closed grammatical class. With a third party as their subject (holder.py) the
# sentence tells what that person said; the words after the verb are theirs.
_TELLING_VERBS = frozenset(
    [
        "mengatakan", "menyatakan", "mengaku", "mengakui", "menyebut", "menyebutkan",
        "meminta", "mengucapkan", "mengingatkan", "menegaskan", "menjelaskan", "mengungkapkan",
        "mengungkap", "menyampaikan", "menuturkan", "menambahkan", "mengklaim", "menilai",
        "menganggap", "mengajak", "mengimbau", "menghimbau", "mendesak", "menyerukan",
        "berharap", "berpesan", "mengapresiasi", "memuji", "mengkritik", "menyindir",
        "membantah", "menepis", "menyoroti",
    ]
)  # fmt: skip
TOLD_BY_SUBJECT = "register:report (words told of the subject named)"
# Two to four capitalised words closing the text read up to a verb: a person's name.
_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}[ \t]+$")
LEAD_WORDS = 20  # a lead names its speaker and their verb among the first words
LEAD_SENTENCES = 2  # a lead is a sentence or two: more is a story, or the author's comment on it
# The verbs grouped by their prefix ("me(?:ngaku|...)|ber(?:harap|...)"): the same matches as a
# flat alternation, found a third as fast, as most places fail on the prefix once, not per verb.
_TELLING = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(
        prefix
        + "(?:"
        + "|".join(sorted(v[len(prefix) :] for v in _TELLING_VERBS if v.startswith(prefix)))
        + ")"
        for prefix in ("me", "ber")
    )
    + r")(?![\w-])",
    re.I,
)
assert all(v.startswith(("me", "ber")) for v in _TELLING_VERBS)  # every verb has its group
#: The quotation marks `quoted_spans` pairs: a field without any has no quoted span.
QUOTE_CHARS = frozenset('"“”„«»')
_QUOTE_MARKS = tuple(sorted(QUOTE_CHARS))
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,})[\"“”„«»]")
# An opening mark with no closing one before a truncation mark that ends the text.
_CUT_SHORT = re.compile(r"[\"“„«]([^\"“”„«»]{8,}?)\s*(?:…|\.\.\.)\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# ASCII text with every byte that cannot be in a `_WORD` blanked: its runs, less the digits,
# "_", "'" and "-" a word cannot start with, are the words `_WORD` finds.
_WORD_BYTES = bytes(
    i if chr(i).isalnum() or chr(i) in "_'-" else ord(" ") for i in range(128)
) + bytes([ord(" ")] * 128)
_NOT_WORD_START = "0123456789_'-"
WORDS_KEPT = 64  # texts whose words are remembered: the fields of the post being read


@lru_cache(maxsize=WORDS_KEPT)
def words_of(text: str) -> tuple[str, ...]:
    """`_WORD.findall(text)`: for ASCII text (most) by C string calls and one strip per word,
    a fraction of the regex's cost (it tests character classes at every character). Headline,
    news prose and own voice read the words of one field in turn: the last few texts' words
    are remembered."""
    if not text.isascii():
        return tuple(_WORD.findall(text))
    runs = text.encode().translate(_WORD_BYTES).decode().split()
    return tuple(word for run in runs if (word := run.lstrip(_NOT_WORD_START)))


_SMALL_WORDS = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "pada",
        "dengan",
        "atau",
        "oleh",
        "dalam",
        "akan",
        "ini",
        "itu",
        "jadi",
        "sebagai",
        "bagi",
        "soal",
        "usai",
        "jelang",
        "hingga",
        "saat",
        "tak",
        "tidak",
        "vs",
    ]
)
MIN_HEADLINE_WORDS = 5
_SPACE = re.compile(" ")
_DIGIT_DOUBLED = re.compile(r"^[^\W\d_]{2,}2(?:an|nya|kan|lah|in)?$", re.IGNORECASE)
_VOWELS = frozenset("aeiou")
PROSE_MIN_WORDS = 30
PROSE_MIN_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.;](?=\s+[A-Z])")
# Who speaks or is spoken to: first- and second-person pronouns (Indonesian and the regional
# forms the stance reader knows) and the hortatives that address a hearer.
_PERSONS = (
    _PRONOUNS
    | (_HEARERS - _word_set("bapak ibu saudara saudari sekalian semua rekan teman"))
    | _word_set("ayo yuk mari")
)
_DOUBLED = re.compile(r"!!|\?\?|\.\.|…")
# Pictographs, dingbats, symbols and the joiner/variation marks emoji are built with.
_EMOJI = re.compile("[\u2600-\u27bf\u200d\ufe0f\U0001f000-\U0001faff]")
_PARTICLES = _word_set(
    "dong sih deh kok yuk nih aja aje tuh mah loh lho wkwk wkwkwk haha hahaha hehe gan bro "
    "kan kah toh tho ae wae "
    # interjections: exclamations of feeling and pious exclamations
    "alhamdulillah masyaallah masya subhanallah astaghfirullah astagfirullah wah waduh aduh "
    "duh hadeh astaga anjir wow hore "
    # wishes and prayers in the speaker's own name (a newsroom puts them only in a quote): a
    # figure beside one is a hope ("Insyaallah menang 70 persen"), not a result. "amin" is
    # left out: it is also a pair's name (Anies-Muhaimin).
    "insyaallah insya inshaallah insha semoga moga aamiin "
)
# A prayer's vocative ("Ya Allah", "Ya Rabb", "Duh Gusti"): a person speaking to God in their
# own name, which a newsroom writes only inside someone's quoted words. A closed class of
# formulas, like the pious exclamations among `_PARTICLES`.
_PRAYER_VOCATIVE = re.compile(
    r"\b(?:ya+|duh|wahai)[ \t,]+(?:allah|rabb|robb|rabbi|robbi|tuhan|gusti)\b", re.IGNORECASE
)
MAX_LINKS_READ = 20  # links of one post read for their host
# Platforms whose host names may carry a newsroom word ("news.detik.com" is a publisher;
# "tiktok.com" is where anyone posts).
_SOCIAL = (
    "facebook.com", "instagram.com", "tiktok.com", "x.com", "twitter.com", "youtube.com",
    "youtu.be", "whatsapp.com", "t.me", "threads.net",
)  # fmt: skip
# Link shorteners: the host of a shortened link is the shortener's, never the publisher's. X
# wraps every link in a tweet as t.co (the author's own photo, a quoted tweet, a campaign page
# alike), and `.co` or `.com` in the shortener's name would read it as a news domain.
SHORTENERS = frozenset({
    "t.co", "bit.ly", "s.id", "tinyurl.com", "goo.gl", "ow.ly", "buff.ly", "cutt.ly", "lnkd.in",
    "dlvr.it", "is.gd", "shorturl.at", "rebrand.ly", "tiny.cc", "fb.me", "trib.al",
})  # fmt: skip
LONG_NAME = 50  # a target "name" this long is a title (a video, a shared article), not an account


# A newsroom kicker: one capitalised word and an exclamation opening a headline ("Sah! Daftar
# Nomor Urut ...", "Resmi! KPU Tetapkan ..."). A cheer of the author's ("Menang!", "Mantap!") has
# the same shape: the stance reader tells them apart by the word (see `_cheering_kicker`).
_KICKER = re.compile(r"^\s*[A-Z][^\W\d_]{1,15}!\s+(?=[A-Z0-9])")


def kicker(text: str) -> re.Match[str] | None:
    """The one-word exclamation opening a headline, if there is one."""
    return _KICKER.match(text) if "!" in text[:20] else None


# A hashtag or an account tagged in the text: capitalised as the tag or the handle is spelled
# ("#AgusYudhoyono", "@PDI_Perjuangan"), not as a headline's words are.
_TAG_OR_HANDLE = re.compile(r"[#@][\w.]+")
# The first letter of a line (past quotes, digits and punctuation).
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def headline(text: str) -> bool:
    """Most content words capitalised (Title Case), as news headlines are written, and nothing
    of a person's own voice in it (see `own_voice`). A one-word kicker before it ("Sah!") is
    how newsrooms open a headline, and is read past. Hashtags and tagged accounts are not words
    of the line: "Ingat, fokus dan menangkan #AHY #AgusYudhoyono" is not written in title case."""
    if text.islower() or text.isupper():
        return False
    # A newsroom writes a headline from a capital; a line opening in lower case is a person's
    # sentence or a description of what a photo or post shows ("foto X dan Y sebagai bakal
    # calon bupati"), however many names in it are capitalised.
    first = _FIRST_LETTER.search(text)
    if first is not None and first.group().islower():
        return False
    opened = kicker(text)
    if opened is not None:
        text = text[opened.end() :]
    prose = _TAG_OR_HANDLE.sub(" ", text) if "#" in text or "@" in text else text
    words = [w for w in words_of(prose) if w.casefold() not in _SMALL_WORDS]
    # An exclamation closing the line or before any quoted speaker ("Habib: Pilih X!") is the
    # author's, and a newsroom headline carries none.
    exclaims = text.rstrip().endswith("!") or "!" in text.split(":", 1)[0]
    if len(words) < MIN_HEADLINE_WORDS or exclaims:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    shouting = sum(1 for w in words if w.isupper() and len(w) > 3)
    if capital / len(words) < 0.7 or shouting / len(words) >= 0.5:
        return False
    return not own_voice(text)


def _chat_spelling(word: str) -> bool:
    """Spelling of chat, never of a newsroom: a word doubled by a digit ("coba2", "mdh2an") or a
    lower-case word shortened to its consonants ("yg", "dgn", "sdh", "th"; acronyms are
    capitals)."""
    if "2" in word:
        return bool(_DIGIT_DOUBLED.search(word))
    return len(word) > 1 and word.islower() and _VOWELS.isdisjoint(word)


def news_prose(text: str) -> bool:
    """Several declarative sentences about third persons, as a news story is written: at least
    PROSE_MIN_WORDS words in PROSE_MIN_SENTENCES sentences, with nothing of a speaker in them (no
    first- or second-person pronoun, no exclamation or question, no hortative, nothing of
    `own_voice`). What such a text says of a participant's support it tells, not gives."""
    if "!" in text or "?" in text:
        return False
    words = words_of(text)
    if len(words) < PROSE_MIN_WORDS:
        return False
    if len(_SENTENCE_END.findall(text)) + 1 < PROSE_MIN_SENTENCES:
        return False
    if not {w.casefold() for w in words}.isdisjoint(_PERSONS):
        return False
    return not own_voice(text)


def own_voice(text: str, *, pronoun: bool = True) -> bool:
    """Marks of someone speaking for themself, which a newsroom headline never carries: a
    conversational particle ("dong", "sih", "nih"), doubled punctuation ("!!", "..", "??"), an
    emoji (or its name, "<Victory Hand>"), a prayer's vocative ("Ya Allah"), or a
    first-person pronoun outside a quoted speaker's words (before any colon). `pronoun=False`
    leaves the pronoun out: news prose carries "kita" in the speech it tells ("kita hormati
    saja, kata Anies") and in names ("Teman Kita"), so where a story is to be told from a post
    in its author's own voice, only the marks a newsroom never writes count."""
    if _DOUBLED.search(text) or _EMOJI.search(text):
        return True
    if _prayed_to(text):
        return True
    if "<" in text and any(_pictograph(m) for m in EMOJI_NAME.finditer(text)):
        return True
    found = words_of(text)
    words = {w.casefold() for w in found}
    if not words.isdisjoint(_PARTICLES) or any(map(_chat_spelling, found)):
        return True
    if not pronoun:
        return False
    speaker = text.split(":", 1)[0]
    return _first_person(speaker)


def _prayed_to(text: str) -> bool:
    """Whether `text` has a prayer's vocative (`_PRAYER_VOCATIVE`). In ASCII text (most) the
    regex runs only where one of the names it ends with is written, in any case: tried at every
    word, ignoring case, it costs more than the rest of `own_voice`."""
    if text.isascii():
        low = text.lower()  # the names in every match, of `_PRAYER_VOCATIVE`'s second group:
        if not (
            "allah" in low or "rabb" in low or "robb" in low or "tuhan" in low or "gusti" in low
        ):
            return False
    return _PRAYER_VOCATIVE.search(text) is not None


def conversational(post: Post) -> bool:
    """Whether the author's text is a turn in a conversation: a comment on someone's post, or a
    reply that opens by addressing an account ("@GunRomli Prabowo ... ternyata ..."). A
    newsroom does not write its stories as replies, so news words there are the author's topic."""
    return post.action is Action.COMMENT or post.text.lstrip().startswith("@")


def _pictograph(m: re.Match[str]) -> bool:
    """Whether a `<Name>` stands for a pictograph: a Unicode emoji name, or a name in title case
    ("<Raising Hands>", "<Face With Tears Of Joy>") as exported social-media text writes the
    emoji it cannot carry. Prose never puts capitalised words in angle brackets."""
    if emoji_by_name(m):
        return True
    words = m.group(1).split()
    return all(w[:1].isupper() for w in words if w.isalpha())


def _dateline(text: str, named_first: bool) -> re.Match[str] | None:
    """A news dateline opening the text: a place or newsroom marked as one (a comma part,
    "(ANTARA)", a domain, capitals: "JAKARTA, Kompas.com -", "Bandung (ANTARA) -",
    "Suara.com -"), or one plain word set off by spaced dash ("Jakarta - "). A candidate
    pair written with a dash ("Khofifah - Emil", "Prabowo- Gibran", "Pasti Ganjar - Mahfud")
    is not one: a plain word that names a participant, several plain words, or a dash
    written against the word joins names."""
    m = _DATELINE.match(text) if _has_dash(text[:80]) else None
    if m is None or m.group("where") or m.group("outlet"):
        return m
    place = m.group("place").strip()
    if "." in place or place.isupper():
        return m
    if " " in place or named_first or not m.group("gap"):
        return None
    return m


# What a kicker word must not be for the line to be a headline: the author's cheer, wish or call.
_CHEER_LISTS = ("call_to_vote", "endorse_cue", "support", EVALUATION_LIST, *MOOD_LISTS)


def _cheering_kicker(
    text: str, feats: Features, keys: dict[str, tuple[str, ...]], field: str
) -> bool:
    """Whether the one-word exclamation opening the line is a cheer ("Menang! Prabowo ..."),
    a wish or a call rather than a newsroom kicker ("Sah!", "Resmi!")."""
    if kicker(text) is None:
        return False
    return any(
        ev.field == field and ev.start == 0 and not ev.raw
        for name in _CHEER_LISTS
        for key in keys[name]
        for ev in feats.found.get(key, ())
    )


def _named_first(feats: Features, keys: dict[str, tuple[str, ...]], field: str) -> bool:
    """Whether the field's first word names a participant."""
    return any(
        ev.field == field and ev.start == 0 and not ev.raw
        for key in keys["participant"]
        for ev in feats.found.get(key, ())
    )


# A link written into the words, as X and Facebook show a shared article: its address (often cut
# short with "…") or "pic.twitter.com/…" for an attached picture. It is where the words point,
# not words of the author's: a headline followed by its link is still a headline.
_TEXT_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+(?:\s*…)?", re.IGNORECASE)
_LINK_STARTS = ("http", "www.", "pic.twitter.com")


def text_links(text: str) -> list[re.Match[str]]:
    """The links written into a text (see `_TEXT_LINK`), in order."""
    if not any(start in text for start in _LINK_STARTS):
        return []
    return list(_TEXT_LINK.finditer(text))


def without_links(text: str, links: list[re.Match[str]]) -> str:
    """The text with its written links taken out, for the readers of its shape (headline, news
    prose, the author's own voice)."""
    if not links:
        return text
    parts, cut = [], 0
    for m in links:
        parts.append(text[cut : m.start()])
        cut = m.end()
    parts.append(text[cut:])
    return " ".join(" ".join(parts).split())


def _publisher_links(urls: list[str]) -> list[tuple[int, str]]:
    """(index, host) of the links to a news publisher (a newsroom word or a news domain in the
    host name): a post that links the story it speaks of is passing news on."""
    out = []
    for i, url in enumerate(urls[:MAX_LINKS_READ]):
        try:
            host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        except ValueError:  # not a URL a reader could follow
            continue
        if host and _PUBLISHER.search(host.removeprefix("www.")) and not host.endswith(_SOCIAL):
            out.append((i, host))
    return out


# A quotation closed by a comma or a full stop and followed by who said it, as Indonesian news
# writes every quote (`"...," kata Bagja`, `"...," tegasnya`, `"...," demikian Hasanudin`), or
# opened after a speaker and a colon or comma (`Bagja mengatakan, "..."`, `Kata Bagja: "..."`).
_ATTRIBUTION_VERBS = (
    "kata|ujar|ucap|tutur|ungkap|jelas|tegas|sebut|imbuh|tambah|terang|papar|pungkas|tutup|"
    "lanjut|pinta|harap|demikian|menurut|said|says|added|told"
)
_QUOTE_THEN_SPEAKER = re.compile(
    rf"(?:[,.!?…]\s*[\"”»]\s*[-–—,]?\s*[^\W\d_]{{3,}}nya|[\"”»]\s*[-–—,]?\s*"
    rf"(?:{_ATTRIBUTION_VERBS})\w*)\b",
    re.IGNORECASE,
)
_SPEAKER_THEN_QUOTE = re.compile(
    rf"\b(?:(?:{_ATTRIBUTION_VERBS})\w*|mengatakan|menyatakan|menegaskan|menjelaskan)"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,4}\s*[:,]\s*[\"“«]",
    re.IGNORECASE,
)
ATTRIBUTED_QUOTE = "register:report (a quotation attributed to its speaker)"


def attributed_quotation(text: str, spans: list[tuple[int, int]]) -> re.Match[str] | None:
    """The attribution of a quotation, when the text quotes someone and, outside the quotation
    marks, says only who spoke: no exclamation or question of the author's, nothing of
    `own_voice`. The quoted words are the speaker's, whatever they urge; a sharer who adds
    their own cheer ("Mantap!") or first person around the quote is speaking too."""
    if not spans:
        return None
    m = _QUOTE_THEN_SPEAKER.search(text) or _SPEAKER_THEN_QUOTE.search(text)
    if m is None:
        return None
    outside, cut = [], 0
    for start, end in spans:
        outside.append(text[cut : max(cut, start - 1)])
        cut = end + 1
    outside.append(text[cut:])
    rest = " ".join(outside)
    if "!" in rest or "?" in rest or own_voice(rest):
        return None
    return m


# A saying signed with its speaker's name after a tilde, as quotations are shared ("Bukan
# kesulitan yang membuat kita takut ... ~ Jokowi"): one to four capitalised words closing it.
_SPEAKER = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}"
_SIGNATURE = re.compile(rf"~[ \t]*{_SPEAKER}")
# The same signature written with dashes, as sayings and quote cards are also signed: in dashes
# closing the text ("... Lamun siro pinter, ojo minteri -Ir. Joko Widodo-"), or after the
# closing quotation mark ("“Saya Butuh Menteri Eksekutor” - Joko Widodo"). A dash before names
# closing a text is not one by itself: "pasti pilih no 1 Anies – Muhaimin" names a pair.
_DASH_SIGNATURE = re.compile(
    rf"(?:(?<=\s)[-–—][ \t]*{_SPEAKER}[ \t]*[-–—]|(?<=[”\"»])[ \t]*[-–—][ \t]*{_SPEAKER})$"
)
SIGNATURE_TAIL = 80  # characters at the end of a text a dashed signature is looked for in
# The credit a news site's share button writes after what it shares ("... via @KATADATAcoid"):
# read past, it leaves the saying and its signature closing the text.
_SHARE_CREDIT = re.compile(r"\s+via[ \t]+@\w+$", re.IGNORECASE)
SIGNED_SAYING = "register:report (a saying signed with its speaker's name)"


def _has_dash(text: str) -> bool:
    """Whether a dash of any length is in the text (three substring tests, no loop over it)."""
    return "-" in text or "–" in text or "—" in text


def _has_quote(text: str) -> bool:
    """Whether a quotation mark is in the text (a substring test each: intersecting the marks
    with the text builds a set of its characters)."""
    return any(mark in text for mark in _QUOTE_MARKS)


def signed_saying(text: str) -> re.Match[str] | None:
    """The last signature of a text made of sayings each signed "~ Speaker" (or "- Speaker"
    in dashes or after a quotation, see `_DASH_SIGNATURE`): when the text ends with a signature
    every word in it belongs to a saying, so the words (first person and exhortation included)
    are the speakers', not the sharer's; a question or exclamation addressed to the reader
    between them ("Setuju?") is the sharer's own."""
    stripped = text.rstrip(" \t\n\"”'’.…")
    if "?" in stripped:
        return None
    last = None
    if "~" in stripped:
        for m in _SIGNATURE.finditer(stripped):
            last = m
    if last is None and "via" in stripped:
        credit = _SHARE_CREDIT.search(stripped)
        if credit is not None:
            stripped = stripped[: credit.start()]
    if last is None and _has_dash(stripped[-SIGNATURE_TAIL:]):
        last = _DASH_SIGNATURE.search(stripped, max(0, len(stripped) - SIGNATURE_TAIL))
    if last is None or last.end() != len(stripped):
        return None
    return last


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of text inside quotation marks (someone else's words when attributed),
    and a quotation the platform cut short: an opening mark never closed before the text ends
    on a truncation mark ("petisi \"Joko Widodo: STOP ARREST OF …"), quoted to the cut."""
    spans = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]
    cut = _CUT_SHORT.search(text, spans[-1][1] + 1 if spans else 0)
    if cut is not None:
        spans.append((cut.start(1), cut.end(1)))
    return spans


def read_register(
    post: Post,
    feats: Features,
    scanned: list[Scanned],
    participants_by_race: dict[str, dict[str, set[str]]],
    race_sizes: dict[str, int] | None = None,
) -> None:
    """Add register features for the author's side and the target's side.

    `participants_by_race` holds, per side ("own", "target") and race, the participants named;
    `race_sizes` how many participants each race has (a list of all of them is information).
    """
    target = post.target
    originals = {
        "own": [("text", post.text), ("transcript", post.transcript)],
        "target": [("target.text", target.text), ("target.name", target.name or "")]
        if target is not None
        else [],
    }
    by_side: dict[str, list[Scanned]] = {"own": [], "target": []}
    for sc in scanned:
        by_side["target" if sc.zone == "target" else "own"].append(sc)
    for side, prefix, _ in SIDES:
        if not by_side[side] and not any(orig for _, orig in originals[side]):
            continue
        keys = _KEYS[side]
        found: dict[str, list[Ev]] = {}
        quoted: dict[str, list[tuple[int, int]]] = {}
        texts = {sc.field: sc.norm.text for sc in by_side[side]}
        attributed: set[str] = set()
        said_by_someone: set[str] = set()
        # Content that is news by its shape (shared from a publisher, a dateline, a headline with
        # no first-person words) is reported: endorsing words in it are the subject's.
        reported: set[str] = set()
        headlined: set[str] = set()  # read as news by its title case alone, nobody quoted
        # read as news by a dateline, a publisher, its prose or a fact-checker's verdict
        newsroom: set[str] = set()
        shapes: dict[str, str] = {}  # each field's words without the links written into them
        passed_on: set[str] = set()  # fields beside a link or shaped as a headline
        for field, orig in originals[side]:
            if not orig:
                continue
            links = text_links(orig) if field in ("text", "target.text") else []
            bare = shapes[field] = without_links(orig, links)
            # Title case in a transcript is the transcriber's (names capitalised), never a
            # headline: spoken words have no case of their own.
            shaped = (
                field in ("text", "target.text")
                or (field != "transcript" and len(orig) > LONG_NAME)
            ) and headline(bare)
            if links or (shaped and field in SPOKEN_FIELDS):
                passed_on.add(field)
            credit = _TITLE_CREDIT.search(orig) if field == "text" and "via" in orig else None
            if credit is not None:
                found.setdefault("report", []).append(
                    Ev(field, credit.start(), credit.end(), SHARE_CREDIT, raw=True)
                )
            if field == "text" and side == "own":
                # A shortened link hides what it leads to: beside words in the author's own
                # voice (a cheer, an emoji, a particle, a candidate called by a term of
                # address; not a pronoun, which news prose quotes) it is their link, not a
                # story.
                own_words: bool | None = None  # read once, only beside a shortened link
                for link in links:
                    for _, host in _publisher_links([link.group()]):
                        if host in SHORTENERS:
                            if own_words is None:
                                own_words = own_voice(bare, pronoun=False) or _named_in_address(
                                    feats, keys, texts, field
                                )
                            if own_words:
                                continue
                        found.setdefault("report", []).append(
                            Ev(
                                field,
                                link.start(),
                                link.end(),
                                PUBLISHER_LINK,
                                host,
                                raw=True,
                            )
                        )
            spans = quoted_spans(orig) if _has_quote(orig) else []
            if spans:
                quoted[field] = spans
                said = attributed_quotation(orig, spans) if field in SPOKEN_FIELDS else None
                if said is not None:
                    found.setdefault("report", []).append(
                        Ev(field, said.start(), said.end(), ATTRIBUTED_QUOTE, raw=True)
                    )
                    attributed.add(field)
                    said_by_someone.add(field)
            signed = (
                signed_saying(bare)
                if field in SPOKEN_FIELDS and ("~" in bare or _has_dash(bare))
                else None
            )
            if signed is not None:
                found.setdefault("report", []).append(
                    Ev(field, signed.start(), signed.end(), SIGNED_SAYING, raw=True)
                )
                attributed.add(field)
                said_by_someone.add(field)
                reported.add(field)  # its first person is the speakers', not the sharer's
            m = _PERCENT.search(orig) if "%" in orig or "ersen" in orig else None
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), FIGURES, raw=True)
                )
            m = _FACT_CHECK.match(orig) if orig.lstrip().startswith("[") else None
            if m is not None:
                found.setdefault("debunk", []).append(
                    Ev(
                        field,
                        m.start(),
                        m.end(),
                        "register:debunk (a fact-check verdict)",
                        raw=True,
                    )
                )
                reported.add(field)
                newsroom.add(field)
            m = read_more(orig, bare) if field in ("text", "target.text") else None
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), READ_MORE, raw=True)
                )
                reported.add(field)
                newsroom.add(field)
            m = _dateline(orig, _named_first(feats, keys, field))
            if m is not None:
                found.setdefault("report", []).append(
                    Ev(field, m.start(), m.end(), "register:report (dateline)", raw=True)
                )
                reported.add(field)
                newsroom.add(field)
            if field == "target.name" and _PUBLISHER.search(orig):
                found.setdefault("report", []).append(
                    Ev(field, None, None, "register:report (shared from a publisher)", orig)
                )
                reported.update(("target.text", "target.name"))
                newsroom.update(("target.text", "target.name"))
            if (
                field in ("text", "target.text")
                and news_prose(bare)
                and not _verdict_prose(feats, keys, texts, field)
            ):
                found.setdefault("report", []).append(
                    Ev(field, None, None, "register:report (news prose)", orig[:80])
                )
                reported.add(field)
                newsroom.add(field)
            if shaped and not _cheering_kicker(bare, feats, keys, field):
                found.setdefault("report", []).append(
                    Ev(field, None, None, "register:report (headline)", orig[:80])
                )
                first_person = any(
                    ev.field == field
                    for key in keys["first_person"]
                    for ev in feats.found.get(key, ())
                )
                # An imperative at the start ("Menangkan X", "Rapatkan barisan, coblos X") is a
                # slogan in title case, not a headline about someone else; after a conjunction
                # or preposition ("Gegara Dukung X, ...", "Usai Coblos X") the verb is no order.
                imperative = any(
                    ev.field == field
                    and ev.start is not None
                    and ev.start < _opening(texts.get(field, ""), IMPERATIVE_AT)
                    and _SUBORDINATORS.isdisjoint(texts.get(field, "")[: ev.start].split())
                    and not _subject_before(feats, keys, field, ev.start)
                    and not any(
                        neg.field == field and neg.start is not None and neg.start < ev.start
                        for k in keys["negation_cue"]
                        for neg in feats.found.get(k, ())
                    )
                    for key in (*keys["call_to_vote"], *keys["endorse_cue"])
                    for ev in feats.found.get(key, ())
                )
                if not first_person and not imperative:
                    reported.add(field)
                    if ":" not in bare:
                        headlined.add(field)
        if side == "own":
            for i, host in _publisher_links(post.urls):
                if host in SHORTENERS and (
                    own_voice(shapes.get("text", ""), pronoun=False)
                    or _named_in_address(feats, keys, texts, "text")
                ):
                    continue  # a shortened link beside the author's own voice (see above)
                found.setdefault("report", []).append(
                    Ev(f"urls[{i}]", None, None, PUBLISHER_LINK, host)
                )
        named_at: set[tuple[str, int | None]] = {
            (ev.field, ev.start)
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
            if ev.start is not None
        }
        named_ends: set[tuple[str, int | None]] = {
            (ev.field, ev.end)
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
            if ev.end is not None and not ev.raw
        }
        for name, register in CUE_LISTS.items():
            for key in keys[name]:
                for ev in feats.found.get(key, ()):
                    if name in WORDS_ONLY_LISTS and ev.field not in SPOKEN_FIELDS:
                        continue
                    if (
                        name in ATTRIBUTION_LISTS
                        and ev.field in SPOKEN_FIELDS
                        and _declared(ev, texts, named_at)
                    ):
                        continue  # "kami ... menyatakan": the speaker's own declaration
                    found.setdefault(register, []).append(
                        Ev(ev.field, ev.start, ev.end, f"register:{register} ({name})")
                    )
                    if register == "report":
                        attributed.add(ev.field)
                    if name in ATTRIBUTION_LISTS and ev.field in SPOKEN_FIELDS:
                        said_by_someone.add(ev.field)
        # Reported speech without quotation marks ("Prabowo ajak warga coblos 02, ujarnya"):
        # an attribution and no first-person or imperative words of the author in that field.
        if said_by_someone:
            voiced = {ev.field for k in keys["first_person"] for ev in feats.found.get(k, ())}
            voiced |= {f for f, orig in originals[side] if _first_person(orig)}
            reported |= said_by_someone - voiced
        if side == "own":
            for field, orig in originals[side]:
                lead = _told_lead(field, orig, shapes.get(field, orig)) if orig else None
                if lead is not None and field not in voiced_fields(feats, keys, [(field, orig)]):
                    found.setdefault("report", []).append(lead)
                    said_by_someone.add(field)
                    reported.add(field)
                elif field in SPOKEN_FIELDS and orig and (closing := closing_attribution(orig)):
                    # "..., kata Jokowi di GBK, Sabtu (13/4/2019).": the words before are his
                    found.setdefault("report", []).append(
                        Ev(field, closing.start(), closing.end(), CLOSING_ATTRIBUTION, raw=True)
                    )
                    said_by_someone.add(field)
                    reported.add(field)
                elif field in passed_on and field in SPOKEN_FIELDS and orig:
                    credited = speaker_headline(orig)
                    if credited is not None:
                        # the words after the colon are the speaker's, their first person too
                        found.setdefault("report", []).append(
                            Ev(
                                field,
                                credited.start(1),
                                credited.end(1),
                                SPEAKER_HEADLINE,
                                raw=True,
                            )
                        )
                        said_by_someone.add(field)
                        reported.add(field)
        relayed_tags: set[str] = set()
        if side == "own" and not any(
            ev.field == "text" for k in keys["first_person"] for ev in feats.found.get(k, ())
        ):
            relay = _relayed_news(post, found, shapes.get("text", ""))
            if relay is not None:
                # the retweeted account's words, its hashtags with them: what they say of a
                # participant they tell, as a shared story does
                found.setdefault("report", []).append(relay)
                relayed_tags = {f"hashtags[{i}]" for i in range(len(post.hashtags))}
                reported |= {"text"} | relayed_tags
                newsroom.add("text")
        outlet_tagged: set[tuple[str, int | None]] = set()
        if side == "own" and "#" in post.text:
            outlet_run = _outlet_tags(
                post, feats, keys, {sc.field: sc.norm for sc in by_side[side]}
            )
            if outlet_run is not None:
                found.setdefault("report", []).append(outlet_run[0])
                outlet_tagged = outlet_run[1]
        # "yang tidak dukung X" is a condition (a threat's shape), not a prohibition, and
        # "jangan lupa coblos" (don't forget to vote) negates the forgetting, not the vote. A
        # negation inside a threat ("tidak segan-segan", "kontrak tidak diperpanjang") belongs
        # to the threat, not to the order before it.
        threats: set[tuple[str, int, int]] = set()
        for key in keys["threat_cue"]:
            for ev in feats.found.get(key, ()):
                if ev.start is not None and ev.end is not None:
                    threats.add((ev.field, ev.start, ev.end))
        negation_evs = [
            ev
            for key in keys["negation_cue"]
            for ev in feats.found.get(key, ())
            if ev.start is not None
            and ev.end is not None
            and not any(
                f == ev.field and start <= ev.start and ev.end <= end for f, start, end in threats
            )
            and not (" " + texts.get(ev.field, "")[: ev.start]).rstrip().endswith(" yang")
            and not texts.get(ev.field, "")[ev.end :].lstrip().startswith(FORGET_WORDS)
        ]
        negation_starts = {(ev.field, ev.start) for ev in negation_evs}
        negations = {(ev.field, ev.end) for ev in negation_evs}
        # A hand sign is weak evidence of a side: in words that warn ("bagi yang terbiasa foto
        # dengan dua jari, harap menahan diri") it is the act warned about, nobody named.
        warned = any(key in feats.found for key in keys["warn_cue"])
        named_here = any(
            not (warned and ev.label.startswith("gesture:"))
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
        )
        _drop_absent_candidates(feats, keys, texts)
        if not named_here:
            for ev in _candidates_alike(feats, keys, texts):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({EVERY_CANDIDATE})")
                )
            for ev in _refraining_orders(feats, keys, texts, negation_starts):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({REFRAIN})")
                )
            for ev in _forbidden_roles(feats, keys, texts, negation_evs):
                found.setdefault("warn", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:warn ({FORBIDDEN_ROLE})")
                )
        for ev in _others_support(feats, keys, texts):
            found.setdefault("report", []).append(
                Ev(ev.field, ev.start, ev.end, f"register:report ({OTHERS_SUPPORT})")
            )
        for field, subject in _held_by_subject(
            feats,
            _SUBJECT_KEYS[side],
            texts,
            originals[side],
            (passed_on, reported, shapes),
            {sc.field: sc.norm for sc in by_side[side]},
        ):
            found.setdefault("report", []).append(
                Ev(
                    field,
                    subject.start,
                    subject.end,
                    f"register:report ({SUBJECT_SUPPORT})",
                    raw=True,
                )
            )
        unspecific = {
            (ev.field, ev.start)
            for key in keys["unspecific_object"]
            for ev in feats.found.get(key, ())
            if not _quantifies_people(ev, texts)
        }
        # What a hortative ("ayo", "jangan lupa") urges: only a partisan word after it makes
        # it endorsement ("jangan lupa tanda tangan saksi" urges nothing partisan).
        # A vote for an office, by criteria, or for a date and place is voter education.
        education: dict[tuple[str, int | None], str] = {}
        spoken = dict(originals[side])
        for key in keys["call_to_vote"]:
            for ev in feats.found.get(key, ()):
                cue = _education(ev, texts, named_here, spoken)
                if cue is not None:
                    education[(ev.field, ev.start)] = cue
        partisan = {
            (ev.field, ev.start)
            for name in _HORTATIVE_OBJECTS
            for key in keys[name]
            for ev in feats.found.get(key, ())
            if not ev.label.startswith("gesture:")  # a hand sign is too weak to be the object
            and (ev.field, ev.start) not in education
        }
        figured = {ev.field for ev in found.get("report", ()) if ev.label.endswith("(figures)")}
        # Passive orders told of, not given: the hearer-less "diminta", "diarahkan" before a vote.
        received = [
            ev
            for key in keys["received_directive"]
            for ev in feats.found.get(key, ())
            if ev.start is not None and _told_of(ev, texts)
        ]
        # Active orders told of: a superior named as the subject of a verb of ordering ("Camat
        # mengarahkan untuk memilih X", "pak Kades menyuruh kami"), the speaker not among them.
        told_orders = _orders_by_others(feats, keys, texts, named_at)
        if told_orders:
            found.setdefault("report", []).extend(told_orders)
            received += told_orders
        # A field that quotes someone with a reporting cue is reported speech: the endorsement
        # cues in it are the quoted speaker's, not the author's.
        # Praise or blame is a side taken only when it is said of someone the author names:
        # accounts tagged with @ are whom a reply is addressed to, not whom it judges.
        evaluated = any(
            not ev.label.startswith("tagged account:")
            and not (warned and ev.label.startswith("gesture:"))
            for key in keys["participant"]
            for ev in feats.found.get(key, ())
        )
        if named_here and not evaluated and side == "own":
            thanks = _thanks_to_account(originals[side], feats, keys)
            if thanks is not None:
                found.setdefault("programme", []).append(thanks)
        lists = (*ENDORSE_LISTS, EVALUATION_LIST) if evaluated else ENDORSE_LISTS
        words_at = _WordIndex(texts)
        judged_words = (
            _participant_words(feats, keys, texts, words_at) if evaluated and headlined else {}
        )
        no_calls: set[tuple[str, int | None]] = set()
        # Fields that warn or administer in their own cue words: a support noun there with
        # nobody named is what is warned about or administered (see `_support_spoken_of`).
        ruled = {} if named_here else _ruled_fields(found, texts, feats, keys)
        for name in lists:
            for key in keys[name]:
                for ev in feats.found.get(key, ()):
                    if not named_here and (
                        (ev.field, ev.start) in negation_starts or _negated(ev, negations, texts)
                    ):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:warn (negated endorsement)")
                        )
                        continue
                    if (
                        not named_here
                        and ev.field in SPOKEN_FIELDS
                        and _followed_by(ev, unspecific, texts)
                    ):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:warn (nobody in particular)")
                        )
                        continue
                    register_of = ruled.get(ev.field)
                    if (
                        register_of is not None
                        and name == "endorse_cue"
                        and _support_spoken_of(ev, texts, spoken)
                    ):
                        found.setdefault(register_of, []).append(
                            Ev(
                                ev.field,
                                ev.start,
                                ev.end,
                                f"register:{register_of} ({SUPPORT_SPOKEN_OF})",
                            )
                        )
                        continue
                    if not named_here and _reciprocal(ev, texts):
                        found.setdefault("warn", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:warn ({MUTUAL_SUPPORT})")
                        )
                        continue
                    if (
                        name == "first_person"
                        and _hortative(ev, texts)
                        and not _followed_by(ev, partisan, texts)
                    ):
                        continue
                    if _result_figure(ev, figured, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({RESULT_FIGURE})")
                        )
                        continue
                    if name in _HOLDER_LISTS_SET and _reciprocal(ev, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, RECIPROCAL)
                        )
                        continue
                    if name == EVALUATION_LIST and _said_of_the_election(ev, texts, named_at):
                        # "pilpres yang damai dan berintegritas": the process judged
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, SAID_OF_THE_ELECTION)
                        )
                        continue
                    if name in _HOLDER_LISTS_SET and _contest_won(ev, texts, named_ends):
                        # "X memenangkan Pilpres", "jika memenangkan Pilpres": a win told
                        if name == "call_to_vote":
                            no_calls.add((ev.field, ev.start))
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({CONTEST_WON})")
                        )
                        continue
                    if name == "call_to_vote" and _no_call(ev, texts):
                        # "usai nyoblos", "pilih siapa?": told of or asked, not urged, so no
                        # call to vote for any rule either
                        no_calls.add((ev.field, ev.start))
                        continue
                    stated = None if named_here else _vote_stated(name, ev, texts)
                    if stated is not None:
                        # "para ASN bisa memilih", "silakan mendukung, tetapi hanya di bilik
                        # suara": the right to vote stated; "ketika dirinya memilih": its time
                        # told. Nobody is urged.
                        no_calls.add((ev.field, ev.start))
                        found.setdefault("educate", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:educate ({stated})")
                        )
                        continue
                    if _received_order(ev, received, texts):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({RECEIVED})")
                        )
                        continue
                    # The words a call to vote was read in are read so in every list that has
                    # them ("pilihlah" is a call to vote and an endorsing word): voter
                    # education for one is voter education for all.
                    cue = education.get((ev.field, ev.start))
                    if cue is not None:
                        found.setdefault("educate", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:educate ({cue})")
                        )
                        continue
                    if (
                        name == EVALUATION_LIST
                        and ev.field in headlined - newsroom - said_by_someone
                        and ev.field not in quoted
                        and _beside(ev, judged_words, words_at)
                    ):
                        found.setdefault("endorse", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:endorse ({HEADLINE_VERDICT})")
                        )
                        continue
                    if (ev.field, ev.start) in outlet_tagged:
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, f"register:report ({OUTLET_TAGS})")
                        )
                        continue
                    if ev.field in reported or (ev.field in quoted and ev.field in attributed):
                        found.setdefault("report", []).append(
                            Ev(ev.field, ev.start, ev.end, "register:report (reported speech)")
                        )
                        continue
                    found.setdefault("endorse", []).append(
                        Ev(ev.field, ev.start, ev.end, f"register:endorse ({name})")
                    )
        for key in keys["call_to_vote"] if no_calls else ():
            evs = feats.found.get(key)
            if evs:
                _keep(feats, key, evs, [ev for ev in evs if (ev.field, ev.start) not in no_calls])
        named = participants_by_race[side]
        balanced = [race for race, ids in named.items() if len(ids) > 1]
        if named_here:
            # Someone else's words (reported, attributed, or a survey's figures) are not a wish
            # or a comparison of the author's.
            others = reported | said_by_someone
            others |= {ev.field for ev in found.get("report", ()) if "(figures)" in ev.label}
            moods = _mood(feats, keys, texts, others, compare=bool(balanced))
            moods += _allegiance(feats, keys, texts, others)
            moods += _singled_out(feats, keys, texts, others, spoken)
            moods += _ousted(feats, keys, texts, others)
            moods += _unbeaten(feats, keys, texts, others)
            for ev, cue in moods:
                if cue == COMPARISON and ev.field in attributed:
                    continue  # surveys and results compare participants too
                if _received_order(ev, received, texts):
                    continue  # "kami diminta memenangkan X": the order, read above
                found.setdefault("endorse", []).append(
                    Ev(ev.field, ev.start, ev.end, f"register:endorse ({cue})")
                )
        # Praise or blame said of two participants of one race alike ("sama baiknya", "begitu
        # pula sebaliknya") takes neither side: the evaluation is even-handed.
        if balanced and "endorse" in found:
            even = _even_handed(feats, keys, texts)
            also, rival_objects = _rivals_alike(feats, keys, texts)
            even.update((f, ev) for f, ev in also.items() if f not in even)
            if even or rival_objects:
                kept = [
                    ev
                    for ev in found["endorse"]
                    if not (ev.field in even and ev.label.endswith(f"({EVALUATION_LIST})"))
                    and (ev.field, ev.start) not in rival_objects
                ]
                if len(kept) < len(found["endorse"]):
                    found.setdefault("report", []).extend((*even.values(), *rival_objects.values()))
                if kept:
                    found["endorse"] = kept
                else:
                    del found["endorse"]
        elif balanced:
            # with no endorsement read, parity counts only where it is said of a quality:
            # "sama baiknya", or a parity word beside praise or support ("sama-sama hadir" is
            # two people at one event)
            judged = {
                ev.field
                for name in (EVALUATION_LIST, "support")
                for key in keys[name]
                for ev in feats.found.get(key, ())
            }
            found.setdefault("report", []).extend(
                ev
                for field, ev in _even_handed(feats, keys, texts).items()
                if field in judged or _EQUATIVE.fullmatch(texts.get(field, "")[ev.start : ev.end])
            )
        # With a participant named, "kalah atau menang #tetapahok" is loyalty whatever the
        # outcome; with nobody named, both outcomes accepted wish nobody the win.
        for ev in () if named_here else _either_outcome(feats, keys, texts):
            found.setdefault("warn", []).append(ev)
        if side == "own" and "endorse" in found:
            _whoever_wins(feats, keys, texts, found)
        if side == "own" and "endorse" in found:
            _undecided(texts, found)
        # Every participant of a race (or ENUMERATION_MIN of a large one) named side by side is
        # a list, as news and KPU posts give it; two of three named is a choice being weighed.
        # A list with one of them singled out by their slogan, hashtag or hand sign is not even.
        sizes = race_sizes or {}
        singled = _signalled(feats, keys)
        if balanced and side == "own":
            # a verdict said of one of them alone singles that one out of the list
            verdicts = [
                ev
                for key in (*keys[EVALUATION_LIST], *_VERDICT_FEATURES)
                for ev in feats.found.get(key, ())
            ]
            references = [ev for key in keys["participant"] for ev in feats.found.get(key, ())]
            alone = judged_alone(texts, verdicts, references) if verdicts else None
            if alone is not None:
                singled.setdefault(alone.rsplit("/", 1)[0], set()).add(alone)
        listed = [
            race
            for race in balanced
            if len(named[race]) >= min(sizes.get(race, 2), ENUMERATION_MIN)
            and len(singled.get(race, ())) != 1
        ]
        if listed and "endorse" not in found:
            found.setdefault("report", []).append(
                Ev(
                    "participants",
                    None,
                    None,
                    "register:report (several participants of one race)",
                    ", ".join(sorted(listed)),
                )
            )
        # News words ("hasil", "debat", "ternyata") in a field spoken in the author's own voice
        # (particles, emoji, doubled punctuation, first person) are the author's topic, not a
        # newsroom's register; structural and strong cues still count there.
        chatty = {f for f, orig in originals[side] if orig and own_voice(shapes.get(f, orig))}
        if side == "own" and conversational(post):
            chatty.add("text")
        for register, evs in found.items():
            if register == "report" and chatty:
                evs = [
                    ev
                    for ev in evs
                    if not (ev.field in chatty and (_weak_cue(ev) or ev.label == FIGURES))
                ]
                if not evs:
                    continue
                found[register] = evs
            if register == "endorse" or _weight(evs, texts) >= REGISTER_WEIGHT:
                feats.found[f"{prefix}.{register}"] = evs
        neutral = [r for r in NEUTRAL_REGISTERS if f"{prefix}.{r}" in feats.found]
        if side == "own" and neutral and "endorse" not in found:
            # The hashtags a sharer adds are their own words, whatever the body they tag: a
            # slogan or an endorsing word there is not part of the news it is attached to.
            newsrooms_tags = relayed_tags | {
                f for f, _ in outlet_tagged if f.startswith("hashtags[")
            }
            tagged = _sharers_tags(post, feats, keys, newsrooms_tags) + _slogan_line(
                post.text, feats, keys, texts
            )
            if tagged:
                found["endorse"] = tagged
                feats.found[f"{prefix}.endorse"] = tagged
        if "endorse" not in found and neutral:
            feats.found[f"{prefix}.neutral"] = [ev for r in neutral for ev in found[r]]


SIDES = (("own", "register", ("text", "media")), ("target", "target.register", ("target",)))
# Feature names each side reads, built once: <zone>.<list> for every list the reader uses.
_KEYS = {
    side: {
        name: tuple(f"{zone}.{name}" for zone in zones)
        for name in (
            *STANCE_LISTS,
            *HOLDER_LISTS,
            "first_person",
            "received_directive",
            "directive_cue",
            "threat_cue",
            "negation_cue",
            "parity_cue",
            "support",
            "unspecific_object",
            "participant",
            "candidate_word",
            "campaign_term",
            "campaign_team",
            "asn_audience",
            "office_title",
            "gesture",
            "political_context",
            EXCLUSIVE_LIST,
            OUSTER_LIST,
        )
    }
    for side, _, zones in SIDES
}

# Per side, the features whose words `_held_by_subject` reads for their subject.
_SUBJECT_KEYS = {
    side: tuple(key for name in (*HOLDER_LISTS, "first_person") for key in _KEYS[side][name])
    for side, _, _ in SIDES
}


def _even_handed(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> dict[str, Ev]:
    """Per field, the first parity cue in it: a `parity_cue` word ("sebaliknya", "keduanya")
    or the equative "sama <quality>-nya" ("sama baiknya", "sama kuatnya")."""
    out: dict[str, Ev] = {}
    for key in keys["parity_cue"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw and ev.field not in out:
                out[ev.field] = Ev(ev.field, ev.start, ev.end, EVEN_HANDED)
    for field, text in texts.items():
        if field not in out and "sama " in text:
            m = next((m for m in _EQUATIVE.finditer(text) if not _NOMINAL.search(m.group())), None)
            if m is not None:
                out[field] = Ev(field, m.start(), m.end(), EVEN_HANDED)
    return out


# Additive particles: "Y juga keren" says of Y what was said of someone before.
_ADDITIVES = _word_set("juga jg pun pula")
# What joins the members of a list of names once punctuation is read away.
_LIST_JOINS = _word_set("dan atau serta maupun sama")
RIVALS_ALIKE = "register:report (said of rival sides alike)"


def _rivals_alike(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> tuple[dict[str, Ev], dict[tuple[str, int | None], Ev]]:
    """Praise and support given to rival sides alike, read by structure: an additive particle
    after a participant whose rival of the same race is named before it ("Pak X keren, mas Y
    juga keren": the praise of Y repeats what was said of X), per field; and a praise or
    support word whose object is a list of rival participants ("mau dukung X, Y, Z semuanya
    satu Indonesia"), per cue word. Participants of one side (a pair's two names) are no
    rivals: "Prabowo hebat, Gibran juga hebat" still takes a side."""
    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.raw or ev.start is None or ev.end is None or ev.field not in texts:
                continue
            if not ev.label.startswith("participant:"):
                continue  # an account tagged is whom a reply addresses
            mentions.setdefault(ev.field, []).append((ev.start, ev.end, ev.label.split(":", 1)[1]))
    fields: dict[str, Ev] = {}
    for field, found in mentions.items():
        found.sort()
        text = texts[field]
        for j, (_, end, pid) in enumerate(found):
            after = text[end:].split(None, 1)
            if not after or after[0] not in _ADDITIVES:
                continue
            race = pid.rsplit("/", 1)[0]
            alike = {p for _, _, p in found[: j + 1] if p.rsplit("/", 1)[0] == race}
            # a rival named before it, and none of the race named only after ("X jelek, Y juga
            # jelek, tapi Z hebat" singles Z out)
            later = {p for _, _, p in found[j + 1 :] if p.rsplit("/", 1)[0] == race}
            if len(alike) > 1 and later <= alike:
                at = end + text[end:].index(after[0])
                fields[field] = Ev(field, at, at + len(after[0]), RIVALS_ALIKE)
                break
    listed: dict[tuple[str, int | None], Ev] = {}
    for name in ("support", "endorse_cue", EVALUATION_LIST):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is None or ev.end is None or ev.field not in mentions:
                    continue
                pids = _listed_after(texts[ev.field], ev.end, mentions[ev.field])
                if len({p.rsplit("/", 1)[0] for p in pids}) == 1 and len(pids) > 1:
                    listed[(ev.field, ev.start)] = Ev(ev.field, ev.start, ev.end, RIVALS_ALIKE)
    return fields, listed


def _listed_after(text: str, at: int, mentions: list[tuple[int, int, str]]) -> set[str]:
    """The participants named one after another from offset `at` on (only spaces or a list's
    joining word between them): the object a cue word there governs."""
    pids: set[str] = set()
    for start, end, pid in mentions:
        if start < at:
            continue
        between = text[at:start].split()
        if len(between) > 1 or (between and between[0] not in _LIST_JOINS):
            break
        pids.add(pid)
        at = end
    return pids


# The author's choice not made yet: a first person, then "belum" (not yet) before a verb of
# deciding or choosing, or "masih" (still) before one of weighing. Closed grammatical classes:
# the pronouns (holder.py), the aspect words, and the verbs of deciding, choosing and weighing.
_UNDECIDED = re.compile(
    rf"\b(?:{'|'.join(sorted(FIRST_PERSONS))})(?: [^ ]+){{0,2}}? "
    r"(?:(?:belum|blm|belom|blom)(?: bisa| mau| juga| jg)? (?:menentukan|tentukan|nentuin|"
    r"memutuskan|putuskan|mutusin|memilih|milih|pilih|punya pilihan|ada pilihan|yakin)"
    r"|masih (?:menimbang|nimbang|nimbang2|mempertimbangkan|bingung|ragu))\b"
)
UNDECIDED = "register:report (the author's choice not made yet)"
_WEIGHED_LISTS = ("support", "endorse_cue")


def _undecided(texts: dict[str, str], found: dict[str, list[Ev]]) -> None:
    """Read a field where the author says their choice is not made ("saya belum menentukan
    pilihan", "aku masih nimbang") as weighing, not giving, support: the support words in it
    ("dukung X juga masih nimbang") name a side considered. A call to vote, a wish, a
    comparison or the author's first-person declaration stays endorsement."""
    spans = {
        f: m
        for f, text in texts.items()
        # "belum", "blm", "blom" or "masih" is in every match: a substring test spares most
        # fields the regex, which tries each of its pronouns at every word
        if ("bel" in text or "bl" in text or "masih" in text)
        and (m := _UNDECIDED.search(text)) is not None
    }
    if not spans:
        return
    kept = [
        ev
        for ev in found["endorse"]
        if not (ev.field in spans and ev.label[ev.label.find("(") + 1 : -1] in _WEIGHED_LISTS)
    ]
    if len(kept) == len(found["endorse"]):
        return
    found.setdefault("report", []).extend(
        Ev(f, m.start(), m.end(), UNDECIDED) for f, m in spans.items()
    )
    if kept:
        found["endorse"] = kept
    else:
        del found["endorse"]


def _whoever_wins(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    found: dict[str, list[Ev]],
) -> None:
    """Read a field that speaks to whoever wins ("siapapun nanti yang jadi presiden harus
    jujur") as a warning to any winner: the praise, blame and support words read as endorsement
    in it are said of no one in particular. Not where a participant is singled out by a slogan,
    number, hand sign or hashtag, nor where the author votes or declares for someone ("siapapun
    yang menang, saya tetap pilih X"): a first person or a call to vote keeps the field's
    endorsement."""
    if _signalled(feats, keys):
        return
    spans = {field: m for field, text in texts.items() if (m := _WHOEVER.search(text)) is not None}
    if not spans:
        return
    committed = {
        ev.field
        for name in ("first_person", "call_to_vote")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    }
    fields = spans.keys() - committed
    if not fields:
        return
    words = _WordIndex(texts)
    named = _participant_words(feats, keys, texts, words)

    def said_of_someone(ev: Ev) -> bool:
        """Praise beside a participant's name ("..., Ahok tetap yang terbaik") still takes a
        side; the word that is itself read as the name is not its own predicate."""
        if ev.start is None or ev.field not in named:
            return False
        at = words.at(ev.field, ev.start)
        return any(0 < abs(at - p) <= WHOEVER_NAMED_WINDOW for p in named[ev.field])

    kept = [ev for ev in found["endorse"] if ev.field not in fields or said_of_someone(ev)]
    if len(kept) == len(found["endorse"]):
        return
    found.setdefault("warn", []).extend(
        Ev(field, m.start(), m.end(), f"register:warn ({WHOEVER_WINS})")
        for field, m in spans.items()
        if field in fields
    )
    if kept:
        found["endorse"] = kept
    else:
        del found["endorse"]


def _signalled(feats: Features, keys: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """Per race, the participants a campaign term, a hand sign or a hashtag on this side
    points at (a hashtag for each of them is even again)."""
    out: dict[str, set[str]] = {}
    for name in ("campaign_term", "gesture", "participant"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if name == "participant" and not ev.field.startswith("hashtags["):
                    continue
                pid = ev.label.rsplit(">", 1)[-1].split(":", 1)[-1]
                out.setdefault(pid.rsplit("/", 1)[0], set()).add(pid)
    return out


# Where rival sides are named, words between a verdict and the one side it is said of alone.
BESIDE_WORDS = 3


def judged_alone(texts: dict[str, str], verdicts: list[Ev], references: list[Ev]) -> str | None:
    """Where the author's words name rival sides, the one participant every evaluative word is
    said of, if there is one: each verdict beside a name (within BESIDE_WORDS words) stands
    beside that participant's and no other's ("Paslon 02 hambar gagasannya, tiap sesi jadi juri
    01 sama 03"). Two sides each judged ("X sombong, Y lemah"), a verdict between two names, or
    none beside any name single nobody out (None). A verdict beside one of several names
    coordinated ("Terima kasih Pak Anies dan Pak Prabowo atas debatnya") is said of them all
    (see `_coordinated_names`). `texts` are the normalised fields (one space between words),
    the spans of `verdicts` and `references` in them."""
    judged: set[str] = set()
    for ev in verdicts:
        text = texts.get(ev.field)
        if text is None or ev.start is None or ev.end is None or ev.raw:
            continue
        near: set[str] = set()
        beside: list[Ev] = []
        for ref in references:
            if ref.field != ev.field or ref.start is None or ref.end is None or ref.raw:
                continue
            if ref.label.startswith("tagged account:"):
                continue  # whom a reply is addressed to, not whom it judges
            lo, hi = (ev.end, ref.start) if ev.start <= ref.start else (ref.end, ev.start)
            if (text.count(" ", lo, hi) - 1 if hi > lo else 0) <= BESIDE_WORDS:
                near.add(ref.label.rsplit(">", 1)[-1].split(":", 1)[-1])
                beside.append(ref)
        near |= _coordinated_names(text, beside, references, verdicts)
        if len(near) > 1:
            return None  # a verdict between two sides
        judged |= near
    return next(iter(judged)) if len(judged) == 1 else None


# Between two names of one list: a comma, an ampersand or a coordinator ("dan", "serta", and
# "sama" as Indonesian joins names), then at most a term of address ("dan Pak").
_NAME_LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:(?:dan|serta|maupun|atau|sama|and)\s+)?|&\s*|(?:dan|serta|maupun|atau|sama|and)\s+)"
    r"(?:[^\W\d_]+\s+)?$"
)


def _coordinated_names(
    text: str, beside: list[Ev], references: list[Ev], verdicts: list[Ev]
) -> set[str]:
    """The participants named in one list with a name a verdict stands beside ("Pak Anies dan
    Pak Prabowo", "Anies, Prabowo"): joined by a comma or a coordinator (COORDINATORS, and
    "sama" as Indonesian joins names), at most a term of address between, and no verdict
    between them ("Prabowo hebat dan Anies" is no list). A list is read from name to name, so
    a verdict on its first member reaches the last."""
    joined: set[str] = set()
    members = list(beside)
    seen = {(ref.start, ref.end) for ref in members}
    while members:
        ref = members.pop()
        if ref.start is None or ref.end is None:
            continue
        for other in references:
            if other.field != ref.field or other.start is None or other.end is None:
                continue
            if (other.start, other.end) in seen or other.label.startswith("tagged account:"):
                continue
            lo, hi = (ref.end, other.start) if ref.start < other.start else (other.end, ref.start)
            if hi <= lo or not _NAME_LIST_GAP.match(text[lo:hi]):
                continue  # overlapping spans are one name's words read twice
            if any(
                v.field == ref.field and v.start is not None and lo <= v.start < hi
                for v in verdicts
            ):
                continue
            seen.add((other.start, other.end))
            joined.add(other.label.rsplit(">", 1)[-1].split(":", 1)[-1])
            members.append(other)
    return joined


def _sharers_tags(
    post: Post,
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    relayed: Collection[str] = (),
) -> list[Ev]:
    """Endorsing words in the post's own hashtags (not in its body), a participant's slogan
    tagged after the body ("... #PrabowoSalahkanSBY"; "Tagar #X trending di Twitter" speaks of
    the tag in its sentence), and a participant's name tagged with a number (a ballot number or
    the election year, "#PrabowoGibran2024", "#KhofifahEmil02"); slogans and numbered names
    only while one participant of a race is tagged so (a tag for each pair is even). The tags
    of a retweeted story (`relayed`) are its newsroom's words, not the sharer's: a vote or
    support word there names nobody of theirs ("#MauMemilih"); a participant's slogan or
    numbered name chants whoever tags it, and stays."""
    out = [
        Ev(ev.field, ev.start, ev.end, f"register:endorse ({SHARERS_TAG})", raw=ev.raw)
        for name in _TAG_LISTS
        for key in keys[name]
        for ev in feats.found.get(key, ())
        if ev.field.startswith("hashtags[") and ev.field not in relayed
    ]
    numbered = {
        f"hashtags[{i}]" for i, tag in enumerate(post.hashtags) if _NUMBERED_TAG.search(tag)
    }
    trailing = trailing_tags(post) - numbered
    if not numbered and not trailing:
        return out
    named = [
        ev
        for name in ("campaign_term", "participant")
        for key in keys[name]
        for ev in feats.found.get(key, ())
        if ev.field in numbered or (ev.field in trailing and ev.label.startswith("campaign:"))
    ]
    by_race: dict[str, set[str]] = {}
    for ev in named:
        pid = ev.label.rsplit(">", 1)[-1].split(":", 1)[-1]
        by_race.setdefault(pid.rsplit("/", 1)[0], set()).add(pid)
    if any(len(pids) > 1 for pids in by_race.values()):
        return out
    out += [
        Ev(
            ev.field,
            ev.start,
            ev.end,
            f"register:endorse ({NUMBERED_TAG if ev.field in numbered else SLOGAN_TAG})",
            raw=ev.raw,
        )
        for ev in named
    ]
    return out


SLOGAN_LINE = "a participant's slogan in a line after the post's sentences"
# The last sentence stop of a text: what follows it is a line of its own.
_LAST_STOP = re.compile(r"[.!?](?=\s)")
_NOT_LETTER = re.compile(r"[^\w]+")
SLOGAN_LINE_MIN = 2  # words of a slogan line: one word after a stop is a sentence's tail


def _slogan_line(
    text: str, feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """A participant's campaign slogan written as the post's last line, after its sentences
    and before any link ("... dan Rano Karno. Mas Pram Bang Doel Jakarta Menyala https://.."):
    the words of hashtags written without the hash, as a sharer signs a news lead with the
    pair's slogan. The line is set apart by a sentence stop before it, carries no stop of its
    own, and every word of it is capitalised (a slogan, not a sentence); only one participant
    of a race may be so signed (a slogan for each pair is even)."""
    if not text or ("." not in text and "!" not in text and "?" not in text):
        return []
    links = text_links(text)
    end = len(text)
    for link in reversed(links):  # the links that close the text
        if text[link.end() : end].strip():
            break
        end = link.start()
    stops = [m.end() for m in _LAST_STOP.finditer(text, 0, end)]
    if not stops:
        return []
    # The line opens at the last stop, or at a hashtag after it that the slogan starts with
    # ("... di Pasar Munjul #UntungnyaAdaPramDoel Mas Pram Bang Doel"): a tag ends a sentence
    # as a stop does when only capitalised words follow it.
    opens = [stops[-1], *(i for i in range(stops[-1], end) if text[i] == "#")]
    line = ""
    for start in opens:
        words = text[start:end].split()
        if len(words) >= SLOGAN_LINE_MIN and all(w.lstrip("#")[:1].isupper() for w in words):
            line = text[start:end]
            break
    if not line:
        return []
    plain = f" {' '.join(_NOT_LETTER.sub(' ', line).casefold().split())} "
    norm = texts.get("text", "")
    terms = [
        ev
        for key in keys["campaign_term"]
        for ev in feats.found.get(key, ())
        if ev.field == "text"
        and not ev.raw
        and ev.start is not None
        and f" {norm[ev.start : ev.end]} " in plain
    ]
    sides = {ev.label.split(":", 1)[-1] for ev in terms}
    races = {pid.rsplit("/", 1)[0] for pid in sides}
    if not terms or len(races) != len(sides):
        return []
    return [Ev(ev.field, ev.start, ev.end, f"register:endorse ({SLOGAN_LINE})") for ev in terms]


# A token of the text: a hashtag, an account, a link, or a word with the punctuation after it.
_TOKEN = re.compile(r"\S+")
_SENTENCE_STOP = frozenset(".!?…:;,")


def trailing_tags(post: Post) -> set[str]:
    """The fields of the post's hashtags that its text does not use as a word of a sentence
    ("Tagar #JokowiMundurlah trending": a word on either side of it, no stop between): tags
    set apart after or between the words, and tags not written in the text at all."""
    if not post.hashtags:
        return set()
    tokens = _TOKEN.findall(post.text) if "#" in post.text else []
    in_sentence = set()
    for i in range(1, len(tokens) - 1):
        tag, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if (
            tag.startswith("#")
            and _is_word(before)
            and before[-1] not in _SENTENCE_STOP
            and _is_word(after)
            and tag[-1] not in _SENTENCE_STOP
        ):
            in_sentence.add(tag.casefold())
    out = set()
    for i, tag in enumerate(post.hashtags):
        written = (tag if tag.startswith("#") else f"#{tag}").casefold()
        if written not in in_sentence:
            out.add(f"hashtags[{i}]")
    return out


def voiced_fields(
    feats: Features, keys: dict[str, tuple[str, ...]], originals: list[tuple[str, str]]
) -> set[str]:
    """The fields where the author speaks as themself: a first-person or hortative cue, or a
    first-person pronoun in their words."""
    voiced = {ev.field for k in keys["first_person"] for ev in feats.found.get(k, ())}
    return voiced | {f for f, orig in originals if orig and _first_person(orig)}


def _told_lead(field: str, text: str, bare: str) -> Ev | None:
    """A news lead: a sentence or two whose first clause names a third party (a name, a title,
    a group; holder.py) as the subject of a verb of saying (`_TELLING_VERBS`) among its first
    LEAD_WORDS words, with nothing of a speaker of the text's own (no first or second person,
    no hortative, no exclamation or question, nothing of `own_voice`). What follows the verb is
    the subject's word, as a story tells it ("X mengaku ... yang luar biasa"); a comment of the
    author's own after it (a cheer, a particle, "saya") keeps the text theirs. The shape is
    read in `bare` (the words without their links); the evidence spans the subject and the
    verb in `text`, what the person wrote in `field`."""
    if "!" in bare or "?" in bare:
        return None
    m = _TELLING.search(text)
    if m is None or len(words_of(text[: m.start()])) > LEAD_WORDS:
        return None
    if len(_SENTENCE_END.findall(bare)) + 1 > LEAD_SENTENCES:
        return None
    if own_voice(bare) or not {w.casefold() for w in words_of(bare)}.isdisjoint(_PERSONS):
        return None
    subject = subject_of(text, m.start(), m.end())
    if subject is not None:
        if subject.holder is not Holder.THIRD_PARTY:
            return None
        return Ev(field, subject.start, m.end(), TOLD_BY_SUBJECT, raw=True)
    # an appositive before the name ("saingan X pada pilpres 2024 yaitu Y mengucapkan") hides
    # the subject from the holder reader: the capitalised name right before the verb is it
    name = _NAME_BEFORE.search(text, 0, m.start())
    if name is None:
        return None
    return Ev(field, name.start(), m.end(), TOLD_BY_SUBJECT, raw=True)


# Speech closed by its attribution, as news writes what someone said without quotation marks
# ("..., kata Jokowi di Gelora Bung Karno, Sabtu (13/4/2019)."): a comma, a verb of saying
# (`_ATTRIBUTION_VERBS`, with or without "-nya"), the speaker's capitalised name, then at most
# where and when it was said, closing the text.
_CLOSING_ATTRIBUTION = re.compile(
    rf",[ \t]*(?:{_ATTRIBUTION_VERBS})(?:nya)?[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}"
    r"(?P<tail>[^.!?\n]{0,80})\.?\s*$"
)
CLOSING_ATTRIBUTION = "register:report (speech closed by its speaker's attribution)"


def closing_attribution(text: str) -> re.Match[str] | None:
    """The attribution closing a text of someone's speech ("Sebab itu kita harus ..., kata
    Jokowi di GBK, Sabtu (13/4/2019)."): what comes before it, its first person and its
    exhortation included, is the speaker's. Only where the text has nothing of a sharer of its
    own: no exclamation or question, nothing of `own_voice` but a pronoun (the speaker's), no
    first person in the tail after the name ("kata ibu saya" is the author's family talking)."""
    if "," not in text or "!" in text or "?" in text:
        return None
    m = _CLOSING_ATTRIBUTION.search(text)
    if m is None or _first_person(m.group("tail")):
        return None
    if own_voice(text, pronoun=False):
        return None
    return m


# A headline that opens with its speaker and a colon ("Cak Imin: Insya Allah Kita Menang, ..."),
# as news sites title what someone said: two to four capitalised words, then the headline's
# words from a capital.
_SPEAKER_COLON = re.compile(
    r"^\s*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})[ \t]*:[ \t]+(?=[A-Z\"“‘'])"
)
_HEADLINE_END = re.compile(r"\n|[ \t]{2,}|[.!?](?=\s)")
# An HTML entity a scraper left in the text ("&gt", "&amp;"): no word of anyone's.
_HTML_ENTITY = re.compile(r"&(?:gt|lt|amp|quot|nbsp)\b;?")
SPEAKER_HEADLINE = "register:report (a headline's words credited to the speaker before its colon)"
# Terms of address a post calls someone by ("Pak X: ...", "Mbak Y: ..."), where a newsroom's
# headline names its speaker bare or by a title that is part of a public name ("Cak Imin",
# "Gus Yahya"): a closed class.
_VOCATIVES = _word_set("pak bapak bpk pk bu ibu mas mbak mba bang abang kak")
# Words that cannot name a speaker: persons and hortatives (closed classes).
_NOT_SPEAKERS = FIRST_PERSONS | frozenset(["ayo", "yuk", "mari", "kamu", "kalian", "anda"])


def speaker_headline(orig: str) -> re.Match[str] | None:
    """The speaker a headline credits before a colon, in a text passed on beside a link:
    "Cak Imin: Insya Allah AMIN Menang, Kita Tolong ..." is what the speaker said, the first
    person, the prayer and the wish theirs, up to the headline's end (a line break, a wide gap
    or a stop). Nothing of the sharer's own may follow it (no exclamation, nothing of
    `own_voice`: a cheer, an emoji, a particle); the speaker is two to four capitalised words,
    no person or hortative among them (a one-word opener, "Ingat:", "Bismillah:", is no name
    this reader can tell), nor a name called by a term of address (`_VOCATIVES`), nor a name
    after a title whom the words speak to ("Cak X: Kami Dukung Anda")."""
    if ":" not in orig[:60]:
        return None
    credited = _SPEAKER_COLON.match(orig)
    if credited is None:
        return None
    if not {w.casefold() for w in credited.group(1).split()}.isdisjoint(_NOT_SPEAKERS):
        return None
    end = _HEADLINE_END.search(orig, credited.end())
    said = orig[credited.end() : end.start() if end else len(orig)]
    if credited.group(1).split()[0].casefold() in _VOCATIVES or (
        credited.group(1).split()[0].casefold() in _ADDRESS
        and not _HEARERS.isdisjoint(w.casefold() for w in words_of(said))
    ):
        return None  # "Pak X: Lanjutkan", "Cak X: Kami Dukung Anda": X addressed
    rest = without_links(orig[end.end() :], text_links(orig[end.end() :])) if end else ""
    rest = _HTML_ENTITY.sub(" ", rest)
    if "!" in rest or own_voice(rest, pronoun=False):
        return None
    return credited


# The hashtags closing a text, links between them: where a newsroom's share puts its tags.
_TAG_RUN = re.compile(r"(?<!\S)(?:#\w+|https?://\S+)(?:\s+(?:#\w+|https?://\S+|…))*\s*$")
_TAG_BODY = re.compile(r"#(\w+)")
# A newsroom's own tag: its name opening or closing the tag ("#detikPemilu", "#Sindonews",
# "#AdadiKompas", "#kbanews"): the newsroom words of `_PUBLISHER` that are no common word when
# glued to another ("pos", "media", "suara", "kabar" open ordinary tags and are left out).
_OUTLET_TAG = re.compile(
    r"^(?:detik|kompas|tribun|tempo|okezone|liputan|antara|radar|harian|koran)"
    r"|(?:news|berita|kompas|times|com)$",
    re.IGNORECASE,
)
OUTLET_TAGS = "a newsroom's hashtags, shared with its story"
_TAGGED_LISTS = ("call_to_vote", "endorse_cue", "support")


def _outlet_tags(
    post: Post,
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    norms: dict[str, NormText],
) -> tuple[Ev, set[tuple[str, int | None]]] | None:
    """The hashtags a newsroom closes its shared story with, when one of them is its own
    ("... #detikPemilu #DebatCapres2024 #WaktunyaMilih https://t.co/x"): the run of tags
    closing the text is the outlet's, copied with its lead, so a vote or support word in one
    of them ("#WaktunyaMilih") is the newsroom's turnout tag, not the sharer's call. A tag
    naming a participant stays the sharer's to answer for (a pair's campaign tag chants
    whoever posts it; `_sharers_tags` reads those). Returns the run's evidence and the
    (field, start) of each vote or support word read in its other tags."""
    text = post.text
    run = _TAG_RUN.search(text)
    if run is None:
        return None
    tags = [
        (run.start() + m.start(), run.start() + m.end(), m.group(1))
        for m in _TAG_BODY.finditer(run.group())
    ]
    if not any(_OUTLET_TAG.search(body) for _, _, body in tags):
        return None
    norm = norms.get("text")
    if norm is None or norm.orig != text:
        return None
    bodies = {h.lstrip("#").casefold(): i for i, h in enumerate(post.hashtags)}
    named_fields: set[str] = set()
    named_spans: list[tuple[int, int]] = []
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == "text" and ev.start is not None and ev.end is not None and not ev.raw:
                named_spans.append(norm.span(ev.start, ev.end))
            else:
                named_fields.add(ev.field)
    free = [
        (start, end, body)
        for start, end, body in tags
        if not any(s < end and start < e for s, e in named_spans)
        and f"hashtags[{bodies.get(body.casefold(), -1)}]" not in named_fields
    ]
    fields = {
        f"hashtags[{bodies[body.casefold()]}]" for _, _, body in free if body.casefold() in bodies
    }
    out: set[tuple[str, int | None]] = set()
    for name in _TAGGED_LISTS:
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.field in fields:
                    out.add((ev.field, ev.start))
                elif (
                    ev.field == "text"
                    and ev.start is not None
                    and ev.end is not None
                    and not ev.raw
                ):
                    s, e = norm.span(ev.start, ev.end)
                    if any(start <= s and e <= end for start, end, _ in free):
                        out.add((ev.field, ev.start))
    if not out:
        return None
    return Ev("text", run.start(), run.end(), f"register:report ({OUTLET_TAGS})", raw=True), out


# A publisher's read-more line before its link, as a share button writes it under a lead
# ("Baca selengkapnya: https://...", "Baca di https://...", "Simak selengkapnya di ..."): the
# verbs of reading a story (a closed class), then the link.
_READ_MORE = re.compile(
    r"(?<![\w-])(?:(?:baca|simak)(?:[ \t]+(?:selengkapnya|juga|beritanya|artikelnya))?"
    r"|selengkapnya)(?:[ \t]+(?:di|pada))?[ \t]*:?[ \t]*(?=https?://|www\.|pic\.twitter\.com/)",
    re.IGNORECASE,
)
READ_MORE = "register:report (a publisher's read-more line before its link)"


def read_more(orig: str, bare: str) -> re.Match[str] | None:
    """The read-more line a publisher's share closes its lead with, when the words before it
    are the lead alone: no first or second person, no hortative, no exclamation or question,
    nothing of `own_voice` (a cheer, an emoji, a particle). What the lead says of a participant
    (praise, blame, support) it tells; a sharer who adds a word of their own keeps the text
    theirs. `bare` is the text without its links."""
    if "aca" not in orig and "imak" not in orig and "engkap" not in orig:
        return None
    m = _READ_MORE.search(orig)
    if m is None:
        return None
    if "!" in bare or "?" in bare or own_voice(bare):
        return None
    if not {w.casefold() for w in words_of(bare)}.isdisjoint(_PERSONS):
        return None
    return m


def _relayed_news(post: Post, found: dict[str, list[Ev]], bare: str) -> Ev | None:
    """A retweet ("RT @akun: ...", "RT ... [RE akun]") whose words are news: a report cue read
    in them (a publisher's link, figures, a verb of saying, news prose; a shortened link alone
    hides what it leads to and is not enough), and nothing of a speaker of their own outside
    the quotations it carries: no first or second person, no hortative, no exclamation or
    question, nothing of `own_voice` (a cheer, an emoji, a particle). The retweet gives the
    words to the account it credits, and the words tell, from a capital and in the third
    person, what someone did or said: a story passed on. A retweet with a cheer, a call or a
    question of its own is read as before."""
    if "RT" not in post.text[:8]:
        return None
    relay = _RETWEET.match(post.text)
    if relay is None:
        return None
    if not any(
        (ev.field == "text" or ev.field.startswith("urls["))
        and not (ev.label == PUBLISHER_LINK and ev.excerpt in SHORTENERS)
        for ev in found.get("report", ())
    ):
        return None
    # words in quotation marks are the speaker's the story quotes ("Saya juga salaman," kata X)
    spans = quoted_spans(bare) if _has_quote(bare) else []
    for start, end in reversed(spans):
        bare = bare[:start] + " " + bare[end:]
    bare = _CREW.sub(" ", bare)
    if "!" in bare or "?" in bare or own_voice(bare):
        return None
    # a newsroom writes its sentence from a capital; "pak prabowo adalah ..." is someone's own
    first = _FIRST_LETTER.search(post.text, relay.end())
    if first is None or first.group().islower():
        return None
    if not {w.casefold() for w in words_of(bare)}.isdisjoint(_PERSONS):
        return None
    return Ev("text", relay.start(), relay.end(), RELAYED_NEWS, raw=True)


def _is_word(token: str) -> bool:
    return not token.startswith(("#", "@", "http", "www.", "pic.twitter.com")) and any(
        c.isalpha() for c in token
    )


def _result_figure(ev: Ev, figured: set[str], texts: dict[str, str]) -> bool:
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


def _no_call(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote verb that urges nothing: after a temporal conjunction it tells when something
    happened ("Usai Nyoblos, Ahok Tersenyum"), and with a question word as its object it asks
    ("mamak pilih apa?", "pilih siapa nih")."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[max(0, ev.start - 20) : ev.start].split()[-1:]
    after = text[ev.end : ev.end + 20].split()[:1]
    return bool(before and before[0] in _TEMPORAL) or bool(after and after[0] in _QUESTION)


_HOLDER_LISTS_SET = frozenset(HOLDER_LISTS)
CONTEST_WON = "winning the election said of its subject"
_WIN_STEM = "menang"
# The elections themselves, the object a win verb names when its subject wins one (a closed
# class); a debate won is a verdict on a performance, not an election's result.
_CONTESTS = _word_set("pemilu pilpres pileg pilkada pilgub pilbup pilwalkot pemilihan")
CONDITION_WINDOW = 3  # words between a conditional and the win verb it governs ("jika nantinya")


def _contest_won(ev: Ev, texts: dict[str, str], name_ends: set[tuple[str, int | None]]) -> bool:
    """A win verb whose object is the election itself ("memenangkan Pilpres", "menangkan
    pemilu") with its subject there: a participant named right before it ("membawa X
    memenangkan Pilpres 2024": X wins), or a condition governing it ("berjanji ... jika nantinya
    memenangkan Pemilihan Presiden"), the win supposed. Nobody is urged to make a side win, as
    "menangkan X" does; a wish for the win ("semoga X memenangkan pilpres") is the mood
    reader's, and an imperative with no subject ("Ayo menangkan pemilu!") stays a call."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if len(words) != 1 or _WIN_STEM not in words[0]:
        return False
    after = text[ev.end : ev.end + 30].split()[:1]
    if not after or after[0] not in _CONTESTS:
        return False
    if (ev.field, ev.start - 1) in name_ends:
        return True
    before = text[max(0, ev.start - 60) : ev.start].split()[-CONDITION_WINDOW:]
    return any(w in _CONDITIONS for w in before)


RECIPROCAL = f"register:report ({MUTUAL_SUPPORT})"


# Nouns of the election as a process: praise or blame qualifying one of them through "yang"
# ("pelaksanaan Pilpres yang damai dan berintegritas") is said of the election, not of a side.
_ELECTION_NOUNS = _word_set(
    "pemilu pilpres pileg pilkada pilgub pilbup pilwalkot pemilihan demokrasi pesta kampanye "
    "debat penyelenggaraan pelaksanaan"
)
QUALIFIER_WINDOW = 4  # words from "yang" to the praise, coordinated qualities between
SAID_OF_THE_ELECTION = "register:report (praise or blame of the election itself)"


def _said_of_the_election(
    ev: Ev, texts: dict[str, str], named_at: set[tuple[str, int | None]]
) -> bool:
    """Whether a praise or blame word qualifies an election noun: "<noun> yang" within
    QUALIFIER_WINDOW words before it, no participant named between ("pemilu yang dimenangkan
    X, hebat" praises X)."""
    if ev.start is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[: ev.start].split()[-QUALIFIER_WINDOW - 1 :]
    for i in range(len(before) - 1, 0, -1):
        if before[i] in _RELATIVE:
            if before[i - 1] not in _ELECTION_NOUNS:
                return False
            at = text.rfind(f" {before[i]} ", 0, ev.start)
            return not any(
                f == ev.field and s is not None and at < s < ev.start for f, s in named_at
            )
    return False


def _right_stated(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote verb right after a modal of ability, permission or right ("ASN bisa memilih",
    "warga berhak memilih", "boleh memilih"): the right to vote stated, not a call. Only with
    nobody named: "bisa pilih X" may suggest X."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 20) : ev.start].split()[-1:]
    return bool(before) and before[0] in _RIGHT_MODALS


def _vote_stated(name: str, ev: Ev, texts: dict[str, str]) -> str | None:
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
    "saat kita memilih nanti"): it tells when, as "usai nyoblos" does (`_no_call`)."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 30) : ev.start].split()[-2:]
    return len(before) == 2 and before[0] in _TEMPORAL and before[1] in _SUBJECT_PRONOUNS


def _told_of(order: Ev, texts: dict[str, str]) -> bool:
    """A passive order with no hearer as its subject and no condition or request before it:
    "Kordik diminta", "diarahkan untuk" tell of an order; "kalian diminta", "kalau diminta",
    "mohon diarahkan" do not."""
    before = texts.get(order.field, "")[: order.start].split()[-1:]
    return not before or not (
        before[0] in _HEARERS or before[0] in _CONDITIONS or before[0] in _IMPERATIVE_MARKERS
    )


def _orders_by_others(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    named_at: set[tuple[str, int | None]],
) -> list[Ev]:
    """Take out the directives that are a superior's order told of, and return them.

    A superior (an office or an audience word: camat, kades, kepala dinas) right before an
    active verb of ordering is its subject ("Camat mengarahkan untuk memilih X"): the words
    tell what someone above ordered, as a whistle-blower tells reporters, unless the speaker
    is that superior ("saya selaku camat mengarahkan", see `_declared`). Only in words (a
    media description is a reporter's account of the act itself)."""
    ends: dict[str, set[int]] = {}
    for name in ("asn_audience", "office_title"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.field in SPOKEN_FIELDS and ev.end is not None and not ev.raw:
                    ends.setdefault(ev.field, set()).add(ev.end)
    if not ends:
        return []
    out: list[Ev] = []
    for field, at in ends.items():
        text = texts.get(field, "")
        for end in at:
            start = end + 1
            stop = text.find(" ", start)
            stop = len(text) if stop < 0 else stop
            if text[start:stop] not in _ACTIVE_ORDERS:
                continue
            verb = Ev(field, start, stop, f"register:report ({ORDER_TOLD})")
            if not _declared(verb, texts, named_at):
                out.append(verb)
    if out:
        told = {(ev.field, ev.start) for ev in out}
        for key in keys["directive_cue"]:
            evs = feats.found.get(key)
            if evs:
                _keep(feats, key, evs, [ev for ev in evs if (ev.field, ev.start) not in told])
    return out


def _received_order(ev: Ev, received: list[Ev], texts: dict[str, str]) -> bool:
    """The endorsing word lies within RECEIVED_WINDOW_WORDS words after a passive order told
    of in its field: what was ordered, not what the author asks for."""
    if ev.start is None or not received:
        return False
    for order in received:
        if order.field != ev.field or order.end is None or order.end > ev.start:
            continue
        between = texts.get(ev.field, "")[order.end : ev.start].split()
        if len(between) < RECEIVED_WINDOW_WORDS:
            return True
    return False


def _declared(ev: Ev, texts: dict[str, str], named_at: set[tuple[str, int | None]]) -> bool:
    """A verb of saying whose subject is the speaker ("kami dari forum ... menyatakan", "saya
    tegaskan"): a first-person pronoun, not the object of a preposition, among the
    DECLARER_WINDOW words before it, and no participant named between the two ("kita lihat
    Prabowo menyatakan" reports Prabowo). It declares; it attributes nothing to anyone else."""
    if ev.start is None:
        return False
    text = texts.get(ev.field, "")
    cut = ev.start
    for _ in range(DECLARER_WINDOW):
        cut = text.rfind(" ", 0, max(0, cut - 1))
        if cut < 0:
            cut = -1
            break
    before = text[cut + 1 : ev.start].split()
    at = cut + 1
    for i, word in enumerate(before):
        if word in _PRONOUNS and (i == 0 or before[i - 1] not in _NOT_SUBJECT):
            return not any(
                f == ev.field and s is not None and at < s < ev.start for f, s in named_at
            )
        at += len(word) + 1
    return False


def _negated(ev: Ev, negations: set[tuple[str, int | None]], texts: dict[str, str]) -> bool:
    """A negation cue within the NEGATION_WINDOW words before the endorsing word."""
    if ev.start is None:
        return False
    text = texts.get(ev.field, "")
    before = text[: ev.start]
    cut = len(before)
    for _ in range(NEGATION_WINDOW):
        cut = before.rfind(" ", 0, cut - 1)
        if cut < 0:
            cut = 0
            break
    if any(f == ev.field and end is not None and cut <= end <= ev.start for f, end in negations):
        return True
    return any(
        f == ev.field and end is not None and end < cut and _coordinated(text[end : ev.start])
        for f, end in negations
    )


def _coordinated(between: str) -> bool:
    """Whether the words between a negation and an endorsing word are members of one list the
    negation opens: at least one coordinator, each member shorter than NEGATION_WINDOW words, all
    within NEGATION_SCOPE words."""
    words = between.split()
    if len(words) > NEGATION_SCOPE or COORDINATORS.isdisjoint(words):
        return False
    member = 0
    for word in words:
        if word in COORDINATORS:
            member = 0
            continue
        member += 1
        if member > NEGATION_WINDOW - 1:
            return False
    return True


def _ruled_fields(
    found: dict[str, list[Ev]],
    texts: dict[str, str],
    feats: Features,
    keys: dict[str, tuple[str, ...]],
) -> dict[str, str]:
    """The spoken fields that administer the election or warn, by the weight of their own cue
    words (`administer` first), with no first person and no candidate word in them: an
    agency's or a supervisor's account of the election, not anyone's own voice. Field ->
    register."""
    own_voice_at = {
        ev.field
        for name in ("first_person", "candidate_word")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    }
    out: dict[str, str] = {}
    for register in ("warn", "administer"):
        by_field: dict[str, list[Ev]] = {}
        for ev in found.get(register, ()):
            by_field.setdefault(ev.field, []).append(ev)
        for field, evs in by_field.items():
            if (
                field in SPOKEN_FIELDS
                and field not in own_voice_at
                and _weight(evs, texts) >= REGISTER_WEIGHT
            ):
                out[field] = register
    return out


def _support_spoken_of(ev: Ev, texts: dict[str, str], originals: dict[str, str]) -> bool:
    """A support word written as the noun ("syarat dukungan minimal perseorangan", "ada bukti
    dukungan berupa video pengawasan"): in a field that administers the election or warns
    (`_ruled_fields`) it is the requirement counted or the finding reported, nobody's support
    given. The normaliser folds "dukungan" to "dukung", so the noun is read in the words as
    written (the same word of the field; none is read when the words do not line up)."""
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    at = len(text[: ev.start].split())
    written = _WRITTEN_WORD.findall(originals.get(ev.field, ""))
    if len(written) != len(text.split()) or at >= len(written):
        return False
    return written[at].casefold() in _SUPPORT_NOUNS


def _either_outcome(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Winning and losing accepted alike: a win word and a word of losing (`_LOSING`) joined by
    a coordinator or a repeated readiness ("siap untuk menang dan siap juga untuk kalah",
    "menang atau kalah", "kalah maupun menang"), within OUTCOME_WINDOW words, and no "still"
    after the pair ("kalah atau menang, tetap ...": loyalty whatever the outcome). The appeal for
    peace that officials and village heads make to every candidate: it wishes nobody the win.
    In words, not a media label; the caller reads it only with nobody named."""
    out: list[Ev] = []
    for key in keys["win_outcome"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field not in SPOKEN_FIELDS:
                continue
            text = texts.get(ev.field, "")
            before = text[: ev.start].split()[-OUTCOME_WINDOW:]
            after = text[ev.end :].split()[:OUTCOME_WINDOW]
            for between, lost_first in ((after, False), (list(reversed(before)), True)):
                if not _LOSING.isdisjoint(between):
                    lost_at = min(i for i, w in enumerate(between) if w in _LOSING)
                    joined = between[:lost_at]
                    # what follows the pair: "kalah atau menang #tetapahok" stays loyal
                    rest = after if lost_first else after[lost_at + 1 :]
                    if rest and rest[0].startswith(_STILL):
                        break
                    if not COORDINATORS.isdisjoint(joined) or _READY in joined:
                        out.append(
                            Ev(ev.field, ev.start, ev.end, f"register:warn ({EITHER_OUTCOME})")
                        )
                        break
    return out


def _reciprocal(ev: Ev, texts: dict[str, str]) -> bool:
    """A support word right after a reciprocal marker (`_RECIPROCALS`): "kepala desa dan
    pengawas pemilu harus saling mendukung" asks the people named to support one another, as
    agencies ask of the bodies that run an election; it gives nobody a side."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 20) : ev.start].split()[-1:]
    return bool(before) and before[0] in _RECIPROCALS


def _hortative(ev: Ev, texts: dict[str, str]) -> bool:
    """A hortative with words after it (at the very end, "...yuk mari", it urges what the post
    said before it)."""
    if ev.start is None or ev.end is None:
        return False
    text = texts.get(ev.field, "")
    return text[ev.start : ev.end] in _HORTATIVES and _WORD.search(text, ev.end) is not None


def _chosen_by_criteria(ev: Ev, texts: dict[str, str]) -> bool:
    """A vote whose object is a description ("pilih yang programnya masuk akal", "pilihlah
    yang terbaik menurut hati nurani"): with no participant named, it is voter education."""
    if ev.end is None:
        return False
    after = texts.get(ev.field, "")[ev.end : ev.end + 20].split()
    return bool(after) and after[0] in _RELATIVE


def _education(
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


# Personal pronouns a universal quantifier can follow ("kita semua", "kalian sekalian"): a
# closed class. There "semua" counts the people spoken to, not the candidates voted for.
_PEOPLE_PRONOUNS = frozenset(["kita", "kami", "kalian", "anda", "mereka", "kamu", "sampeyan"])


def _quantifies_people(ev: Ev, texts: dict[str, str]) -> bool:
    """An unspecific word that is a quantifier of the pronoun before it: "pilihan kita semua"
    (the choice of all of us) names a choice, it does not spread the vote over every candidate
    as "coblos semua capres" does."""
    if ev.start is None or ev.raw:
        return False
    before = texts.get(ev.field, "")[max(0, ev.start - 12) : ev.start].split()[-1:]
    return bool(before) and before[0] in _PEOPLE_PRONOUNS


def _followed_by(ev: Ev, starts: set[tuple[str, int | None]], texts: dict[str, str]) -> bool:
    """An unspecific object within the NEGATION_WINDOW words after the endorsing word."""
    if ev.end is None or not starts:
        return False
    text = texts.get(ev.field, "")
    cut = ev.end
    for _ in range(NEGATION_WINDOW):
        nxt = text.find(" ", cut + 1)
        if nxt < 0:
            cut = len(text)
            break
        cut = nxt
    return any(f == ev.field and s is not None and ev.end <= s <= cut for f, s in starts)


def _subject_before(
    feats: Features, keys: dict[str, tuple[str, ...]], field: str, start: int
) -> bool:
    """A participant named before the verb in its field: the sentence has a subject ("Prabowo
    Nyoblos di TPS 08", "Ahok Ajak Warga ..."), so the verb tells what the subject did. An
    imperative opens its clause with the verb."""
    return any(
        ev.field == field and ev.start is not None and not ev.raw and ev.start < start
        for key in keys["participant"]
        for ev in feats.found.get(key, ())
    )


def _opening(text: str, words: int) -> int:
    """Offset where the first `words` words of normalised text end."""
    end = -1
    for _ in range(words):
        end = text.find(" ", end + 1)
        if end < 0:
            return len(text)
    return end


def _others_support(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Take out support words whose holder is someone else, and return them.

    "yang mendukung X" (those who support X) and "pendukung X" (X's supporters) describe other
    people unless the author puts themself there ("kami yang mendukung", "aku pendukung X").
    """
    removed: dict[tuple[str, int | None], Ev] = {}
    for name in HOLDER_LISTS:
        for key in keys[name]:
            evs = feats.found.get(key)
            if not evs:
                continue
            kept = []
            for ev in evs:
                if _held_by_others(ev, texts):
                    removed.setdefault((ev.field, ev.start), ev)
                else:
                    kept.append(ev)
            _keep(feats, key, evs, kept)
    return list(removed.values())


_HOLDER_OPENERS = FIRST_PERSONS | _HORTATIVES  # a first-person term holds its own subject


def _held_by_subject(
    feats: Features,
    keys: tuple[str, ...],
    texts: dict[str, str],
    originals: list[tuple[str, str]],
    passed_on: tuple[set[str], set[str], dict[str, str]],
    norms: dict[str, NormText] | None = None,
) -> list[tuple[str, Subject]]:
    """Take out support and vote words whose subject is not the author, and return each
    subject once: a third party named before the verb or credited as the speaker after it, in
    a field passed on as news (`passed_on`: the fields beside a link or shaped as a headline,
    those read as reported, and each field's words without links; nothing of the sharer's own
    voice may be in one, see `own_voice` and `kicker`); and, in any field, the person
    addressed in a question ("loe pilih mana?"). A first person or no subject (an imperative,
    a slogan) keeps the word, as does every word outside those fields; the author's own
    endorsement around it ("ayo kita juga") is read as before. `keys` are the side's features
    of the support, vote and first-person lists; `norms` each field's normalised text, which
    maps a verb folded to its stem ("mendukung", "memenangkan" read as "dukung", "menangkan")
    back to the word the person wrote."""
    evs_of = [(key, evs) for key in keys if (evs := feats.found.get(key)) is not None]
    read = [
        ev
        for _, evs in evs_of
        for ev in evs
        if ev.field in SPOKEN_FIELDS
        and not ev.raw
        and ev.start is not None
        and transitive(texts.get(ev.field, "")[ev.start : ev.end])
    ]
    if not read:
        return []
    linked, reported, shapes = passed_on
    news = {
        f
        for f in (linked | reported).intersection(ev.field for ev in read)
        if not own_voice(shapes.get(f, "")) and kicker(shapes.get(f, "")) is None
    }
    words = dict(originals)
    subjects = {(ev.field, ev.start): _subject(ev, texts, words, news, norms) for ev in read}
    for key, evs in evs_of:
        _keep(feats, key, evs, [ev for ev in evs if subjects.get((ev.field, ev.start)) is None])
    found: dict[tuple[str, int, int], Subject] = {}
    for (field, _), subject in subjects.items():
        if subject is not None:
            found.setdefault((field, subject.start, subject.end), subject)
    return [(field, subject) for (field, _, _), subject in found.items()]


def _subject(
    ev: Ev,
    texts: dict[str, str],
    originals: dict[str, str],
    news: set[str],
    norms: dict[str, NormText] | None = None,
) -> Subject | None:
    """The subject of one support or vote word that takes it from the author, or None."""
    orig = originals.get(ev.field)
    if not orig or ev.start is None or ev.end is None:
        return None
    text = texts.get(ev.field, "")
    if text[ev.start : ev.end].split(" ", 1)[0] in _HOLDER_OPENERS:
        return None
    if ev.field not in news:
        return None
    span = _written_word(orig, text, ev.start, ev.end, (norms or {}).get(ev.field))
    subject = subject_of(orig, *span) if span is not None else None
    if subject is None or subject.holder is not Holder.THIRD_PARTY:
        return None
    if "#" in orig and _tagged_by_author(subject.words, orig):
        return None
    return subject


_HASHTAG = re.compile(r"#(\w+)")
_LETTERS = re.compile(r"[^\W\d_]+")


def _tagged_by_author(subject: str, orig: str) -> bool:
    """Whether the author tags the subject holding the support as a hashtag of their own
    ("#srikandidemokrat ... Srikandi Demokrat siap mendukung X"): two or more of its words
    written together as a tag the post carries. A newsroom tags the candidate or the topic; a
    group that tags itself is posting its own declaration, the author's side."""
    tags = {m.group(1).casefold() for m in _HASHTAG.finditer(orig)}
    words = [w.casefold() for w in _LETTERS.findall(subject)]
    return any(
        "".join(words[i:j]) in tags for i in range(len(words)) for j in range(i + 2, len(words) + 1)
    )


def _written_word(
    orig: str, text: str, start: int, end: int, norm: NormText | None
) -> tuple[int, int] | None:
    """Original [start, end) of the first word of normalised `text[start:end]`. Normalisation
    folds an affixed verb to its stem ("mendukung", "didukung", "dukungannya" to "dukung",
    "memenangkan" to "menangkan"): the normalised field's own offsets find the word as written,
    the form a newsroom writes; without them the same word is looked for (`locate`)."""
    if norm is not None and norm.starts is not None and norm.orig == orig and norm.text == text:
        word = text[start:end].split(" ", 1)[0]
        if word:
            written = norm.span(start, start + len(word))
            if orig[written[0] : written[1]].strip():
                return written
    return locate(orig, text, start, end)


def _refraining_orders(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    negation_starts: set[tuple[str, int | None]],
) -> list[Ev]:
    """Take out directives whose content is a negation, and return them.

    "ASN diminta tidak membuat keputusan yang menguntungkan calon", "pegawai harus untuk tidak
    ikut kampanye" order people to refrain: a neutrality rule being given or quoted, not an
    official directing staff for someone. With a participant named the caller keeps them
    ("kalian harus tidak pilih X" directs against X). The people told may stand between the
    directive and the negation ("kami minta timses menahan diri", "saya minta seluruh kepala
    desa tidak ..."): an audience or a campaign team named there is skipped."""
    removed: list[Ev] = []
    hearers: dict[tuple[str, int], int] = {}
    for name in ("asn_audience", "campaign_team"):
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is not None and ev.end is not None and not ev.raw:
                    at = (ev.field, ev.start)
                    hearers[at] = max(ev.end, hearers.get(at, 0))
    for key in keys["directive_cue"]:
        evs = feats.found.get(key)
        if not evs:
            continue
        kept = []
        for ev in evs:
            if _refrains(ev, texts, negation_starts, hearers):
                removed.append(ev)
            else:
                kept.append(ev)
        _keep(feats, key, evs, kept)
    return removed


def _refrains(
    ev: Ev,
    texts: dict[str, str],
    negation_starts: set[tuple[str, int | None]],
    hearers: dict[tuple[str, int], int] | None = None,
) -> bool:
    """A negation opening what the directive asks, past any purpose word ("diminta untuk
    tidak", "harus agar tidak") and the people told (`hearers`: where an audience named in
    the field starts, and where it ends)."""
    if ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    at = ev.end
    told = hearers or {}
    for _ in range(REFRAIN_WINDOW):
        while at < len(text) and text[at] == " ":
            at += 1
        word_end = text.find(" ", at)
        if text[at : word_end if word_end >= 0 else len(text)] in _QUANTIFIERS and word_end > 0:
            at = word_end + 1
        past = told.get((ev.field, at))
        if past is not None:
            at = past
            while at < len(text) and text[at] == " ":
                at += 1
        if (ev.field, at) in negation_starts:
            return True
        nxt = text.find(" ", at)
        if nxt < 0 or text[at:nxt] not in _PURPOSE:
            return False
        at = nxt
    return False


def _forbidden_roles(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    negations: list[Ev],
) -> list[Ev]:
    """Campaign roles someone is told not to take: a negation, then only verbs of becoming or
    joining, then the role ("jangan jadi tim sukses", "tidak boleh terlibat sebagai tim
    kampanye"). The rule being given or quoted, as heads of office brief their staff; with a
    participant named the caller keeps them (the reader is not called when one is)."""
    starts: dict[str, list[int]] = {}
    for ev in negations:
        if ev.end is not None:
            starts.setdefault(ev.field, []).append(ev.end)
    out: list[Ev] = []
    for key in keys["campaign_team"]:
        for ev in feats.found.get(key, ()):
            ends = starts.get(ev.field)
            if not ends or ev.start is None:
                continue
            text = texts.get(ev.field, "")
            if any(
                end <= ev.start
                and len(between := text[end : ev.start].split()) <= ROLE_WINDOW
                and _JOINING.issuperset(between)
                for end in ends
            ):
                out.append(ev)
    return out


def _keep(feats: Features, key: str, evs: list[Ev], kept: list[Ev]) -> None:
    """Keep only `kept` of a feature's evidence `evs`; a feature left with none is gone."""
    if len(kept) == len(evs):
        return
    if kept:
        feats.found[key] = kept
    else:
        del feats.found[key]


def _drop_absent_candidates(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> None:
    """A candidate word that says there is no candidate ("twibbon tanpa gambar paslon") or no
    real one ("contoh surat suara dengan paslon fiktif") refers to nobody."""
    for key in keys["candidate_word"]:
        evs = feats.found.get(key)
        if not evs:
            continue
        _keep(feats, key, evs, [ev for ev in evs if not _absent(ev, texts)])


def _candidates_alike(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str]
) -> list[Ev]:
    """Take out the candidate words of a field that speaks of every candidate alike, and return
    what says so. A candidate word after a universal quantifier ("semua paslon diperbolehkan
    berkampanye", "setiap calon punya hak yang sama") or a field that counts the candidates all
    together after naming them ("paslon ... wajib diperbolehkan ketiganya"; in words, not a
    media label, whose "keduanya" counts the people pictured) is a rule or a fact stated of
    all of them, as Bawaslu and heads of office explain it: no candidate is singled out. Not
    when a first person owns them ("semua caleg kita"). Called only with nobody named."""
    out: list[Ev] = []
    alike: set[str] = set()
    first_candidate: dict[str, int] = {}  # where each field's first candidate word starts
    for key in keys["candidate_word"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw:
                first_candidate[ev.field] = min(ev.start, first_candidate.get(ev.field, ev.start))
    for key in keys["parity_cue"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.raw or ev.field not in SPOKEN_FIELDS:
                continue  # a media label's "keduanya" counts the people pictured
            if (
                texts.get(ev.field, "")[ev.start : ev.end] in _ALL_OF_THEM
                and first_candidate.get(ev.field, ev.start) < ev.start
            ):
                alike.add(ev.field)
                out.append(ev)
    for key in keys["candidate_word"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw:
                continue
            text = texts.get(ev.field, "")
            before = text[max(0, ev.start - 20) : ev.start].split()[-1:]
            after = text[ev.end : ev.end + 20].split()[:1]
            if before and before[0] in _UNIVERSAL and not (after and after[0] in FIRST_PERSONS):
                alike.add(ev.field)
                out.append(ev)
    if alike:
        for key in keys["candidate_word"]:
            evs = feats.found.get(key)
            if evs:
                _keep(feats, key, evs, [ev for ev in evs if ev.field not in alike])
    return out


def _absent(ev: Ev, texts: dict[str, str]) -> bool:
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    before = text[max(0, ev.start - 30) : ev.start].split()[-ABSENCE_WINDOW:]
    after = text[ev.end : ev.end + 20].split()[:1]
    return any(w in _ABSENCE for w in before) or any(w in _NOT_REAL for w in after)


# What a media description names the post by (its status, upload, caption, photo, video): a
# support word in a relative clause on one of these ("status Facebook yang mendukung ...",
# "unggahan yang mendukung ...") is the post's support, the author's, not someone else's.
_OWN_CONTENT = _word_set(
    "status unggahan postingan posting post foto video gambar tulisan kalimat caption keterangan "
    "twibbon stiker poster konten story facebook instagram tiktok whatsapp"
)


def _held_by_others(ev: Ev, texts: dict[str, str]) -> bool:
    if ev.start is None or ev.end is None or ev.raw:
        return False
    text = texts.get(ev.field, "")
    words = text[ev.start : ev.end].split()
    if not words:
        return False
    before = text[max(0, ev.start - 40) : ev.start].split()[-HOLDER_WINDOW:]
    if words[0].startswith(_HOLDER_NOUNS):
        return not any(w in _PRONOUNS for w in before)
    if before and before[-1] in _RELATIVE and any(v in words[0] for v in _SUPPORT_VERBS):
        if ev.field == "media_description" and len(before) > 1 and before[-2] in _OWN_CONTENT:
            return False  # "status Facebook yang mendukung X": the post itself supports X
        return not (len(before) > 1 and before[0] in _PRONOUNS)
    return _received(text, ev.end, before)


def _received(text: str, end: int, before: list[str]) -> bool:
    """Support that comes from someone ("dengan dukungan penuh dari panwascam", "didukung oleh
    warga") is support the author received or describes, unless it comes from the author ("dari
    kami") or the author asks for it ("mohon dukungan dari bapak ibu")."""
    after = text[end : end + 40].split()[: RECEIVED_WINDOW + 1]
    if any(w in _THIRD_PERSONS for w in after):
        return True  # "dengan dukungan tim mereka": whose support it is, said of others
    for i, word in enumerate(after[:RECEIVED_WINDOW]):
        if word in _SOURCE_WORDS:
            giver = after[i + 1] if i + 1 < len(after) else ""
            return giver not in _PRONOUNS and not any(w in _REQUESTS for w in before)
    return False


def _mood(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    others: set[str],
    compare: bool,
) -> list[tuple[Ev, str]]:
    """Wishes for a named participant's victory, and comparisons between participants of one
    race (`compare`), in the author's own fields: each returned with its cue's description.

    A wish is an optative cue followed within MOOD_WINDOW words by a victory word, with a
    participant within MOOD_WINDOW words of that victory ("semoga AHY menang", "moga pak
    Basuki dan pak Djarot terpilih"). A comparison is a comparative cue within MOOD_WINDOW words
    of a participant, in a field where participants of one race are named together.
    Word positions are looked up by bisection, so the work grows as n log n in the cues found.
    """
    words = _WordIndex(texts)
    where = _participant_words(feats, keys, texts, words)
    if not where:
        return []

    def near(field: str, word: int) -> bool:
        return _within(where.get(field, []), word, MOOD_WINDOW)

    out: list[tuple[Ev, str]] = []
    wins: dict[str, list[int]] = {}
    for key in keys["win_outcome"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None:
                wins.setdefault(ev.field, []).append(words.at(ev.field, ev.start))
    for positions in wins.values():
        positions.sort()
    for wish in (ev for k in keys["optative_cue"] for ev in feats.found.get(k, ())):
        if wish.field in others or wish.end is None or wish.field not in wins:
            continue
        at = words.at(wish.field, wish.end)
        positions = wins[wish.field]
        i = bisect_left(positions, at)
        while i < len(positions) and positions[i] - at <= MOOD_WINDOW:
            if near(wish.field, positions[i]):
                out.append((wish, "wish for a victory"))
                break
            i += 1
    if compare:
        for cue in (ev for k in keys["comparative_cue"] for ev in feats.found.get(k, ())):
            if cue.field in others or cue.start is None:
                continue
            if near(cue.field, words.at(cue.field, cue.start)):
                out.append((cue, COMPARISON))
    return out


def _participant_words(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    words: _WordIndex,
) -> dict[str, list[int]]:
    """Per field, the sorted word numbers where a participant is named."""
    where: dict[str, list[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw and ev.field in texts:
                where.setdefault(ev.field, []).append(words.at(ev.field, ev.start))
    for positions in where.values():
        positions.sort()
    return where


def _beside(ev: Ev, where: dict[str, list[int]], words: _WordIndex) -> bool:
    """A cue right after a participant's name, as its predicate ("Anies Ambisius", "Gibran
    Terbukti Curang"); a word further on ("Prabowo-Gibran Sapu Bersih") belongs to a verb."""
    if ev.start is None or ev.field not in where:
        return False
    word = words.at(ev.field, ev.start)
    i = bisect_left(where[ev.field], word - 1)
    return i < len(where[ev.field]) and where[ev.field][i] == word - 1


def _within(positions: list[int], word: int, window: int) -> bool:
    """Whether a sorted list of word numbers holds one within `window` words of `word`."""
    i = bisect_left(positions, word - window)
    return i < len(positions) and positions[i] <= word + window


# Thanks addressed to a tagged account ("terimakasih pak @jokowi", "thanks @ridwankamil"): the
# class of thanking words, an honorific or two at most, then the handle.
_THANKS_TO = re.compile(
    r"\b(?:terima ?kasih|terimakasih|makasih|maturnuwun|matur nuwun|hatur nuhun|trims|thanks?|"
    r"thank you)(?:[ \t]+[^\W\d_]+){0,2}[ \t]*@\w+",
    re.IGNORECASE,
)
THANKS_TO_ACCOUNT = "register:programme (thanks addressed to an office-holder's account)"
# What makes thanks electoral: a vote, a slogan, a number or hand sign, an endorsing word, or
# words of the election itself.
_ELECTORAL = ("call_to_vote", "campaign_term", "endorse_cue", "gesture", "political_context")


def _thanks_to_account(
    originals: list[tuple[str, str]], feats: Features, keys: dict[str, tuple[str, ...]]
) -> Ev | None:
    """Thanks addressed to an account a participant holds, in a post that names them only by
    that tag and says nothing of the election: gratitude to an office-holder for their
    office's work ("mantap, semoga roda ekonomi papua berjalan lebih efektif. terimakasih pak
    @jokowi"), not a side taken; a vote, slogan, number or election word keeps it partisan."""
    if any(key in feats.found for name in _ELECTORAL for key in keys[name]) or any(
        k.endswith(".number") for k in feats.found
    ):
        return None
    for field, orig in originals:
        m = _THANKS_TO.search(orig) if orig and "@" in orig else None
        if m is not None:
            return Ev(field, m.start(), m.end(), THANKS_TO_ACCOUNT, raw=True)
    return None


class _WordIndex:
    """Word number of a character offset in normalised text (single spaces between words),
    from the space offsets of each field, found once."""

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._spaces: dict[str, list[int]] = {}

    def at(self, field: str, offset: int) -> int:
        spaces = self._spaces.get(field)
        if spaces is None:
            text = self._texts.get(field, "")
            spaces = self._spaces[field] = [m.start() for m in _SPACE.finditer(text)]
        return bisect_left(spaces, offset)


def _allegiance(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """The author placing themself beside a participant or their support, in their own
    words: "aku pendukung X", "kami dukung", "saya untuk Bu X", "aku tetap 02"."""
    out: list[tuple[Ev, str]] = []
    for name in HOLDER_LISTS:
        for key in keys[name]:
            for ev in feats.found.get(key, ()):
                if ev.start is None or ev.raw or ev.field in others:
                    continue
                before = texts.get(ev.field, "")[max(0, ev.start - 30) : ev.start].split()[-2:]
                if any(w in _PRONOUNS for w in before):
                    out.append((ev, "first person"))
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.raw or ev.field in others:
                continue
            before = texts.get(ev.field, "")[max(0, ev.start - 60) : ev.start].split()
            for word in reversed(before[-(ALLEGIANCE_WINDOW + 1) :]):
                if word in _PRONOUNS:
                    out.append((ev, "first person beside a participant"))
                    break
                if word not in _LINKING:
                    break
    return out


# Words that cancel an exclusive focus (`exclusive_focus`: "bukan hanya X", not only X,
# others too) or ask it ("apakah hanya X yang ...").
_NOT_ONLY = _word_set("bukan tidak tak gak ga nggak ngga enggak not apakah apa masa masak")
# Terms of address that may stand between the focus particle and the name ("hanya pak X").
_ADDRESS = _word_set("pak bapak bu ibu mas mbak mba bang abang kak cak gus abah bpk pk")
EXCLUSIVE_RELATIVE_WINDOW = 2  # words between the participant and the "yang" after them
# Negation and aspect opening the relative clause ("hanya X yang tidak hadir", "yang sudah
# melapor", "yang belum datang"): what the clause tells is an event, not a rank.
_EVENT_ASPECT = _word_set(
    "tidak tak gak ga nggak ngga enggak belum blm bukan sudah sdh telah udah lagi sedang masih"
)
SINGLED_OUT = "the only one of the field"


# Modals of ability and fitness, possession and the superlative: a relative clause opened by one
# ranks its subject ("yang bisa", "yang layak", "yang punya", "yang paling"); a closed class.
_RANKING = _word_set(
    "bisa bs mampu sanggup layak pantas pantes cocok pas tepat berani dapat pasti punya memiliki "
    "mempunyai paling ter"
)
RANK_WINDOW = 4  # words of the relative clause read for a ranking word or a verdict


def _ranks(
    text: str,
    name_end: int,
    words: int,
    verdicts: set[tuple[str, int | None]],
    field: str,
) -> bool:
    """Whether the relative clause after a singled-out name (its "yang" the `words`-th word
    after the name, counted from 0) ranks it: its first word a modal of ability or fitness,
    possession or the superlative (`_RANKING`), or a verdict among its first RANK_WINDOW
    words."""
    tail = text[name_end:].split(" ")[1:]  # the words after the name
    clause = tail[words + 1 : words + 1 + RANK_WINDOW]
    if clause and clause[0] in _RANKING:
        return True
    start = name_end + 1 + len(" ".join(tail[: words + 1])) + 1
    end = start + len(" ".join(clause))
    return any(f == field and at is not None and start <= at < end for f, at in verdicts)


# The copulas that may stand between a name and the "satu-satunya" said of it.
_COPULAS = _word_set("adalah ialah merupakan yakni memang emang lah")
_SOLE = ("satu satunya", "satu2nya")  # the focus particles that follow what they single out


def _sole_after(
    text: str, name_end: int, focus_at: dict[tuple[str, int], Ev], field: str
) -> int | None:
    """The end of a "satu-satunya" said of the name that ends at `name_end`, a copula at most
    between them ("Prabowo adalah satu-satunya harapan", "X satu-satunya capres yang layak"):
    the particle after its noun. "Hanya" after a name restricts what they do ("X hanya
    bicara"), and singles nobody out."""
    at = name_end + 1
    nxt = text.find(" ", at)
    if nxt != -1 and text[at:nxt] in _COPULAS:
        at = nxt + 1
    for ev in (focus_at.get((field, at + len(sole))) for sole in _SOLE):
        if ev is not None and ev.start == at and ev.end is not None:
            return ev.end
    return None


def _unbeaten(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """A participant nobody can defeat, in the author's own words: a negated existential
    ("tidak ada yang", "gak ada yang") before a verb of defeat (`ouster_cue`), a modal of
    ability at most between them, and the participant right after the verb ("gak ada yang
    bisa ngalahin Prabowo"). The whole field ranked below one side, as exclusive focus does."""
    out: list[tuple[Ev, str]] = []
    for key in keys[OUSTER_LIST]:
        if key in feats.found:
            break
    else:
        return out  # no verb of defeat (most posts): no names to index
    starts: dict[str, set[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and not ev.raw:
                starts.setdefault(ev.field, set()).add(ev.start)
    for key in keys[OUSTER_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field in others:
                continue
            text = texts.get(ev.field, "")
            if _NONE_CAN.search(text, 0, ev.start) is None:
                continue
            at = ev.end + 1
            while at not in starts.get(ev.field, set()):
                nxt = text.find(" ", at)
                if nxt == -1 or text[at:nxt] not in _ADDRESS:
                    break
                at = nxt + 1
            else:
                out.append((ev, UNBEATEN))
    return out


UNBEATEN = "a participant nobody can defeat"
# "tidak ada yang (bisa|mampu|...) " right before the verb: nobody (can) defeat.
_NONE_CAN = re.compile(
    r"\b(?:tidak|tak|gak|ga|nggak|ngga|enggak|ndak|gada|belum) ada (?:lagi )?(?:yang|yg) "
    r"(?:(?:bisa|mampu|sanggup|dapat|akan|bakal|bakalan) )?$"
)


VERDICT_PROSE_MIN = 2  # verdict words that make prose about one side the author's own
VERDICT_PROSE_REACH = 14  # words between a verdict and the name it is said of (one clause)


def _verdict_prose(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], field: str
) -> bool:
    """Whether prose shaped like news (`news_prose`) is the author's verdict on one side: no
    attribution in it (no reporting verb, no headline verb), and either VERDICT_PROSE_MIN
    verdict words (`evaluation_cue`, `evaluative_word`) within a clause of a name, every
    participant it names on one side ("Ganjar memiliki ciri kepemimpinan yang sangat cocok
    ... merakyat ... tidak otoriter"), or a participant singled out by exclusive focus
    ("hanya X sosok yang pas"). A story gives praise and blame to the people it quotes;
    unattributed, they are the writer's."""
    if any(
        ev.field == field
        for name in ("report_cue", "headline_verb")
        for key in keys[name]
        for ev in feats.found.get(key, ())
    ):
        return False
    sides: set[str] = set()
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == field and not ev.raw and not ev.label.startswith("tagged account:"):
                sides.add(ev.label.rsplit(">", 1)[-1].split(":", 1)[-1])
    if not sides or len({pid.rsplit("/", 1)[0] for pid in sides}) != len(sides):
        return False  # nobody named, or rival sides: a comparison is read elsewhere
    words = _WordIndex(texts)
    named = _participant_words(feats, keys, texts, words).get(field, [])
    verdicts = [
        ev
        for key in (*keys[EVALUATION_LIST], *_VERDICT_FEATURES, "target.evaluative_word")
        for ev in feats.found.get(key, ())
        if ev.field == field
        and ev.start is not None
        and _within(named, words.at(field, ev.start), VERDICT_PROSE_REACH)
    ]
    if len(verdicts) >= VERDICT_PROSE_MIN:
        return True
    return any(ev.field == field for ev, _ in _singled_out(feats, keys, texts, set(), {}))


def _named_in_address(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], field: str
) -> bool:
    """Whether the field calls a participant by a term of address ("Pak Prabowo", "Bu
    Risma", "Mas Ganjar"): how a person speaks of a candidate, where a newsroom's own words give
    the name and the office. Read only beside a shortened link, which hides whether the words
    are a story's."""
    text = texts.get(field, "")
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.field == field and ev.start and not ev.raw:
                before = text[max(0, ev.start - 8) : ev.start].split()[-1:]
                if before and before[0] in _ADDRESS:
                    return True
    return False


def _singled_out(
    feats: Features,
    keys: dict[str, tuple[str, ...]],
    texts: dict[str, str],
    others: set[str],
    spoken: dict[str, str],
) -> list[tuple[Ev, str]]:
    """A participant singled out by exclusive focus in the author's own words: "hanya Pak X
    yang bisa memperbaiki", "cuma X capres yang merdeka", "satu-satunya X yang ...". The focus
    particle (`exclusive_focus`) must come right before the name (terms of address aside) and
    a relative "yang" shortly after it, so the name is the one the clause is said of: the
    author ranks that side above every rival, a comparison with the whole field in one phrase.
    "Bukan hanya X" (not only), names coordinated under the focus ("hanya X dan Y yang"), a
    question ("apakah hanya X yang ...") and a clause telling an event ("hanya X yang belum
    hadir") single nobody out. The clause must rank: a modal of
    ability or fitness, possession or a superlative ("yang bisa", "yang layak", "yang punya",
    "yang paling"), a verdict, or words in the author's own voice around it ("yang Merdeka
    !!!"); "hanya X yang hadir kemarin" in plain words tells who came. Returned with the
    particle and the name as the evidence."""
    out: list[tuple[Ev, str]] = []
    focus_at: dict[tuple[str, int], Ev] = {}
    for key in keys[EXCLUSIVE_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.end is not None and not ev.raw and ev.field not in others:
                focus_at[(ev.field, ev.end)] = ev
    if not focus_at:
        return out  # no focus particle (most posts): the verdicts need no index
    verdicts = {
        (ev.field, ev.start)
        for key in (*keys[EVALUATION_LIST], *_VERDICT_FEATURES)
        for ev in feats.found.get(key, ())
    }
    voiced: dict[str, bool] = {}
    seen: set[tuple[str, int]] = set()
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or (ev.field, ev.start) in seen:
                continue
            text = texts.get(ev.field)
            if text is None:
                continue
            # back over the terms of address to the word before them
            at = ev.start - 1
            while at > 0:
                word_start = text.rfind(" ", 0, at) + 1
                if text[word_start:at] not in _ADDRESS:
                    break
                at = word_start - 1
            focus = focus_at.get((ev.field, at))
            if focus is None or focus.start is None:
                sole = _sole_after(text, ev.end, focus_at, ev.field)
                if sole is not None:
                    seen.add((ev.field, ev.start))
                    out.append((Ev(ev.field, ev.start, sole, "exclusive focus"), SINGLED_OUT))
                continue
            before = text[: focus.start].split()[-1:]
            if before and before[0] in _NOT_ONLY:
                continue
            after = text[ev.end : ev.end + 80].split()[: EXCLUSIVE_RELATIVE_WINDOW + 2]
            relative = next((i for i, w in enumerate(after) if w in _RELATIVE), None)
            if relative is None or relative > EXCLUSIVE_RELATIVE_WINDOW:
                continue
            if not COORDINATORS.isdisjoint(after[:relative]) or "sama" in after[:relative]:
                continue  # "hanya X dan Y yang ...": the focus covers both
            if after[relative + 1 : relative + 2] and after[relative + 1] in _EVENT_ASPECT:
                continue  # "hanya X yang belum hadir": an event told, no rank
            if not _ranks(text, ev.end, relative, verdicts, ev.field):
                if ev.field not in voiced:
                    voiced[ev.field] = own_voice(spoken.get(ev.field, ""))
                if not voiced[ev.field]:
                    continue
            seen.add((ev.field, ev.start))
            out.append((Ev(ev.field, focus.start, ev.end, "exclusive focus"), SINGLED_OUT))
    return out


# Who may stand right before an ordered defeat for it to be an order ("ayo kalahkan X",
# "kita tumbangkan X", "harus kalahkan X", "bersatu untuk kalahkan X"): hortatives, the first
# person plural, modals of obligation and the purpose and joining words of a rallying call.
_OUSTER_ORDERS = _word_set(
    "ayo ayok yuk mari kita kami harus wajib mesti musti kudu segera siap untuk utk dan terus "
    "bersama bersatu let lets"
)
# Modals that hold a removal due ("X harus didiskualifikasi", "X layak dicoret").
_DUE = _word_set("harus wajib mesti musti kudu layak pantas perlu sebaiknya segera must should")
OUSTER_WINDOW = 3  # words between the participant and the modal, or the modal and the verb
OUSTED = "a participant to be defeated or removed"


def _ousted(
    feats: Features, keys: dict[str, tuple[str, ...]], texts: dict[str, str], others: set[str]
) -> list[tuple[Ev, str]]:
    """A participant the author orders defeated or holds due for removal, in their own words:
    the active verb (`ouster_cue`, its bare imperative form, not the declarative meN- form)
    opening the words or after a hortative, a first person plural or a modal, with the
    participant right after it (terms of address aside: "ayo
    kalahkan X", "kita tumbangkan Pak X"); or the passive verb after a modal of obligation
    that follows the participant ("X harus didiskualifikasi", "X layak di coret"). A negation
    before the verb or the modal ("jangan jegal X", "X tidak harus didiskualifikasi") and a
    verb told of ("MK menolak mendiskualifikasi X") order nothing. Opposition campaigning:
    the evidence is the verb."""
    out: list[tuple[Ev, str]] = []
    for key in keys[OUSTER_LIST]:
        if key in feats.found:
            break
    else:
        return out  # no verb of defeat (most posts): no names to index
    starts: dict[str, set[int]] = {}
    ends: dict[str, set[int]] = {}
    for key in keys["participant"]:
        for ev in feats.found.get(key, ()):
            if ev.start is not None and ev.end is not None and not ev.raw:
                starts.setdefault(ev.field, set()).add(ev.start)
                ends.setdefault(ev.field, set()).add(ev.end)
    for key in keys[OUSTER_LIST]:
        for ev in feats.found.get(key, ()):
            if ev.start is None or ev.end is None or ev.raw or ev.field in others:
                continue
            text = texts.get(ev.field, "")
            before = text[: ev.start].split()
            declarative = text.startswith("me", ev.start)  # "mengalahkan": told, not ordered
            if not declarative and _ordered_against(
                text, ev.end, before, starts.get(ev.field, set())
            ):
                out.append((ev, OUSTED))
                continue
            # the passive: "didiskualifikasi", or "di" written apart ("di diskualifikasi")
            if text[ev.start : ev.end].startswith("di") or before[-1:] == ["di"]:
                words = before[:-1] if before[-1:] == ["di"] else before
                if _due_removal(text, words, ends.get(ev.field, set())):
                    out.append((ev, OUSTED))
    return out


def _ordered_against(text: str, end: int, before: list[str], name_starts: set[int]) -> bool:
    """Whether an active verb of defeat ending at `end` is an order against the participant
    right after it: the verb opens the words or follows a word of `_OUSTER_ORDERS` (not itself
    negated), and a name starts right after it, terms of address aside."""
    if before and before[-1] not in _OUSTER_ORDERS:
        return False
    if len(before) > 1 and before[-2] in _NOT_ONLY:
        return False  # "tidak harus kalahkan X"
    at = end + 1
    while at not in name_starts:  # past the terms of address to the name
        nxt = text.find(" ", at)
        if nxt == -1 or text[at:nxt] not in _ADDRESS:
            return False
        at = nxt + 1
    return True


def _due_removal(text: str, before: list[str], name_ends: set[int]) -> bool:
    """Whether the words before a passive verb of removal hold it due of a participant: a modal
    of obligation within OUSTER_WINDOW words before the verb, not negated, and a participant's
    name ending within OUSTER_WINDOW words before the modal."""
    for back in range(1, min(OUSTER_WINDOW, len(before)) + 1):
        if before[-back] not in _DUE:
            continue
        if back < len(before) and before[-back - 1] in _NOT_ONLY:
            return False
        # the character offset where the modal starts, to measure back to a name
        modal_at = len(" ".join(before[:-back])) + (1 if len(before) > back else 0)
        lead = text[:modal_at].rstrip()
        for _ in range(OUSTER_WINDOW + 1):
            if len(lead) in name_ends:
                return True
            cut = lead.rfind(" ")
            if cut == -1:
                return False
            lead = lead[:cut]
        return False
    return False


_ONE_WORD_CUES = frozenset({OTHERS_SUPPORT, SUBJECT_SUPPORT})
# The general evaluative classes (onesided.py reads them), beside `evaluation_cue`.
_VERDICT_FEATURES = ("text.evaluative_word", "media.evaluative_word")


def _weak_cue(ev: Ev) -> bool:
    """A cue word of a list that is no register alone (not a structural or strong cue)."""
    cue = ev.label[ev.label.find("(") + 1 : -1]
    return cue in CUE_LISTS and cue not in STRONG_CUE_LISTS


def _weight(evs: list[Ev], texts: dict[str, str]) -> int:
    """Structural and strong cues weigh REGISTER_WEIGHT; other cue words one per distinct term
    (the same word twice, "debat" in a hashtag and in the text, is one cue)."""
    at: dict[tuple[str, int | None], str] = {}  # nested terms at one place are one cue
    for ev in evs:
        cue = ev.label[ev.label.find("(") + 1 : -1]
        if (cue not in CUE_LISTS and cue not in _ONE_WORD_CUES) or cue in STRONG_CUE_LISTS:
            return REGISTER_WEIGHT
        term = texts.get(ev.field, "")[ev.start : ev.end] or f"{ev.field}:{ev.start}"
        at[(ev.field, ev.start)] = max(at.get((ev.field, ev.start), ""), term, key=len)
    return len(set(at.values()))


def possible_registers(found: Collection[str], post: Post | None = None) -> frozenset[str]:
    """Register features the reader could add given the cue features already found: an
    endorsement needs an endorsing cue on its side, or a participant named on a side whose
    words have a first-person pronoun (the author placing themself beside them, see
    `_allegiance`); neutral registers may come from structure."""
    out = _NEUTRAL_FEATURES
    for prefix, cues in _ENDORSING_CUES:
        if not cues.isdisjoint(found):
            out = out | {f"{prefix}.endorse"}
    if post is not None:
        for side, prefix, named in _NAMED_ON:
            if named.isdisjoint(found) or f"{prefix}.endorse" in out:
                continue
            if any(_first_person(text) for text in _spoken(post, side)):
                out = out | {f"{prefix}.endorse"}
    return out


def register_features() -> frozenset[str]:
    """Every register feature name a rule may use."""
    names = set()
    for prefix in ("register", "target.register"):
        names |= {f"{prefix}.{r}" for r in REGISTERS}
        names.add(f"{prefix}.neutral")
    return frozenset(names)


_NEUTRAL_FEATURES = register_features() - {"register.endorse", "target.register.endorse"}
# Per side, the cue features without which its endorsement cannot be read.
# Per side: the register prefix and the features that name a participant there.
_NAMED_ON = tuple(
    (side, prefix, frozenset(_KEYS[side]["participant"])) for side, prefix, _ in SIDES
)


def _spoken(post: Post, side: str) -> tuple[str, ...]:
    """The words of one side of the post that a person speaks in."""
    if side == "own":
        return (post.text, post.transcript)
    return (post.target.text,) if post.target is not None else ()


_ENDORSING_CUES = tuple(
    (
        prefix,
        frozenset(
            key
            for name in (
                *ENDORSE_LISTS,
                EVALUATION_LIST,
                "optative_cue",
                "comparative_cue",
                EXCLUSIVE_LIST,
                OUSTER_LIST,
            )
            for key in _KEYS[side][name]
        ),
    )
    for side, prefix, _ in SIDES
)
