"""Reading the law: contents, chapters, navigation, links between articles, dates and versions."""

import datetime
import json
import re

import pytest
from django.utils.html import escape, strip_tags

from guidance.models import Outcome
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article

from . import factories

pytestmark = pytest.mark.django_db

LAW = "/en/law/social-insurance-law"
LAW_ZH = "/zh-hans/law/social-insurance-law"


def test_contents_show_chapters_with_their_article_ranges_and_history(client):
    """The contents list each chapter with its articles' range and the law's two versions."""
    html = client.get(f"{LAW_ZH}/").content.decode()
    assert "第三章　基本医疗保险" in html and "第二十三条至第三十二条" in html
    assert "2010年通过（2010-10-28），2011-07-01起施行" in strip_tags(html)
    assert "2018年修正" in html
    assert f'href="{LAW_ZH}/chapter-3/"' in html


def test_chapter_page_shows_its_articles_in_full(client):
    """Chapter 3 shows Articles 23 to 32 with their text, and links to the chapters either side."""
    response = client.get(f"{LAW}/chapter-3/")
    html = response.content.decode()
    assert [article.number for article, _ in response.context["texts"]] == list(range(23, 33))
    assert "Employees shall participate in employee basic medical insurance" in html
    assert f'href="{LAW}/chapter-2/" rel="prev"' in html and f'href="{LAW}/chapter-4/" rel="next"' in html


@pytest.mark.parametrize("path", [f"{LAW}/chapter-13/", f"{LAW}/chapter-0/", f"{LAW_ZH}/chapter-x/"])
def test_unknown_chapter_is_not_found(client, path):
    """A chapter the law does not have is a 404 page."""
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(("number", "previous", "following"), [(1, None, 2), (23, 22, 24), (98, 97, None)])
def test_article_pages_link_to_the_articles_either_side(client, number, previous, following):
    """Previous and next lead to the neighbouring articles; the first and last have only one."""
    html = client.get(f"{LAW}/article-{number}/").content.decode()
    assert (f'href="{LAW}/article-{previous}/" rel="prev"' in html) == (previous is not None)
    assert (f'href="{LAW}/article-{following}/" rel="next"' in html) == (following is not None)


def test_article_page_has_breadcrumbs_and_a_canonical_link(client):
    """The breadcrumbs lead to the chapter and the law; the canonical link has no date in it."""
    html = client.get(f"{LAW}/article-23/?date=2015-01-01").content.decode()
    assert f'<link rel="canonical" href="http://testserver{LAW}/article-23/">' in html
    assert f'<a href="{LAW}/chapter-3/?date=2015-01-01">Chapter 3: Basic Medical Insurance</a>' in html


def test_references_in_the_text_link_to_the_cited_article(client):
    """本法第六十三条 in Article 41, and 'Article 63' in its translation, link to Article 63."""
    html = client.get(f"{LAW}/article-41/").content.decode()
    assert f'<a href="{LAW}/article-63/">第六十三条</a>' in html
    assert f'<a href="{LAW}/article-63/">Article 63</a>' in html


def test_reference_to_a_missing_article_stays_plain_text(client):
    """A reference to an article the law does not have is not a link."""
    version = Article.objects.get(law__slug=SIL, number=41).versions.get()
    version.text_zh += "\n参照本法第一百二十条执行。"
    version.text_en += "\nSee Article 120 of this Law."
    version.save()
    html = client.get(f"{LAW}/article-41/").content.decode()
    assert "第一百二十条" in html and "article-120" not in html


def test_article_lists_the_guide_results_that_cite_it(client):
    """'Used in the guide' links each result citing the article, with answers that lead there."""
    html = client.get(f"{LAW}/article-86/").content.decode()
    section = html.split("Used in the guide", 1)[1]
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', section.split("</ul>", 1)[0])
    citing = Outcome.objects.filter(
        guide__status="published", steps__citations__article__law__slug=SIL, steps__citations__article__number=86
    ).distinct()
    assert sorted(title for _url, title in links) == sorted(escape(outcome.title_en) for outcome in citing)
    assert links
    for url, _title in links:
        assert client.get(url.replace("&amp;", "&")).status_code == 200


MERGED_FUNDS = "除基本医疗保险基金与生育保险基金合并建账及核算外"  # added to Article 64 in 2018


def test_article_as_in_force_on_a_date(client):
    """?date= before 2018-12-29 shows the 2010 wording of Article 64, and says which date is shown."""
    html = client.get(f"{LAW_ZH}/article-64/?date=2015-01-01").content.decode()
    assert MERGED_FUNDS not in html.split("本条的各个版本")[0]
    assert "您正在阅读2015-01-01时施行的文本" in strip_tags(html)


def test_article_shows_todays_wording_by_default(client):
    """Without a date, Article 64 shows the wording in force today."""
    html = client.get(f"{LAW_ZH}/article-64/").content.decode()
    assert MERGED_FUNDS in html.split("本条的各个版本")[0]


def test_before_the_law_took_effect_the_page_says_so(client):
    """Before 2011-07-01 the law was not in force: the page says so instead of showing text."""
    html = client.get(f"{LAW}/article-23/?date=2011-06-30").content.decode()
    assert "took effect on 2011-07-01, after 2011-06-30" in strip_tags(html)
    assert "Employees shall participate" not in html


@pytest.mark.parametrize("date", ["2019-02-30", "yesterday", "99999-01-01", "0001-01-01", "2019-1-1x"])
def test_an_impossible_date_is_explained_and_todays_text_shown(client, date):
    """A date that cannot be read gets an error message on the date field; the text in force today shows."""
    response = client.get(f"{LAW}/article-64/", {"date": date})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-message" id="date-error"' in html
    assert response.context["on"] == datetime.date.today()


