"""An incoming post or action by a social-media account: the input of the whole pipeline."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.report import ReportInfo

MAX_TEXT_CHARS = 20_000
MAX_NAME_CHARS = 1_000  # a display name, group name or video title
MAX_TAG_CHARS = 280  # one hashtag or mention
MAX_URL_CHARS = 2_048


class Platform(StrEnum):
    """Platforms Netra has connectors for; a closed set keeps metric labels bounded."""

    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    X = "x"
    TIKTOK = "tiktok"
    YOUTUBE = "youtube"
    WHATSAPP = "whatsapp"
    THREADS = "threads"


# How account ids name their platform ("ig:budi.s"): the registry, the connectors and public
# reports must agree for a report to find the ASN behind an account.
ACCOUNT_PREFIX: dict[Platform, str] = {
    Platform.INSTAGRAM: "ig",
    Platform.FACEBOOK: "fb",
    Platform.X: "x",
    Platform.TIKTOK: "tt",
    Platform.WHATSAPP: "wa",
    Platform.YOUTUBE: "yt",
    Platform.THREADS: "th",
}


class Action(StrEnum):
    """What the account did. Passive reading is never an event: only expressed engagement is."""

    POST = "post"
    COMMENT = "comment"
    SHARE = "share"
    LIKE = "like"
    FOLLOW = "follow"
    JOIN_GROUP = "join_group"
    PROFILE_PHOTO = "profile_photo"


class TargetKind(StrEnum):
    ACCOUNT = "account"
    POST = "post"
    GROUP = "group"


class Target(BaseModel):
    """The thing acted on: the liked or shared post, the followed account, the joined group."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: TargetKind
    account: str | None = Field(default=None, description="Account id of the target's owner.")
    post_id: str | None = None
    group_id: str | None = None
    name: str | None = Field(
        default=None,
        max_length=MAX_NAME_CHARS,
        description="Display name of the account or group, or the title of the post acted on.",
    )
    text: str = Field(
        default="", max_length=MAX_TEXT_CHARS, description="Caption of the post acted on."
    )


# A hashtag written in a text: "#" after no letter, digit or "&" (an HTML entity is no tag), then
# its body of letters, digits and "_".
_WRITTEN_TAG = re.compile(r"(?<![\w&])#(\w+)")
MAX_TAGS = 200  # hashtags listed on one event


def written_tags(text: str) -> list[str]:
    """The hashtags written in a text, in order, without their sign."""
    return _WRITTEN_TAG.findall(text)[:MAX_TAGS] if "#" in text else []


class Post(BaseModel):
    """One event: a post, comment, share, like, follow, group join or profile-photo change."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = 1
    platform: Platform
    post_id: str = Field(min_length=1, max_length=256, description="Unique per platform.")
    account_id: str = Field(min_length=1, max_length=256, description="e.g. ig:budi.s")
    account_handle: str | None = Field(default=None, max_length=256)
    text: str = Field(default="", max_length=MAX_TEXT_CHARS)
    hashtags: list[Annotated[str, Field(max_length=MAX_TAG_CHARS)]] = Field(
        default_factory=list, max_length=MAX_TAGS
    )
    mentions: list[Annotated[str, Field(max_length=MAX_TAG_CHARS)]] = Field(
        default_factory=list, max_length=200
    )
    urls: list[Annotated[str, Field(max_length=MAX_URL_CHARS)]] = Field(
        default_factory=list, max_length=100
    )
    media_description: str = Field(
        default="",
        max_length=MAX_TEXT_CHARS,
        description="What the attached image or video shows (alt text or a vision label).",
    )
    transcript: str = Field(
        default="",
        max_length=MAX_TEXT_CHARS,
        description=(
            "Spoken words of a video or voice post, as a speech-to-text connector delivers them: "
            "the author's own words, judged like the text."
        ),
    )
    action: Action
    target: Target | None = None
    # Left out of a dump while unset, so every record written before it existed (the frozen
    # test corpus among them) serialises byte for byte as it did.
    permalink: str | None = Field(
        default=None,
        max_length=MAX_URL_CHARS,
        exclude_if=lambda value: value is None,
        description="The post's own address on the platform, where the connector knows it: "
        "evidence capture tries it before Netra's rendering of the event.",
    )
    event_time: AwareDatetime
    language: str | None = Field(default=None, max_length=16)
    report: ReportInfo | None = Field(
        default=None,
        description="Set on an event made from a public report (netra.intake): the text is "
        "then the reporter's account of what happened; absent on everything a connector sends.",
        # Left out when absent, so events that are not reports serialise exactly as before.
        exclude_if=lambda v: v is None,
    )
    reach: int | None = Field(
        default=None,
        ge=0,
        description="How many people the act could reach (the account's followers, the group's "
        "members) as the connector saw it; the review desk puts wider reach first.",
        # Left out when unknown, so events without it serialise exactly as before it existed.
        exclude_if=lambda v: v is None,
    )

    @property
    def tags(self) -> list[str]:
        """The post's hashtags: the ones its connector listed or, when it listed none, the ones
        written in its text. X, Instagram and TikTok list every tag of the text; a forwarded,
        exported or scraped text (a WhatsApp chat, a Facebook export, a public report) lists
        none, and its tags are the author's all the same. The evidence path `hashtags[i]` names
        the i-th of these."""
        return self.hashtags if self.hashtags else written_tags(self.text)

    def field_text(self, name: str) -> str:
        """The original characters of a judged field by its evidence name (text, transcript,
        media_description, hashtags[i], target.text, target.name); "" for anything else."""
        if name in ("text", "transcript", "media_description"):
            value: str = getattr(self, name)
            return value
        if name.startswith("hashtags["):
            index = int(name[9:-1])
            tags = self.tags
            return tags[index] if 0 <= index < len(tags) else ""
        if self.target is not None:
            if name == "target.text":
                return self.target.text
            if name == "target.name":
                return self.target.name or ""
        return ""

    @property
    def key(self) -> str:
        """Stable identity of the event; the flag's document id derives from it."""
        return f"{self.platform.value}:{self.post_id}"
