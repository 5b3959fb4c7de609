"""Is an upload an image Netra can keep as evidence? Judged by its bytes alone.

The client's file name and content type are ignored: the format is what Pillow reads from the
header, the size limits are checked before the pixels are decoded (a small file can claim
billions of pixels), and then the whole image is decoded once, so a truncated or corrupt file
is refused rather than kept as evidence nobody can open.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Literal

from PIL import Image, UnidentifiedImageError

from netra.intake.errors import RefusedError

MediaType = Literal["image/png", "image/jpeg", "image/webp"]
FORMATS: dict[str, MediaType] = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
ACCEPTED = "a PNG, JPEG or WebP image"


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int
    max_side: int
    max_pixels: int


@dataclass(frozen=True)
class CheckedImage:
    data: bytes
    sha256: str
    media_type: MediaType
    width: int
    height: int


def check_image(data: bytes, limits: ImageLimits) -> CheckedImage:
    """The image with its digest and format, or RefusedError (413, 415 or 422) with the reason."""
    if not data:
        raise RefusedError(422, "the image is empty", field="image")
    if len(data) > limits.max_bytes:
        raise RefusedError(
            413,
            f"the image is {len(data)} bytes, the limit is {limits.max_bytes}",
            field="image",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMATS)) as img:
                media_type = FORMATS.get(img.format or "")
                width, height = img.size
                if media_type is None:
                    raise RefusedError(415, f"the file is not {ACCEPTED}", field="image")
                _check_dimensions(width, height, limits)
                img.load()
    except RefusedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise RefusedError(
            413, f"the image has too many pixels (limit {limits.max_pixels})", field="image"
        ) from None
    except UnidentifiedImageError:
        raise RefusedError(415, f"the file is not {ACCEPTED}", field="image") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise RefusedError(
            422, f"the image is damaged or truncated ({type(exc).__name__})", field="image"
        ) from None
    return CheckedImage(data, hashlib.sha256(data).hexdigest(), media_type, width, height)


def _check_dimensions(width: int, height: int, limits: ImageLimits) -> None:
    if width < 1 or height < 1:
        raise RefusedError(422, "the image has no pixels", field="image")
    if max(width, height) > limits.max_side:
        raise RefusedError(
            413,
            f"the image is {width}x{height} pixels; at most {limits.max_side} on a side",
            field="image",
        )
    if width * height > limits.max_pixels:
        raise RefusedError(
            413,
            f"the image has {width * height} pixels, the limit is {limits.max_pixels}",
            field="image",
        )
