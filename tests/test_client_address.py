"""Whose address the feedback limit and the staff sign-in lockout count: the connection's, unless trusted
proxies are configured, and then the address the outermost of them saw. A visitor's own X-Forwarded-For
never lets them pass for someone else."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from .test_feedback import RESULT, SEND, empty_cache  # noqa: F401 - the fixture empties the cache for each test

pytestmark = pytest.mark.django_db


def send_feedback(forwarded_for, remote="192.0.2.1"):
    client = Client(REMOTE_ADDR=remote, headers={"Origin": "http://testserver", "X-Forwarded-For": forwarded_for})
    return client.post(SEND, {"useful": "yes", "back": RESULT}).status_code


def test_without_trusted_proxies_a_forged_forwarded_for_does_not_escape_the_feedback_limit():
    """Six answers from one connection, each claiming another address: the sixth is refused."""
    answers = [send_feedback(f"203.0.113.{n}") for n in range(6)]
    assert answers == [302] * 5 + [429]  # each stored answer is sent on to the thanks


def test_behind_one_trusted_proxy_each_visitor_has_their_own_feedback_limit(settings):
    """The proxy's connection carries many visitors; each is counted by the address the proxy saw."""
    settings.TRUSTED_PROXIES = 1
    answers = [send_feedback(f"198.51.100.9, 203.0.113.{n}") for n in range(6)]
    assert answers == [302] * 6
    assert [send_feedback("198.51.100.9, 203.0.113.77") for _ in range(6)][-1] == 429


def failed_sign_in(forwarded_for, remote="192.0.2.1"):
    client = Client(REMOTE_ADDR=remote, headers={"X-Forwarded-For": forwarded_for})
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})


@pytest.mark.parametrize(
    ("trusted_proxies", "forwarded_for", "counted"),
    [
        (0, "203.0.113.5", "192.0.2.1"),  # the visitor's own header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "10.0.0.1, 203.0.113.5", "203.0.113.5"),  # the entry the proxy added, not the visitor's
        (2, "10.0.0.1, 203.0.113.5, 172.16.0.2", "203.0.113.5"),
        (1, "not an address", "192.0.2.1"),
    ],
)
def test_the_sign_in_lockout_counts_the_same_address(settings, trusted_proxies, forwarded_for, counted):
    """django-axes records a failed sign-in under the address the rule gives."""
    settings.TRUSTED_PROXIES = trusted_proxies
    failed_sign_in(forwarded_for)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [counted]
