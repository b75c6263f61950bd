"""Search in the words of people's lives: life events and everyday words, traditional characters, slips,
a query relaxed rather than left empty, and the anonymous counts staff see of what people could not find."""

import importlib
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client

from search import tally
from search.models import EverydayTerm, SearchCount, Synonym

from .test_search import article_numbers, hits, outcome_slugs, search

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


@pytest.mark.parametrize(
    ("query", "language", "outcomes"),
    [
        ("辞职 医保", "zh-hans", {"flexible-employee", "residents", "which-scheme"}),
        ("被裁员了医保怎么办", "zh-hans", {"unemployment-benefits", "which-scheme"}),
        ("跑外卖 医保", "zh-hans", {"flexible-employee"}),
        ("lost my job", "en", {"unemployment-benefits", "which-scheme"}),
        ("freelancer medical insurance", "en", {"flexible-employee"}),
    ],
)
def test_the_words_of_a_life_event_find_the_pages_about_it(client, query, language, outcomes):
    """Words the texts never use (辞职, 跑外卖, "lost my job") lead to the results that answer them."""
    assert outcomes & set(outcome_slugs(search(client, query, language))[:3])


def test_low_income_words_find_the_subsidy_article(client):
    """低保 is the everyday word for 最低生活保障: Article 25, on the subsidy, comes among the first three."""
    response = search(client, "低保 医保补贴", "zh-hans")
    assert 25 in article_numbers(response)[:3]


@pytest.mark.parametrize("query", ["辞职", "离职了医保怎么办"])
def test_quitting_does_not_lead_to_unemployment_benefits(client, query):
    """Leaving a job of one's own will rarely brings unemployment benefits (SIL 45(1)): quitting leads to the pages
    on paying for oneself, not to the page on the unemployment fund paying."""
    slugs = outcome_slugs(search(client, query, "zh-hans"))
    assert slugs and "unemployment-benefits" not in slugs[:3]


@pytest.mark.parametrize("query", ["兼职", "钟点工"])
def test_part_time_work_finds_the_page_for_flexible_workers(client, query):
    """Part-time work, in words the texts never use, finds the page on paying employee insurance oneself."""
    assert "flexible-employee" in outcome_slugs(search(client, query, "zh-hans"))[:3]


@pytest.mark.parametrize(
    ("american", "british"), [("center", "centre"), ("labor", "labour"), ("subsidized", "subsidises")]
)
def test_american_spelling_finds_what_british_spelling_does(client, american, british):
    """The pages write British English (government service centre, labour contract, subsidises); a search in
    American spelling finds the same."""
    found = [{hit.url for hit in hits(search(client, word))} for word in (american, british)]
    assert found[0] == found[1] != set()


def test_fraud_finds_the_article_on_obtaining_benefits_by_fraud(client):
    """Article 88's English says "fraudulently obtains"; a search for fraud finds it."""
    assert 88 in article_numbers(search(client, "fraud"))[:3]


def test_the_rural_pension_is_not_read_as_residents_medical_insurance(client):
    """农保 is the rural pension (SIL 20), not the old rural medical scheme: it leads to no residents' insurance."""
    assert "residents" not in outcome_slugs(search(client, "农保", "zh-hans"))


@pytest.mark.parametrize("query", ["辞职了医保怎么办", "居民的保险怎么交"])
def test_a_filler_word_between_two_words_is_not_taken_for_a_slip(client, query):
    """了, 的 and the like join the words of a question; they are not a slip for a character of a longer word
    (职了医保 is not 职工医保 mistyped, nor 居民的保 居民医保)."""
    assert not search(client, query, "zh-hans").context["corrected"]


def test_words_of_the_domain_side_by_side_are_not_taken_for_a_slip(client):
    """异地交医保 (paying from another place) is 异地, 交 and 医保, not a slip for 异地就医 (treatment elsewhere)."""
    response = search(client, "异地交医保", "zh-hans")
    assert not response.context["corrected"] and response.context["searched"] == "异地 交 医保"


