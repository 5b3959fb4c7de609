"""The case bundle: one zip a supervisor files with Bawaslu, checkable with `sha256sum -c`.

    <flag>/laporan.pdf            the case file, opening with the report fields of UU 7/2017
                                  Pasal 454(4): reporter, reported person, time, place and a
                                  description with the evidence
    <flag>/evidence/record.json   the evidence record as stored
    <flag>/evidence/<artefact>    every artefact, byte for byte as captured (an object, or
                                  decoded from the record for one kept inside it)
    <flag>/custody.jsonl          the custody chain up to the export
    <flag>/manifest.sha256        SHA-256 of every file above, in sha256sum's format

The export itself is appended to the custody chain with the manifest's digest, so the log
names the exact bundle that left Netra (the entry comes after the extract it certifies).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from netra.case.model import CaseFile
from netra.case.render import to_html
from netra.report.query import REPORT_TZ
from schemas.custody import CustodyEntry
from schemas.evidence import ArtefactKind, EvidenceRecord
from streams.evidence.store import Bucket, artefact_bytes

PDF_NAME = "laporan.pdf"
MANIFEST = "manifest.sha256"


@dataclass(frozen=True)
class ReportFields:
    """UU 7/2017 Pasal 454(4): what a report to Bawaslu must state."""

    reporter: str
    reported: str
    time: str
    place: str
    description: str


@dataclass(frozen=True)
class EvidenceFiles:
    record: EvidenceRecord
    record_bytes: bytes
    artefacts: dict[str, bytes]  # artefact key -> bytes


def read_evidence(store: Bucket, record: EvidenceRecord, record_bytes: bytes) -> EvidenceFiles:
    """The record and its artefacts' bytes, each from its object or from the record where it is
    kept inline; empty when missing or damaged there (the manifest then shows a digest other
    than the recorded one, and `netra evidence verify` names it)."""
    artefacts: dict[str, bytes] = {}
    for artefact in record.artefacts:
        try:
            artefacts[artefact.key] = artefact_bytes(store, artefact) or b""
        except ValueError:
            artefacts[artefact.key] = b""
    return EvidenceFiles(record, record_bytes, artefacts)


def report_fields(case: CaseFile, record: EvidenceRecord | None, reporter: str) -> ReportFields:
    """The Pasal 454(4) fields from the case file and its evidence."""
    if case.asn is not None:
        a = case.asn
        who = f"{a.name}, {a.position or a.employment_type}, {a.agency}"
        who += f" ({a.unit})" if a.unit else ""
        who += f"; NIP {a.nip}" if a.nip else f"; NIP pseudonym {a.nip_ref}"
    else:
        who = "not in the ASN registry: attribution must be checked"
    who += f"; account {case.account_id}"
    who += f" (@{case.account_handle})" if case.account_handle else ""
    post = record.event if record is not None else None
    when = (
        post.event_time.astimezone(REPORT_TZ).strftime("%Y-%m-%d %H:%M:%S WIB")
        if post is not None
        else f"became known {case.known_at:%Y-%m-%d %H:%M} {case.known_at.tzname()}"
    )
    place = f"social media {case.platform}, account {case.account_id}"
    if post is not None and post.permalink:
        place += f", {post.permalink}"
    if case.asn is not None:
        region = ", ".join(p for p in (case.asn.region, case.asn.province) if p)
        place += f"; the ASN serves in {region}"
    acts = "; ".join(f"{code}: {meaning}" for code, meaning in case.skb_forms.items())
    # The words of the post that carry the finding, each once (several rules may cite them).
    quoted = dict.fromkeys(
        f'"{ev.excerpt}" ({ev.field})'
        for r in case.rules
        for ev in r.evidence
        if ev.start is not None and ev.end is not None
    )
    description = f"Act: {case.action} on {case.platform}"
    description += f", read as {acts}" if acts else ""
    description += f". In the post's own words: {'; '.join(quoted)}." if quoted else "."
    if record is not None:
        listed = ", ".join(f"{a.kind.value} SHA-256 {a.sha256}" for a in record.artefacts)
        description += (
            f" Captured {record.captured_at_wib} by {record.tool.name} {record.tool.version} "
            f"({record.capture_source.value.replace('_', ' ')}): {listed}."
        )
    return ReportFields(reporter, who, when, place, description)


def _evidence_html(fields: ReportFields, evidence: EvidenceFiles | None) -> str:
    h = html.escape
    rows = [
        ("Pelapor (reporter)", fields.reporter),
        ("Terlapor (reported person)", fields.reported),
        ("Waktu kejadian (time)", fields.time),
        ("Tempat kejadian (place)", fields.place),
        ("Uraian kejadian dan bukti (description with evidence)", fields.description),
    ]
    parts = [
        "<h2>Laporan dugaan pelanggaran (UU 7/2017 Pasal 454 ayat 4)</h2><table>",
        *(f"<tr><th>{h(k)}</th><td>{h(v)}</td></tr>" for k, v in rows),
        "</table>",
    ]
    if evidence is None:
        parts.append("<p><b>No evidence record was captured for this flag.</b></p>")
        return "\n".join(parts)
    rec = evidence.record
    parts.append("<h2>Evidence as captured</h2>")
    shot = rec.artefact(ArtefactKind.SCREENSHOT)
    if shot is not None and shot.key in evidence.artefacts:
        data = base64.b64encode(evidence.artefacts[shot.key]).decode("ascii")
        parts.append(
            f'<p><img alt="capture" style="max-width:100%;border:1px solid #999;'
            f'break-inside:avoid" '
            f'src="data:image/png;base64,{data}"></p>'
        )
    received = rec.received
    where = (
        f"{received.topic}/{received.partition}@{received.offset}"
        + ("" if received.kept else f" (bytes not kept: {received.note})")
        if received
        else "judged offline"
    )
    parts += [
        "<table>",
        f"<tr><th>Captured</th><td>{h(rec.captured_at.isoformat())} = "
        f"{h(rec.captured_at_wib)}</td></tr>",
        f"<tr><th>Captured from</th><td>{h(rec.capture_source.value)}: "
        f"{h(rec.platform_note)}</td></tr>",
        f"<tr><th>Tool</th><td>{h(rec.tool.name)} {h(rec.tool.version)}, {h(rec.tool.driver)}, "
        f"Netra {h(rec.tool.netra_version)}</td></tr>",
        f"<tr><th>Event as received</th><td>{h(where)}</td></tr>",
        *(
            f"<tr><th>{h(a.kind.value)}</th><td><code>{h(a.sha256)}</code> "
            f"({a.size} bytes)</td></tr>"
            for a in rec.artefacts
        ),
        "</table>",
    ]
    return "\n".join(parts)


def bundle_html(case: CaseFile, fields: ReportFields, evidence: EvidenceFiles | None) -> str:
    """The case file's page with the report fields and the evidence first."""
    page = to_html(case)
    marker = "<h2>Deadlines</h2>"
    return page.replace(marker, _evidence_html(fields, evidence) + "\n" + marker, 1)


def _artefact_name(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def write_bundle(
    pdf: bytes,
    evidence: EvidenceFiles | None,
    custody: list[CustodyEntry],
    folder: str,
) -> tuple[bytes, bytes]:
    """The zip's bytes and its manifest's bytes."""
    files: dict[str, bytes] = {PDF_NAME: pdf}
    if evidence is not None:
        files["evidence/record.json"] = evidence.record_bytes
        for key, data in sorted(evidence.artefacts.items()):
            files[f"evidence/{_artefact_name(key)}"] = data
    files["custody.jsonl"] = b"".join(e.model_dump_json().encode() + b"\n" for e in custody)
    manifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    ).encode("ascii")
    files[MANIFEST] = manifest
    buf = io.BytesIO()
    stamp = datetime.now(UTC).timetuple()[:6]
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue(), manifest
