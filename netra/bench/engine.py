"""Engine throughput on generated posts against peers that only find the terms, in one run.

Peers a skeptic would pick, over the same posts and the same fields the engine reads (text,
transcript, media description, hashtags, target text and name), each timed the same way (the
median of several runs, caches warm):

* the naive loop: one `re.search` per catalogue and pack term per post;
* one alternation: every term in a single compiled regular expression (longest first);
* Hyperscan (the `hyperscan` package), the same terms compiled into one database.

The peers only find terms. The engine also normalises (leetspeak, spacing, emoji), reads
context, stance, time and place, applies the rules and builds the explanation.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import re
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from neutrality import Engine, Locality
from neutrality.lexicon import raw_terms
from schemas import Action, Outcome, Platform, Post, Target, TargetKind

BENIGN = [
    "Senam pagi bareng teman kantor, sehat selalu 💪",
    "Harga gas elpiji 3 kg naik lagi di warung dekat rumah",
    "Alhamdulillah anak lulus SD, terima kasih bapak ibu guru",
    "Rapat koordinasi pelayanan publik di aula kecamatan hari ini",
    "Jangan lupa bayar PBB sebelum jatuh tempo ya warga",
    "Timnas Garuda menang 2-0, mantap!",
    "Liburan ke pantai ✌️ seru banget sama keluarga",
    "Semoga lekas sembuh pak, amin ya Allah",
    "Panas sekali siang ini, jangan lupa minum air putih",
    "Resep rendang padang yang enak dan mudah, cobain deh",
    "Jalan rusak di depan pasar sudah diperbaiki dinas PU",
    "Selamat hari guru nasional untuk semua pendidik hebat",
    "Macet parah di tol Cikampek arah Jakarta pagi ini",
    "Pelatihan literasi digital untuk ASN di Balikpapan",
    "Nonton konser bareng teman-teman kantor, seru!",
    "Menteri Pertahanan Prabowo meresmikan jembatan di Garut",
    "Jangan golput ya, gunakan hak pilih 14 Februari di TPS",
    "Ulang tahun istri saya hari ini, semoga sehat selalu",
]
PARTISAN = [
    "Ayo coblos Prabowo-Gibran, satu putaran! #PrabowoGibran2024",
    "Sy dukung G a n j a r sampai menang, gasssss!",
    "Pr4b0w0 presidenku 🔥",
    "Bapak ibu guru, mohon arahkan wali murid untuk coblos 02 ya",
    "Pagi yang cerah #GerakCepatGanjarMahfud",
    "Abah Anies the next president ☝️",
]
FILLER = (
    "kemarin",
    "sore",
    "di",
    "rumah",
    "bersama",
    "teman",
    "kantor",
    "yang",
    "baik",
    "sekali",
    "hari",
    "ini",
)


@dataclass(frozen=True)
class Timing:
    """One contender: the posts it went through and the seconds of each run."""

    name: str
    posts: int
    seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rate(self) -> float:
        return self.posts / self.median


@dataclass(frozen=True)
class PathCost:
    """Where the engine's time goes: posts by the path they take, µs per post on each."""

    name: str
    share: float
    micros: float


@dataclass
class BenchResult:
    posts: int
    partisan: int
    runs: int
    terms: int
    engine: Timing
    peers: list[Timing]
    outcomes: dict[str, int]
    peak_tracemalloc_mb: float
    maxrss_mb: float
    missing_peers: dict[str, str] = field(default_factory=dict)
    paths: list[PathCost] = field(default_factory=list)

    def ratio(self, peer: str) -> float:
        for t in self.peers:
            if t.name == peer:
                return self.engine.rate / t.rate
        raise KeyError(peer)