@pytest.mark.parametrize("query", ["支付宝交医保", "微信交医保"])
def test_paying_with_an_app_is_asking_how_to_pay(client, query):
    """支付宝交医保, like 微信交医保, asks how to pay medical insurance: the guide's start leads."""
    assert [bet.url for bet in search(client, query, "zh-hans").context["best_bets"]] == ["/zh-hans/"]


@pytest.mark.parametrize("query", ["医保支付额", "支付方"])
def test_a_word_people_only_type_is_never_what_a_slip_is_corrected_to(client, query):
    """支付宝 leads to the ways of paying, yet 支付额 (an amount paid) is not a slip for it: a slip is corrected
    only to a word of the site's."""
    assert not search(client, query, "zh-hans").context["corrected"]


def test_paying_in_stages_is_not_corrected_to_a_lapse(client):
    """分段缴费 (paying in stages) is searched as typed, not "corrected" to 断缴, and finds Article 19 on 分段计算."""
    response = search(client, "分段缴费", "zh-hans")
    assert not response.context["corrected"] and 19 in article_numbers(response)


def test_traditional_characters_find_what_simplified_ones_do(client):
    """醫保斷繳 is read as 医保断缴: the same results, and the page says what was searched for."""
    traditional, simplified = search(client, "醫保斷繳", "zh-hans"), search(client, "医保断缴", "zh-hans")
    assert outcome_slugs(traditional) == outcome_slugs(simplified) != []
    assert traditional.context["searched"] == "医保 断缴"


@pytest.mark.parametrize(
    ("query", "language", "meant", "asks"),
    [
        ("断交", "zh-hans", "断缴", "您是不是要找："),
        ("医宝 补缴", "zh-hans", "医保 补缴", "您是不是要找："),
        ("滞纳今", "zh-hans", "滞纳金", "您是不是要找："),
        ("medcal insurance", "en", "medical insurance", "Did you mean:"),
        ("unemployd", "en", "unemployed", "Did you mean:"),
        ("insurrance", "en", "insurance", "Did you mean:"),
        ("灵活救业人员", "zh-hans", "灵活就业人员", "您是不是要找："),
    ],
)
def test_a_slip_is_corrected_and_the_page_says_so(client, query, language, meant, asks):
    """A slip the staff listed (断交 for 断缴) or one a character or letter away from a word of the site's is
    searched as that word; the page asks "Did you mean" with a link to it, in the visitor's language."""
    response = search(client, query, language)
    html = response.content.decode()
    assert response.context["corrected"] == meant and response.context["count"] > 0
    assert asks in html and f'href="?q={quote(meant)}"' in html


@pytest.mark.parametrize("query", ["火星移民签证", "iphone screen repair", "护照办理"])
def test_words_outside_the_domain_are_neither_corrected_nor_relaxed(client, query):
    """A query with no word of the domain finds nothing rather than something unrelated."""
    response = search(client, query, "zh-hans" if not query.isascii() else "en")
    assert response.context["count"] == 0 and not response.context["corrected"] and not response.context["relaxed"]


@pytest.mark.parametrize(
    ("query", "language", "says"),
    [
        ("医保 火星 签证", "zh-hans", "没有同时包含所有词语的结果，以下结果包含其中部分词语"),
        ("medical spaceship", "en", "No result contains all your words"),
    ],
)
def test_a_query_about_the_domain_is_relaxed_rather_than_left_empty(client, query, language, says):
    """When no text holds all the words, the rarest are dropped until something is found, and the page says so."""
    response = search(client, query, language)
    assert response.context["relaxed"] and response.context["count"] > 0
    assert says in response.content.decode()


def test_a_full_match_is_not_called_relaxed(client):
    response = search(client, "灵活就业 医保", "zh-hans")
    assert response.context["count"] > 0 and not response.context["relaxed"]


def test_everyday_words_staff_add_work_at_once():
    """A word staff add for what the site calls something else is understood on the next search, through
    the page cache too."""
    cache.clear()
    visitor = Client()
    assert visitor.get("/en/search/", {"q": "zymurgy"}).context["count"] == 0
    EverydayTerm.objects.create(words="zymurgy, 酿造学", means="滞纳金, late fee")
    response = visitor.get("/en/search/", {"q": "zymurgy"})
    assert response["X-Cache"] == "miss" and 86 in article_numbers(response)
    assert 86 in article_numbers(visitor.get("/zh-hans/search/", {"q": "酿造学"}))


