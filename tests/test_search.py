"""Search of the law and the guide: Chinese without spaces, English words, article numbers, bad input."""

import re

import pytest
from django.db import connection

from guidance.models import PracticeNote
from search import registry
from statutes.models import HANDLING_REGULATIONS, ArticleVersion
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


def search(client, query, language="en"):
    return client.get(f"/{language}/search/", {"q": query})


def hits(response):
    """Every result found, best first (not only the first page's)."""
    return registry.hits(response.context["page"].paginator.object_list) if response.context["count"] else []


def article_numbers(response, law=SIL):
    """The numbers of the articles of one legal text found, best first."""
    found = [re.search(r"/law/([\w-]+)/article-(\d+)/", hit.url) for hit in hits(response)]
    return [int(match.group(2)) for match in found if match and match.group(1) == law]


def outcome_slugs(response):
    found = [re.search(r"/guide/result/([\w-]+)/", hit.url) for hit in hits(response)]
    return [match.group(1) for match in found if match]


@pytest.mark.parametrize(
    ("query", "articles"),
    [
        ("灵活就业", [10, 12, 23, 58, 60]),
        ("滞纳金", [86]),
        ("身份", [50, 58]),
        ("医疗", None),
        ("flexible workers", [10, 12, 23, 58, 60]),
        ("Flexible Worker", [10, 12, 23, 58, 60]),
        ("arbitration", [83]),
    ],
)
def test_queries_find_the_articles_that_contain_them(client, query, articles):
    """Chinese words (two characters and more) and English words find every article containing them."""
    found = article_numbers(search(client, query))
    if articles is None:
        assert len(found) > 5
    else:
        assert set(articles) <= set(found)


def test_a_single_chinese_character_can_be_searched(client):
    """Even one character is a query (费 appears throughout the law)."""
    assert len(article_numbers(search(client, "费", "zh-hans"))) > 10


@pytest.mark.parametrize(("query", "best"), [("滞纳金", 86), ("late fee", 86)])
def test_the_most_relevant_article_comes_first(client, query, best):
    """Among the articles, those with the most matches, and the query as written, rank first."""
    found = article_numbers(search(client, query))
    assert best in found[:2]


def test_guide_results_are_found_with_links_that_lead_there(client):
    """补缴 (making up contributions) is not a word of the law, but the guide's results use it."""
    response = search(client, "补缴", "zh-hans")
    assert "flexible-lapse" in outcome_slugs(response)
    assert article_numbers(response) == [] and article_numbers(response, HANDLING_REGULATIONS) == []
    for hit in hits(response):
        assert client.get(hit.url).status_code == 200


def test_matches_are_highlighted_in_context(client):
    """Each result shows an excerpt with the matched words marked."""
    html = search(client, "滞纳金", "zh-hans").content.decode()
    assert "<mark>滞纳金</mark>" in html
    html = search(client, "late fee").content.decode()
    assert "<mark>late</mark> <mark>fee</mark>" in html


@pytest.mark.parametrize(
    "query",
    ["23", " 23 ", "第23条", "第二十三条", "Article 23", "art 23", "Art. 23"],
)
def test_typing_a_citation_goes_straight_to_the_article(client, query):
    """An article number, in any common form, opens that article."""
    response = search(client, query)
    assert response.status_code == 302
    assert response["Location"] == "/en/law/social-insurance-law/article-23/"


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("经办条例第六条", 6),
        ("社会保险经办条例第13条", 13),
        ("Regulations article 6", 6),
        ("Handling Regulations, Article 29", 29),
        ("条例 第三十一条", 31),
    ],
)
def test_a_citation_of_the_handling_regulations_goes_to_its_article(client, query, number):
    """Naming the Handling Regulations before the article number opens that article of the Regulations."""
    response = search(client, query)
    assert response.status_code == 302
    assert response["Location"] == f"/en/law/{HANDLING_REGULATIONS}/article-{number}/"


def test_articles_of_both_texts_are_found_and_named(client):
    """Words in the Handling Regulations find their articles, each result naming the text it comes from."""
    response = search(client, "医保电子凭证", "zh-hans")
    assert 6 in article_numbers(response, HANDLING_REGULATIONS)
    html = response.content.decode()
    assert "社会保险经办条例 第六条" in html
    english = search(client, "e-certificate").content.decode()
    assert "Handling Regulations Article 6" in english


