"""'Was this page useful?' on result pages: stored without personal data, protected, limited, counted."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape

from guidance.models import Feedback, Guide

pytestmark = pytest.mark.django_db

RESULT = "/zh-hans/guide/result/residents/?situation=resident&resident-lapse=no"
SEND = "/zh-hans/guide/result/residents/feedback/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def client():
    """A browser on this site: it says where a form comes from, as every current browser does."""
    return Client(headers={"Origin": "http://testserver"})


def test_result_pages_ask_whether_they_were_useful(client):
    """Each result page has the question, yes/no and an optional comment, and sets no cookie: the form
    needs no per-visitor token."""
    response = client.get(RESULT)
    html = response.content.decode()
    assert "这个页面对您有帮助吗？" in html and 'maxlength="500"' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies


def test_an_answer_is_stored_with_nothing_that_identifies_the_visitor(client):
    """The answer, comment, page and language are kept; no address, account or exact time."""
    response = client.post(SEND, {"useful": "no", "comment": "没有说明截止日期", "back": RESULT}, follow=True)
    assert response.status_code == 200
    assert "感谢您的反馈" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.outcome.slug, feedback.useful, feedback.comment, feedback.language) == (
        "residents",
        False,
        "没有说明截止日期",
        "zh-hans",
    )
    assert {field.name for field in Feedback._meta.fields} == {
        "id",
        "outcome",
        "useful",
        "comment",
        "language",
        "created_at",
        "handled",
    }


def test_feedback_goes_to_the_published_edition(client):
    """The answer is recorded against the result page citizens see."""
    client.post(SEND, {"useful": "yes", "back": RESULT})
    assert Feedback.objects.get().outcome.guide == Guide.objects.live()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"comment": "no choice"}, '<a href="#useful">请选择“是”或“否”</a>'),
        ({"useful": "yes", "comment": "x" * 501}, '<a href="#comment">最多500个字符</a>'),
    ],
)
def test_an_incomplete_answer_explains_what_is_missing(client, data, message):
    """No yes/no, or too long a comment, shows the error summary and saves nothing."""
    response = client.post(SEND, {**data, "back": RESULT})
    html = response.content.decode()
    assert 'class="error-summary"' in html and message in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/zh-hans/guide/"},
        {},  # a browser that says nothing of where the form comes from
    ],
)
def test_a_form_sent_from_another_site_is_refused(headers):
    """The answer is refused with the site's own 403 page in the visitor's language, and nothing is stored;
    the page it came from (Origin, else Referer) must be this site."""
    response = Client(headers=headers).post(SEND, {"useful": "yes"})
    assert response.status_code == 403 and "您不能进行这项操作" in response.content.decode()
    assert not Feedback.objects.exists()
    same_site = Client(headers={"Referer": "http://testserver" + RESULT}).post(SEND, {"useful": "yes"})
    assert same_site.status_code == 302 and Feedback.objects.count() == 1


def test_a_flood_from_one_connection_is_refused(client):
    """After five answers in ten minutes from one address, more are refused and not stored."""
    for _ in range(5):
        assert client.post(SEND, {"useful": "yes", "back": RESULT}).status_code == 302
    response = client.post(SEND, {"useful": "yes", "back": RESULT})
    assert response.status_code == 429
    assert Feedback.objects.count() == 5
    other = Client(REMOTE_ADDR="10.9.8.7", headers={"Origin": "http://testserver"})
    assert other.post(SEND, {"useful": "yes", "back": RESULT}).status_code == 302


def test_the_way_back_stays_on_this_site(client):
    """A 'back' address pointing elsewhere is replaced by the result page itself."""
    html = client.post(SEND, {"useful": "yes", "back": "https://evil.example/"}, follow=True).content.decode()
    assert "evil.example" not in html and 'href="/zh-hans/guide/result/residents/' in html
    html = client.get(SEND + "sent/", {"back": "//evil.example/"}).content.decode()
    assert 'href="//evil.example' not in html and 'href="/zh-hans/guide/result/residents/' in html


@pytest.mark.parametrize(
    "path", ["/en/guide/result/no-such-page/feedback/", "/en/preview/guide/result/residents/feedback/"]
)
def test_feedback_for_a_page_that_is_not_published_is_not_found(client, path):
    """Unknown results and the staff preview take no feedback."""
    assert client.post(path, {"useful": "yes"}).status_code == 404


def test_staff_see_counts_and_comments_per_result(admin_client, client):
    """The feedback list counts useful and not useful answers per result page and shows the comments."""
    client.post(SEND, {"useful": "yes", "back": RESULT})
    client.post(SEND, {"useful": "no", "comment": "缺少截止日期", "back": RESULT})
    page = admin_client.get("/admin/guidance/feedback/", headers={"accept-language": "en"})
    row = next(row for row in page.context["counts"] if row["outcome__slug"] == "residents")
    assert (row["said_yes"], row["said_no"], row["total"]) == (1, 1, 2)
    assert "缺少截止日期" in page.content.decode()


def test_the_thanks_is_a_page_of_its_own_that_sends_nothing_again(client):
    """After an answer the visitor is sent on to the thanks, with the way back to where they were reading:
    reloading it stores nothing more."""
    response = client.post(SEND, {"useful": "yes", "back": RESULT}, follow=True)
    thanks = response.redirect_chain[-1][0]
    assert thanks.startswith(SEND + "sent/?back=")
    assert f'href="{escape(RESULT)}"' in response.content.decode()
    assert "感谢您的反馈" in client.get(thanks).content.decode()
    assert Feedback.objects.count() == 1


def test_the_forms_address_opened_as_a_page_leads_to_the_result(client):
    """The feedback address, opened from the history or typed, leads to the result page, not to an empty
    error; other methods are refused."""
    response = client.get(SEND)
    assert response.status_code == 302 and response["Location"] == RESULT
    assert client.put(SEND).status_code == 405
    assert not Feedback.objects.exists()


def test_staff_see_feedback_by_result_with_time_and_mark_it_handled(client, admin_client):
    """The feedback list names the result page, says when (to the second), links to the page, and lets
    staff mark answers as handled; the citizen's words cannot be changed."""
    client.post(SEND, {"useful": "no", "comment": "没有说明截止日期", "back": RESULT})
    feedback = Feedback.objects.get()
    listing = admin_client.get("/admin/guidance/feedback/", headers={"accept-language": "en"})
    html = listing.content.decode()
    assert escape(feedback.outcome.title_en) in html
    assert f'href="{RESULT.replace("/zh-hans/", "/en/").replace("&", "&amp;")}"' in html
    assert re.search(r"\d{1,2}:\d{2}:\d{2}", html), "the time is shown to the second"
    admin_client.post(
        "/admin/guidance/feedback/",
        {"action": "mark_handled", "_selected_action": [feedback.pk]},
    )
    feedback.refresh_from_db()
    assert feedback.handled
    change = admin_client.get(f"/admin/guidance/feedback/{feedback.pk}/change/").content.decode()
    assert 'name="comment"' not in change and 'name="handled"' in change
