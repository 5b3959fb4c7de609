"""A learned second opinion: a small linear model over word and character n-grams.

Rules are precise where their vocabulary reaches; real posts reach further (regional phrasing,
slogans of local pairs, spoken transcripts). A logistic regression over word uni/bigrams and
character 4-grams of the author's words (and unigrams of the content acted on), trained only on
the train parts, gives a calibrated probability that a supervisor would want to see the post.
It is one more feature (`model.partisan`, `model.possible`), never a verdict by itself: the
rules decide what it may do, and the explanation shows the score and the n-grams behind it.

The catalogue's names are read as the role they stand for (`NameMask`): "pilih Prabowo" and
"pilih Mualem" are both "pilih @calon", so what the model learns of how people back one
candidate carries to a regent pair it never saw, and it cannot learn that one name is partisan
in itself (a name is in every report and question about its bearer as well).

Training needs scikit-learn (`netra model train`); scoring is pure Python over the saved weights
(a JSON file in the pack, versioned with it), so a worker loads no numerical library for it.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from schemas import Action, Post

if TYPE_CHECKING:
    from neutrality.catalogue import Participant

MODEL_FILE = "model.json"
FORMAT = 2  # 2: names read as roles (`NameMask`)
CHAR_N = 4
TOP_NGRAMS = 5
MAX_FEATURES = 30_000
KNOWN_WORDS = 65_536  # words whose weighted n-grams are kept (memory stays bounded)
NB_SMOOTHING = 0.5  # the count added to each n-gram's in its log-count ratio (`train`)
MAX_CHARS = 4_000  # characters of each field the model reads: a bounded cost for any post
_TOKEN = re.compile(r"[a-z0-9]+")
# ASCII text's tokens by C string calls: every byte but a-z and 0-9 becomes a space, then a
# split. What `_TOKEN.findall` finds in folded ASCII text, at a fraction of a regex pass.
_ASCII_SEPARATORS = bytes(
    i if chr(i) in "abcdefghijklmnopqrstuvwxyz0123456789" else ord(" ") for i in range(256)
)
_ACTION_NAMES = {a: a.value for a in Action}  # an enum's .value is a slow property in 3.11


# The roles a catalogued name is read as. They begin with "@", which no word the tokeniser
# makes can: a role never meets a word's n-grams, and its own n-gram is the role alone.
CANDIDATE_ROLE = "@calon"
PARTY_ROLE = "@partai"
MIN_NAME_CHARS = 3  # a one-word name shorter than this ("pa", "rk") is too often something else


COMBINING_PLANES = 0x20000  # the Basic and Supplementary Multilingual Planes


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """Every combining character (to delete with `str.translate`), from this Python's own
    Unicode database: made once, on first use (`Model` makes it when it loads, never on an
    event). Only the first two planes are read: every combining mark Unicode has assigned is
    there (the last, U+1E94A, in the Adlam block), and the other planes cost a tenth of a
    second more at every start."""
    return {i: None for i in range(COMBINING_PLANES) if unicodedata.combining(chr(i))}


def _fold(text: str) -> str:
    """Lower case without accents: NFKD, with the combining marks deleted by one C call (a
    Python loop over the characters cost most of the scoring of a non-ASCII post)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).translate(_combining_marks())


def _tokens(text: str) -> list[str]:
    """The model's words of `text` (lower-case letters and digits of the folded text)."""
    folded = _fold(text)
    if folded.isascii():
        return folded.encode().translate(_ASCII_SEPARATORS).decode().split()
    return _TOKEN.findall(folded)


