"""The guide's pages as a visitor meets them: questions, errors, results and the URL as state."""

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, strip_tags

from guidance.models import Citation, Outcome

pytestmark = pytest.mark.django_db

PATHS = {
    "employee": [("situation", "employee"), ("employer-paying", "yes")],
    "employer-not-paying": [("situation", "employee"), ("employer-paying", "no")],
    "flexible-employee": [
        ("situation", "flexible"),
        ("flexible-scheme", "employee-insurance"),
        ("flexible-lapse", "no"),
    ],
    "flexible-lapse": [("situation", "flexible"), ("flexible-scheme", "employee-insurance"), ("flexible-lapse", "yes")],
    "residents": [("situation", "resident"), ("resident-lapse", "no")],
    "residents-lapse": [("situation", "resident"), ("resident-lapse", "yes")],
    "child-student": [("situation", "child"), ("child-age", "child")],
    "newborn": [("situation", "child"), ("child-age", "newborn")],
    "retired": [("situation", "retired"), ("retired-years", "enough")],
    "retired-short": [("situation", "retired"), ("retired-years", "not-enough")],
    "unemployment-benefits": [("situation", "unemployment-benefits")],
    "moving-employee": [("situation", "moving"), ("moving-scheme", "employee-insurance")],
    "moving-resident": [("situation", "moving"), ("moving-scheme", "residents-insurance")],
    "which-scheme": [("situation", "not-sure")],
}
FLEXIBLE = {"situation": "flexible", "flexible-scheme": "employee-insurance"}


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
def test_each_path_ends_in_steps_that_say_what_they_rest_on(client, outcome, language):
    """Answering each path's questions shows its outcome's steps, each citing paragraphs with a link or
    resting on practice shown with its source and the date it was checked."""
    response = answer(client, PATHS[outcome], language)
    assert response.status_code == 200
    assert response.context["outcome"].slug == outcome
    html = response.content.decode()
    text = strip_tags(html)  # as read: the English site marks the Chinese in English text as Chinese
    steps = response.context["outcome"].steps.all()
    assert steps
    for step in steps:
        assert escape(step.title) in text
        assert step.citations.all() or step.practice_notes.all(), f"step {step.title_en!r} rests on nothing"
        for citation in step.citations.all():
            assert f'href="{citation.get_absolute_url()}"' in html
        for note in step.practice_notes.all():
            assert escape(note.source) in text


@pytest.mark.parametrize("outcome", PATHS)
def test_every_result_says_who_to_contact_and_how(client, outcome):
    """Every result names the medical insurance agency, the hotlines (12393 for medical insurance, 12366
    for payments through tax channels, 12333 for social security cards, 12345 for anything else) and what
    to bring."""
    response = answer(client, PATHS[outcome])
    html = response.content.decode()
    assert "medical insurance agency" in html
    assert all(hotline in html for hotline in ("12393", "12366", "12333", "12345"))
    assert "resident ID card" in html or "identity document" in html


def test_result_page_lists_answers_with_change_links(client):
    """'Your answers' shows each question with the answer given and a link back to change it."""
    response = answer(client, PATHS["flexible-employee"])
    rows = response.context["answered"]
    assert [row["question"].slug for row in rows] == ["situation", "flexible-scheme", "flexible-lapse"]
    change = client.get(rows[1]["change_url"])
    assert change.status_code == 200
    assert change.context["question"].slug == "flexible-scheme"
    assert change.context["selected"] == "employee-insurance"
    assert b'value="employee-insurance" checked' in change.content
    assert b"Start again" in response.content


def test_changing_an_answer_drops_the_answers_after_it(client):
    """Choosing differently on a Change page leads down the new path without the old later answers."""
    response = client.get(
        url(
            "question",
            "flexible-scheme",
            **{**FLEXIBLE, "flexible-scheme": "not-sure", "next": "1"},
        )
    )
    assert location(response) == (
        url("result", "which-scheme"),
        {"situation": "flexible", "flexible-scheme": "not-sure"},
    )


def test_what_to_bring_lists_the_documents_for_paying_yourself(client):
    """Paying yourself: the page says to bring the resident ID card and social security card."""
    response = answer(client, PATHS["flexible-employee"])
    html = response.content.decode()
    assert "What to bring" in html
    assert "resident ID card" in html and "social security card" in html


def test_cited_text_is_on_the_result_page(client):
    """The text of each cited paragraph is on the result page itself, in both languages on the English site."""
    response = answer(client, PATHS["employee"])
    citation = Citation.objects.get(step__outcome__slug="employee", article__number=23, paragraph=1)
    zh, en = citation.cited_text()
    html = response.content.decode()
    assert zh[0].text in html
    assert escape(en[0].text) in html
    assert "Unofficial translation" in html


