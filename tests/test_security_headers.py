"""Every public page, drawn afresh or from the page cache, carries the strict headers: a
Content-Security-Policy that allows nothing inline and nothing from elsewhere, every browser feature off,
and the cross-origin, referrer and HTTPS headers. The pages themselves hold nothing inline the policy
would block, so it costs visitors nothing."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client

from .test_query_counts import PAGES

pytestmark = pytest.mark.django_db

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
ERROR_PAGES = [
    "/en/guide/question/situation/?situation=forged",  # 400
    "/zh-hans/law/social-insurance-law/article-999/",  # 404
    "/no-such-page/",  # 404 outside the language prefixes
]
OTHER = ["/sitemap.xml", "/.well-known/security.txt", "/static/css/site.css"]
FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "autoplay"]


@pytest.fixture(autouse=True)
def production_headers(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURITY_CONTACT = "mailto:security@example.cn"
    cache.clear()


def policy(response):
    """The Content-Security-Policy as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_strict_headers(response):
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    for sources in csp.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"} & set(
            sources
        )
    allowed = dict(re.findall(r"([a-z-]+)=(\([^)]*\))", response["Permissions-Policy"]))
    assert {allowed.get(feature) for feature in FEATURES} == {"()"}
    assert set(allowed.values()) == {"()"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.parametrize("path", PAGES + ERROR_PAGES + OTHER)
def test_every_public_page_has_the_strict_headers_drawn_afresh_and_from_the_cache(path):
    """The second request is a cache hit (where the page is cached) and carries the same headers."""
    first = Client().get(path, secure=True)
    second = Client().get(path, secure=True)
    if path.startswith("/en/law/") or path == RESULT:
        assert second["X-Cache"] == "hit"
    for response in (first, second):
        assert_strict_headers(response)


# Script elements that hold data, which browsers never run, so no policy blocks them (JSON-LD).
DATA_BLOCKS = {"application/ld+json"}


class InlineContent(HTMLParser):
    """What a strict policy would block: inline scripts, style attributes, event handlers and style
    elements (collected, with their text, to compare with the hashes the policy allows)."""

    def __init__(self):
        super().__init__()
        self.blocked, self.styles, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") not in DATA_BLOCKS:
            self.blocked.append("inline script")
        if "style" in names:
            self.blocked.append(f"style attribute on {tag}")
        self.blocked += [f"{name} on {tag}" for name in names if name.startswith("on")]
        self.blocked += [f"javascript: link on {tag}" for value in names.values() if "javascript:" in (value or "")]
        if tag == "style":
            self._in_style = True
            self.styles.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data


def inline_content(response):
    parser = InlineContent()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("path", [path for path in PAGES + ERROR_PAGES if not path.startswith("/api/")])
def test_public_pages_hold_nothing_inline_the_policy_would_block(path):
    """Styles and scripts come from static files, so the policy needs no 'unsafe-inline'."""
    found = inline_content(Client().get(path, secure=True))
    assert found.blocked == [] and found.styles == []


@pytest.mark.parametrize("template", ["500.html", "503.html", "400_host.html"])
def test_the_self_contained_error_pages_style_is_allowed_by_its_hash(template):
    """The pages drawn without static files keep their one style element, and the policy allows exactly
    that style by its hash (a change to the style without the hash would leave the page unstyled)."""
    from django.template.loader import render_to_string

    found = InlineContent()
    found.feed(render_to_string(template))
    assert found.blocked == [] and len(found.styles) == 1
    digest = base64.b64encode(hashlib.sha256(found.styles[0].encode()).digest()).decode()
    response = Client().get("/en/", secure=True)
    assert f"'sha256-{digest}'" in policy(response)["style-src"]


def test_the_staff_site_has_the_strict_headers(admin_client):
    """The admin works under the same policy: no inline script or style there either."""
    for path in ("/admin/", "/admin/guidance/step/", "/admin/statutes/article/"):
        response = admin_client.get(path, secure=True)
        assert response.status_code == 200
        assert_strict_headers(response)


def test_a_refused_staff_form_is_a_page_the_policy_allows(client):
    """A sign-in without Django's CSRF token gets the site's own 403 page, with no inline style beyond the
    hashed one (Django's built-in page has inline styles)."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"}, secure=True)
    assert response.status_code == 403
    assert_strict_headers(response)
    found = inline_content(response)
    assert found.blocked == [] and len(found.styles) == 1
    digest = base64.b64encode(hashlib.sha256(found.styles[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy(response)["style-src"]
