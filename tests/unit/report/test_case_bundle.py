"""The case bundle: Pasal 454(4) fields filled from the case and its evidence, and a manifest
that coreutils' `sha256sum -c` accepts (and rejects once a file changes)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from netra.case import CaseFile, case_from_document
from netra.case.bundle import (
    EvidenceFiles,
    bundle_html,
    read_evidence,
    report_fields,
    write_bundle,
)
from schemas.custody import CustodyAction
from streams.evidence.custody import make_entry
from tests.integration.report_samples import BUDI, samples
from tests.unit.streams.evidence.test_verify import captured_bucket

NOW = datetime(2024, 2, 10, 8, tzinfo=UTC)


def _case_and_evidence() -> tuple[CaseFile, EvidenceFiles]:
    sample = next(s for s in samples(NOW) if s.flag.asn and s.flag.asn.name == BUDI.name)
    case = case_from_document(sample.document(), now=NOW)
    bucket, done = captured_bucket()
    return case, read_evidence(bucket, done.record, done.record_bytes)


def test_the_report_fields_name_reporter_person_time_place_and_evidence() -> None:
    case, evidence = _case_and_evidence()
    fields = report_fields(case, evidence.record, "Siti, Panwascam Menteng")
    assert fields.reporter == "Siti, Panwascam Menteng"
    assert fields.reported.startswith(f"{BUDI.name}, ") and BUDI.nip not in fields.reported
    assert fields.time == "2024-01-15 09:00:00 WIB"
    assert fields.place.startswith("social media ")
    for artefact in evidence.record.artefacts:
        assert artefact.sha256 in fields.description
    page = bundle_html(case, fields, evidence)
    assert "Pasal 454 ayat 4" in page and 'src="data:image/png;base64,' in page


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="coreutils sha256sum missing")
def test_the_manifest_checks_with_sha256sum_and_catches_an_edit(tmp_path: Path) -> None:
    _, evidence = _case_and_evidence()
    entry = make_entry(
        flag_id="x:1",
        seq=0,
        action=CustodyAction.CAPTURED,
        actor="capture agent",
        at=NOW,
        detail="",
        subject_sha256="a" * 64,
        prev_hash=None,
    )
    data, manifest = write_bundle(b"%PDF-1.7 test", evidence, [entry], "case_x_1")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(tmp_path)
    folder = tmp_path / "case_x_1"
    assert (folder / "manifest.sha256").read_bytes() == manifest
    names = [line.split("  ", 1)[1] for line in manifest.decode().splitlines()]
    assert "laporan.pdf" in names and "custody.jsonl" in names and "evidence/record.json" in names
    ok = subprocess.run(["sha256sum", "-c", "manifest.sha256"], cwd=folder, capture_output=True)
    assert ok.returncode == 0, ok.stdout
    shot = next(folder.glob("evidence/screenshot-*.png"))
    shot.write_bytes(shot.read_bytes() + b"\0")
    bad = subprocess.run(["sha256sum", "-c", "manifest.sha256"], cwd=folder, capture_output=True)
    assert bad.returncode == 1 and f"{shot.relative_to(folder)}: FAILED".encode() in bad.stdout
