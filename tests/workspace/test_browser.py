"""End to end in a real headless Chromium: the review flow, keyboard only where it matters,
at desktop width and at 360 px."""

import pytest

from tests.conftest import PASSWORD, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _log_in(page, base: str, user) -> None:
    page.goto(f"{base}/workspace/")
    assert "/accounts/login/" in page.url  # anonymous: sent to the login page
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/workspace/")


def _focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def _tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until `selector` has the focus: proves it is reachable by keyboard."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the keyboard focus")


def test_it_reviews_a_flagged_proposal_end_to_end(
    live_server, reviewer, flagged_proposal, wtsa24, browser
):
    base = live_server.url
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # CSP violations are console errors; a missing favicon is one too, and not ours.
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    _log_in(page, base, reviewer)
    page.screenshot(path=str(SCREENSHOTS / "workspace-dashboard.png"), full_page=True)

    # Open the flagged proposal from the dashboard.
    page.click(f"a[href='/workspace/proposals/{flagged_proposal.pk}/']")
    page.wait_for_selector("[data-flagged]")

    # j / k move between flagged changes only: considering g), decides 4, TSAG 1.
    page.keyboard.press("j")
    assert _focused_id(page) == "change-2"
    page.keyboard.press("j")
    assert _focused_id(page) == "change-5"
    page.keyboard.press("j")
    assert _focused_id(page) == "change-6"
    page.keyboard.press("j")  # already at the last one: stays
    assert _focused_id(page) == "change-6"
    page.keyboard.press("k")
    assert _focused_id(page) == "change-5"
    assert page.evaluate("location.hash") == "#change-5"
    page.screenshot(path=str(SCREENSHOTS / "workspace-review-flagged.png"))

    # With JavaScript, unfolding unchanged clauses happens in place.
    assert not page.is_visible("#change-0")
    page.click("text=Unfold unchanged clauses")
    assert page.is_visible("#change-0")
    assert page.url.endswith("#change-5")  # no reload
    page.click("text=Fold unchanged clauses")
    assert not page.is_visible("#change-0")

    # Record a verdict on "decides 4" with the keyboard alone.
    _tab_to(page, "#change-5 summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "value"
    page.keyboard.type("Concern")
    page.keyboard.press("Tab")
    page.keyboard.type("Gives ITU-T a role in Internet management.")
    page.keyboard.press("Tab")
    page.keyboard.type("Delete decides 4.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/workspace/proposals/{flagged_proposal.pk}/#change-5")
    assert "Verdict saved (version 1)" in page.inner_text(".messages")
    assert "Concern" in page.inner_text("#change-5 .verdict-current")

    # And one on the proposal as a whole, which the matrix shows.
    page.select_option("#id_p_value", "concern")
    page.fill("#id_p_note", "Oppose the Internet management language.")
    page.click("#proposal-verdict button[type=submit]")
    page.wait_for_selector(".messages")
    history = page.inner_text(".history-list")
    assert "rita created the verdict on décide 4" in history
    assert "rita created the verdict on the whole proposal" in history
    page.screenshot(path=str(SCREENSHOTS / "workspace-review-verdict.png"), full_page=True)

    page.goto(f"{base}/workspace/meetings/{wtsa24.pk}/matrix/")
    cell = page.inner_text(".matrix tbody tr:first-child td")
    assert "MOD" in cell and "high" in cell and "Concern" in cell
    page.screenshot(path=str(SCREENSHOTS / "workspace-matrix.png"), full_page=True)
    assert errors == []


def test_it_fits_360_px_and_folds_without_javascript(
    live_server, reviewer, flagged_proposal, second_proposal, wtsa24, browser
):
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    _log_in(page, base, reviewer)
    pages = {
        "dashboard": "/workspace/",
        "review": f"/workspace/proposals/{flagged_proposal.pk}/?view=side",
        "matrix": f"/workspace/meetings/{wtsa24.pk}/matrix/",
        "clauses": f"/workspace/meetings/{wtsa24.pk}/clauses/",
        "briefing": f"/workspace/meetings/{wtsa24.pk}/briefing/",
        "watchlist": "/workspace/watchlist/",
        "search": "/workspace/search/?q=Internet",
        "resolution": f"/workspace/resolutions/{flagged_proposal.resolution_id}/",
    }
    for name, path in pages.items():
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{name} is {width}px wide at 360px"
        page.screenshot(path=str(SCREENSHOTS / f"workspace-360-{name}.png"), full_page=True)

    # Without JavaScript the toggles are plain links and folds are <details>.
    nojs = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    nojs.add_cookies(context.cookies())
    page = nojs.new_page()
    page.goto(f"{base}/workspace/proposals/{flagged_proposal.pk}/")
    assert not page.is_visible("#change-0")  # folded
    page.click("text=Unfold unchanged clauses")
    assert page.is_visible("#change-0")
    page.click("text=Operative clauses only")
    assert not page.is_visible("#change-2") and page.is_visible("#change-5")
    context.close()
    nojs.close()