@dataclass(frozen=True)
class NameMask:
    """The catalogue's names as word sequences, each with the role it stands for.

    Only the strong names (a participant's name and aliases) are read as roles: a weak alias
    ("amin", "pan", "garuda") is an everyday word as often as a name, and the engine's rules,
    not the model, tell the two apart. A name is matched whole and longest first ("anies
    baswedan" is one candidate, not two); names one after the other ("Prabowo-Gibran") are one
    role. Built once from the catalogue the engine loads, so a pair an operator imports is read
    as a candidate from then on, with no retraining."""

    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, participants: Iterable[Participant]) -> NameMask:
        found: dict[str, set[tuple[tuple[str, ...], str]]] = {}
        for participant in participants:
            role = PARTY_ROLE if participant.party else CANDIDATE_ROLE
            for name in (participant.name, *participant.aliases):
                words = tuple(_tokens(name))
                if not words:
                    continue
                if len(words) == 1 and (len(words[0]) < MIN_NAME_CHARS or words[0].isdigit()):
                    continue
                found.setdefault(words[0], set()).add((words, role))
        # Longest first; a name two participants share keeps one role, the same in every run.
        return cls(
            {
                first: tuple(sorted(names, key=lambda n: (-len(n[0]), n)))
                for first, names in found.items()
            }
        )

    def apply(self, words: list[str]) -> list[str]:
        """`words` with every catalogued name replaced by its role (the same list when none
        is in it, as in most events: one set comparison)."""
        by_first = self.by_first
        if by_first.keys().isdisjoint(words):
            return words
        # Only where a name's first word stands can a name begin: the words between are copied
        # a run at a time, not appended one by one (what `_apply_word_by_word` does, the
        # reference this is held to).
        out: list[str] = []
        i, count = 0, len(words)
        for at in [at for at, word in enumerate(words) if word in by_first]:
            if at < i:
                continue  # inside the name read before
            for name, role in by_first[words[at]]:
                end = at + len(name)
                if end <= count and tuple(words[at:end]) == name:
                    out.extend(words[i:at])
                    if not out or out[-1] != role:
                        out.append(role)
                    i = end
                    break
        out.extend(words[i:])
        return out

    def _apply_word_by_word(self, words: list[str]) -> list[str]:
        """`apply` one word at a time: the reference (tests hold `apply` to it)."""
        by_first = self.by_first
        out: list[str] = []
        i, count = 0, len(words)
        while i < count:
            for name, role in by_first.get(words[i], ()):
                end = i + len(name)
                if end <= count and tuple(words[i:end]) == name:
                    if not out or out[-1] != role:
                        out.append(role)
                    i = end
                    break
            else:
                out.append(words[i])
                i += 1
        return out


NO_NAMES = NameMask()  # no name read as a role (a model trained before format 2 reads none)


class Tokens(NamedTuple):
    """The words the model reads in one event, by where they come from (a named tuple: made
    for every event the model scores, at a third of a frozen dataclass's cost)."""

    action: str
    own: list[str]  # what the author said: text, transcript, hashtags
    media: list[str]
    target: list[str]  # the content acted on

    @classmethod
    def of(cls, post: Post, names: NameMask = NO_NAMES) -> Tokens:
        """The fields are read from the post's `__dict__` (a pydantic model's attribute reads
        are slow calls). An event with only a text has the text's words alone: the two spaces
        that would join it to an empty transcript and no hashtags add no word. Catalogued
        names become their roles in every field."""
        values = post.__dict__
        text = values["text"][:MAX_CHARS]
        transcript = values["transcript"]
        hashtags = values["hashtags"]
        if transcript or hashtags:
            text = f"{text} {transcript[:MAX_CHARS]} {' '.join(hashtags)[:MAX_CHARS]}"
        media_description = values["media_description"]
        media = names.apply(_tokens(media_description[:MAX_CHARS])) if media_description else []
        target: list[str] = []
        acted_on = values["target"]
        if acted_on is not None:
            target = names.apply(
                _tokens(f"{(acted_on.name or '')[:MAX_CHARS]} {acted_on.text[:MAX_CHARS]}")
            )
        return cls(_ACTION_NAMES[values["action"]], names.apply(_tokens(text)), media, target)

    def context_grams(self) -> list[str]:
        """The action, the media words and the target's words: the n-grams that are not built
        from the author's own words (those are words, their pairs and character n-grams)."""
        out = [f"a:{self.action}"]
        out += [f"m:{t}" for t in self.media]
        out += [f"t:{t}" for t in self.target]
        return out


