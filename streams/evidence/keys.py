"""Where a flag's evidence lives in the bucket: one prefix per flag, one key per object.

    flags/<flag>/record.json                        the evidence record (schemas.evidence)
    flags/<flag>/artefacts/<kind>-<sha256>.<ext>    each artefact, named by its digest
    flags/<flag>/custody/<seq, 10 digits>.json      each custody entry (schemas.custody)

A small artefact kept inside the record (streams.evidence.capture.kept_inline) keeps its name
here, but no object is written under it.

The flag id is percent-encoded so that a '/' in a post id cannot reach another flag's prefix.
"""

from __future__ import annotations

from urllib.parse import quote

from schemas.evidence import ArtefactKind

EXTENSIONS = {
    ArtefactKind.RAW_EVENT: "bin",
    ArtefactKind.SCREENSHOT: "png",
}


def flag_prefix(flag_id: str) -> str:
    return f"flags/{quote(flag_id, safe=':@-_.~')}/"


def record_key(flag_id: str) -> str:
    return flag_prefix(flag_id) + "record.json"


def artefact_key(flag_id: str, kind: ArtefactKind, sha256: str, extension: str) -> str:
    return f"{flag_prefix(flag_id)}artefacts/{kind.value}-{sha256}.{extension}"


def custody_prefix(flag_id: str) -> str:
    return flag_prefix(flag_id) + "custody/"


def custody_key(flag_id: str, seq: int) -> str:
    return f"{custody_prefix(flag_id)}{seq:010d}.json"
