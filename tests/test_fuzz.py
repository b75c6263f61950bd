"""No request makes the site fail: thousands of generated requests, over every URL pattern, against gunicorn
with production settings, and not one answered with a 5xx (or not answered at all).

Hypothesis draws each request: a path matching one of the site's URL patterns (its own regular expression)
or a real address mutated; a query string of repeated, impossible and enormous values; any method; Host,
Accept-Language, Cookie (a staff session among them), X-Forwarded-For and other headers; a body. The
requests go over a plain socket, byte for byte, so nothing is tidied on the way. The seed is fixed, so a
run in CI sends the same requests as a run on a laptop.
"""

import functools
import json
import socket
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import URLResolver, get_resolver
from django.utils import translation
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from .test_production import ROOT, manage

REQUESTS_AT_ONCE = 10  # one example: this many requests, sent by as many visitors at once
EXAMPLES = 520  # 5,200 requests

GUIDE = json.loads((ROOT / "guidance/data/guide.json").read_text())
QUESTIONS = [question["slug"] for question in GUIDE["questions"]]
ANSWERS = [option["value"] for question in GUIDE["questions"] for option in question["options"]]
OUTCOMES = [outcome["slug"] for outcome in GUIDE["outcomes"]]
REAL_ADDRESSES = [
    "/",
    "/en/",
    "/zh-hans/guide/question/situation/",
    "/en/guide/result/residents/",
    "/zh-hans/guide/result/residents/feedback/",
    "/en/law/",
    "/en/law/social-insurance-law/",
    "/zh-hans/law/social-insurance-law/chapter-3/",
    "/en/law/social-insurance-law/article-23/",
    "/zh-hans/law/social-insurance-handling-regulations/article-13/",
    "/en/search/",
    "/api/law/social-insurance-law/article-23/",
    "/sitemap.xml",
    "/admin/",
    "/admin/guidance/step/",
    "/admin/statutes/article/1/change/",
    "/i18n/setlang/",
]
PARAMETERS = [*QUESTIONS, "date", "q", "page", "next", "text", "o", "p", "e", "_changelist_filters", "useful"]


def url_patterns(resolver, prefix=""):
    """The regular expression of every URL the site answers, prefixes included."""
    for entry in resolver.url_patterns:
        part = entry.pattern.regex.pattern.removeprefix("^").removesuffix(r"\Z").removesuffix("$")
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, prefix + part)
        else:
            yield prefix + part


def all_url_patterns():
    patterns = set()
    for language in ("zh-hans", "en"):
        with translation.override(language):
            patterns |= set(url_patterns(get_resolver()))
    return sorted(patterns)


