"""The guide's pages as a visitor meets them: questions, errors, results and the URL as state."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from guidance.models import Citation, Outcome

pytestmark = pytest.mark.django_db

PATHS = {
    "employer-pays": [("who-pays", "employer"), ("employer-paying", "yes")],
    "employer-not-paying": [("who-pays", "employer"), ("employer-paying", "no")],
    "which-insurance": [("who-pays", "not-sure")],
    "residents": [("who-pays", "myself"), ("your-situation", "resident")],
    "make-up-contributions": [("who-pays", "myself"), ("your-situation", "flexible-work"), ("lapse", "yes")],
    "pay-in-person": [
        ("who-pays", "myself"),
        ("your-situation", "flexible-work"),
        ("lapse", "no"),
        ("how-to-pay", "in-person"),
    ],
    "pay-through-agency": [
        ("who-pays", "myself"),
        ("your-situation", "flexible-work"),
        ("lapse", "no"),
        ("how-to-pay", "agency"),
    ],
}


def url(name, slug=None, language="en", **query):
    with translation.override(language):
        path = reverse(f"guidance:{name}", kwargs={"slug": slug} if slug else None)
    if query:
        path += "?" + urlencode(query)
    return path


def answer(client, answers, language="en"):
    """Answer the questions one page at a time, as the form does; return the last response."""
    response = client.get(url("start", language=language))
    given = []
    for question, value in answers:
        query = {**dict(given), question: value, "next": "1"}
        response = client.get(url("question", question, language=language, **query))
        assert response.status_code == 302, f"{question}={value} did not move on"
        given.append((question, value))
    return client.get(response["Location"])


def location(response):
    parts = urlsplit(response["Location"])
    return parts.path, dict(parse_qsl(parts.query))


@pytest.mark.parametrize("outcome", PATHS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_path_ends_in_steps_with_citations(client, outcome, language):
    """Answering each path's questions shows its outcome's steps, each citing an article with a link."""
    response = answer(client, PATHS[outcome], language)
    assert response.status_code == 200
    assert response.context["outcome"].slug == outcome
    html = response.content.decode()
    steps = response.context["outcome"].steps.all()
    assert steps
    for step in steps:
        assert escape(step.title) in html
        assert step.citations.all(), f"step {step.title_en!r} cites nothing"
        for citation in step.citations.all():
            assert f'href="{citation.get_absolute_url()}"' in html


def test_result_page_lists_answers_with_change_links(client):
    """'Your answers' shows each question with the answer given and a link back to change it."""
    response = answer(client, PATHS["pay-in-person"])
    rows = response.context["answered"]
    assert [row["question"].slug for row in rows] == ["who-pays", "your-situation", "lapse", "how-to-pay"]
    change = client.get(rows[1]["change_url"])
    assert change.status_code == 200
    assert change.context["question"].slug == "your-situation"
    assert change.context["selected"] == "flexible-work"
    assert b'value="flexible-work" checked' in change.content
    assert b"Start again" in response.content


def test_changing_an_answer_drops_the_answers_after_it(client):
    """Choosing differently on a Change page leads down the new path without the old later answers."""
    response = client.get(
        url("question", "your-situation", **{"who-pays": "myself", "your-situation": "resident", "next": "1"})
    )
    assert location(response) == (url("result", "residents"), {"who-pays": "myself", "your-situation": "resident"})


def test_what_to_bring_lists_the_documents_for_paying_in_person(client):
    """Paying in person: the page says to bring the resident ID card and social security card."""
    response = answer(client, PATHS["pay-in-person"])
    html = response.content.decode()
    assert "What to bring" in html
    assert "resident ID card" in html and "social security card" in html


def test_cited_text_is_on_the_result_page(client):
    """The text of each cited paragraph is on the result page itself, in both languages on the English site."""
    response = answer(client, PATHS["employer-pays"])
    citation = Citation.objects.get(step__outcome__slug="employer-pays", article__number=23, paragraph=1)
    zh, en = citation.cited_text()
    html = response.content.decode()
    assert zh[0] in html
    assert escape(en[0]) in html
    assert "Unofficial translation" in html


def test_unanswered_question_shows_an_error_summary(client):
    """Continuing without choosing shows the error summary linked to the radios, and 'Error:' in the title."""
    response = client.get(url("question", "who-pays", next="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'class="error-summary"' in html
    assert 'href="#who-pays"' in html and 'id="who-pays"' in html
    assert 'aria-describedby="who-pays-hint who-pays-error"' in html


def test_unanswered_question_error_is_in_chinese_on_the_chinese_site(client):
    """The error summary speaks the visitor's language."""
    response = client.get(url("question", "who-pays", language="zh-hans", next="1"))
    html = response.content.decode()
    assert "<title>错误：" in html
    assert "请选择一个答案" in html


@pytest.mark.parametrize(
    "query",
    [
        {"who-pays": "nobody", "next": "1"},
        {"who-pays": "nobody"},
        {"who-pays": "<script>alert(1)</script>", "next": "1"},
    ],
)
def test_forged_answer_to_this_question_is_a_bad_request(client, query):
    """An answer that is not one of the options gets a helpful 400 page, not an error summary."""
    response = client.get(url("question", "who-pays", **query))
    assert response.status_code == 400
    assert b"Start the guide again" in response.content
    assert b"<script>alert" not in response.content


def test_forged_earlier_answer_is_a_bad_request_in_chinese(client):
    """A forged answer carried in the URL gets the 400 page in the visitor's language."""
    response = client.get(url("result", "residents", language="zh-hans", **{"who-pays": "robot"}))
    assert response.status_code == 400
    assert "重新开始" in response.content.decode()


