"""Screenshots written by Netra's PNG encoder decode to exactly the pixels encoded."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from streams.evidence import png


def _noisy(mode: str, size: tuple[int, int], seed: int) -> Image.Image:
    rng = random.Random(seed)
    channels = len(mode)
    data = bytes(rng.randrange(256) for _ in range(size[0] * size[1] * channels))
    return Image.frombytes(mode, size, data)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
@pytest.mark.parametrize("size", [(1, 1), (7, 3), (624, 5)])
def test_every_pixel_comes_back(mode: str, size: tuple[int, int]) -> None:
    image = _noisy(mode, size, seed=size[0] * 31 + size[1])
    decoded = Image.open(io.BytesIO(png.encode(image)))
    decoded.load()
    assert decoded.format == "PNG" and decoded.mode == mode and decoded.size == size
    assert decoded.tobytes() == image.tobytes()


def test_other_modes_are_widened_to_rgb_without_changing_a_pixel() -> None:
    grey = _noisy("L", (9, 4), seed=5)
    decoded = Image.open(io.BytesIO(png.encode(grey)))
    assert decoded.mode == "RGB"
    assert decoded.tobytes() == grey.convert("RGB").tobytes()


def test_flat_text_like_pixels_compress() -> None:
    """A white card with a few dark rows (what a rendering is): far below the raw size."""
    image = Image.new("RGB", (624, 200), "white")
    for y in range(40, 60):
        for x in range(20, 600, 3):
            image.putpixel((x, y), (17, 17, 17))
    data = png.encode(image)
    assert len(data) < 624 * 200 * 3 // 20