text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=24)
huge = st.integers(min_value=10**6).map(str) | st.sampled_from(["9" * 400, "-1", "1e309"])
dates = st.sampled_from(["2023-02-30", "2019-13-01", "0000-00-00", "9999-12-31", "10000-01-01", "2018-2-3", "今天"])
values = st.sampled_from(ANSWERS + OUTCOMES) | dates | huge | text | st.just("")
parameters = st.lists(st.tuples(st.sampled_from(PARAMETERS) | text, values), max_size=6)
methods = st.sampled_from(["GET"] * 6 + ["HEAD", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
# Mostly the site's own Host, so that most requests reach the pages; about one in six another.
known_hosts = st.sampled_from(["127.0.0.1"] * 35 + ["forged.example", "127.0.0.1:1", "", "[::1]", "x" * 300])
hosts = st.integers(0, 19).flatmap(lambda n: text if n == 0 else known_hosts)
protocols = st.sampled_from(["https"] * 6 + ["http", "ftp", ""])
languages = st.sampled_from(["en", "zh-CN,zh;q=0.9", "en-GB;q=0.5,*", "xx", "*;q=abc"]) | text
forwarded_for = st.sampled_from(["203.0.113.7", "1.1.1.1, 2.2.2.2", "::1", "not an address"]) | text
origins = st.sampled_from([None, None, "https://127.0.0.1", "https://forged.example", "null"])
mutations = st.sampled_from(["none", "cut", "append", "double", "case"])
appended = text | huge | st.sampled_from(OUTCOMES + QUESTIONS)
boundaries = st.sampled_from(["x", "", "é" * 80])


@functools.cache
def paths_from_url_patterns():
    """A path drawn from the regular expression of one of the site's URL patterns."""
    return st.one_of([st.from_regex(pattern, fullmatch=True) for pattern in all_url_patterns()])


@st.composite
def paths(draw):
    if draw(st.booleans()):
        path = "/" + draw(paths_from_url_patterns())
    else:
        path = draw(st.sampled_from(REAL_ADDRESSES))
        mutation = draw(mutations)
        if mutation == "cut":
            path = path[: draw(st.integers(0, len(path)))]
        elif mutation == "append":
            path += draw(appended)
        elif mutation == "double":
            path = path.replace("/", "//")
        elif mutation == "case":
            path = path.upper()
    # Mostly percent-encoded, as browsers send; sometimes raw UTF-8 bytes, as others may.
    return urllib.parse.quote(path, safe="/%") if draw(st.integers(0, 3)) else path


@st.composite
def requests(draw, staff_session):
    path = draw(paths())
    pairs = draw(parameters)
    if pairs and draw(st.booleans()):
        pairs.append(pairs[0])  # a repeated parameter
    query = urllib.parse.urlencode(pairs) if draw(st.integers(0, 4)) else draw(text)
    method = draw(methods)
    session = draw(st.sampled_from(["", f"sessionid={staff_session}", "sessionid=forged", "django_language=xx", None]))
    headers = {
        "Host": draw(hosts),
        "X-Forwarded-Proto": draw(protocols),
        "Accept-Language": draw(languages),
        "Cookie": session if session is not None else "sessionid={0}; csrftoken={0}".format(draw(text)),
        "X-Forwarded-For": draw(forwarded_for),
    }
    origin = draw(origins)
    if origin:
        headers["Origin"] = origin
    body = b""
    if method in ("POST", "PUT", "PATCH"):
        kind = draw(st.sampled_from(["form", "bytes", "json", "multipart"]))
        if kind == "form":
            body = urllib.parse.urlencode(draw(parameters)).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif kind == "multipart":
            body = draw(st.binary(max_size=300))
            headers["Content-Type"] = "multipart/form-data; boundary=" + draw(boundaries)
        else:
            body = draw(st.binary(max_size=2000)) if kind == "bytes" else json.dumps(draw(text)).encode()
            headers["Content-Type"] = "application/json" if kind == "json" else draw(text)
    return method, f"{path}?{query}" if query else path, headers, body


def send(port, method, target, headers, body):
    """One request over a fresh connection, exactly as drawn; the status code, or why there was none."""
    lines = [f"{method} {target} HTTP/1.1", *(f"{name}: {value}" for name, value in headers.items())]
    lines += [f"Content-Length: {len(body)}", "Connection: close"]
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall("\r\n".join(lines).encode() + b"\r\n\r\n" + body)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                return f"no answer ({answer[:60]!r})"
            answer += chunk
    return int(answer.split(b" ", 2)[1])


STAFF_SESSION = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
user = User.objects.create_superuser("fuzz", password="a-long-password-for-the-fuzz-test")
session = SessionStore()
session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash()})
session.create()
print(session.session_key)
"""


def test_no_generated_request_gets_a_server_error(gunicorn):
    """5,200 generated requests, over every URL pattern: every one answered, none with a 5xx."""
    base, env = gunicorn
    port = int(base.rsplit(":", 1)[1])
    result = manage(env, "shell", "-c", STAFF_SESSION)
    assert result.returncode == 0, result.stderr
    staff_session = result.stdout.strip()
    sent = []

    @seed(11)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(requests(staff_session), min_size=REQUESTS_AT_ONCE, max_size=REQUESTS_AT_ONCE))
    def draw_and_send(batch):
        """Hands the requests to the visitors and draws the next while they are answered."""
        sent.extend((request, visitors.submit(send, port, *request)) for request in batch)

    with ThreadPoolExecutor(REQUESTS_AT_ONCE) as visitors:
        draw_and_send()
    answers = [(future.result(), request) for request, future in sent]
    failures = [(answer, request) for answer, request in answers if not isinstance(answer, int) or answer >= 500]
    assert len(answers) >= 5000
    assert failures == [], f"{len(failures)} of {len(answers)} requests failed, first: {failures[:3]}"


@pytest.mark.parametrize("pattern", ["en/law/", "admin/login/", r"\.well\-known/security\.txt"])
def test_the_fuzz_covers_every_url_pattern(pattern):
    """The patterns the requests are drawn from are the site's own, both languages and the admin included."""
    assert pattern in all_url_patterns()
    assert r"zh\-hans/law/(?P<law>[-a-zA-Z0-9_]+)/article\-(?P<number>[0-9]+)/" in all_url_patterns()
