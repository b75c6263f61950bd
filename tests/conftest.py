"""Shared fixtures: the content that ships with the site, loaded once; a plain static storage; and
for the browser tests, real Chromium and a live server with the content loaded."""

import os
import shutil

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the law and the guide exactly as `make run` loads them."""
    with django_db_blocker.unblock():
        load_content()


def load_content():
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)


@pytest.fixture(autouse=True)
def unhashed_static_files(settings):
    """Pages render without running collectstatic first; test_production checks the real storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (browser tests never skip)")
    # Playwright's sync API runs an event loop in this thread; Django's guard against database calls
    # from async code would otherwise refuse the fixtures' queries while the browser is open.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _tab(browser, site, **options):
    """A browser tab that fails the test on any request that leaves the site or that the security headers
    refuse (see `tests.test_browser.Visit`)."""
    from .test_browser import Visit  # imports the models: only once Django is set up

    context = browser.new_context(**options)
    visit = Visit(context, site)
    yield visit
    context.close()
    assert visit.outside == [], "requests left the site"
    assert visit.refused == [], "the security headers refused part of a page"


@pytest.fixture
def visit(browser, site):
    yield from _tab(browser, site)


@pytest.fixture
def visit_without_javascript(browser, site):
    yield from _tab(browser, site, java_script_enabled=False)


@pytest.fixture
def site(live_server):
    """The live server's address, with the law and the guide loaded (browser tests empty the database)."""
    load_content()
    return live_server.url


@pytest.fixture
def people(browser, site):
    """Signed-in staff and citizens in Chromium: see `tests.staff_browser.people`."""
    from .staff_browser import people as open_tabs  # imports the models: only once Django is set up

    yield from open_tabs(browser, site)