def ngrams(post: Post, names: NameMask = NO_NAMES) -> list[str]:
    """The model's features of one event: what the author said, what they acted on, how."""
    tokens = Tokens.of(post, names)
    out = tokens.context_grams()
    out += [f"b:{a}_{b}" for a, b in itertools.pairwise(tokens.own)]
    for t in tokens.own:
        out += _word_grams(t)
    return out


@lru_cache(maxsize=65_536)
def _word_grams(token: str) -> tuple[str, ...]:
    """A word and its character n-grams (with boundaries); words recur, so they are cached. A
    role stands for a name: its n-gram is the role alone."""
    if token[0] == "@":
        return (f"w:{token}",)
    padded = f"<{token}>"
    grams = [f"c:{padded[i : i + CHAR_N]}" for i in range(len(padded) - CHAR_N + 1)]
    return (f"w:{token}", *grams)


@dataclass(frozen=True)
class Opinion:
    """The model's score for one event and the known n-grams it found, with their weights."""

    probability: float
    weighted: Mapping[str, float]

    @property
    def found(self) -> AbstractSet[str]:
        return self.weighted.keys()

    @property
    def drivers(self) -> tuple[str, ...]:
        """The n-grams that pushed the score up most (computed when an explanation needs it)."""
        # (-weight, n-gram) pairs order as the ranking wants (n-grams are distinct).
        positive = [(-v, f) for f, v in self.weighted.items() if v > 0]
        positive.sort()  # a C sort of a few dozen pairs beats heapq.nsmallest's Python loop
        return tuple(f for _, f in positive[:TOP_NGRAMS])

    def describe(self) -> str:
        shown = ", ".join(d.split(":", 1)[1].replace("_", " ") for d in self.drivers)
        return f"{self.probability:.2f}" + (f" ({shown})" if shown else "")


