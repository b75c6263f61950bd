"""Production mode, for real: gunicorn with DEBUG off, whitenoise serving hashed, compressed files."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import DatabaseError, connection, transaction
from django.template.loader import render_to_string
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DATABASE_FILE = "production.sqlite3"


def production_env(tmp_path):
    inherited = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-production-secret-for-this-test-" + "x" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / DATABASE_FILE}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "CACHE_DIR": str(tmp_path / "cache"),
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_deploy_checks_pass_with_production_settings(tmp_path):
    """`manage.py check --deploy` has nothing to warn about when DEBUG is off."""
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    """With DEBUG off and no SECRET_KEY, the site stops at start-up instead of running insecurely."""
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds=30):
    """Until a server just started answers at `url`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def get(url, **headers):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def set_up_site(env):
    """What `make run` and the README's production steps do: tables, content, static files."""
    commands = (
        ["migrate", "--no-input"],
        ["createcachetable"],
        ["load_law"],
        ["load_guide"],
        ["collectstatic", "--no-input"],
    )
    for command in commands:
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr


@contextmanager
def gunicorn_server(env, workers=3, log=os.devnull):
    """gunicorn serving the site on a free port, its log in `log`, stopped on the way out (also after a
    failure)."""
    port = free_port()
    with open(log, "ab") as log_file:
        server = subprocess.Popen(
            [BIN / "gunicorn", "insurance_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz")  # not a page: nothing is kept in the page cache before the test asks
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_gunicorn_serves_the_guide_and_hashed_compressed_static_files(gunicorn):
    """Behind a proxy that speaks HTTPS, gunicorn serves the pages and whitenoise the static files."""
    gunicorn, _env = gunicorn
    status, headers, body = get(f"{gunicorn}/en/")
    assert status == 200
    html = body.decode()
    css = html.split('<link rel="stylesheet" href="')[1].split('"')[0]
    assert css.startswith("/static/css/site.") and css.endswith(".css") and css != "/static/css/site.css"
    assert "Strict-Transport-Security" in headers
    status, headers, _ = get(gunicorn + css, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "immutable" in headers.get("Cache-Control", "")


def test_production_errors_are_friendly_pages(gunicorn):
    """With DEBUG off, a forged answer is a 400 page and an unknown article a 404 page, in Chinese."""
    gunicorn, _env = gunicorn
    status, _, body = get(f"{gunicorn}/zh-hans/guide/question/situation/?situation=forged")
    assert status == 400 and "重新开始" in body.decode()
    status, _, body = get(f"{gunicorn}/zh-hans/law/social-insurance-law/article-999/")
    assert status == 404 and "找不到页面" in body.decode()


def test_a_search_as_long_as_the_box_takes_gets_the_sites_own_page(gunicorn):
    """500 Chinese characters, the most the search box takes (4,500 bytes of address once encoded), get the
    site's page saying in Chinese that the search is too long, not gunicorn's bare error."""
    gunicorn, _env = gunicorn
    status, _, body = get(f"{gunicorn}/zh-hans/search/?q={quote('医保' * 250)}")
    assert status == 200 and "搜索内容太长" in body.decode()


def test_plain_http_is_redirected_to_https(gunicorn):
    """A request that did not come over HTTPS is sent to the HTTPS address (the admin included)."""
    gunicorn, _env = gunicorn

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    for path in ("/en/", "/admin/login/"):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.build_opener(NoRedirect).open(urllib.request.Request(gunicorn + path), timeout=10)
        assert error.value.code == 301
        assert error.value.headers["Location"].startswith("https://")


def test_server_error_page_needs_neither_static_files_nor_the_database(settings):
    """The 500 page renders on its own, in Chinese by default, even before collectstatic has run."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with translation.override("zh-hans"):
        html = render_to_string("500.html")
    assert "抱歉，服务出现问题" in html


@pytest.mark.django_db
@pytest.mark.every_database  # each database reports a missing table and a failed transaction its own way
def test_a_fault_inside_a_failed_transaction_gets_the_error_page_not_a_second_fault(rf):
    """The error page asks whether the database answers; a connection left inside a failed transaction
    cannot be asked. The visitor still gets the 500 page (the database did answer), not a traceback."""
    from insurance_site.views import server_error

    with transaction.atomic():
        try:
            with transaction.atomic(savepoint=False), connection.cursor() as cursor:
                cursor.execute("SELECT * FROM no_such_table")
        except DatabaseError:
            response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Sorry" in response.content.decode()


PUBLISH_A_CHANGE = """
from guidance import editions
from guidance.models import Guide, Step
draft = editions.create_draft(Guide.objects.live())
step = Step.objects.filter(outcome__guide=draft, outcome__slug="residents").order_by("position").first()
step.title_en = "Published a moment ago"
step.save()
editions.publish(draft)
"""


def test_a_publish_shows_at_once_in_every_worker(gunicorn):
    """After a publish, every request, whichever of the three workers answers it, shows the new text."""
    base, env = gunicorn
    page = f"{base}/en/guide/result/residents/?situation=resident&resident-lapse=no"
    for _ in range(6):  # every worker has served the page before the change
        assert "Published a moment ago" not in get(page)[2].decode()
    result = manage(env, "shell", "-c", PUBLISH_A_CHANGE)
    assert result.returncode == 0, result.stderr
    for _ in range(12):
        assert "Published a moment ago" in get(page)[2].decode()


def test_a_forged_host_is_a_400_page_logged_once_without_a_traceback(gunicorn, tmp_path):
    """A request for a host the site does not serve gets a 400 page in the visitor's language, never a
    500, and one warning line in the log."""
    base, _env = gunicorn
    status, headers, body = get(f"{base}/en/guide/", Host="forged.example")
    assert status == 400 and 'lang="en"' in body.decode()
    assert "forged.example" not in body.decode()
    assert "Content-Security-Policy" in headers
    status, _, body = get(f"{base}/", Host="forged.example", **{"Accept-Language": "zh-CN,zh;q=0.9"})
    assert status == 400 and 'lang="zh-Hans"' in body.decode()
    status, _, _ = get(f"{base}/admin/login/", Host="forged.example")
    assert status == 400
    log = (tmp_path / "gunicorn.log").read_text()
    assert log.count("forged.example' to ALLOWED_HOSTS") == 3
    assert "Traceback" not in log


ASK_FOR_A_MISSING_PAGE = (
    "from django.test import Client; print(Client().get('/en/no-such-page/', secure=True, SERVER_NAME='127.0.0.1'))"
)


@pytest.mark.parametrize(("level", "logged"), [("WARNING", True), ("ERROR", False)])
def test_log_level_holds_for_djangos_own_warnings(tmp_path, level, logged):
    """LOG_LEVEL decides whether a missing page's "Not Found" warning is written to the log."""
    plain_static = "django.contrib.staticfiles.storage.StaticFilesStorage"  # no collectstatic needed
    env = {**production_env(tmp_path), "LOG_LEVEL": level, "STATICFILES_BACKEND": plain_static}
    result = manage(env, "shell", "-c", ASK_FOR_A_MISSING_PAGE)
    assert "status_code=404" in result.stdout, result.stdout + result.stderr
    assert ("Not Found: /en/no-such-page/" in result.stderr) == logged
