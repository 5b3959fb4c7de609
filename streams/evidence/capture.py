"""Turning a batch of flags into evidence records and storing them, artefacts first.

`render_batch` makes each flag's capture (the platform page where one is named and answers,
else Netra's rendering of the event); `build` assembles the record with every artefact's
SHA-256; `store` writes the artefacts, then the record, then custody entry 0, each once. A
record exists only once its artefacts do, and the capture agent acknowledges a flag only after
`store` returned, so a crash at any point is repaired by redelivery.

Small artefacts (the raw event and Netra's single-file page, a few hundred bytes to a few KB)
are kept inside the record, base64, rather than as objects of their own: each object is a
round trip and, under object lock, a version with its lock metadata, which made the store the
larger half of a flag's CPU. The record's SHA-256 in custody entry 0 covers them as it covers
the record, and each still carries its own SHA-256. The screenshot, which a person opens and
which is ten times their size, stays an object, as does anything larger than INLINE_MAX_BYTES.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from pydantic import ValidationError

from schemas.evidence import (
    Artefact,
    ArtefactKind,
    CaptureSource,
    CaptureTool,
    EvidenceRecord,
    MediaReference,
    ReceivedEvent,
)
from schemas.flag import Flag
from schemas.post import Post
from streams.evidence import rendering
from streams.evidence.browser import Browser, BrowserError
from streams.evidence.custody import CustodyLog
from streams.evidence.keys import EXTENSIONS, artefact_key, record_key
from streams.evidence.outcome import PutOutcome
from streams.evidence.source import RawEvent
from streams.evidence.store import Bucket


@dataclass(frozen=True)
class Rendered:
    """A flag's capture: where it came from and its two artefacts."""

    source: CaptureSource
    png: bytes
    page: bytes
    page_type: str
    page_extension: str
    platform_url: str | None
    platform_note: str


#: Largest artefact kept inside the record (base64); anything larger is an object of its own.
INLINE_MAX_BYTES = 16 * 1024


def kept_inline(kind: ArtefactKind, size: int) -> bool:
    """Whether an artefact goes into the record rather than an object of its own."""
    return kind is not ArtefactKind.SCREENSHOT and size <= INLINE_MAX_BYTES


@dataclass
class Captured:
    record: EvidenceRecord
    record_bytes: bytes
    blobs: dict[str, tuple[bytes, str]] = field(default_factory=dict)

    @property
    def record_sha256(self) -> str:
        return hashlib.sha256(self.record_bytes).hexdigest()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decoded_event(flag: Flag, raw: RawEvent | None) -> Post:
    """The event as received when its bytes were kept (the flag's copy may be cut to fit)."""
    if raw is not None and raw.value is not None:
        try:
            return Post.model_validate_json(raw.value)
        except ValidationError:
            pass  # the judge read it, so this cannot happen unless the schema moved on
    return flag.post


#: Platform pages tried at once: each is a browser tab waiting on the network.
PLATFORM_TABS = 4


async def _try_platform(
    browser: Browser, url: str | None, wait_seconds: float, tabs: asyncio.Semaphore
) -> Rendered | str:
    """The platform page's capture, or why there is none."""
    if url is None:
        return "the event names no platform address"
    if wait_seconds <= 0:
        return "platform capture is off (NETRA_EVIDENCE_PLATFORM_TIMEOUT_SECONDS=0)"
    async with tabs:
        try:
            got = await browser.platform(url, wait_seconds)
        except BrowserError as exc:
            return f"{url} was not captured (tried for up to {wait_seconds:g} s): {exc}"
    return Rendered(
        CaptureSource.PLATFORM,
        got.png,
        got.mhtml,
        "multipart/related",
        "mhtml",
        url,
        "captured from the platform",
    )


async def render_batch(
    browser: Browser, flags: list[Flag], posts: list[Post], platform_timeout: float
) -> list[Rendered]:
    """One capture per flag, in order. BrowserError when Chromium could not render."""
    tabs = asyncio.Semaphore(PLATFORM_TABS)
    tried = await asyncio.gather(
        *(_try_platform(browser, p.permalink, platform_timeout, tabs) for p in posts)
    )
    out: list[Rendered | None] = [r if isinstance(r, Rendered) else None for r in tried]
    fallback = [i for i, r in enumerate(tried) if isinstance(r, str)]
    if fallback:
        cards = [rendering.card(flags[i].flag_id, posts[i], flags[i].source) for i in fallback]
        pngs = await browser.screenshots(rendering.page(cards, "Netra evidence"), len(cards))
        for i, card, png in zip(fallback, cards, pngs, strict=True):
            page = rendering.page([card], f"Netra evidence {flags[i].flag_id}").encode("utf-8")
            note = tried[i]
            assert isinstance(note, str)
            out[i] = Rendered(
                CaptureSource.NETRA_RENDERING,
                png,
                page,
                "text/html; charset=utf-8",
                "html",
                posts[i].permalink,
                note,
            )
    return [r for r in out if r is not None]