def test_unanswered_question_shows_an_error_summary(client):
    """Continuing without choosing shows the error summary linked to the radios, and 'Error:' in the title."""
    response = client.get(url("question", "situation", next="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'class="error-summary"' in html
    assert 'href="#situation"' in html and 'id="situation"' in html
    assert 'aria-describedby="situation-hint situation-error"' in html


def test_unanswered_question_error_is_in_chinese_on_the_chinese_site(client):
    """The error summary speaks the visitor's language."""
    response = client.get(url("question", "situation", language="zh-hans", next="1"))
    html = response.content.decode()
    assert "<title>错误：" in html
    assert "请选择一个答案" in html


@pytest.mark.parametrize(
    "query",
    [
        {"situation": "nobody", "next": "1"},
        {"situation": "nobody"},
        {"situation": "<script>alert(1)</script>", "next": "1"},
    ],
)
def test_forged_answer_to_this_question_is_a_bad_request(client, query):
    """An answer that is not one of the options gets a helpful 400 page, not an error summary."""
    response = client.get(url("question", "situation", **query))
    assert response.status_code == 400
    assert b"Start the guide again" in response.content
    assert b"<script>alert" not in response.content


def test_forged_earlier_answer_is_a_bad_request_in_chinese(client):
    """A forged answer carried in the URL gets the 400 page in the visitor's language."""
    response = client.get(url("result", "residents", language="zh-hans", **{"situation": "robot"}))
    assert response.status_code == 400
    assert "重新开始" in response.content.decode()


def test_repeated_parameter_is_a_bad_request(client):
    """Two values for one question cannot come from the form."""
    response = client.get(url("question", "employer-paying") + "?situation=employee&situation=flexible")
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
    response = client.get(url("question", "flexible-lapse", **{"situation": "employee"}))
    assert location(response) == (url("question", "employer-paying"), {"situation": "employee"})


def test_result_for_answers_that_lead_elsewhere_redirects(client):
    """A result URL whose answers lead to another outcome redirects to that outcome."""
    response = client.get(url("result", "residents", **{"situation": "employee", "employer-paying": "no"}))
    assert location(response) == (
        url("result", "employer-not-paying"),
        {"situation": "employee", "employer-paying": "no"},
    )


def test_result_with_missing_answers_redirects_to_the_first_unanswered_question(client):
    """Jumping straight to a result sends the visitor to the first question still to answer."""
    response = client.get(url("result", "flexible-employee", **{"situation": "flexible"}))
    assert location(response) == (url("question", "flexible-scheme"), {"situation": "flexible"})


def test_unknown_parameters_are_dropped(client):
    """Parameters the guide does not know are removed by a redirect to the clean URL."""
    response = client.get(url("result", "which-scheme", **{"situation": "not-sure", "utm_source": "x"}))
    assert location(response) == (url("result", "which-scheme"), {"situation": "not-sure"})
    response = client.get(url("question", "situation", **{"flexible-lapse": "yes"}))
    assert location(response) == (url("question", "situation"), {})


def test_later_answers_on_a_question_page_are_dropped(client):
    """Coming back to an earlier question forgets the answers that came after it."""
    response = client.get(url("question", "situation", **{"situation": "employee", "employer-paying": "no"}))
    assert location(response) == (url("question", "situation"), {"situation": "employee"})


def test_question_page_carries_earlier_answers_in_hidden_fields(client):
    """The form sends the earlier answers along with this one, so the URL holds the whole state."""
    response = client.get(url("question", "flexible-lapse", **FLEXIBLE))
    html = response.content.decode()
    assert '<form method="get" action="/en/guide/question/flexible-lapse/"' in html
    assert '<input type="hidden" name="situation" value="flexible">' in html
    assert '<input type="hidden" name="flexible-scheme" value="employee-insurance">' in html


def test_back_link_goes_to_the_previous_question_with_its_answer(client):
    """The Back link returns to the previous question with the answer given there still chosen."""
    response = client.get(url("question", "employer-paying", **{"situation": "employee"}))
    assert response.context["back_url"] == url("question", "situation", **{"situation": "employee"})
    start = client.get(url("question", "situation"))
    assert start.context["back_url"] == url("start")


def test_language_switch_keeps_the_page_and_answers(client):
    """The link to the other language leads to the same question with the same answers."""
    response = client.get(url("question", "flexible-lapse", **FLEXIBLE))
    html = response.content.decode()
    chinese = url("question", "flexible-lapse", language="zh-hans", **FLEXIBLE)
    assert f'href="{chinese.replace("&", "&amp;")}"' in html
    translated = client.get(chinese)
    assert translated.status_code == 200
    assert "断缴" in translated.content.decode()


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
    assert f'href="{url("question", "situation")}"' in html


def test_pages_are_in_the_chosen_language(client):
    """The Chinese site shows the Chinese question and interface; the English site the English ones."""
    chinese = client.get(url("question", "situation", language="zh-hans")).content.decode()
    english = client.get(url("question", "situation")).content.decode()
    assert '<html lang="zh-Hans">' in chinese and "以下哪种情况最符合您？" in chinese and "继续" in chinese
    assert '<html lang="en">' in english and "Which of these describes you best?" in english and "Continue" in english


def test_visitor_requests_never_write_to_the_database(client):
    """Nothing a visitor sends, forged or not, inserts, updates or deletes a row (the page cache is files)."""
    before = Outcome.objects.count(), Citation.objects.count()
    with CaptureQueriesContext(connection) as queries:
        answer(client, PATHS["flexible-employee"])
        client.get(url("question", "situation", **{"situation": "x'; DROP TABLE guidance_outcome; --", "next": "1"}))
        client.get(url("result", "residents", **{"situation": "resident", "resident-lapse": "no", "x": "1"}))
        client.get(url("result", "pay-in-person", **{"who-pays": "myself", "how-to-pay": "agency"}))
    reads = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK")
    assert [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith(reads)] == []
    assert (Outcome.objects.count(), Citation.objects.count()) == before


@pytest.mark.parametrize(("language", "shown"), [("zh-hans", "依据：各地做法"), ("en", "Rests on: Local practice")])
def test_a_practice_notes_source_follows_its_label_as_the_language_writes_it(client, language, shown):
    """No gap after the full-width colon on the Chinese site; a space after the colon on the English one."""
    html = answer(client, PATHS["residents"], language).content.decode()
    assert shown in html
