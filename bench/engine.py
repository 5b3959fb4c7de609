"""Engine throughput on generated posts against a naive baseline, in the same run.

The baseline is what the engine replaces: one `re.search` per catalogue term per post, over the
lower-cased text (no normalisation, no context). Both run on one core over the same posts.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import re
import resource
import time
import tracemalloc
from dataclasses import dataclass

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


@dataclass
class BenchResult:
    posts: int
    partisan: int
    engine_seconds: float
    baseline_posts: int
    baseline_seconds: float
    terms: int
    peak_tracemalloc_mb: float
    maxrss_mb: float
    outcomes: dict[str, int]

    @property
    def engine_rate(self) -> float:
        return self.posts / self.engine_seconds

    @property
    def baseline_rate(self) -> float:
        return self.baseline_posts / self.baseline_seconds

    @property
    def ratio(self) -> float:
        return self.engine_rate / self.baseline_rate


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


def baseline_patterns(engine: Engine) -> list[re.Pattern[str]]:
    terms = {t.casefold() for t, _ in raw_terms(engine.catalogue, engine.pack.lists)}
    return [re.compile(r"\b" + re.escape(t) + r"\b") for t in sorted(terms)]


def run(n: int = 100_000, baseline_n: int = 5_000, partisan_share: float = 0.05) -> BenchResult:
    """Time engine.decide over n posts, then the baseline over the first baseline_n of them."""
    engine = Engine.load()
    posts = generate(n, partisan_share)
    loc = Locality("Jawa Tengah", "Kabupaten Blora")
    for p in posts[:2000]:  # warm caches the way a long-running worker would
        engine.decide(p, loc)
    gc.collect()
    tracemalloc.start()
    outcomes = {o.value: 0 for o in Outcome}
    decide = engine.decide
    t0 = time.perf_counter()
    for p in posts:
        outcomes[decide(p, loc).outcome.value] += 1
    engine_seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # tracemalloc slows Python allocation; re-time without it and keep the faster figure.
    t0 = time.perf_counter()
    for p in posts:
        decide(p, loc)
    engine_seconds = min(engine_seconds, time.perf_counter() - t0)
    patterns = baseline_patterns(engine)
    sample = posts[:baseline_n]
    t0 = time.perf_counter()
    found = 0
    for p in sample:
        text = p.text.lower()
        for pat in patterns:
            if pat.search(text):
                found += 1
    baseline_seconds = time.perf_counter() - t0
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchResult(
        posts=n,
        partisan=sum(1 for p in posts if any(p.text.startswith(x) for x in PARTISAN)),
        engine_seconds=engine_seconds,
        baseline_posts=len(sample),
        baseline_seconds=baseline_seconds,
        terms=len(patterns),
        peak_tracemalloc_mb=peak / 1e6,
        maxrss_mb=maxrss,
        outcomes=outcomes,
    )