def media_of(post: Post) -> list[MediaReference]:
    refs = [MediaReference(kind="link", reference=u) for u in post.urls]
    if post.media_description:
        refs.append(MediaReference(kind="media", reference=post.media_description))
    return refs


def build(
    flag: Flag,
    post: Post,
    raw: RawEvent | None,
    rendered: Rendered,
    *,
    browser: Browser,
    now: datetime | None = None,
) -> Captured:
    """The evidence record of one flag with the bytes of each of its artefacts."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    fid = flag.flag_id
    blobs: dict[str, tuple[bytes, str]] = {}
    artefacts: list[Artefact] = []

    def add(kind: ArtefactKind, data: bytes, content_type: str, ext: str) -> None:
        digest = sha256(data)
        key = artefact_key(fid, kind, digest, ext)
        inline = None
        if kept_inline(kind, len(data)):
            inline = base64.b64encode(data).decode("ascii")
        else:
            blobs[key] = (data, content_type)
        artefacts.append(
            Artefact(
                kind=kind,
                key=key,
                sha256=digest,
                size=len(data),
                content_type=content_type,
                inline=inline,
            )
        )

    received = None
    if flag.source is not None:
        kept = raw is not None and raw.value is not None
        received = ReceivedEvent(
            topic=flag.source.topic,
            partition=flag.source.partition,
            offset=flag.source.offset,
            timestamp=raw.timestamp if raw else None,
            sha256=flag.source.sha256,
            kept=kept,
            note="" if kept else (raw.note if raw else "not fetched"),
        )
        if raw is not None and raw.value is not None:
            add(
                ArtefactKind.RAW_EVENT,
                raw.value,
                "application/octet-stream",
                EXTENSIONS[ArtefactKind.RAW_EVENT],
            )
    add(ArtefactKind.SCREENSHOT, rendered.png, "image/png", EXTENSIONS[ArtefactKind.SCREENSHOT])
    add(ArtefactKind.PAGE, rendered.page, rendered.page_type, rendered.page_extension)
    record = EvidenceRecord(
        flag_id=fid,
        account_id=post.account_id,
        received=received,
        event=post,
        media=media_of(post),
        capture_source=rendered.source,
        platform_url=rendered.platform_url,
        platform_note=rendered.platform_note,
        artefacts=artefacts,
        captured_at=now,
        captured_at_wib=now.astimezone(rendering.WIB).isoformat(),
        tool=CaptureTool(
            name="Chromium (headless)",
            version=browser.version,
            driver=browser.driver,
            netra_version=_netra_version(),
        ),
    )
    return Captured(record, record.model_dump_json(indent=2).encode("utf-8"), blobs)


def store(evidence: Bucket, custody: CustodyLog, captured: Captured, actor: str) -> bool:
    """Write the artefacts kept as objects, the record and custody entry 0. True when the record
    kept is this capture's (written now, or by an earlier try of this same capture whose answer
    was lost); False when the flag was captured before: its first record stays, this one is
    dropped. Raises while the store is unavailable.

    The answer decides whether the flag counts as newly captured: a flag delivered again (the
    judge judges an event again after a restart or rebalance, the capture agent reads a batch
    again after its commit failed) is captured again, and counting that as a second stored
    record would let the count run ahead of the records kept."""
    for key, (data, content_type) in captured.blobs.items():
        evidence.put_once(key, data, content_type)
    fid = captured.record.flag_id
    outcome = evidence.put_once(record_key(fid), captured.record_bytes, "application/json")
    kept = captured.record_bytes if outcome is PutOutcome.CREATED else evidence.get(record_key(fid))
    if kept is None:  # deleted between the two calls: only someone's hand does that
        raise RuntimeError(f"the evidence record of {fid} vanished while it was written")
    ours = kept == captured.record_bytes
    at = (
        captured.record.captured_at
        if ours
        else EvidenceRecord.model_validate_json(kept).captured_at
    )
    custody.first(fid, record_sha256=sha256(kept), actor=actor, at=at)
    return ours


@functools.cache
def _netra_version() -> str:
    """The installed Netra's version, as the evidence record names its capturing tool (read
    once: reading a distribution's metadata parses its METADATA file, about 1 ms a flag)."""
    try:
        return version("netra")
    except PackageNotFoundError:
        return "unknown"
