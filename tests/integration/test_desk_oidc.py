"""OIDC sign-in to the review desk against a real OpenID provider (the oidc-provider npm
package, tests/integration/oidc), in headless Chromium: the provider's sign-in and consent
pages, back to the desk signed in with the users file's role and scope; a person unknown to
the users file, a disabled user, the provider's own refusal and a replayed callback each end
on a clear 4xx page; password sign-in is refused while an issuer is set."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from netra.desk import create_app
from netra.desk.oidc import provider_from_settings
from netra.desk.threaded import served
from tests.integration.desk_setup import PASSWORD, DeskUnderTest, build_desk
from tests.integration.oidc.provider import (
    ProviderUnavailableError,
    RunningProvider,
    running_provider,
)
from tests.integration.report_samples import Indexed

CHROMIUM = "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="needs Debian's chromium")
ACCOUNTS = {
    "5e1f0c2a-ri": {"preferred_username": "ri", "name": "Bawaslu RI"},
    "77ab-kemenag": {"preferred_username": "insp-kemenag", "name": "Inspektorat Kemenag"},
    "0d9e-stranger": {"preferred_username": "nobody", "name": "Not a desk user"},
    "a4c1-jateng": {"preferred_username": "jateng", "name": "Disabled here"},
}


@pytest.fixture
def desk(indexed: Indexed, kafka_bootstrap: str, tmp_path: Path) -> DeskUnderTest:
    return build_desk(indexed, kafka_bootstrap, tmp_path)


@pytest.fixture
def signed_in_desk(desk: DeskUnderTest) -> Iterator[tuple[str, RunningProvider]]:
    """The desk served with OIDC configured (its URL is known once it is served)."""
    yield from _served_with_provider(desk, conformant=False)


@pytest.fixture
def conformant_desk(desk: DeskUnderTest) -> Iterator[tuple[str, RunningProvider]]:
    """The same, against a provider whose ID tokens carry no profile claims."""
    yield from _served_with_provider(desk, conformant=True)


def _served_with_provider(
    desk: DeskUnderTest, *, conformant: bool
) -> Iterator[tuple[str, RunningProvider]]:
    with served(create_app(desk.desk)) as url:
        try:
            callback = f"{url}/login/oidc/callback"
            with running_provider(callback, ACCOUNTS, conformant=conformant) as provider:
                desk.desk.settings = desk.desk.settings.model_copy(
                    update={
                        "desk_url": url,
                        "desk_oidc_issuer": provider.issuer,
                        "desk_oidc_client_id": provider.client_id,
                        "desk_oidc_client_secret": SecretStr(provider.client_secret),
                    }
                )
                desk.desk.oidc = provider_from_settings(desk.desk.settings)
                yield url, provider
        except ProviderUnavailableError as exc:
            pytest.skip(str(exc))


def _through_provider(browser: object, url: str, account: str) -> object:
    page = browser.new_context().new_page()  # type: ignore[attr-defined]
    page.goto(f"{url}/login")
    assert page.locator("input[name=password]").count() == 0  # only the OIDC button
    page.click("a[href='/login/oidc']")
    page.fill("input[name=login]", account)
    page.fill("input[name=password]", "anything")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.click("button[type=submit]")  # the provider's consent
    page.wait_for_load_state()
    return page


def test_oidc_sign_in_maps_to_the_users_file_and_refuses_clearly(
    desk: DeskUnderTest, signed_in_desk: tuple[str, RunningProvider]
) -> None:
    url, provider = signed_in_desk
    desk.desk.users.set_disabled("jateng", True)
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = _through_provider(b, url, "5e1f0c2a-ri")
            page.wait_for_url(f"{url}/")  # type: ignore[attr-defined]
            assert page.inner_text("h1").startswith("Queue")  # type: ignore[attr-defined]
            assert "ri · bawaslu · all" in page.inner_text("header")  # type: ignore[attr-defined]
            # The scope is Netra's: Kemenag's inspectorate sees its own agency only.
            page = _through_provider(b, url, "77ab-kemenag")
            page.wait_for_url(f"{url}/")  # type: ignore[attr-defined]
            assert "agency Kementerian Agama" in page.inner_text("header")  # type: ignore[attr-defined]

            page = _through_provider(b, url, "0d9e-stranger")
            text = page.inner_text("main")  # type: ignore[attr-defined]
            assert "403" in text and "nobody is not a user of this desk" in text
            page = _through_provider(b, url, "a4c1-jateng")
            assert "jateng is disabled" in page.inner_text("main")  # type: ignore[attr-defined]
        finally:
            b.close()

    with httpx.Client(base_url=url) as web:
        # Password sign-in is refused while an issuer is set.
        form = web.get("/login")
        assert "/login/oidc" in form.text and 'name="password"' not in form.text
        refused = web.post(
            "/login", data={"username": "ri", "password": PASSWORD, "csrf_token": "x" * 43}
        )
        assert refused.status_code == 403
        # The provider's own refusal is shown; a callback without this browser's sign-in is not
        # accepted.
        denied = web.get(
            "/login/oidc/callback",
            params={"error": "access_denied", "error_description": "<b>user said no</b>"},
        )
        assert denied.status_code == 403 and "access_denied: &lt;b&gt;user said no" in denied.text
        stray = web.get("/login/oidc/callback", params={"code": "abc", "state": "s" * 43})
        assert stray.status_code == 400 and "no sign-in is under way" in stray.text
        # A sign-in started here whose state is changed on the way back is refused.
        start = web.get("/login/oidc")
        assert start.status_code == 303
        assert start.headers["location"].startswith(f"{provider.issuer}/auth?")
        assert "code_challenge_method=S256" in start.headers["location"]
        forged = web.get("/login/oidc/callback", params={"code": "abc", "state": "t" * 43})
        assert forged.status_code == 400 and "state does not match" in forged.text
        assert web.get("/", follow_redirects=False).status_code == 303  # still not signed in


def test_a_user_claim_only_the_userinfo_endpoint_gives_signs_in(
    desk: DeskUnderTest, conformant_desk: tuple[str, RunningProvider]
) -> None:
    """A conformant provider keeps `preferred_username` out of the code flow's ID token: the
    desk asks the UserInfo endpoint with the access token, for the same subject."""
    url, _ = conformant_desk
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = _through_provider(b, url, "77ab-kemenag")
            page.wait_for_url(f"{url}/")  # type: ignore[attr-defined]
            assert "insp-kemenag · inspectorate" in page.inner_text("header")  # type: ignore[attr-defined]
        finally:
            b.close()
