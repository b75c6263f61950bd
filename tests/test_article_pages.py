"""The law's pages: each article at a stable URL, the official text, and the labelled translation."""

import datetime

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from statutes.models import Article, ArticleVersion

pytestmark = pytest.mark.django_db


def test_article_page_shows_the_official_text_in_chinese(client):
    """The Chinese article page shows the article's number in Chinese and its official text."""
    response = client.get("/zh-hans/law/social-insurance-law/article-23/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "第二十三条" in html
    assert "职工应当参加职工基本医疗保险" in html
    assert "Unofficial translation" not in html


def test_english_article_page_shows_the_translation_beside_the_chinese(client):
    """On the English site the translation sits beside the Chinese, labelled unofficial."""
    html = client.get("/en/law/social-insurance-law/article-23/").content.decode()
    assert '<h1 class="heading-xl">Article 23</h1>' in html
    assert "职工应当参加职工基本医疗保险" in html
    assert "Employees shall participate in employee basic medical insurance" in html
    assert "Unofficial translation." in html and "the Chinese text prevails" in html
    assert '<div class="parallel__text" lang="zh-Hans"' in html


def test_amended_article_shows_todays_text_and_what_changed(client):
    """Article 57 shows the 2018 wording, its two versions, and the renamed authority as removed and added."""
    html = client.get("/zh-hans/law/social-insurance-law/article-57/").content.decode()
    current, history = html.split("本条的各个版本")
    assert "市场监督管理部门" in current and "工商行政管理部门" not in current
    assert "自2011-07-01至2018-12-29施行" in strip_tags(history)
    assert "工商行政</del>" in history and "市场监督</ins>" in history


def test_article_text_in_force_on_a_date():
    """The text in force on a date is the latest version that took effect on or before it."""
    article = Article.objects.with_versions().get(number=64)
    assert article.version_on(datetime.date(2015, 1, 1)).effective_from == datetime.date(2011, 7, 1)
    assert article.version_on(datetime.date(2018, 12, 29)).effective_from == datetime.date(2018, 12, 29)
    assert article.version_on(datetime.date(2011, 6, 30)) is None
    assert ArticleVersion.objects.in_force(on=datetime.date(2012, 1, 1)).filter(article=article).count() == 1


@pytest.mark.parametrize(
    ("path", "language_marker"),
    [
        ("/en/law/social-insurance-law/article-99/", "Page not found"),
        ("/zh-hans/law/social-insurance-law/article-0/", "找不到页面"),
        ("/en/law/social-insurance-law/article-23x/", "Page not found"),
        ("/en/law/social-insurance-law/article-99999999999999999999/", "Page not found"),
        ("/zh-hans/law/no-such-law/article-23/", "找不到页面"),
        ("/en/law/no-such-law/", "Page not found"),
    ],
)
def test_unknown_article_is_a_404_in_the_visitors_language(client, path, language_marker):
    """An article or law that does not exist gets a 404 page in the language of the URL."""
    response = client.get(path)
    assert response.status_code == 404
    assert language_marker in response.content.decode()


def test_contents_page_links_every_article(client):
    """The law's contents page lists the 12 chapters and links all 98 articles."""
    html = client.get("/en/law/social-insurance-law/").content.decode()
    for number in range(1, 99):
        assert f'href="/en/law/social-insurance-law/article-{number}/"' in html
    assert "Chapter 3: Basic Medical Insurance" in html
    assert "Chapter 12: Supplementary Provisions" in html


def test_article_label_follows_the_language():
    """Articles are 'Article 105' in English and 第一百零五条 in Chinese."""
    article = Article(number=23)
    with translation.override("en"):
        assert article.label == "Article 23"
    with translation.override("zh-hans"):
        assert article.label == "第二十三条"
