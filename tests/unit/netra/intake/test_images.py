"""Images are judged by their bytes: formats, sizes, dimensions, damage."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest

from netra.intake.errors import RefusedError
from netra.intake.images import ImageLimits, check_image
from tests.unit.netra.intake.images import image_bytes

LIMITS = ImageLimits(max_bytes=200_000, max_side=4000, max_pixels=4_000_000)


@pytest.mark.parametrize(
    ("fmt", "media_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_accepted_formats_with_their_digest_and_size(fmt: str, media_type: str) -> None:
    data = image_bytes(fmt)
    checked = check_image(data, LIMITS)
    assert checked.media_type == media_type
    assert (checked.width, checked.height) == (64, 48)
    assert checked.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "data",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        b"<html><script>alert(1)</script></html>",
        b"#!/bin/sh\nrm -rf /\n",
        b"MZ\x90\x00" + bytes(100),
        image_bytes("GIF"),
        image_bytes("BMP"),
    ],
)
def test_anything_else_is_refused_whatever_it_is_called(data: bytes) -> None:
    with pytest.raises(RefusedError) as err:
        check_image(data, LIMITS)
    assert err.value.status == 415


def test_too_many_bytes_is_refused_before_decoding() -> None:
    with pytest.raises(RefusedError) as err:
        check_image(b"\x89PNG" + bytes(LIMITS.max_bytes), LIMITS)
    assert err.value.status == 413


def _png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image (a decompression bomb's first bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes(1000))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("width", "height"), [(4001, 10), (10, 4001), (3000, 3000), (100_000, 100_000)]
)
def test_dimensions_are_checked_before_the_pixels_are_decoded(width: int, height: int) -> None:
    with pytest.raises(RefusedError) as err:
        check_image(_png_header_claiming(width, height), LIMITS)
    assert err.value.status == 413


def test_a_truncated_image_is_refused() -> None:
    data = image_bytes("PNG", (300, 300))
    with pytest.raises(RefusedError) as err:
        check_image(data[: len(data) // 2], LIMITS)
    assert err.value.status == 422


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(RefusedError) as err:
        check_image(b"", LIMITS)
    assert err.value.status == 422
