"""The counter card (办事卡): the result on one page for the clerk, the same content as the result page."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from guidance.card import qr_code
from guidance.models import Outcome

pytestmark = pytest.mark.django_db

ANSWERS = "?situation=employee&employer-paying=no"
CARD = "/{language}/guide/result/employer-not-paying/card/" + ANSWERS
RESULT = "/{language}/guide/result/employer-not-paying/" + ANSWERS


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def card_html(language):
    response = Client().get(CARD.format(language=language))
    assert response.status_code == 200
    return unescape(response.content.decode())


def outcome():
    return Outcome.objects.prefetch_related("steps__citations__article__law", "steps__practice_notes").get(
        guide__status="published", slug="employer-not-paying"
    )


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_card_shows_what_the_result_rests_on_in_the_official_chinese_text(language):
    """Every step, every cited paragraph's Chinese text, every practice note with its source and checked date."""
    html = card_html(language)
    shown = outcome()
    for step in shown.steps.all():
        assert step.title_zh in html
        for citation in step.citations.all():
            for paragraph in citation.cited_text()[0]:
                assert paragraph.text in html
            with translation.override("zh-hans"):
                assert citation.label in html
        for note in step.practice_notes.all():
            assert note.text_zh in html and note.source_zh in html
    assert "2026年11月26日" in html  # the shipped practice notes' checked date
    for item in shown.to_bring_zh.splitlines():
        assert item in html


def test_the_english_card_has_the_english_alongside_but_the_law_only_in_chinese():
    """The visitor reads the English; the law's English is an unofficial translation and stays off the card."""
    html = card_html("en")
    shown = outcome()
    assert shown.title_zh in html and shown.title_en in html
    for step in shown.steps.all():
        assert step.title_en in html
        for citation in step.citations.all():
            for paragraph in citation.cited_text()[1]:
                assert paragraph.text not in html
    assert "Your answers" in html and "您的回答" in html
    assert "您的回答" in card_html("zh-hans") and "Your answers" not in card_html("zh-hans")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_card_links_its_result_and_draws_the_qr_code_itself(language):
    """The QR code is inline SVG with no style of its own, next to the result's full address."""
    html = card_html(language)
    address = "http://testserver" + RESULT.format(language=language)
    assert f'href="{address}"' in html
    svg = re.search(r"<svg [^>]*class=\"card__qr-code\".*?</svg>", html, re.S)[0]
    assert "style" not in svg and "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert qr_code(address) in html


def test_the_card_is_cached_like_every_public_page():
    """The second visitor gets the first one's bytes; nobody gets a cookie."""
    path = CARD.format(language="en")
    first, second = Client().get(path), Client().get(path)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content and not first.cookies


def test_a_card_whose_answers_lead_elsewhere_goes_where_they_lead(client):
    """Like the result page: answers that lead to another result or question redirect there; a forged one is refused."""
    response = client.get("/en/guide/result/employer-not-paying/card/?situation=employee&employer-paying=yes")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/guide/result/employee/")
    assert client.get("/en/guide/result/employer-not-paying/card/?situation=forged").status_code == 400
    assert client.get("/en/guide/result/no-such-result/card/").status_code == 404


def test_the_result_page_offers_the_card(client):
    """A result links its card with the same answers."""
    html = unescape(client.get(RESULT.format(language="zh-hans")).content.decode())
    assert f'href="{CARD.format(language="zh-hans")}"' in html
