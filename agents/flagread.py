"""Reading a flag from the flags topic, including one written before NIP pseudonyms.

During a rolling upgrade an older judge may still publish schema-1 flags, whose `asn` is the
registry entry with the clear NIP. Dead-lettering them would hide real flags from supervisors;
passing them on would put the NIP into the index. They are upgraded on the way in: the NIP is
replaced by its pseudonym under this deployment's key, and nothing else changes.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from schemas import Flag, RegistryEntry
from schemas.codec import Rejection, decode
from streams.pseudonyms import NipPseudonyms

LEGACY_VERSION = 1


def read_flag(raw: bytes | None, pseudonyms: NipPseudonyms, *, max_bytes: int) -> Flag | Rejection:
    """The flag in `raw`; a schema-1 flag comes back upgraded; anything else bad, a Rejection."""
    flag = decode(raw, Flag, max_bytes=max_bytes)
    if not isinstance(flag, Rejection) or raw is None:
        return flag
    upgraded = _upgrade(raw, pseudonyms)
    return upgraded if upgraded is not None else flag


def _upgrade(raw: bytes, pseudonyms: NipPseudonyms) -> Flag | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("schema_version") != LEGACY_VERSION:
        return None
    try:
        if data.get("asn") is not None:
            entry = RegistryEntry.model_validate(data["asn"])
            data["asn"] = pseudonyms.profile(entry).model_dump(mode="json")
        data["schema_version"] = Flag.model_fields["schema_version"].default
        return Flag.model_validate(data)
    except ValidationError:
        return None
