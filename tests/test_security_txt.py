"""/.well-known/security.txt (RFC 9116) tells a security researcher whom to write to."""

import datetime

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_security_txt_gives_the_contact_from_the_settings_and_a_future_expiry(settings):
    """The contact an operator configured, an expiry months ahead, and the file's own address."""
    settings.SECURITY_CONTACT = "mailto:security@insurance.example.cn"
    response = Client().get("/.well-known/security.txt", secure=True)
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@insurance.example.cn"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    now = datetime.datetime.now(datetime.UTC)
    assert now + datetime.timedelta(days=30) < expires < now + datetime.timedelta(days=365)
    assert fields["Canonical"] == "https://testserver/.well-known/security.txt"


def test_without_a_contact_there_is_no_security_txt(settings):
    """Better no file than one that names nobody."""
    settings.SECURITY_CONTACT = ""
    assert Client().get("/.well-known/security.txt").status_code == 404