@dataclass(frozen=True)
class Model:
    """Weights, bias and Platt calibration; thresholds chosen on dev (see `choose_threshold`)."""

    weights: dict[str, float]
    bias: float
    calibration: tuple[float, float]  # probability = sigmoid(a * margin + b)
    partisan_at: float  # highest recall at precision >= 0.95 on dev
    possible_at: float  # highest recall at precision >= 0.80 on dev
    meta: dict[str, Any]
    names: NameMask = field(default=NO_NAMES, repr=False, compare=False)  # read as their roles
    vocabulary: frozenset[str] = field(init=False, repr=False, compare=False)

    # A weighted n-gram and its weight as one pair (made once): what `opinion` collects.
    _pairs: dict[str, tuple[str, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    # Each word's weighted n-grams as a dict: `opinion` merges it into its own in one C call
    # (merging a tuple of pairs unpacks every pair, three times the work).
    _known_grams: dict[str, dict[str, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    _bigrams: dict[tuple[str, str], tuple[str, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    # Each action's n-gram with its weight (none if it has no weight): the context n-grams of
    # an event with no media description and no target, which `opinion` copies.
    _action_grams: dict[str, dict[str, float]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickled (a compiled engine read back, `neutrality.enginecache`): the accent table,
        a process-wide cache, is made now as at load, not by the first event with an accent."""
        self.__dict__.update(state)
        _combining_marks()

    def __post_init__(self) -> None:
        object.__setattr__(self, "vocabulary", frozenset(self.weights))
        _combining_marks()  # made at load, not by the first event with an accent
        for action in _ACTION_NAMES.values():
            gram = f"a:{action}"
            self._action_grams[action] = {gram: self.weights[gram]} if gram in self.weights else {}
        for gram, weight in self.weights.items():
            self._pairs[gram] = pair = (gram, weight)
            # Word pairs with a weight, looked up as pairs: no string is built for the others.
            if gram.startswith("b:"):
                first, _, second = gram[2:].partition("_")
                self._bigrams[(first, second)] = pair

    def known_grams(self, word: str) -> Mapping[str, float]:
        """A word's n-grams that carry a weight, with their weights, in the order the word
        gives them: words recur, and most of their character n-grams are not in the
        vocabulary, so each word is looked up once (up to KNOWN_WORDS; a word with none shares
        one empty dict). The mapping is the one kept for the word: read it, never write it."""
        known = self._known_grams.get(word)
        if known is None:
            weights = self.weights
            known = {g: weights[g] for g in _word_grams(word) if g in weights} or _NO_GRAMS
            if len(self._known_grams) >= KNOWN_WORDS:
                self._known_grams.clear()
            self._known_grams[word] = known
        return known

    def opinion(self, post: Post) -> Opinion:
        """The calibrated probability for one event: the same n-grams as `ngrams`, each word's
        looked up through `known_grams`. The weighted n-grams are collected with their weights
        in one dict (an n-gram counts once however many words share it), so the margin is a sum
        of its values, with no lookup per n-gram, in an order fixed by the event alone."""
        pairs = self._pairs
        tokens = Tokens.of(post, self.names)
        own = tokens.own
        if tokens.media or tokens.target:
            found = dict(pair for g in tokens.context_grams() if (pair := pairs.get(g)) is not None)
        else:  # the usual event: its action is its one context n-gram, looked up once
            found = dict(self._action_grams[tokens.action])
        bigrams = self._bigrams
        if not bigrams.keys().isdisjoint(itertools.pairwise(own)):  # most events have none
            found.update(bigrams[pair] for pair in itertools.pairwise(own) if pair in bigrams)
        cached = self._known_grams
        # Words in the order they first appear, never a set's: a set of strings iterates in an
        # order set by the process's hash seed, and a float sum in another order can differ in
        # its last bits, so two workers would score the same event differently.
        for word in dict.fromkeys(own):
            grams: Mapping[str, float] | None = cached.get(word)  # `known_grams` inlined
            if grams is None:
                grams = self.known_grams(word)
            if grams:
                found.update(grams)
        margin = self.bias + sum(found.values())
        a, b = self.calibration
        return Opinion(_sigmoid(a * margin + b), found)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "meta": self.meta,
                "names_as_roles": bool(self.names.by_first),
                "bias": self.bias,
                "calibration": list(self.calibration),
                "thresholds": {"partisan": self.partisan_at, "possible": self.possible_at},
                "weights": dict(sorted(self.weights.items())),
            },
            ensure_ascii=False,
            indent=0,
            sort_keys=False,
        )

    @classmethod
    def load(cls, path: Path, names: NameMask | None = None) -> Model:
        """The model saved at `path`; one trained with names read as roles needs the names
        (`NameMask.of` the catalogue's participants), as the engine loading it has them."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: model format {data.get('format')!r}, expected {FORMAT}")
        if data["names_as_roles"] and names is None:
            raise ValueError(f"{path}: the model reads names as roles: load it with the names")
        a, b = data["calibration"]
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            calibration=(float(a), float(b)),
            partisan_at=float(data["thresholds"]["partisan"]),
            possible_at=float(data["thresholds"]["possible"]),
            meta=dict(data.get("meta", {})),
            names=names if data["names_as_roles"] and names is not None else NO_NAMES,
        )


_NO_GRAMS: dict[str, float] = {}  # the known n-grams of a word that has none (read only)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def choose_threshold(scores: Sequence[float], labels: Sequence[bool], precision: float) -> float:
    """The lowest threshold (highest recall) whose precision on these items is >= `precision`;
    above every score (the model never fires) when none reaches it."""
    best = 1.01
    for t in sorted(set(scores), reverse=True):
        chosen = [y for s, y in zip(scores, labels, strict=True) if s >= t]
        if chosen and sum(chosen) / len(chosen) >= precision:
            best = t
    return best


def log_count_ratios(x: Any, y: Any, smoothing: float) -> Any:
    """Each column's log-count ratio: log of its share of the n-grams found in violations over
    its share of those found in neutral items, each count smoothed by `smoothing`. Positive
    for an n-gram that violations use more, negative for one neutral items use more, near 0
    for one both use alike."""
    import numpy as np

    found_in_violations = smoothing + np.asarray(x[y == 1].sum(axis=0)).ravel()
    found_in_neutral = smoothing + np.asarray(x[y == 0].sum(axis=0)).ravel()
    return np.log(
        (found_in_violations / found_in_violations.sum())
        / (found_in_neutral / found_in_neutral.sum())
    )


def train(
    posts: Sequence[Post],
    labels: Sequence[bool],
    dev_posts: Sequence[Post],
    dev_labels: Sequence[bool],
    seed: int = 20221922,
    meta: dict[str, Any] | None = None,
    regularisation: float = 1.0,
    names: NameMask = NO_NAMES,
    smoothing: float | None = NB_SMOOTHING,
) -> Model:
    """Fit on the train items only; calibrate by cross-validation on them; pick thresholds on dev.

    With `smoothing` (the default) each n-gram is first scaled by its log-count ratio, how much
    more often it occurs in violations than in neutral items (Wang and Manning's NB-SVM, with a
    logistic regression): on a few thousand short posts the evidence an n-gram carries by its
    counts alone steadies the weights the regression learns. The ratio is folded into each
    n-gram's weight, so the saved model and its scoring stay a plain sum of weights. Out of
    fold by source on train and dev the model alone rose in average precision from 0.853 to
    0.871 and in recall at precision 0.95 from 0.21 to 0.32 (README). `smoothing=None` fits
    the n-grams as they are.

    Deterministic for a given seed and data (liblinear with a fixed random_state).
    """
    import numpy as np
    from scipy.sparse import csr_matrix, diags  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    from sklearn.model_selection import (  # type: ignore[import-untyped]
        StratifiedKFold,
        cross_val_predict,
    )

    docs = [sorted(set(ngrams(p, names))) for p in posts]
    df: dict[str, int] = {}
    for d in docs:
        for f in d:
            df[f] = df.get(f, 0) + 1
    vocab = sorted(f for f, n in df.items() if n >= 2)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, d in enumerate(docs):
        for f in d:
            i = index.get(f)
            if i is not None:
                rows.append(r)
                cols.append(i)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(vocab)))
    y = np.array(labels, dtype=int)
    ratios = np.ones(len(vocab))
    if smoothing is not None:
        ratios = log_count_ratios(x, y, smoothing)
        x = x @ diags(ratios)
    clf = LogisticRegression(C=regularisation, solver="liblinear", random_state=seed, max_iter=1000)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    margins = cross_val_predict(clf, x, y, cv=folds, method="decision_function")
    platt = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    platt.fit(margins.reshape(-1, 1), y)
    clf.fit(x, y)
    coef = clf.coef_[0] * ratios  # the weight of an n-gram as it is found (present: 1)
    order = np.argsort(-np.abs(coef))[:MAX_FEATURES]
    weights = {vocab[i]: round(float(coef[i]), 6) for i in order if abs(coef[i]) > 1e-6}
    model = Model(
        weights=weights,
        bias=round(float(clf.intercept_[0]), 6),
        calibration=(round(float(platt.coef_[0][0]), 6), round(float(platt.intercept_[0]), 6)),
        partisan_at=1.01,
        possible_at=1.01,
        meta=dict(meta or {}),
        names=names,
    )
    scores = [model.opinion(p).probability for p in dev_posts]
    partisan_at = choose_threshold(scores, dev_labels, 0.95)
    possible_at = min(choose_threshold(scores, dev_labels, 0.80), partisan_at)
    return Model(
        weights=model.weights,
        bias=model.bias,
        calibration=model.calibration,
        partisan_at=round(partisan_at, 6),
        possible_at=round(possible_at, 6),
        meta={
            **model.meta,
            "seed": seed,
            "train_items": len(posts),
            "dev_items": len(dev_posts),
            "regularisation": regularisation,
            "log_count_ratio_smoothing": smoothing,
        },
        names=names,
    )


def data_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the training files, recorded in the model so it can be traced to its data."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()
