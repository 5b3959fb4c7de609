"""Closed classes of words that many readers share: the persons of speech and the terms of address.

A reader of stance, of questions, requests or names asks the same small questions of a word: is
it the author ("saya", "kami"), the person spoken to ("kamu", "sampeyan"), or a term of address
written before a person's name ("pak", "mbak", "daeng")? Each class is written once here, so a
regional or chat form added for one reader serves them all. The module imports nothing of
Netra's, so every reader (the holder, the stance package, the feature extractor) may use it
without a cycle; a reader that needs a narrower or wider class derives it from these with set
operations and says why beside it.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A closed class written as one space-separated string (the way the lists read best)."""
    return frozenset(words.split())


# The elections themselves, by their names (a closed class): what is won, voted in or supported
# when no side is.
ELECTIONS = word_set("pemilu pilpres pileg pilkada pilgub pilbup pilwalkot pilwali pemilihan")
# The election as an event, "pesta demokrasi" too: what an appeal to make it succeed names.
ELECTION_EVENTS = ELECTIONS | {"demokrasi"}
# The copulas: "X adalah Y" says what X is.
COPULAS = word_set("adalah merupakan ialah yaitu yakni")
# First-person pronouns (Indonesian, Betawi, eastern Malay): the author or a group they are in.
FIRST_PERSONS = word_set("saya sy aku ku kami kita gue gua gw beta ane awak")

# Words before a victory that make it the speaker's aim or expectation, not a result told:
# "kita (harus) menang", "insya Allah menang", "target menang", "pasti menang". A closed class:
# first persons, modals of necessity and certainty, and the openings of a prayer.
OWN_WIN_MODALS = FIRST_PERSONS | word_set(
    "harus wajib mesti kudu pasti target siap yakin optimis insyaallah allah semoga moga "
    "bismillah amin aamiin akan bisa"
)

# Second-person pronouns (Indonesian, colloquial, Betawi, Javanese, Sundanese, eastern Malay)
# and the forum forms of address that stand for them ("agan", "sista"): the person spoken to.
# The abbreviation "km" is left out: it is also the kilometre of news prose.
SECOND_PERSONS = word_set(
    "kamu kalian kalean anda engkau kau dikau lu lo loe elu elo lw ente antum sampeyan "
    "panjenengan kowe koen awakmu sira maneh anjeun ngana ngoni ale kamorang agan sista"
)

# Terms of address and honorifics written before a person's name, in Indonesian and the regional
# languages civil servants post in (Javanese, Sundanese, Betawi, Minang, Malay, Madurese,
# Buginese, Makassarese), with their chat abbreviations ("bpk", "pk", "mb"): the word after one
# is a person's name, or the person spoken to ("Pak X, ...").
TERMS_OF_ADDRESS = word_set(
    "pak bapak bpk bp pk bu ibu ibuk mas mbak mba mb bang abang kang akang kak kakak cak ning "
    "gus teh teteh uda uni om tante abah ambu umi bunda pakde bude mbah eyang daeng andi "
    "ustadz ustad ustazah kiai kyai haji hj dr prof sis bro mr mrs ms"
)

# The terms of address that are also part of a public figure's name as the press writes it
# ("Cak Imin", "Gus Yahya", "Abah Anies", "Kiai Ma'ruf", "Daeng ...", "Andi ..."), and academic and
# pilgrim titles ("Prof", "Dr", "Haji"): before a headline's colon they name the speaker credited,
# where "Pak X:" or "Mbak X:" calls to someone.
NAME_TITLES = word_set(
    "cak kang akang ning gus abah ambu umi bunda kiai kyai ustadz ustad ustazah daeng andi "
    "haji hj dr prof mbah eyang uda uni"
)


# Role nouns of leadership and character that are no office (an office wished for a name is
# another reading): "X pemimpin yang ...", "X sosok yang pas", "X negarawan sejati".
LEADER_NOUNS = frozenset([
    "pemimpin", "sosok", "figur", "negarawan", "teladan", "panutan", "kepemimpinan",
])  # fmt: skip


# Adverbs and particles that stand between a subject and what is said of it without changing
# what is judged ("02 memang mantap", "01 tetap juara", "03 pasti menang", "02 makin jaya"):
# affirming, lasting, certain, growing or degree words, as chat writes them.
PREDICATE_ADVERBS = word_set(
    "memang emang mmg sih nih tuh pasti pst tetap tetep ttp makin semakin paling plg sangat sgt "
    "lebih lbh benar bener betul bnr udah sudah sdh dah sungguh"
)