def test_repeated_parameter_is_a_bad_request(client):
    """Two values for one question cannot come from the form."""
    response = client.get(url("question", "employer-paying") + "?who-pays=employer&who-pays=myself")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/en/guide/question/no-such-question/",
        "/en/guide/result/no-such-outcome/",
        "/en/guide/question/",
        "/en/guide/question/who%20pays/",
        "/zh-hans/guide/nowhere/",
    ],
)
def test_unknown_or_mangled_guide_urls_are_not_found(client, path):
    """A question or outcome that does not exist is a 404 page, never a 500."""
    response = client.get(path)
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert response.status_code == 404


def test_unknown_question_with_a_valid_path_redirects_to_the_right_question(client):
    """A question off the path of the answers given redirects to the question those answers lead to."""
    response = client.get(url("question", "how-to-pay", **{"who-pays": "employer"}))
    assert location(response) == (url("question", "employer-paying"), {"who-pays": "employer"})


def test_result_for_answers_that_lead_elsewhere_redirects(client):
    """A result URL whose answers lead to another outcome redirects to that outcome."""
    response = client.get(url("result", "residents", **{"who-pays": "employer", "employer-paying": "no"}))
    assert location(response) == (
        url("result", "employer-not-paying"),
        {"who-pays": "employer", "employer-paying": "no"},
    )


def test_result_with_missing_answers_redirects_to_the_first_unanswered_question(client):
    """Jumping straight to a result sends the visitor to the first question still to answer."""
    response = client.get(url("result", "pay-in-person", **{"who-pays": "myself"}))
    assert location(response) == (url("question", "your-situation"), {"who-pays": "myself"})


def test_unknown_parameters_are_dropped(client):
    """Parameters the guide does not know are removed by a redirect to the clean URL."""
    response = client.get(url("result", "which-insurance", **{"who-pays": "not-sure", "utm_source": "x"}))
    assert location(response) == (url("result", "which-insurance"), {"who-pays": "not-sure"})
    response = client.get(url("question", "who-pays", **{"lapse": "yes"}))
    assert location(response) == (url("question", "who-pays"), {})


def test_later_answers_on_a_question_page_are_dropped(client):
    """Coming back to an earlier question forgets the answers that came after it."""
    response = client.get(url("question", "who-pays", **{"who-pays": "employer", "employer-paying": "no"}))
    assert location(response) == (url("question", "who-pays"), {"who-pays": "employer"})


def test_question_page_carries_earlier_answers_in_hidden_fields(client):
    """The form sends the earlier answers along with this one, so the URL holds the whole state."""
    response = client.get(url("question", "lapse", **{"who-pays": "myself", "your-situation": "flexible-work"}))
    html = response.content.decode()
    assert '<form method="get" action="/en/guide/question/lapse/"' in html
    assert '<input type="hidden" name="who-pays" value="myself">' in html
    assert '<input type="hidden" name="your-situation" value="flexible-work">' in html


def test_back_link_goes_to_the_previous_question_with_its_answer(client):
    """The Back link returns to the previous question with the answer given there still chosen."""
    response = client.get(url("question", "employer-paying", **{"who-pays": "employer"}))
    assert response.context["back_url"] == url("question", "who-pays", **{"who-pays": "employer"})
    start = client.get(url("question", "who-pays"))
    assert start.context["back_url"] == url("start")


def test_language_switch_keeps_the_page_and_answers(client):
    """The link to the other language leads to the same question with the same answers."""
    response = client.get(url("question", "lapse", **{"who-pays": "myself", "your-situation": "flexible-work"}))
    html = response.content.decode()
    chinese = url("question", "lapse", language="zh-hans", **{"who-pays": "myself", "your-situation": "flexible-work"})
    assert f'href="{chinese.replace("&", "&amp;")}"' in html
    translated = client.get(chinese)
    assert translated.status_code == 200
    assert "您是否有一段时间没有缴费" in translated.content.decode()


def test_root_follows_the_browser_language(client):
    """/ sends an English browser to /en/ and a Chinese one to /zh-hans/."""
    assert client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9"})["Location"] == "/zh-hans/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/zh-hans/"


def test_start_page_leads_to_the_first_question(client):
    """The start page explains what you will need and starts the guide at its first question."""
    response = client.get(url("start"))
    html = response.content.decode()
    assert "How do I pay my medical insurance?" in html
    assert f'href="{url("question", "who-pays")}"' in html


def test_pages_are_in_the_chosen_language(client):
    """The Chinese site shows the Chinese question and interface; the English site the English ones."""
    chinese = client.get(url("question", "who-pays", language="zh-hans")).content.decode()
    english = client.get(url("question", "who-pays")).content.decode()
    assert '<html lang="zh-Hans">' in chinese and "您的医疗保险由谁缴纳？" in chinese and "继续" in chinese
    assert '<html lang="en">' in english and "Who pays your medical insurance?" in english and "Continue" in english


def test_visitor_requests_never_write_to_the_database(client):
    """Nothing a visitor sends, forged or not, inserts, updates or deletes a row."""
    before = Outcome.objects.count(), Citation.objects.count()
    with CaptureQueriesContext(connection) as queries:
        answer(client, PATHS["pay-through-agency"])
        client.get(url("question", "who-pays", **{"who-pays": "x'; DROP TABLE guidance_outcome; --", "next": "1"}))
        client.get(url("result", "residents", **{"who-pays": "myself", "your-situation": "resident", "x": "1"}))
    reads = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK")
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(reads)]
    assert writes == []
    assert (Outcome.objects.count(), Citation.objects.count()) == before
