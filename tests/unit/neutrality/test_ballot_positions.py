"""Ballot numbers said as positions: ordinals, "the one after", "the last", "from the right".

A reader resolves "nomor terakhir" or "nomor dua dari kanan" against the race at hand; so does
the engine (Jawa Timur's governor race has three pairs, Pilpres 2024 three).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from neutrality import DataError, Engine, Locality
from neutrality.catalogue import Race, load_catalogue
from neutrality.engine import REPO_RULES
from neutrality.features import _by_position
from neutrality.matcher import Kind, Meaning
from schemas import Outcome, Post

PILPRES = "2024-01-20T09:00:00+07:00"
PILKADA = "2024-11-10T09:00:00+07:00"
JATIM = Locality("Jawa Timur")


def _post(text: str, when: str) -> Post:
    return Post.model_validate(
        {"platform": "facebook", "post_id": "b", "account_id": "fb:asn", "action": "post",
         "text": text, "event_time": when}
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "when", "locality", "expected"),
    [
        ("Pilpres nanti coblos nomor terakhir ya", PILPRES, None, "pilpres-2024/03"),
        ("Ayo coblos nomor setelah satu!", PILPRES, None, "pilpres-2024/02"),
        ("Pilpres: pilih nomor sebelum tiga", PILPRES, None, "pilpres-2024/02"),
        ("Pilpres besok pilih nomor dua dari kanan", PILPRES, None, "pilpres-2024/02"),
        ("Pilpres besok pilih nomor satu dari kanan", PILPRES, None, "pilpres-2024/03"),
        ("Ayo coblos paslon kedua!", PILPRES, None, "pilpres-2024/02"),
        ("Pilpres: nomor urut ketiga pokoke", PILPRES, None, "pilpres-2024/03"),
        ("Pilgub nanti coblos yang tengah", PILKADA, JATIM, "pilgub-jatim-2024/02"),
        ("Pilgub sesuk nomor pungkasan, ojo lali", PILKADA, JATIM, "pilgub-jatim-2024/03"),
        ("Pilgub: pilih nomor paling kiri", PILKADA, JATIM, "pilgub-jatim-2024/01"),
    ],
)  # fmt: skip
def test_positions_name_the_participant_in_the_race(
    engine: Engine, text: str, when: str, locality: Locality | None, expected: str
) -> None:
    decision = engine.decide(_post(text, when), locality)
    assert decision.outcome is not Outcome.PASS, text
    assert [p.id for p in decision.participants] == [expected], text


def test_the_evidence_says_how_the_position_was_read(engine: Engine) -> None:
    decision = engine.decide(_post("Pilpres nanti coblos nomor terakhir ya", PILPRES))
    features = {ev.feature for hit in decision.hits for ev in hit.evidence}
    assert "number:last=3->pilpres-2024/03" in features


@pytest.mark.parametrize(
    "text",
    [
        "Antri di bank dapat nomor terakhir",
        "Rumah kami nomor dua dari kanan, cat hijau",
        "Juara kedua lomba cerdas cermat tingkat kecamatan",
    ],
)
def test_a_position_outside_an_election_context_is_nothing(engine: Engine, text: str) -> None:
    assert engine.decide(_post(text, PILPRES)).outcome is Outcome.PASS


def test_relative_positions_resolve_per_race(engine: Engine) -> None:
    """The last of a race of three is 3, of a race of two is 2; an even race has no middle."""
    races: tuple[Race, ...] = tuple(
        r for r in engine.catalogue.races.values() if r.id in ("pilpres-2024", "pilgub-jatim-2024")
    )
    two = next(r for r in engine.catalogue.races.values() if len(r.participants) == 2)
    last = Meaning(Kind.NUMBER, "last")
    assert sorted(p.number or 0 for p in _by_position(races, last)) == [3, 3]
    assert [p.number for p in _by_position((two,), last)] == [2]
    assert _by_position((two,), Meaning(Kind.NUMBER, "middle")) == []
    assert [p.number for p in _by_position((two,), Meaning(Kind.NUMBER, "from_end", 2))] == [1]
    assert _by_position((two,), Meaning(Kind.NUMBER, "from_end", 3)) == []


def test_an_unknown_ballot_position_is_a_catalogue_error(tmp_path: Path) -> None:
    import shutil

    catalogue = tmp_path / "catalogue"
    shutil.copytree(REPO_RULES / "catalogue", catalogue)
    language = catalogue / "language-id.yaml"
    text = language.read_text(encoding="utf-8")
    language.write_text(text.replace('"nomor tengah": middle', '"nomor tengah": centre'), "utf-8")
    with pytest.raises(DataError, match="ballot position 'centre'"):
        load_catalogue(catalogue)


@pytest.mark.parametrize(
    ("text", "numbered"),
    [
        ("Pilpres: paparkan visi misi paslon. Kedua paslon adalah putra terbaik bangsa", False),
        ("Pilpres: visi misi paslon! Kedua paslon sama baiknya", False),
        ("Pilpres: ayo coblos paslon kedua. Mereka terbaik", True),
        ("Pilpres besok coblos No. 2 ya", True),  # "No." abbreviates: one sentence
    ],
)  # fmt: skip
def test_a_number_form_is_read_within_one_sentence(
    engine: Engine, text: str, numbered: bool
) -> None:
    """The normaliser blanks punctuation: "paslon. Kedua paslon" would read as "paslon kedua"
    (the second pair) though "kedua paslon" opens a new sentence (both pairs)."""
    decision = engine.decide(_post(text, PILPRES))
    features = {ev.feature for hit in decision.hits for ev in hit.evidence}
    assert any(f.startswith("number:") for f in features) is numbered, (text, features)
