"""The review desk in real headless Chromium (Debian's /usr/bin/chromium via Playwright) on
the real Elasticsearch and Kafka: each role signs in and sees its scope, two reviewers race on
one flag and the second is refused, the NIP reveal is audited, and the queue and flag pages
render without broken images or sideways scrolling."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from netra.desk import create_app
from netra.desk.threaded import served
from schemas import AuditEntry, AuditOutcome, ReviewVerdict
from tests.integration.desk_setup import PASSWORD, USERS, DeskUnderTest, build_desk
from tests.integration.report_samples import ANDI, BUDI, SITI, Indexed

CHROMIUM = "/usr/bin/chromium"
# Where the queue and flag screenshots go: a temporary folder, or, to refresh the README's,
# NETRA_DESK_SCREENSHOTS=docs (they are checked the same way either way).
SHOTS_ENV = "NETRA_DESK_SCREENSHOTS"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium")

LAYOUT = """() => ({
  images: Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0]),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})"""


@pytest.fixture
def desk(indexed: Indexed, kafka_bootstrap: str, tmp_path: Path) -> DeskUnderTest:
    return build_desk(indexed, kafka_bootstrap, tmp_path)


@pytest.fixture
def browser(desk: DeskUnderTest) -> Iterator[tuple[object, str]]:
    with served(create_app(desk.desk)) as url, playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b, url
        finally:
            b.close()


def _sign_in(browser: object, url: str, name: str) -> object:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()  # type: ignore[attr-defined]
    page.goto(f"{url}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def _layout_ok(page: object, shot: Path) -> None:
    page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
    found = page.evaluate(LAYOUT)  # type: ignore[attr-defined]
    assert found["images"] and all(ok for _, ok in found["images"]), found["images"]
    assert found["overflow"] <= 0, f"{shot.name} scrolls sideways by {found['overflow']} px"
    assert shot.stat().st_size > 10_000


def test_roles_scopes_race_reveal_and_layout_in_chromium(
    desk: DeskUnderTest, browser: tuple[object, str], tmp_path: Path
) -> None:
    b, url = browser
    budi, siti, andi = desk.flag_of(BUDI), desk.flag_of(SITI), desk.flag_of(ANDI)
    shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)

    # Every role signs in and lands on its page.
    for name in USERS:
        page = _sign_in(b, url, name)
        heading = page.inner_text("h1")  # type: ignore[attr-defined]
        assert heading.startswith("Rule precision" if name == "rules" else "Queue"), name
        page.context.close()  # type: ignore[attr-defined]

    # An inspectorate sees its agency's flag, not another agency's, in the page or by id.
    insp = _sign_in(b, url, "insp-blora")
    queue_text = insp.inner_text("main")  # type: ignore[attr-defined]
    assert budi in queue_text and siti not in queue_text and andi not in queue_text
    for other in (siti, andi):
        resp = insp.goto(f"{url}/flag?id={quote(other, safe='')}")  # type: ignore[attr-defined]
        assert resp.status == 404 and other not in insp.content()  # type: ignore[attr-defined]
        api = insp.goto(f"{url}/api/flag?id={quote(other, safe='')}")  # type: ignore[attr-defined]
        assert api.status == 404
    insp.goto(url)  # type: ignore[attr-defined]
    _layout_ok(insp, tmp_path / "queue-inspectorate.png")
    # The whole queue, as Bawaslu RI sees it.
    ri = _sign_in(b, url, "ri")
    _layout_ok(ri, shots / "desk-queue.png")
    ri.context.close()  # type: ignore[attr-defined]

    # Two reviewers open the same flag; the first verdict wins, the second is refused.
    first = _sign_in(b, url, "jateng")
    second = _sign_in(b, url, "ri")
    for page in (first, second):
        page.goto(f"{url}/flag?id={quote(siti, safe='')}")  # type: ignore[attr-defined]
    _layout_ok(first, shots / "desk-flag.png")
    assert first.locator("blockquote.post mark").count() >= 1  # type: ignore[attr-defined]
    first.fill("textarea[name=note]", "akun resmi, unggahan kampanye")  # type: ignore[attr-defined]
    first.click("#verdict-confirm")  # type: ignore[attr-defined]
    first.wait_for_load_state()  # type: ignore[attr-defined]
    assert "sent=confirm" in first.url  # type: ignore[attr-defined]
    second.click("#verdict-dismiss")  # type: ignore[attr-defined]
    second.wait_for_load_state()  # type: ignore[attr-defined]
    message = second.inner_text("#message")  # type: ignore[attr-defined]
    assert "jateng" in message, message
    sent = [ReviewVerdict.model_validate_json(v) for v in desk.records(desk.settings.reviews_topic)]
    assert [(v.reviewer, v.verdict.value) for v in sent] == [("jateng", "confirm")]

    # A claim shows who holds the flag.
    blora = _sign_in(b, url, "blora")
    open_flag = desk.unreviewed_of(BUDI)
    blora.goto(f"{url}/flag?id={quote(open_flag, safe='')}")  # type: ignore[attr-defined]
    blora.click("#claim")  # type: ignore[attr-defined]
    blora.wait_for_load_state()  # type: ignore[attr-defined]
    assert blora.inner_text("#claimed") == "blora"  # type: ignore[attr-defined]

    # The NIP is revealed only with a reason, and the audit trail has who and why.
    blora.fill("input[name=reason]", "laporan ke BKN")  # type: ignore[attr-defined]
    blora.click("#reveal")  # type: ignore[attr-defined]
    blora.wait_for_load_state()  # type: ignore[attr-defined]
    assert BUDI.nip in blora.inner_text("#nip")  # type: ignore[attr-defined]
    [entry] = [AuditEntry.model_validate_json(v) for v in desk.records(desk.settings.audit_topic)]
    assert (entry.actor, entry.reason, entry.outcome) == (
        "blora",
        "laporan ke BKN",
        AuditOutcome.GRANTED,
    )
