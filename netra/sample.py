"""Sample data for the demo and the pipeline benchmark: an ASN registry and a stream of posts.

The partisan posts come from the labelled corpus (rules/corpus), re-attributed to registry
accounts in the right province; the rest are everyday posts by the same civil servants, so
the stream looks like a real feed: mostly harmless, a few breaches.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from schemas import EmploymentType, RegistryEntry
from schemas.post import ACCOUNT_PREFIX
from streams.settings import REPO_ROOT

CORPUS_FILES = [REPO_ROOT / "rules" / "corpus" / "dev.jsonl"]

PROVINCES: dict[str, list[str]] = {
    "Jawa Tengah": ["Kabupaten Blora", "Kota Semarang", "Kabupaten Kendal", "Kota Surakarta"],
    "Jawa Timur": ["Kota Surabaya", "Kabupaten Madiun", "Kabupaten Jember"],
    "Jawa Barat": ["Kabupaten Garut", "Kota Bandung", "Kabupaten Bekasi"],
    "DKI Jakarta": ["Kota Administrasi Jakarta Selatan", "Kota Administrasi Jakarta Timur"],
    "Sulawesi Selatan": ["Kota Makassar", "Kabupaten Gowa"],
    "Kalimantan Timur": ["Kota Samarinda", "Kota Balikpapan"],
    "Sumatera Utara": ["Kota Medan", "Kabupaten Deli Serdang"],
    "Nusa Tenggara Barat": ["Kota Mataram", "Kabupaten Lombok Barat"],
}
AGENCIES = [
    ("Dinas Pendidikan {r}", ["SDN 2", "SMPN 1", "Bidang Pembinaan SD"], "Guru"),
    ("Dinas Kesehatan {r}", ["Puskesmas Kota", "RSUD"], "Perawat"),
    ("Sekretariat Daerah {r}", ["Bagian Umum", "Bagian Protokol"], "Analis Kebijakan"),
    ("Kecamatan {r}", ["Kantor Camat", "Kelurahan"], "Camat"),
    ("Kantor Kementerian Agama {r}", ["Seksi Pendidikan Madrasah", "KUA"], "Penghulu"),
    ("Satpol PP {r}", ["Bidang Ketertiban"], "Polisi Pamong Praja"),
]
FIRST = "Budi Siti Agus Dewi Rudi Wulan Eko Rina Hendra Yuni Joko Sri Andi Lestari Dian Fajar"
LAST = "Santoso Rahayu Wibowo Lestari Saputra Kurniawan Hidayat Nugroho Susanti Pratama Utami"
PLATFORM_PREFIX = {p.value: prefix for p, prefix in ACCOUNT_PREFIX.items()}
EVERYDAY = [
    "Alhamdulillah apel pagi hari ini lancar, semangat melayani masyarakat 💪",
    "Rapat koordinasi penanganan stunting bersama puskesmas, mohon dukungan semua pihak",
    "Libur dulu, ngopi sama keluarga di alun-alun ☕ #weekend",
    "Selamat hari guru untuk rekan-rekan pendidik 🙏 #HariGuruNasional",
    "Jalan santai HUT kabupaten, ramai sekali pesertanya ✌️",
    "Info pelayanan: kantor tutup tanggal merah, layanan online tetap buka",
    "Panen raya di desa binaan, harga gabah lumayan bagus tahun ini 🌾",
    "Vaksinasi lansia besok jam 8 di balai desa, ajak orang tua ya",
    "Macet parah pulang kerja hari ini 😩",
    "Garuda main lagi malam ini, nobar di pos ronda! ⚽",
    "Sosialisasi pembayaran PBB sebelum jatuh tempo, bisa lewat bank daerah",
    "Pelatihan SKD untuk CPNS baru, semoga lancar semua",
]


@dataclass(frozen=True)
class SampleSet:
    registry: list[RegistryEntry]
    posts: list[str]  # JSON lines
    expected_partisan: int  # posts taken from corpus items labelled flag


def _nip(rng: random.Random, seq: int) -> str:
    born = datetime(1970, 1, 1) + timedelta(days=rng.randrange(0, 365 * 30))
    appointed = born + timedelta(days=365 * rng.randrange(22, 30))
    return f"{born:%Y%m%d}{appointed:%Y%m}{rng.choice('12')}{seq % 1000:03d}"


def sample_registry(count: int, seed: int = 7) -> list[RegistryEntry]:
    rng = random.Random(seed)
    entries = []
    firsts, lasts = FIRST.split(), LAST.split()
    for i in range(count):
        province = rng.choice(list(PROVINCES))
        region = rng.choice(PROVINCES[province])
        agency, units, position = rng.choice(AGENCIES)
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        platform = rng.choice(list(PLATFORM_PREFIX))
        handle = f"{name.lower().replace(' ', '.')}.{i}"
        entries.append(
            RegistryEntry(
                account_id=f"{PLATFORM_PREFIX[platform]}:{handle}",
                nip=_nip(rng, i),
                name=name,
                agency=agency.format(r=region.replace("Kabupaten ", "Kab. ")),
                unit=rng.choice(units),
                province=province,
                region=region,
                position=position,
                employment_type=rng.choice(list(EmploymentType)),
                updated_at=datetime(2024, 1, 1, tzinfo=UTC),
            )
        )
    return entries


def corpus_items(files: list[Path] | None = None) -> Iterator[dict[str, Any]]:
    for path in files or CORPUS_FILES:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def sample_posts(
    registry: list[RegistryEntry], count: int, *, partisan_share: float = 0.05, seed: int = 11
) -> SampleSet:
    """`count` posts by registry accounts, about `partisan_share` from flag-labelled items."""
    rng = random.Random(seed)
    items = list(corpus_items())
    flagged = [i for i in items if i["label"]["outcome"] == "flag"]
    harmless = [i for i in items if i["label"]["outcome"] == "pass"]
    # An item keeps its platform, so its author is drawn from accounts on that platform,
    # in the item's province when it names one (Pilkada numbers resolve by region).
    pools: dict[tuple[str, str], list[RegistryEntry]] = {}
    for entry in registry:
        prefix = entry.account_id.split(":", 1)[0]
        pools.setdefault((prefix, entry.province), []).append(entry)
        pools.setdefault((prefix, ""), []).append(entry)
    posts, partisan = [], 0
    start = datetime(2024, 1, 10, 8, 0, tzinfo=UTC)
    for n in range(count):
        roll = rng.random()
        if roll < partisan_share and flagged:
            item = rng.choice(flagged)
            partisan += 1
        elif roll < partisan_share * 4 and harmless:
            item = rng.choice(harmless)
        else:
            item = None
        if item is not None:
            post: dict[str, Any] = dict(item["post"])
            locality = item.get("locality") or {}
            province = locality.get("province", "")
        else:
            province = ""
            post = {
                "platform": rng.choice(list(PLATFORM_PREFIX)),
                "text": rng.choice(EVERYDAY),
                "action": "post",
                "event_time": (start + timedelta(minutes=7 * n)).isoformat(),
            }
        prefix = PLATFORM_PREFIX[str(post["platform"])]
        pool = pools.get((prefix, province)) or pools.get((prefix, "")) or registry
        author = rng.choice(pool)
        post["account_id"] = author.account_id
        post["account_handle"] = author.account_id.split(":", 1)[1]
        post["post_id"] = f"demo-{seed}-{n:07d}"
        posts.append(json.dumps(post, ensure_ascii=False))
    return SampleSet(registry=registry, posts=posts, expected_partisan=partisan)