def test_a_citation_of_a_missing_article_is_searched_as_text(client):
    """Article 99 does not exist: the search says nothing matched instead of failing."""
    response = search(client, "第99条")
    assert response.status_code == 200
    assert response.context["count"] == 0
    assert "Nothing matched" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Enter a word, a phrase or an article number"),
        ("   ", "Enter a word, a phrase or an article number"),
        ("!!!???。，、", "Enter a word, a phrase or an article number"),
        ("\x07\x1b\x08\u200b", "Enter a word, a phrase or an article number"),
        ("补缴" * 5000, "Your search is too long"),
        ("\x00", "a character that cannot be searched for"),
    ],
)
def test_empty_or_absurd_queries_get_a_clear_message(client, query, message):
    """Nothing to search for, or far too much, is explained on the page; never an error."""
    response = search(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert message in html


def test_a_null_character_is_explained_in_chinese_too(client):
    """%00 in the address is explained on the Chinese page in the site's own words."""
    html = search(client, "\x00", "zh-hans").content.decode()
    assert "<title>错误：" in html and "无法搜索的字符" in html


def test_an_excerpt_without_a_find_is_escaped_once(client):
    """An excerpt that holds none of the words searched shows its apostrophes as apostrophes."""
    html = search(client, "medical spaceship").content.decode()
    assert "residents&#x27; insurance" in html and "&amp;#x27;" not in html


def test_search_box_is_on_every_page(client):
    """The law's pages and the guide's pages all carry the search box."""
    for path in ["/en/", "/zh-hans/guide/question/situation/", "/en/law/social-insurance-law/article-23/"]:
        assert 'role="search"' in client.get(path).content.decode()


def test_edits_are_searchable_at_once(client):
    """A word staff add to an article's text is found by search; the word they removed is not."""
    version = ArticleVersion.objects.get(article__law__slug=SIL, article__number=23)
    version.text_en = version.text_en.replace("jointly", "together-ish") + " Zymurgy."
    version.save()
    assert article_numbers(search(client, "zymurgy")) == [23]
    assert 23 not in article_numbers(search(client, "jointly"))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the query plan checked is PostgreSQL's; CI runs this on PostgreSQL"
)
def test_postgresql_looks_terms_up_through_an_index():
    """On PostgreSQL the term lookup is an index scan, not a scan of the whole table."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT document_id, term FROM search_posting WHERE term IN ('滞纳', '纳金')")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index" in plan and "search_posting" in plan


def test_practice_notes_are_searchable_at_once(client):
    """What a practice note says finds its result, as soon as staff save it."""
    note = PracticeNote.objects.filter(step__outcome__guide__status="published", step__outcome__slug="newborn").first()
    note.text_en += " Zymurgy."
    note.save()
    assert "newborn" in outcome_slugs(search(client, "zymurgy"))


def test_how_do_i_pay_leads_with_the_guide(client):
    """怎么交医保 and "how do I pay" open with the guide's start, then the guide's results before articles."""
    for query, language in [("怎么交医保", "zh-hans"), ("how do I pay for medical insurance", "en")]:
        response = search(client, query, language)
        assert [bet.url for bet in response.context["best_bets"]] == [f"/{language}/"]
        kinds = [hit.kind for hit in hits(response)]
        assert kinds.index("law") > kinds.index("guide") and "guide" not in kinds[kinds.index("law") :]
    assert search(client, "滞纳金", "zh-hans").context["best_bets"] == []


@pytest.mark.parametrize(
    ("query", "language", "searched"),
    [
        ("怎么办理火星签证", "zh-hans", "搜索：办理 火星 签证"),
        ("how do I get a Mars visa", "en", "searched for: mars visa"),
    ],
)
def test_no_result_says_what_was_searched_and_where_to_go(client, query, language, searched):
    html = search(client, query, language).content.decode()
    assert searched in html
    assert f'href="/{language}/"' in html and f'href="/{language}/law/"' in html and "12393" in html


def test_results_come_ten_a_page(client):
    response = search(client, "insurance")
    assert response.context["count"] > 10 and len(response.context["page"]) == 10
    second = client.get("/en/search/", {"q": "insurance", "page": 2})
    assert second.context["page"].number == 2
    assert {hit.url for hit in second.context["page"]}.isdisjoint(hit.url for hit in response.context["page"])
    assert 'rel="next"' in response.content.decode()
    assert client.get("/en/search/", {"q": "insurance", "page": "x"}).context["page"].number == 1


def test_english_word_forms_meet(client):
    """retire, retired and retirement find the same results."""
    found = [set(outcome_slugs(search(client, word))) for word in ("retire", "retired", "retirement")]
    assert found[0] == found[1] == found[2] and "retired" in found[0]
