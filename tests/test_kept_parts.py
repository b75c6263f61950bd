"""Parts many public pages share (a guide's questions, a cited paragraph) are drawn once and reused, and a
change to them shows on the next request all the same."""

import io

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from guidance.models import Citation, Guide, Option, Outcome, Step
from search.models import Document
from statutes.models import ArticleVersion

pytestmark = pytest.mark.django_db

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"


@pytest.fixture(autouse=True)
def nothing_kept_yet():
    caches["default"].clear()
    caches["local"].clear()


def cited_on_the_result():
    """A citation the result shows, the text in force it shows, and the first of its paragraphs."""
    citation = Citation.objects.filter(step__outcome__guide=Guide.objects.live(), step__outcome__slug="residents")[0]
    version = citation.article.version_on()
    return version, citation.cited_text()[0][0].text


def change_the_law(version, paragraph):
    version.text_zh = version.text_zh.replace(paragraph, paragraph + "（刚刚修改）")
    version.save()


def test_a_changed_paragraph_shows_at_once_on_every_result_that_cites_it():
    """The citation's text was kept from the first page; edited, it is drawn afresh on the next."""
    version, paragraph = cited_on_the_result()
    assert "刚刚修改" not in Client().get(RESULT).content.decode()
    change_the_law(version, paragraph)
    assert "刚刚修改" in Client().get(RESULT).content.decode()


def test_a_new_address_for_a_page_reuses_what_it_shares_with_pages_already_drawn():
    """Larger text is a new address (a page cache miss), but neither the guide's questions nor the result's
    steps are read again: the page is drawn without reading the guide or the law."""
    Client().get(RESULT)
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(RESULT + "&text=large")
    assert response["X-Cache"] == "miss" and "text-large" in response.content.decode()
    assert not [query for query in queries if "guidance_" in query["sql"] or "statutes_" in query["sql"]]


def test_an_edited_step_shows_at_once_on_its_result():
    """The result's steps were kept from the first page; a step edited in the admin is on the next."""
    Client().get(RESULT)
    step = Step.objects.filter(outcome__guide=Guide.objects.live(), outcome__slug="residents").first()
    step.title_en = "A step retitled just now"
    step.save()
    assert "retitled just now" in Client().get(RESULT + "&text=large").content.decode()


def test_a_changed_answer_shows_at_once_in_the_questions_already_read():
    """An option relabelled in the admin is on the next page, though the guide's questions were kept."""
    Client().get("/en/guide/question/situation/")
    option = Option.objects.get(question__guide=Guide.objects.live(), question__slug="situation", value="resident")
    option.label_en = "Someone insured where they live, relabelled"
    option.save()
    assert "relabelled" in Client().get("/en/guide/question/situation/?text=large").content.decode()


def test_a_retitled_result_is_found_under_its_new_title_at_once():
    """Search keeps the guide's results it may show; a result retitled in the admin is shown with its new
    title, and found by it, on the next search."""
    path = "/en/search/?q=newborn"
    assert "Enrolling a newborn" in Client().get(path).content.decode()
    outcome = Outcome.objects.get(guide=Guide.objects.live(), slug="newborn")
    outcome.title_en = "Insuring a newborn baby"
    outcome.save()
    html = Client().get(path).content.decode()
    assert "Insuring a newborn baby" in html and "Enrolling a newborn" not in html


def test_a_new_search_for_what_was_found_before_costs_no_query_and_shows_an_edited_article_at_once():
    """A new question (a page cache miss) finding articles other searches showed costs no query at all:
    the index's entries, the articles' results and their text in force are kept. An article edited in the
    admin is shown with its new text on the next search all the same."""
    Client().get("/zh-hans/search/?q=滞纳金 用人单位")
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/zh-hans/search/?q=用人单位 滞纳金")
    assert response["X-Cache"] == "miss" and response.context["count"]
    assert not queries, [query["sql"] for query in queries]
    shown = next(hit for hit in response.context["page"] if hit.kind == "law")
    version = next(v for v in ArticleVersion.objects.current() if v.article.get_absolute_url() == shown.url)
    version.text_zh += "滞纳金（刚刚修改）"
    version.save()
    assert "刚刚修改" in Client().get("/zh-hans/search/?q=滞纳金 用人单位 缴纳").content.decode()


def test_with_a_cache_that_keeps_nothing_nothing_is_kept_here_either(settings):
    """Django's dummy cache keeps no content version, so no part is ever reused (it could never be
    replaced): a change still shows at once."""
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    version, paragraph = cited_on_the_result()
    Client().get(RESULT)
    change_the_law(version, paragraph)
    response = Client().get(RESULT)
    assert "X-Cache" not in response and "刚刚修改" in response.content.decode()


def test_a_rebuilt_search_index_is_searched_at_once():
    """An index emptied behind the content's back finds nothing; rebuilt by an operator, the next search
    finds again: neither the page nor the term's entries kept while it was empty are used."""
    path = "/zh-hans/search/?q=滞纳金"
    Document.objects.all().delete()  # not content: nothing changes for the page cache
    assert Client().get(path).context["count"] == 0
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert Client().get(path).context["count"]
    assert Client().get(path + "&page=1").context["count"]


def test_the_header_and_footer_every_page_shares_are_kept_for_each_language_and_host(settings):
    """The site's header, footer and link card are drawn once for each language and host: an English page
    drawn after a Chinese one speaks English, and a page asked for under another name links its own."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", "localhost"]
    chinese = Client().get("/zh-hans/guide/question/situation/").content.decode()
    assert "跳到主要内容" in chinese and "testserver/static/" in chinese
    english = Client().get("/en/guide/question/situation/").content.decode()
    assert "Skip to main content" in english and "unofficial" in english and "跳到主要内容" not in english
    other = Client().get("/en/guide/question/situation/", headers={"Host": "localhost"}).content.decode()
    assert "://localhost/static/" in other and "testserver/static/" not in other
