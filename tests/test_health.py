"""Health checks for a load balancer: /healthz says the process answers, /readyz that the database and the
cache do too. Both answer plain HTTP under any Host, and never from the page cache."""

import pytest
from django.test import Client

from .test_production import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


@pytest.fixture(autouse=True)
def production_hardening(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["insurance.example.cn"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_a_load_balancer_gets_an_answer_over_plain_http_under_its_own_host(path):
    """No redirect to HTTPS, no refused Host, no cached copy: the answer a balancer needs."""
    for _ in range(2):
        response = Client().get(path, HTTP_HOST="10.0.0.5:8000")
        assert response.status_code == 200 and response.content == b"ok\n"
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_readiness_fails_while_the_cache_cannot_be_reached(settings):
    """A Redis nobody listens on: /readyz says the cache is unavailable, /healthz still answers."""
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                      "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}}  # fmt: skip
    response = Client().get("/readyz")
    assert (response.status_code, response.content) == (503, b"unavailable: cache\n")
    assert Client().get("/healthz").status_code == 200


def test_other_pages_still_need_https_and_a_known_host():
    """Only the health checks are outside the HTTPS redirect and the Host check."""
    assert Client().get("/en/", HTTP_HOST="insurance.example.cn").status_code == 301
    assert Client().get("/en/", HTTP_HOST="10.0.0.5:8000", secure=True).status_code == 400
