"""Flags written before NIP pseudonyms are upgraded on the way in, never indexed with the NIP."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from agents.flagread import read_flag
from schemas import DeadLetterReason, Flag
from schemas.codec import Rejection
from streams.pseudonyms import NipPseudonyms
from tests.integration.report_samples import BUDI, SAMPLE_PSEUDONYMS, samples

KEYS = NipPseudonyms(b"netra-unit-test-nip-key-0123456789")


def _legacy() -> bytes:
    """A schema-1 flag as an older judge wrote it: the registry entry, NIP and all."""
    flag = next(
        s.flag for s in samples(datetime(2024, 2, 10, tzinfo=UTC)) if s.flag.asn is not None
    )
    data = json.loads(flag.model_dump_json())
    data["schema_version"] = 1
    data["asn"] = json.loads(BUDI.model_dump_json())
    return json.dumps(data).encode()


def test_a_current_flag_reads_as_it_is() -> None:
    flag = next(s.flag for s in samples(datetime(2024, 2, 10, tzinfo=UTC)) if s.flag.asn)
    assert read_flag(flag.model_dump_json().encode(), KEYS, max_bytes=1 << 20) == flag
    assert flag.asn is not None and flag.asn.nip_ref == SAMPLE_PSEUDONYMS.ref(BUDI.nip)


def test_a_schema_1_flag_is_upgraded_and_loses_its_nip() -> None:
    flag = read_flag(_legacy(), KEYS, max_bytes=1 << 20)
    assert isinstance(flag, Flag) and flag.asn is not None
    assert flag.schema_version == 2 and flag.asn.nip_ref == KEYS.ref(BUDI.nip)
    assert flag.asn.name == BUDI.name and BUDI.nip not in flag.model_dump_json()


def test_what_is_neither_stays_rejected_with_the_current_reason() -> None:
    broken = json.loads(_legacy())
    broken["asn"]["nip"] = "12"
    for raw in (json.dumps(broken).encode(), b"{not json", b'{"schema_version": 1}'):
        result = read_flag(raw, KEYS, max_bytes=1 << 20)
        assert isinstance(result, Rejection)
        assert result.reason in {DeadLetterReason.SCHEMA, DeadLetterReason.INVALID_JSON}
