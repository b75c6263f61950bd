"""Shared fixtures: the content that ships with the site, loaded once; a plain static storage; for the
browser tests, real Chromium and one live server on the test's database; and a production build, set up
once, for the tests that run gunicorn."""

import importlib
import os
import shutil
import threading
from contextlib import contextmanager

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.test.utils import override_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from pytest_django.plugin import blocking_manager_key

# What data migrations add, added again after a transactional test has emptied the database.
ADDED_BY_MIGRATIONS = [
    importlib.import_module("search.migrations.0002_synonyms").add_synonyms,
    importlib.import_module("search.migrations.0004_everyday_words").add_words,
    importlib.import_module("search.migrations.0005_everyday_words_second_reading").read_again,
    importlib.import_module("search.migrations.0006_everyday_words_pay_apps_and_offices").add_words,
    importlib.import_module("search.migrations.0007_scheme_names").add_words,
    importlib.import_module("staff.migrations.0001_roles").set_roles,
    importlib.import_module("staff.migrations.0002_search_words_and_review_flags").add_permissions,
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the law and the guide exactly as `make run` loads them."""
    with django_db_blocker.unblock():
        load_content()


def load_content():
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying the database; the content is loaded again (with what data
    migrations add: search's words and the staff roles), so every test starts from it, in whatever order a
    worker runs them. After the last test the test
    database is gone, and the settings name the real one again: nothing is loaded then."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is not None and marker and marker.kwargs.get("transaction"):
        with item.config.stash[blocking_manager_key].unblock():
            load_content()
            for add in ADDED_BY_MIGRATIONS:
                add(django_apps, None)


@pytest.fixture(autouse=True)
def embedded_cache_of_this_test(settings, tmp_path_factory):
    """The embedded cache, as `make run` has it, in an empty folder of this test's own (unless CACHE_URL
    names another cache): tests running side by side share no page or content version, and no test sees a
    version or a page of what an earlier test changed and rolled back."""
    if settings.CACHES["default"]["BACKEND"] == settings.EMBEDDED_CACHE["BACKEND"]:
        folder = tmp_path_factory.mktemp("cache")
        settings.CACHES = {**settings.CACHES, "default": {**settings.EMBEDDED_CACHE, "LOCATION": str(folder)}}


@pytest.fixture(autouse=True)
def search_counts_written_when_asked(settings):
    """Search counts are written when a test asks (search.tally.flush), never by the clock in the middle of
    a test that counts queries."""
    settings.SEARCH_COUNTS_SECONDS = 10**9


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    """Staff passwords are hashed with Django's default (PBKDF2, deliberately slow: a sixth of the browser
    tests' time went into it). Tests sign people in hundreds of times and keep no real password; the
    production build (test_production) hashes as the site does."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def unhashed_static_files():
    """Pages render without running collectstatic first; test_production checks the real storage. Set once
    for the whole session, not for each test: between two tests the production storage would be back, and a
    late request to the live server then (Chromium asking for a favicon) could leave the next test with it,
    failing on a manifest that was never collected."""
    from django.conf import settings

    plain = override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    )
    plain.enable()
    yield
    plain.disable()


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def playwright():
    # Playwright's sync API runs an event loop in this thread; Django's guard against database calls
    # from async code would otherwise refuse the fixtures' queries while the browser is open.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def launch_chromium(playwright, **options):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (browser tests never skip)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)


@pytest.fixture(scope="session")
def browser(playwright):
    """One Chromium for every browser test; each test opens its own tabs in a context of its own."""
    browser = launch_chromium(playwright)
    yield browser
    browser.close()


@contextmanager
def tab(browser, site, **options):
    """A browser tab that fails the test on any request that leaves the site or that the security headers
    refuse (see `tests.test_browser.Visit`)."""
    from .test_browser import Visit  # imports the models: only once Django is set up

    context = browser.new_context(**options)
    try:
        visit = Visit(context, site)
        yield visit
    finally:
        context.close()
    assert visit.outside == [], "requests left the site"
    assert visit.refused == [], "the security headers refused part of a page"


@pytest.fixture
def visit(browser, site):
    with tab(browser, site) as visit:
        yield visit


