"""Evidence on the real stack: captured into SeaweedFS with matching hashes, shown after its
source is gone, tampering caught, and nothing lost while the object store is down."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from botocore.exceptions import ClientError
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from PIL import Image

from netra.sample import sample_posts, sample_registry
from netra.stack import StackSettings, down, up
from schemas import Post
from schemas.custody import CustodyAction, CustodyEntry
from schemas.evidence import ArtefactKind, CaptureSource, EvidenceRecord
from streams.evidence.keys import custody_key, flag_prefix, record_key
from streams.evidence.outcome import ObjectStoreUnavailableError, PutOutcome
from streams.evidence.store import EvidenceStore, artefact_bytes, open_store
from streams.evidence.verify import verify
from tests.integration.harness import Harness
from tests.integration.test_pipeline import expected_flag_ids

pytestmark = pytest.mark.integration

PERMALINK = "https://www.instagram.com/p/netra-evidence-test/"


def netra(h: Harness, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return h.netra(*args, env={"NETRA_USER": "siti"}, cwd=cwd)


def capture_env(h: Harness) -> None:
    h.extra_env.update(
        {
            "NETRA_AGENTS": "judge,indexer,capture",
            "NETRA_EVIDENCE_PLATFORM_TIMEOUT_SECONDS": "1",
            "NETRA_EVIDENCE_LINGER_SECONDS": "0.2",
        }
    )


def records(store: EvidenceStore, ids: set[str]) -> dict[str, EvidenceRecord]:
    """The flags among `ids` whose capture is complete (record and custody entry 0 stored)."""
    found = {}
    for fid in ids:
        try:
            raw = store.get(record_key(fid))
            if raw is not None and store.keys(custody_key(fid, 0)):
                found[fid] = EvidenceRecord.model_validate_json(raw)
        except ObjectStoreUnavailableError:  # restarting: it answers again within seconds
            continue
    return found


def with_permalink(line: bytes) -> bytes:
    data = json.loads(line)
    data["permalink"] = PERMALINK
    return json.dumps(data).encode()


def test_evidence_lands_outlives_its_source_goes_into_a_bundle_and_shows_tampering(
    harness: Harness, tmp_path: Path
) -> None:
    capture_env(harness)
    registry = sample_registry(6, seed=61)
    lines = [p.encode() for p in sample_posts(registry, 12, partisan_share=1.0, seed=62).posts]
    lines[0] = with_permalink(lines[0])
    expected = expected_flag_ids(lines, registry)
    assert len(expected) >= 3
    by_id = {Post.model_validate_json(line).key: line for line in lines}
    worker = harness.start_worker("evidence")
    harness.load_registry(registry, wait_for=worker)
    harness.produce(lines)
    store = open_store(harness.settings)
    harness.wait(
        "evidence of every flag",
        lambda: set(records(store, expected)) == expected,
        120,
        lambda: f"captured {sorted(records(store, expected))} of {sorted(expected)}",
    )

    # Every artefact is kept with its recorded hash (the screenshot as an object, the small raw
    # event and page inside the record); the raw event is byte for byte what was produced; the
    # capture says what it captured and with what.
    for fid, record in records(store, expected).items():
        result = verify(store, fid)
        assert result.intact, result.problems
        raw = record.artefact(ArtefactKind.RAW_EVENT)
        assert raw is not None and artefact_bytes(store, raw) == by_id[fid]
        assert record.received is not None and record.received.kept
        assert record.received.sha256 == hashlib.sha256(by_id[fid]).hexdigest()
        shot = record.artefact(ArtefactKind.SCREENSHOT)
        assert shot is not None and shot.inline is None
        image = Image.open(io.BytesIO(store.get(shot.key) or b""))
        assert image.width > 500 and image.height > 80
        page = record.artefact(ArtefactKind.PAGE)
        assert page is not None and fid.split(":", 1)[1].encode() in (
            artefact_bytes(store, page) or b""
        )
        assert sorted(store.keys(flag_prefix(fid))) == sorted(
            [shot.key, record_key(fid), custody_key(fid, 0)]
        ), "three objects a flag: screenshot, record, custody entry 0"
        assert record.tool.version.startswith("1") and "Playwright" in record.tool.driver
        assert record.captured_at_wib.endswith("+07:00")
    first = Post.model_validate_json(lines[0]).key
    linked = records(store, {first})[first]
    assert linked.capture_source is CaptureSource.NETRA_RENDERING
    assert linked.platform_url == PERMALINK and "was not captured" in linked.platform_note

    # Written once: the store refuses to replace an artefact.
    shot_key = linked.artefact(ArtefactKind.SCREENSHOT).key  # type: ignore[union-attr]
    kept = store.get(shot_key)
    assert store.put_once(shot_key, b"replaced", "image/png") is PutOutcome.EXISTED
    assert store.get(shot_key) == kept

    # The source is deleted from Kafka; the case is still shown, from the evidence.
    source = linked.received
    assert source is not None
    tp = TopicPartition(source.topic, source.partition)
    admin = KafkaAdminClient(bootstrap_servers=harness.kafka_bootstrap)
    try:
        consumer = KafkaConsumer(bootstrap_servers=harness.kafka_bootstrap)
        end = consumer.end_offsets([tp])[tp]
        admin.delete_records({tp: end})
        assert consumer.beginning_offsets([tp])[tp] > source.offset
        consumer.close()
    finally:
        admin.close()
    bundle = tmp_path / "case.zip"
    done = netra(
        harness, "case", first, "--bundle", "--out", str(bundle), "--reporter", "Siti, Panwascam"
    )
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(tmp_path / "unzipped")
    (folder,) = (tmp_path / "unzipped").iterdir()
    check = subprocess.run(
        ["sha256sum", "-c", "manifest.sha256"], cwd=folder, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == 6  # pdf, record, 3 artefacts, custody
    raw_files = list((folder / "evidence").glob("raw_event-*.bin"))
    assert [f.read_bytes() for f in raw_files] == [by_id[first]]
    pdf = pdfium.PdfDocument(str(folder / "laporan.pdf"))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for words in ("Pasal 454", "Siti, Panwascam", "Terlapor", PERMALINK, linked.tool.version):
        assert words in text, words
    png = pdf[0].render(scale=1).to_pil()
    assert png.width > 500 and len(png.convert("L").getcolors(256) or []) > 10, "a blank page"
    entries = [CustodyEntry.model_validate_json(x) for x in (folder / "custody.jsonl").open()]
    assert [e.action for e in entries] == [CustodyAction.CAPTURED]

    # A view is logged; then an artefact and that entry are edited behind Netra's back.
    assert netra(harness, "case", first).returncode == 0
    chain = [e.action for e in verify(store, first).entries]
    assert chain == [CustodyAction.CAPTURED, CustodyAction.EXPORTED, CustodyAction.VIEWED]
    entry = CustodyEntry.model_validate_json(store.get(custody_key(first, 2)) or b"")
    store.client.put_object(
        Bucket=store.bucket,
        Key=custody_key(first, 2),
        Body=entry.model_copy(update={"actor": "nobody"}).model_dump_json().encode(),
    )
    store.client.put_object(Bucket=store.bucket, Key=shot_key, Body=(kept or b"") + b"\x00")
    verdict = netra(harness, "evidence", "verify", first)
    assert verdict.returncode == 1, verdict.stdout
    report = " ".join(verdict.stdout.split())
    assert f"artefact screenshot ({shot_key}) changed" in report
    assert "custody entry 2 (viewed by nobody" in report and "was changed after" in report
    # The bucket's object lock kept what Netra wrote: both objects show two versions, and the
    # first of them can be read back but not deleted, even with the bucket's own keys.
    assert store.locked
    for key in (shot_key, custody_key(first, 2)):
        assert f"{key} was written over (2 versions)" in report, report
    history = store.histories(custody_key(first, 2))[custody_key(first, 2)]
    assert history.first_version is not None
    kept_entry = store.get_version(custody_key(first, 2), history.first_version)
    assert kept_entry is not None and CustodyEntry.model_validate_json(kept_entry) == entry
    with pytest.raises(ClientError, match="AccessDenied"):
        store.client.delete_object(
            Bucket=store.bucket, Key=custody_key(first, 2), VersionId=history.first_version
        )
    other = next(iter(expected - {first}))
    assert netra(harness, "evidence", "verify", other).returncode == 0


@pytest.mark.exclusive
def test_the_object_store_down_for_30_seconds_loses_no_evidence(
    harness: Harness, stack: StackSettings
) -> None:
    capture_env(harness)
    registry = sample_registry(20, seed=71)
    lines = [p.encode() for p in sample_posts(registry, 90, partisan_share=0.6, seed=72).posts]
    expected = expected_flag_ids(lines, registry)
    worker = harness.start_worker("outage")
    harness.load_registry(registry, wait_for=worker)
    store = open_store(harness.settings)
    sender = threading.Thread(target=harness.produce, args=(lines,), kwargs={"rate": 3})
    sender.start()
    harness.wait("some evidence stored", lambda: len(records(store, expected)) >= 3, 120)
    try:
        down(stack, only=["objectstore"])
        time.sleep(30)
        assert worker.alive(), "an object-store outage must not stop the worker"
    finally:
        up(stack, only=["objectstore"])
    sender.join()
    harness.wait(
        "evidence of every flag",
        lambda: set(records(store, expected)) == expected,
        180,
        lambda: f"missing {sorted(expected - set(records(store, expected)))}",
    )
    problems: dict[str, Any] = {}
    for fid in expected:
        result = verify(store, fid)
        if not result.intact:
            problems[fid] = result.problems
    assert problems == {}
    metrics = harness.metrics(worker)
    assert metrics.get("netra_evidence_store_errors_total", 0) > 0, "the outage was not felt"
    assert metrics.get("netra_evidence_captured_total", 0) >= len(expected)