@pytest.mark.parametrize(("language", "error"), [("en", "Error:"), ("zh-hans", "错误：")])
@pytest.mark.parametrize("page", ["", "chapter-3/", "article-64/"])
def test_a_wrong_date_is_said_at_the_top_of_the_page(client, language, error, page):
    """On a phone the date field is far down the page: the title says there is an error and a summary at
    the top links to the field, on the contents, a chapter and an article, in the page's language."""
    html = client.get(f"/{language}/law/social-insurance-law/{page}", {"date": "1900-01-01"}).content.decode()
    assert f"<title>{error}" in html
    summary = html.index('class="error-summary"')
    assert summary < html.index("<h1") and 'href="#date"' in html[summary:] and 'id="date"' in html


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "2999-01-01 is still to come"), ("zh-hans", "2999-01-01尚未到来")],
)
def test_a_date_still_to_come_is_not_said_to_be_past(client, language, said):
    """The law read on a day still to come is said to be the law as it will stand then, not as it stood."""
    html = client.get(f"/{language}/law/social-insurance-law/article-23/", {"date": "2999-01-01"}).content.decode()
    assert said in strip_tags(html) and "reading the law as it stood" not in html


def test_links_keep_the_date_being_read(client):
    """From a dated contents page, the articles open at the same date."""
    html = client.get(f"{LAW}/", {"date": "2015-01-01"}).content.decode()
    assert f'href="{LAW}/article-64/?date=2015-01-01"' in html


def test_changed_article_shows_its_history_and_what_changed(client):
    """Article 64's page lists both versions and marks what the 2018 amendment added, in both languages."""
    html = client.get(f"{LAW}/article-64/").content.decode()
    assert "In force from 2011-07-01 to 2018-12-29" in strip_tags(html)
    assert "In force from 2018-12-29" in strip_tags(html)
    assert "除基本医疗保险基金与生育保险基金合并建账及核算外，其他</ins>" in html
    assert "Except that the basic medical insurance fund" in html.split("<ins>", 1)[1]


def test_unchanged_article_says_it_never_changed(client):
    """Articles the amendment left alone say they read the same since 2011-07-01."""
    html = client.get(f"{LAW}/article-23/").content.decode()
    assert "This article has read the same since the text took effect on 2011-07-01." in strip_tags(html)
    assert "Versions of this article" not in html


def test_guide_citations_show_the_text_in_force_today(client):
    """A future amendment of Article 23 does not appear in the guide until it takes effect."""
    article = Article.objects.get(law__slug=SIL, number=23)
    version = factories.article_version(article, year=2099)
    version.text_zh = "未来的新文本。\n第二款。"
    version.save()
    html = client.get("/zh-hans/guide/result/employee/?situation=employee&employer-paying=yes").content.decode()
    assert "未来的新文本" not in html
    assert escape(article.versions.first().paragraphs_zh[0].text) in html


def test_law_as_json(client):
    """The JSON for the law lists its versions and its 12 chapters with all 98 articles."""
    data = json.loads(client.get("/api/law/social-insurance-law/").content)
    assert data["authoritative_language"] == "zh-Hans"
    assert [version["effective_from"] for version in data["versions"]] == ["2011-07-01", "2018-12-29"]
    assert len(data["chapters"]) == 12
    assert sum(len(chapter["articles"]) for chapter in data["chapters"]) == 98


def test_article_as_json(client):
    """The JSON for Article 57 has both versions with their dates and both texts, paragraph by paragraph."""
    response = client.get("/api/law/social-insurance-law/article-57/")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["pages"]["en"] == f"{LAW}/article-57/"
    first, second = data["versions"]
    assert (first["effective_from"], first["effective_until"]) == ("2011-07-01", "2018-12-29")
    assert second["effective_until"] is None and data["in_force_today"] == "2018-12-29"
    assert "市场监督管理部门" in second["paragraphs"]["zh-Hans"][2]["text"]
    assert "market regulation department" in second["paragraphs"]["en"][2]["text"]
    assert second["paragraphs"]["zh-Hans"][2]["number"] == 3


def test_unknown_article_json_is_not_found(client):
    """JSON for an article that does not exist is a 404."""
    assert client.get("/api/law/social-insurance-law/article-99/").status_code == 404


def test_sitemap_lists_the_law_and_the_guide_in_both_languages(client):
    """sitemap.xml has every article in both languages with hreflang alternates, and the guide's start."""
    xml = client.get("/sitemap.xml").content.decode()
    # the list of texts; each text's contents, chapters and articles; the guide's start page
    assert xml.count("<url>") == (1 + (1 + 12 + 98) + (1 + 7 + 63) + 1) * 2
    assert "<loc>http://testserver/en/law/social-insurance-handling-regulations/article-63/</loc>" in xml
    assert "<loc>http://testserver/en/law/social-insurance-law/article-98/</loc>" in xml
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/law/social-insurance-law/article-23/"' in xml
    assert "<loc>http://testserver/zh-hans/</loc>" in xml


def test_every_page_names_its_other_language_version(client):
    """Pages carry hreflang links to themselves in both languages."""
    html = client.get(f"{LAW}/article-23/").content.decode()
    assert f'hreflang="zh-Hans" href="http://testserver{LAW_ZH}/article-23/"' in html


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_date_is_never_broken_across_lines(client, language):
    """Each date on the law's pages is a <time> element, which the stylesheet never breaks across lines (a
    phone showed 2011- at the end of one line and 07-01起施行 on the next)."""
    html = client.get(f"/{language}/law/social-insurance-law/").content.decode()
    assert '<time datetime="2011-07-01">2011-07-01</time>' in html
    html = client.get(f"/{language}/law/social-insurance-law/article-64/").content.decode()
    assert '<time datetime="2018-12-29">2018-12-29</time>' in html