@pytest.fixture
def visit_without_javascript(browser, site):
    with tab(browser, site, java_script_enabled=False) as visit:
        yield visit


def shares_the_test_database():
    """Whether a server thread can use the test's own connection: SQLite's test database is in memory, so a
    browser test's requests run inside the test's transaction, see what it wrote and are rolled back with
    it. On another database the browser tests are transactional (and the content is loaded again after each)."""
    from django.db import connection

    return connection.vendor == "sqlite"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests use the database the cheapest way it allows (before pytest-django orders tests by it).
    On a database other than SQLite only the tests marked `every_database` run, unless EVERY_TEST is set:
    the rest do not depend on the database and have run on SQLite."""
    on_sqlite = shares_the_test_database()
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.django_db(transaction=not on_sqlite))
    if not only_every_database():
        return
    kept = [item for item in items if item.get_closest_marker("every_database")]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


class SlowFilesFirst:
    """The files that start servers or a browser go first (after pytest-django has ordered the tests by how
    they use the database), so that with a worker per core a long one does not end up last on one worker
    while the other waits. Any order is safe: every test starts from the shipped content."""

    SLOW = {"scale_out", "outage", "browser"}

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        items.sort(key=lambda item: not self.slow(item))

    def slow(self, item):
        return bool(self.SLOW & {mark.name for mark in item.iter_markers()}) or "gunicorn" in item.fixturenames


def pytest_configure(config):
    config.pluginmanager.register(SlowFilesFirst(), "slow-files-first")


def only_every_database():
    """Whether this run keeps to the tests marked `every_database`: on a database other than SQLite, unless
    EVERY_TEST is set."""
    return not shares_the_test_database() and not os.environ.get("EVERY_TEST")


def pytest_report_header(config):
    if only_every_database():
        return "only the tests marked every_database run on this database (EVERY_TEST=1 runs them all)"


@pytest.fixture(scope="session")
def site_server(django_db_setup, django_db_blocker):
    """One live server for every browser test, started once (pytest-django's `live_server` would make every
    test that uses it empty and reload the database)."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost", start=False)
        shared = list(server.thread.connections_override.values())
        if shared:
            one_at_a_time(server, shared)
        server.start()
    yield server
    server.stop()
    for connection in shared:
        connection.execute_wrappers.clear()


def one_at_a_time(server, connections):
    """On SQLite the server's threads and the test share one connection (the test database is in memory),
    and a connection is not for two threads at once: a page the browser still loads (the redirect after a
    save, its favicon) would run its queries and transactions in the middle of the next page's. So the
    server answers one request at a time, and the test's own queries wait for the page being drawn."""
    lock = threading.RLock()

    def queries_wait(execute, sql, params, many, context):
        with lock:
            return execute(sql, params, many, context)

    for connection in connections:
        connection.execute_wrappers.append(queries_wait)
    server_class = server.thread.server_class

    class OneRequestAtATime(server_class):
        def set_app(self, application):
            def serialised(environ, start_response):
                with lock:
                    return application(environ, start_response)

            super().set_app(serialised)

    server.thread.server_class = OneRequestAtATime


@pytest.fixture
def site(site_server, settings):
    """The live server's address, with the law and the guide loaded."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    return site_server.url


@pytest.fixture
def people(browser, site):
    """Signed-in staff and citizens in Chromium: see `tests.staff_browser.people`."""
    from .staff_browser import people as open_tabs  # imports the models: only once Django is set up

    yield from open_tabs(browser, site)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """A production build, set up once: its static files collected, its database migrated and loaded."""
    from .test_production import production_env, set_up_site

    folder = tmp_path_factory.mktemp("production")
    set_up_site(production_env(folder))
    return folder


@pytest.fixture
def gunicorn(production_site, tmp_path):
    """gunicorn on the production build, with a copy of its database that the test may change."""
    from .test_production import DATABASE_FILE, gunicorn_server, production_env

    shutil.copy(production_site / DATABASE_FILE, tmp_path / DATABASE_FILE)
    env = {**production_env(tmp_path), "STATIC_ROOT": str(production_site / "static")}
    with gunicorn_server(env, log=tmp_path / "gunicorn.log") as base:
        yield base, env
