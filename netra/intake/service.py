"""Taking one report: check everything, then keep the image, seal the reporter, publish.

Every check runs before anything is kept, so a refused report leaves nothing behind; the
proof of work is checked first, so an unsolved request never costs an image decode. The
ticket is returned only once Kafka holds the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from netra.intake.errors import RefusedError, UnavailableError
from netra.intake.evidence import EvidenceStore
from netra.intake.images import CheckedImage, ImageLimits, check_image
from netra.intake.proof import Challenge, ProofOfWork
from netra.intake.publish import ReportPublisher
from netra.intake.sealing import ReporterSeal
from netra.intake.submission import ReportFields, TextLimits, check_fields
from netra.intake.tickets import Tickets, TicketStatus
from schemas.post import Action, Post
from schemas.report import ReportImage, ReportInfo


@dataclass(frozen=True)
class Submission:
    """A report as it arrived, fields still unchecked (from the form or the JSON API)."""

    platform: str
    account: str
    what_happened: str
    occurred_at: datetime
    url: str
    reporter_name: str
    reporter_contact: str
    image: bytes | None
    pow_challenge: str
    pow_nonce: str


@dataclass(frozen=True)
class Accepted:
    ticket: str
    reported_at: datetime
    image_sha256: str | None


StatusSource = Callable[[str], Awaitable[TicketStatus]]


class IntakeService:
    def __init__(
        self,
        *,
        proof: ProofOfWork,
        tickets: Tickets,
        seal: ReporterSeal,
        evidence: EvidenceStore,
        publisher: ReportPublisher,
        status_source: StatusSource,
        image_limits: ImageLimits,
        text_limits: TextLimits,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.proof = proof
        self.tickets = tickets
        self.seal = seal
        self.evidence = evidence
        self.publisher = publisher
        self.status_source = status_source
        self.image_limits = image_limits
        self.text_limits = text_limits
        self.clock = clock

    def challenge(self) -> Challenge:
        return self.proof.issue()

    async def status(self, ticket: str) -> tuple[str, TicketStatus]:
        checked = self.tickets.check(ticket)
        return checked, await self.status_source(checked)

    async def submit(self, sub: Submission) -> Accepted:
        self.proof.claim(sub.pow_challenge, sub.pow_nonce)
        try:
            fields, image = self._check(sub)
            reported_at = self.clock()
            ticket = self.tickets.issue()
            post = self._event(ticket, reported_at, fields, image)
            contact = fields.reporter
            sealed = self.seal.seal(ticket, contact) if contact.name or contact.contact else None
            await self.publisher.publish(post, sealed)
        except (RefusedError, UnavailableError):
            self.proof.release(sub.pow_challenge)
            raise
        return Accepted(ticket, reported_at, image.sha256 if image else None)

    def _check(self, sub: Submission) -> tuple[ReportFields, CheckedImage | None]:
        fields = check_fields(
            platform=sub.platform,
            account=sub.account,
            what_happened=sub.what_happened,
            occurred_at=sub.occurred_at,
            url=sub.url,
            reporter_name=sub.reporter_name,
            reporter_contact=sub.reporter_contact,
            has_image=sub.image is not None,
            limits=self.text_limits,
            now=self.clock(),
        )
        image = check_image(sub.image, self.image_limits) if sub.image is not None else None
        return fields, image

    def _event(
        self,
        ticket: str,
        reported_at: datetime,
        fields: ReportFields,
        image: CheckedImage | None,
    ) -> Post:
        """The event the judge reads; it keeps the image (evidence comes before publishing)."""
        images: list[ReportImage] = []
        if image is not None:
            try:
                location = self.evidence.put(image.sha256, image.data)
            except OSError as exc:
                raise UnavailableError(
                    "the image cannot be kept just now: try again later"
                ) from exc
            images.append(
                ReportImage(
                    sha256=image.sha256,
                    media_type=image.media_type,
                    size=len(image.data),
                    width=image.width,
                    height=image.height,
                    location=location,
                )
            )
        return Post(
            platform=fields.platform,
            post_id=ticket,
            account_id=fields.account_id,
            account_handle=fields.handle,
            text=fields.what_happened,
            urls=[fields.url] if fields.url else [],
            action=Action.POST,
            event_time=fields.occurred_at,
            report=ReportInfo(
                ticket=ticket,
                reported_at=reported_at,
                images=images,
                reporter_sealed=bool(fields.reporter.name or fields.reporter.contact),
            ),
        )
