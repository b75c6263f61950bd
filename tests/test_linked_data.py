"""What the law's pages tell machines: schema.org Legislation as JSON-LD on every text's and every article's
page, parsed as a crawler would."""

import json
import re

import pytest

from statutes.models import Article, Law

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"


def graph(client, url):
    """The JSON-LD of the page at `url`, parsed: there is exactly one."""
    html = client.get(url, HTTP_X_FORWARDED_PROTO="https").content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1, url
    return json.loads(scripts[0])


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_article_page_describes_its_article_as_part_of_its_text(client, language):
    """Each article is a Legislation in force, named and identified in Akoma Ntoso's way, part of its text,
    with its Chinese page the work and its English page an unofficial translation of it."""
    for article in Article.objects.select_related("law"):
        path = f"/law/{article.law.slug}/article-{article.number}/"
        url = f"/{language}{path}"
        found = graph(client, url)
        assert found["@type"] == "Legislation" and found["legislationLegalForce"] == SCHEMA + "InForce"
        assert re.fullmatch(
            rf"/akn/cn/act/\d{{4}}-\d{{2}}-\d{{2}}/{article.law.slug}/~art_{article.number}",
            found["legislationIdentifier"],
        )
        assert found["isPartOf"]["@id"].endswith(f"/{language}/law/{article.law.slug}/#legislation")
        assert found["legislationDateVersion"] and found["name"].startswith(article.law.title_zh)
        chinese, english = found["workExample"]
        assert (chinese["inLanguage"], english["inLanguage"]) == ("zh-Hans", "en")
        assert chinese["url"].endswith("/zh-hans" + path) and english["url"].endswith("/en" + path)
        assert english["legislationLegalValue"] == SCHEMA + "UnofficialLegalValue"
        assert english["translationOfWork"] == {"@id": chinese["url"]}
        assert "legislationLegalValue" not in chinese


def test_a_text_page_lists_every_article_as_a_part(client):
    """The text's page: its work identifier and date of adoption, who passed it, and each article a part."""
    for law in Law.objects.all():
        found = graph(client, law.get_absolute_url())
        first = min(law.versions.all(), key=lambda version: version.adopted_on)
        assert found["legislationIdentifier"] == f"/akn/cn/act/{first.adopted_on:%Y-%m-%d}/{law.slug}"
        assert found["legislationDate"] == first.adopted_on.isoformat()
        assert found["legislationPassedBy"]["name"] == law.issuer_zh
        numbers = [int(part["legislationIdentifier"].rsplit("_", 1)[1]) for part in found["hasPart"]]
        assert numbers == sorted(law.articles.values_list("number", flat=True))


def test_text_that_would_close_the_script_is_escaped(client):
    """A title cannot end the script element early, whatever staff type into it."""
    law = Law.objects.get(slug="social-insurance-law")
    law.title_zh += "</script><script>alert(1)</script>"
    law.save()
    html = client.get(law.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html.split("</head>")[0]
    assert "alert(1)" in graph(client, law.get_absolute_url())["name"]
