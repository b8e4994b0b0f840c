"""Headless Chromium visits the public pages at desktop and phone widths (Debian's Chromium).

Checks the content, that nothing overflows at 360 px, that the browser reports no
Content-Security-Policy violation, and saves screenshots as CI artefacts.
"""

from __future__ import annotations

import pytest

from tests.conftest import SCREENSHOTS
from tests.public.conftest import add_clauses, add_public_proposals

# serialized_rollback: transactional tests restore the migrations' data (roles, watch terms).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"desktop": 1280, "phone": 360}
# Record violations from inside the page too: not every one reaches the console.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def site(res75_pair, later_meeting, wtsa24, apt) -> None:
    old, new = res75_pair
    add_clauses(old)
    add_clauses(new)
    add_public_proposals(new.resolution, later_meeting, 2, [apt])


PAGES = [
    ("index", "/resolutions/", "WTSA Resolution 75"),
    ("resolution", "/resolutions/wtsa/75/#resolves-2", "Pending public proposals"),
    ("compare", "/resolutions/wtsa/75/compare/?from=geneva-2022&to=new-delhi-2024", "What changed"),
    ("compare-side", "/resolutions/wtsa/75/compare/?view=side", "Side by side"),
    ("calendar", "/meetings/", "WTSA-28"),
]


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_it_renders_the_public_pages_in_chromium(live_server, site, width_name, browser):
    width = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    try:
        for name, path, expected in PAGES:
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            assert expected in page.inner_text("main"), path
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
            assert page.evaluate("window.__cspViolations") == [], path
            page.screenshot(
                path=str(SCREENSHOTS / f"public-{name}-{width_name}.png"), full_page=True
            )
        # The resolution page's clause anchor is a real, visible target.
        page.goto(live_server.url + "/resolutions/wtsa/75/#resolves-2")
        assert page.locator("#resolves-2").is_visible()
        page.goto(live_server.url + "/resolutions/wtsa/75/compare/")
        assert page.locator("main ins").count() > 0 and page.locator("main del").count() > 0
    finally:
        context.close()
    csp = [text for text in console if "Content Security Policy" in text]
    assert csp == []
    assert [text for text in console if "error" in text.lower() and "favicon" not in text] == []
