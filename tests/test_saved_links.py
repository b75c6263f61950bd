"""Links saved from earlier editions of the guide keep leading somewhere useful: never a 400 or 404."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from guidance import editions
from guidance.models import FormerName, Option, Outcome, Question
from tests.factories import shipped_guide

pytestmark = pytest.mark.django_db


def url(name, slug, language="en", **query):
    with translation.override(language):
        path = reverse(f"guidance:{name}", kwargs={"slug": slug})
    return path + ("?" + urlencode(query) if query else "")


def follow(client, address):
    """Follow redirects; return the final response and the chain of addresses."""
    chain = [address]
    response = client.get(address)
    while response.status_code in (301, 302) and len(chain) < 10:
        chain.append(response["Location"])
        response = client.get(response["Location"])
    return response, chain


# Every result and question address of the first edition of the guide, and where its answers now lead.
FIRST_EDITION = [
    ("result", "employer-pays", {"who-pays": "employer", "employer-paying": "yes"}, "result", "employee"),
    (
        "result",
        "employer-not-paying",
        {"who-pays": "employer", "employer-paying": "no"},
        "result",
        "employer-not-paying",
    ),
    ("result", "which-insurance", {"who-pays": "not-sure"}, "result", "which-scheme"),
    ("result", "residents", {"who-pays": "myself", "your-situation": "resident"}, "question", "resident-lapse"),
    (
        "result",
        "make-up-contributions",
        {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "yes"},
        "question",
        "flexible-scheme",
    ),
    (
        "result",
        "pay-in-person",
        {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no", "how-to-pay": "in-person"},
        "question",
        "flexible-scheme",
    ),
    (
        "result",
        "pay-through-agency",
        {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no", "how-to-pay": "agency"},
        "question",
        "flexible-scheme",
    ),
    ("question", "who-pays", {}, "question", "situation"),
    ("question", "employer-paying", {"who-pays": "employer"}, "question", "employer-paying"),
    ("question", "your-situation", {"who-pays": "myself"}, "question", "situation"),
    ("question", "lapse", {"who-pays": "myself", "your-situation": "flexible-work"}, "question", "flexible-scheme"),
    (
        "question",
        "how-to-pay",
        {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no"},
        "question",
        "flexible-scheme",
    ),
    ("result", "pay-in-person", {}, "result", "flexible-employee"),
]


@pytest.mark.parametrize(("kind", "slug", "answers", "lands_on", "landing"), FIRST_EDITION)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_addresses_of_the_first_edition_still_lead_somewhere(client, kind, slug, answers, lands_on, landing, language):
    """Each saved address of the first edition leads, by redirects, to the page its answers lead to now."""
    response, chain = follow(client, url(kind, slug, language, **answers))
    assert response.status_code == 200, chain
    assert urlsplit(chain[-1]).path == url(lands_on, landing, language)


def test_a_renamed_answer_is_carried_to_the_next_question(client):
    """An old answer that still means something is kept under its new name in the address."""
    response = client.get(url("result", "employer-pays", **{"who-pays": "employer"}))
    parts = urlsplit(response["Location"])
    assert parts.path == url("question", "employer-paying")
    assert dict(parse_qsl(parts.query)) == {"situation": "employee"}


def test_a_name_the_guide_never_had_is_still_not_found(client):
    """Former names are no back door: an address that never existed is a 404, a forged answer a 400."""
    assert client.get(url("result", "no-such-result")).status_code == 404
    assert client.get(url("question", "situation", situation="robot")).status_code == 400


def test_renaming_in_a_draft_keeps_the_old_addresses_working(client, admin_user):
    """When staff rename a result, a question and an answer value in a draft, publishing keeps the old
    addresses working: they lead to the renamed pages with the answers read under their new names."""
    draft = editions.create_draft(shipped_guide())
    Outcome.objects.filter(guide=draft, slug="employee").update(slug="employer-pays-for-you")
    Question.objects.filter(guide=draft, slug="employer-paying").update(slug="is-employer-paying")
    Option.objects.filter(question__guide=draft, question__slug="is-employer-paying", value="yes").update(
        value="paying"
    )
    editions.publish(draft)

    old = url("result", "employee", situation="employee", **{"employer-paying": "yes"})
    response, chain = follow(client, old)
    assert response.status_code == 200
    parts = urlsplit(chain[-1])
    assert parts.path == url("result", "employer-pays-for-you")
    assert dict(parse_qsl(parts.query)) == {"situation": "employee", "is-employer-paying": "paying"}
    assert FormerName.objects.filter(kind="outcome", old="employee", new="employer-pays-for-you").exists()


def test_removing_an_answer_in_a_draft_asks_the_question_again(client):
    """A removed answer is dropped from old addresses, and the visitor is asked that question again."""
    draft = editions.create_draft(shipped_guide())
    Option.objects.filter(question__guide=draft, question__slug="employer-paying", value="not-sure").delete()
    editions.publish(draft)

    response, chain = follow(client, url("result", "employee", situation="employee", **{"employer-paying": "not-sure"}))
    assert response.status_code == 200
    assert urlsplit(chain[-1]).path == url("question", "employer-paying")