@pytest.fixture
def counted():
    """Counts from earlier tests written away and emptied (inside this test's transaction), so this test sees
    its own."""
    tally.flush()
    SearchCount.objects.all().delete()
    cache.clear()
    yield
    tally.flush()


def test_each_search_sent_is_counted_from_the_cache_too(counted):
    """Two visitors, one page drawn and one from the cache: two searches of those words, with their results."""
    first, second = Client().get("/zh-hans/search/?q=断缴"), Client().get("/zh-hans/search/?q=断缴")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    tally.flush()
    row = SearchCount.objects.get(words="断缴")
    assert row.count == 2 and row.results == first.context["count"] > 0 and row.week == tally.this_week()


def test_a_search_with_no_result_is_counted_with_none_and_nothing_personal(counted):
    """What could not be found is kept as its words with no result; numbers like a phone or ID number are not."""
    Client().get("/zh-hans/search/", {"q": "xyzzy 13800138000"})
    Client().get("/zh-hans/search/", {"q": "xyzzy", "page": 2})  # paging through is not another search
    tally.flush()
    assert list(SearchCount.objects.values_list("words", "results", "count")) == [("xyzzy", 0, 1)]


def test_counting_leaves_pages_the_same_for_every_visitor(counted):
    first, second = Client().get("/en/search/?q=late+fee"), Client().get("/en/search/?q=late+fee")
    assert first.content == second.content and not first.cookies and not second.cookies


def test_staff_see_this_weeks_searches_with_no_or_few_results_and_a_link_to_help(client, counted):
    """The list opens on this week, most searched first; a search with few results links to adding everyday
    words, filled in with its words; last week's searches are one click away."""
    SearchCount.objects.create(week=tally.this_week(), words="跑滴滴", results=0, count=7)
    SearchCount.objects.create(week=tally.this_week(), words="医保", results=40, count=9)
    SearchCount.objects.create(week=tally.this_week() - timedelta(weeks=1), words="旧词", results=0, count=3)
    editor = User.objects.create_user("editor-user", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    html = client.get("/admin/search/searchcount/?found=few").content.decode()
    assert "跑滴滴" in html and "医保" not in html and "旧词" not in html
    add = "/admin/search/everydayterm/add/?words=" + quote("跑滴滴")
    assert f'href="{add}"' in html
    assert "旧词" in client.get("/admin/search/searchcount/?week=last").content.decode()
    form = client.get(add)
    assert form.status_code == 200 and form.context["adminform"].form.initial["words"] == "跑滴滴"


def test_the_schemes_names_are_added_once_and_never_over_what_staff_wrote(client):
    """The migration that makes 居民医保 and 城乡居民基本医疗保险 synonyms, and leads 城镇职工 to 职工, adds nothing
    where staff already have a group with 居民医保 or everyday words with 城镇职工; without them, it adds them,
    and 居民医保怎么交 finds the residents' result again."""
    add = importlib.import_module("search.migrations.0007_scheme_names").add_words
    group = Synonym.objects.get(words__contains="城乡居民基本医疗保险")
    group.words = "居民医保，城乡居民基本医疗保险"  # as staff might write it
    group.save()
    EverydayTerm.objects.filter(words="城镇职工").update(words="城镇职工、城镇职工医保")
    add(django_apps, None)
    assert Synonym.objects.filter(words__contains="居民医保").count() == 1
    assert EverydayTerm.objects.filter(words__contains="城镇职工").count() == 1
    group.delete()
    assert "residents" not in outcome_slugs(search(client, "居民医保怎么交", "zh-hans"))[:3]
    add(django_apps, None)
    assert Synonym.objects.filter(words__contains="居民医保").count() == 1
    assert "residents" in outcome_slugs(search(client, "居民医保怎么交", "zh-hans"))[:3]