def generate(n: int, partisan_share: float = 0.05, seed: int = 7) -> list[Post]:
    """Realistic-length posts: ~95% everyday/hard-negative text, ~5% partisan; a few actions."""
    rng = random.Random(seed)
    base = dt.datetime(2024, 1, 10, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    posts: list[Post] = []
    for i in range(n):
        partisan = rng.random() < partisan_share
        text = rng.choice(PARTISAN if partisan else BENIGN)
        text = " ".join([text, *rng.sample(FILLER, rng.randint(2, 8))])
        action = Action.POST
        target = None
        r = rng.random()
        if r < 0.08:
            action = Action.LIKE
            acc = "ig:tpn.ganjarmahfud" if partisan else f"ig:teman{rng.randint(1, 500)}"
            target = Target(
                kind=TargetKind.POST, account=acc, post_id=f"t{i}", text=rng.choice(BENIGN)
            )
        elif r < 0.10:
            action = Action.COMMENT
            target = Target(
                kind=TargetKind.POST, account=f"ig:teman{rng.randint(1, 500)}", post_id=f"t{i}"
            )
        posts.append(
            Post(
                platform=Platform.INSTAGRAM,
                post_id=f"b{i}",
                account_id=f"ig:asn{rng.randint(1, 5000)}",
                text=text,
                action=action,
                target=target,
                event_time=base + dt.timedelta(minutes=i),
            )
        )
    return posts


def terms(engine: Engine) -> list[str]:
    """Every catalogue and pack term, as the peers look for them (lower case, as written)."""
    return sorted({t.casefold() for t, _ in raw_terms(engine.catalogue, engine.pack.lists)})


def fields_text(post: Post) -> str:
    """The fields the engine judges, in one string for the peers."""
    parts = [post.text, post.transcript, post.media_description, " ".join(post.hashtags)]
    if post.target is not None:
        parts += [post.target.text, post.target.name or ""]
    return "\n".join(p for p in parts if p)


def naive_peer(words: list[str]) -> Callable[[Sequence[str]], int]:
    patterns = [re.compile(r"\b" + re.escape(t) + r"\b") for t in words]

    def count(texts: Sequence[str]) -> int:
        found = 0
        for text in texts:
            low = text.lower()
            for pat in patterns:
                if pat.search(low):
                    found += 1
        return found

    return count


def alternation_peer(words: list[str]) -> Callable[[Sequence[str]], int]:
    longest_first = sorted(words, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in longest_first) + r")\b")

    def count(texts: Sequence[str]) -> int:
        return sum(len(pattern.findall(text.lower())) for text in texts)

    return count


def hyperscan_peer(words: list[str]) -> Callable[[Sequence[str]], int]:
    """One Hyperscan database of every term; raises ImportError where hyperscan is missing."""
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    expressions = [(r"\b" + re.escape(t) + r"\b").encode() for t in words]
    flags = [hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8] * len(expressions)
    db.compile(expressions=expressions, ids=list(range(len(expressions))), flags=flags)
    hits = [0]

    def on_match(*_: object) -> None:
        hits[0] += 1

    def count(texts: Sequence[str]) -> int:
        hits[0] = 0
        for text in texts:
            db.scan(text.encode(), match_event_handler=on_match)
        return hits[0]

    return count


PEERS: dict[str, Callable[[list[str]], Callable[[Sequence[str]], int]]] = {
    "naive loop (re.search per term)": naive_peer,
    "one alternation regex": alternation_peer,
    "Hyperscan (one database)": hyperscan_peer,
}


def _median_seconds(work: Callable[[], object], runs: int) -> tuple[float, ...]:
    seconds = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - t0)
    return tuple(seconds)


def run(
    n: int = 20_000,
    runs: int = 3,
    partisan_share: float = 0.05,
    profile: bool = False,
    peers: Sequence[str] = tuple(PEERS),
) -> BenchResult:
    """The engine and every peer over the same n posts, `runs` times each, medians compared."""
    engine = Engine.load()
    posts = generate(n, partisan_share)
    loc = Locality("Jawa Tengah", "Kabupaten Blora")
    decide = engine.decide
    for p in posts[:2000]:  # warm caches the way a long-running worker would
        decide(p, loc)
    outcomes = {o.value: 0 for o in Outcome}
    gc.collect()
    tracemalloc.start()
    for p in posts:
        outcomes[decide(p, loc).outcome.value] += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    def judge_all() -> None:
        for p in posts:
            decide(p, loc)

    engine_timing = Timing("Netra engine", n, _median_seconds(judge_all, runs))
    words = terms(engine)
    texts = [fields_text(p) for p in posts]
    timings: list[Timing] = []
    missing: dict[str, str] = {}
    for name in peers:
        try:
            count = PEERS[name](words)
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name})"
            continue
        count(texts[:200])  # warm
        timings.append(Timing(name, n, _median_seconds(partial(count, texts), runs)))
    return BenchResult(
        posts=n,
        partisan=sum(1 for p in posts if any(p.text.startswith(x) for x in PARTISAN)),
        runs=runs,
        terms=len(words),
        engine=engine_timing,
        peers=timings,
        outcomes=outcomes,
        peak_tracemalloc_mb=peak / 1e6,
        maxrss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        missing_peers=missing,
        paths=path_costs(engine, posts, loc, runs) if profile else [],
    )


def path_costs(engine: Engine, posts: list[Post], loc: Locality, runs: int) -> list[PathCost]:
    """µs per post on each path: the quick first pass, a full look that passes, a flag/review."""
    groups: dict[str, list[Post]] = {"quick pass": [], "full look, pass": [], "flag or review": []}
    for p in posts:
        analysis = engine.analyse(p, loc)
        if analysis.features is None:
            groups["quick pass"].append(p)
        elif analysis.decision.outcome is Outcome.PASS:
            groups["full look, pass"].append(p)
        else:
            groups["flag or review"].append(p)
    out = []
    for name, group in groups.items():
        if not group:
            continue

        def work(g: list[Post] = group) -> None:
            for p in g:
                engine.decide(p, loc)

        seconds = statistics.median(_median_seconds(work, runs))
        out.append(PathCost(name, len(group) / len(posts), seconds / len(group) * 1e6))
    return out
