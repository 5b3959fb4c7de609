"""Headless Chromium for captures: one browser per capture agent, pages rendered in batches.

A screenshot per event costs a browser round trip each (about 11 a second on two cores), too
slow for a burst of flags. Instead a batch of events is laid out in one page, one <article>
each with the same width and style as the event's own page, screenshotted once, and cut into
one PNG per event at the boxes Chromium reports. The platform page, where an event names one,
is tried first with a short timeout and captured whole (PNG and MHTML, Chromium's single-file
page archive).
"""

from __future__ import annotations

import asyncio
import base64
import io
import logging
from dataclasses import dataclass
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from PIL import Image

from streams.evidence import png
from streams.evidence.rendering import WIDTH

log = logging.getLogger(__name__)

# Chromium in a sandbox with no network but localhost: no background fetches, no GPU, as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
BOXES_JS = """() => Array.from(document.querySelectorAll('article')).map(e => {
  const r = e.getBoundingClientRect();
  return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];
})"""


@dataclass(frozen=True)
class PlatformCapture:
    png: bytes
    mhtml: bytes


class BrowserError(RuntimeError):
    """Chromium failed to start or to render."""


class Browser:
    """A lazily started headless Chromium, restarted after a crash."""

    def __init__(self, executable: Path) -> None:
        self.executable = executable
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._cdp: Any = None
        self.version = ""
        self.driver = f"Playwright {package_version('playwright')}"

    async def start(self) -> None:
        if self._browser is not None and self._browser.is_connected():
            return
        await self.close()
        from playwright.async_api import async_playwright

        try:
            self._playwright = await async_playwright().start()
            self._browser = await self._playwright.chromium.launch(
                executable_path=str(self.executable), args=CHROMIUM_ARGS
            )
            self._page = await self._browser.new_page(
                viewport={"width": WIDTH, "height": 600}, java_script_enabled=True
            )
        except Exception as exc:
            await self.close()
            raise BrowserError(f"Chromium at {self.executable} did not start: {exc}") from exc
        self.version = str(self._browser.version)

    async def close(self) -> None:
        for closing in (self._browser, self._playwright):
            if closing is None:
                continue
            try:
                await (closing.close() if closing is self._browser else closing.stop())
            except Exception as exc:  # already gone: nothing left to close
                log.debug("closing Chromium: %s", exc)
        self._browser = self._playwright = self._page = self._cdp = None

    async def screenshots(self, html: str, count: int) -> list[bytes]:
        """Render `html` (holding `count` <article>s) and return one PNG per article, in order."""
        await self.start()
        try:
            await self._page.set_content(html, wait_until="load")
            boxes: list[list[float]] = await self._page.evaluate(BOXES_JS)
            height = max((y + h for _, y, _, h in boxes), default=1.0)
            if self._cdp is None:
                self._cdp = await self._page.context.new_cdp_session(self._page)
            # Chromium's own capture, tuned for speed (less PNG compression): the page is cut
            # and every piece compressed again below (streams.evidence.png).
            got = await self._cdp.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "optimizeForSpeed": True,
                    "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height + 8, "scale": 1},
                },
            )
            shot = base64.b64decode(got["data"])
        except Exception as exc:
            await self.close()  # a crashed or wedged page: start afresh next time
            raise BrowserError(f"Chromium failed to render: {exc}") from exc
        if len(boxes) != count:
            raise BrowserError(f"rendered {len(boxes)} events of {count}")
        return await asyncio.to_thread(_crop, shot, boxes)

    async def pdf(self, html: str) -> bytes:
        """`html` printed to A4 PDF by Chromium, backgrounds included."""
        await self.start()
        page = await self._browser.new_page()
        try:
            await page.set_content(html, wait_until="load")
            data: bytes = await page.pdf(
                format="A4",
                print_background=True,
                margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
            )
            return data
        except Exception as exc:
            raise BrowserError(f"Chromium could not print the PDF: {exc}") from exc
        finally:
            await page.close()

    async def platform(self, url: str, wait_seconds: float) -> PlatformCapture:
        """The platform's own page at `url`, within `wait_seconds`, or BrowserError."""
        await self.start()
        page = await self._browser.new_page(viewport={"width": WIDTH, "height": 900})
        try:
            await page.goto(url, timeout=wait_seconds * 1000, wait_until="load")
            png: bytes = await page.screenshot(full_page=True, type="png")
            cdp = await page.context.new_cdp_session(page)
            snapshot = await cdp.send("Page.captureSnapshot", {"format": "mhtml"})
            return PlatformCapture(png=png, mhtml=str(snapshot["data"]).encode("utf-8"))
        except Exception as exc:
            raise BrowserError(str(exc).splitlines()[0][:300]) from exc
        finally:
            try:
                await page.close()
            except Exception as exc:
                log.debug("closing a platform page: %s", exc)


def _crop(shot: bytes, boxes: list[list[float]]) -> list[bytes]:
    """Cut the page screenshot into one PNG per box."""
    image = Image.open(io.BytesIO(shot))
    image.load()
    out = []
    for x, y, w, h in boxes:
        area = (int(x), int(y), int(x + w + 0.999), int(y + h + 0.999))
        out.append(png.encode(image.crop(area)))
    return out
