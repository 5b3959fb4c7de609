"""KPU-style candidate lists to catalogue races, with provenance and no duplicate races."""

from __future__ import annotations

from neutrality.catalogue_import import COLUMNS, import_rows, race_key, read_csv

CSV = (
    ",".join(COLUMNS)
    + "\n"
    + """pilkada-2024,bupati,Jawa Tengah,Kabupaten Pati,1,Budi Santoso,Ani,Budi-Ani,PDIP;PKB,https://example.org/pati,2024-09-23
pilkada-2024,bupati,Jawa Tengah,Kabupaten Pati,2,Sudewo,Risma Ardhi Chandra,,Gerindra,https://example.org/pati,
pilkada-2024,gubernur,Jawa Tengah,,1,Andika Perkasa,Hendrar Prihadi,,,https://example.org/jateng,
pilkada-2024,bupati,Jawa Tengah,Kabupaten Pati,x,Nobody,,,,https://example.org/pati,
"""
)


def _rows(*lines: str) -> list[dict[str, str]]:
    """A candidate list of these rows, under the columns `netra catalogue import` reads."""
    return read_csv(",".join(COLUMNS) + "\n" + "\n".join(lines) + "\n")


def test_rows_become_races_with_sources_and_hand_races_are_kept() -> None:
    known = {race_key("pilkada-2024", "governor", "Jawa Tengah", ""): "pilgub-jateng-2024"}
    result = import_rows(read_csv(CSV), known)
    assert list(result.races) == ["pilbup-pati-2024"]
    race = result.races["pilbup-pati-2024"]
    assert race["kind"] == "regent" and race["region"]["regency"] == "Kabupaten Pati"
    first, second = race["participants"]
    assert first["source"] == {"url": "https://example.org/pati", "published": "2024-09-23"}
    assert "budi santoso" in first["aliases"] and "budi-ani" in first["aliases"]
    # first and last names count only in an election context; "ani" is too short to count at all
    assert first["weak_aliases"] == ["budi", "santoso"]
    assert second["parties"] == ["Gerindra"] and "sudewo" in second["weak_aliases"]
    assert result.skipped_races == {"pilgub-jateng-2024"}
    assert result.problems == ["row 5: number 'x' is not a whole number"]


def test_a_region_written_another_way_is_the_same_known_race() -> None:
    """ "Blora" in a KPU list is the hand-written race of "Kabupaten Blora": kept, not doubled."""
    known = {race_key("pilkada-2024", "regent", "Jawa Tengah", "Kabupaten Blora"): "pilbup-blora"}
    rows = read_csv(
        ",".join(COLUMNS)
        + "\npilkada-2024,bupati,Jawa Tengah,Blora,1,Arief Rohman,Sri Setyorini,,,https://example.org/b,\n"
    )
    result = import_rows(rows, known)
    assert result.races == {} and result.skipped_races == {"pilbup-blora"}


def test_a_name_two_candidates_share_or_a_title_is_no_weak_alias() -> None:
    """A one-word name two candidates of the list share is a common name, not a sign of either;
    a Balinese or Acehnese title opening a name is no name at all."""
    rows = _rows(
        "pilkada-2024,bupati,Bali,Badung,1,Anak Agung Sudarsana,Yusuf Hidayat,,,https://example.org/1,",
        "pilkada-2024,bupati,Aceh,Pidie,1,Teuku Rahman,Wirawan Hidayat,,,https://example.org/2,",
    )
    result = import_rows(rows, {})
    badung = result.races["pilbup-badung-2024"]["participants"][0]
    pidie = result.races["pilbup-pidie-2024"]["participants"][0]
    assert "hidayat" not in badung["weak_aliases"] and "hidayat" not in pidie["weak_aliases"]
    assert "anak" not in badung["weak_aliases"] and "teuku" not in pidie["weak_aliases"]
    assert {"sudarsana", "yusuf"} <= set(badung["weak_aliases"])
    assert {"rahman", "wirawan"} <= set(pidie["weak_aliases"])


def test_what_a_pairs_name_calls_each_candidate_is_an_alias_of_the_pair() -> None:
    """ "Mualem-Dek Fad" joins what people call the two candidates: "mualem" counts in an
    election context as any one-word name does, "dek fad" is an alias; a pair name that joins
    nothing ("BERANI") stays the pair's own name."""
    rows = _rows(
        "pilkada-2024,gubernur,Aceh,,2,Muzakir Manaf,Fadhlullah,Mualem-Dek Fad,,https://example.org/1,",
        "pilkada-2024,gubernur,Sulawesi Tengah,,2,Anwar Hafid,Reny A Lamadjido,BERANI,,https://example.org/2,",
    )
    result = import_rows(rows, {})
    aceh = result.races["pilgub-aceh-2024"]["participants"][0]
    assert "dek fad" in aceh["aliases"] and "mualem-dek fad" in aceh["aliases"]
    assert "mualem" in aceh["weak_aliases"]
    sulteng = result.races["pilgub-sulawesi-tengah-2024"]["participants"][0]
    assert "berani" in sulteng["weak_aliases"] and "reny" not in sulteng.get("aliases", [])
