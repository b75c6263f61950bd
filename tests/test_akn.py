"""The legal texts as Akoma Ntoso 3.0: each expression of each text, and each article alone, valid against
the schema (strict: eIds unique), with the structure of the text and the Chinese marked authoritative."""

import pytest
from lxml import etree

from statutes import akn
from statutes.models import Article, Law

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]
NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SIL_WORK = "/akn/cn/act/2010-10-28/social-insurance-law"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/akn+xml"), url
    return etree.fromstring(response.content)


def valid(root):
    akn.validate(akn.Act(etree.tostring(root, encoding="unicode")))
    return root


def test_every_expression_of_every_text_is_valid_and_holds_the_texts_structure(client):
    """Each version of each text, in Chinese and in English: chapters, articles, paragraphs and items as
    the site holds them, the Chinese authoritative and the English an unofficial translation of it."""
    for law in Law.objects.prefetch_related("versions"):
        for version, code in akn.expressions(law):
            root = valid(fetch(client, akn.expression_uri(law, version, code)))
            articles = root.findall(".//a:article", NS)
            in_force = [a for a in law.articles.all() if a.version_on(version.effective_from)]
            assert [a.get("eId") for a in articles] == [f"art_{a.number}" for a in in_force]
            assert len(root.findall(".//a:chapter", NS)) == law.chapters.count()
            paragraphs = sum(len(a.version_on(version.effective_from).paragraphs_zh) for a in in_force)
            assert len(root.findall(".//a:paragraph", NS)) == paragraphs
            expression = root.find(".//a:FRBRExpression", NS)
            authoritative = expression.find("a:FRBRauthoritative", NS).get("value")
            assert expression.find("a:FRBRlanguage", NS).get("language") == code
            assert expression.find("a:FRBRdate", NS).get("date") == f"{version.effective_from:%Y-%m-%d}"
            if code == "zho":
                assert authoritative == "true" and expression.find("a:FRBRtranslation", NS) is None
            else:
                assert authoritative == "false"
                assert expression.find("a:FRBRtranslation", NS).get("fromLanguage") == "zho"


def test_items_are_points_of_their_paragraph(client):
    """Article 30 has two paragraphs, the first with four items."""
    root = fetch(client, f"{SIL_WORK}/zho@2018-12-29/~art_30")
    valid_portion(root)
    paragraphs = root.findall(".//a:paragraph", NS)
    assert [len(p.findall("a:point", NS)) for p in paragraphs] == [4, 0]
    assert paragraphs[0].find("a:point/a:num", NS).text == "（一）"


def valid_portion(root):
    akn.validate(akn.Portion(etree.tostring(root, encoding="unicode")))


def test_every_article_alone_is_a_valid_portion_of_its_expression(client):
    for article in Article.objects.select_related("law"):
        for version in article.law.versions.all():
            if article.version_on(version.effective_from) is None:
                continue
            uri = f"{akn.expression_uri(article.law, version, 'zho')}/~art_{article.number}"
            root = fetch(client, uri)
            valid_portion(root)
            assert root.find("a:portion", NS).get("includedIn") == akn.expression_uri(article.law, version, "zho")


def test_each_expression_reads_as_its_version(client):
    """Article 64 was amended in 2018: the 2011 expression has the wording of 2010, the 2018 one today's."""
    article = Article.objects.get(law__slug="social-insurance-law", number=64)
    old, new = article.versions.all()[0], article.versions.all()[1]
    read = {
        date: "".join(fetch(client, f"{SIL_WORK}/zho@{date}/~art_64").itertext())
        for date in ("2011-07-01", "2018-12-29")
    }
    assert old.paragraphs_zh[0].text in read["2011-07-01"] and new.paragraphs_zh[0].text in read["2018-12-29"]
    assert read["2011-07-01"] != read["2018-12-29"]


def test_the_work_leads_to_its_latest_chinese_expression_and_wrong_names_are_not_found(client):
    assert client.get(SIL_WORK)["Location"] == f"{SIL_WORK}/zho@2018-12-29"
    for wrong in [
        "/akn/cn/act/2011-01-01/social-insurance-law",
        f"{SIL_WORK}/fra@2018-12-29",
        f"{SIL_WORK}/zho@2017-01-01",
        f"{SIL_WORK}/zho@2018-12-29/~art_999",
    ]:
        assert client.get(wrong).status_code == 404, wrong


def test_the_law_pages_link_their_akoma_ntoso(client):
    """A text's page and an article's page name their XML, in the page's language, as it reads today."""
    law = client.get("/en/law/social-insurance-law/").content.decode()
    assert f'type="application/akn+xml" href="{SIL_WORK}/eng@2018-12-29"' in law
    article = client.get("/zh-hans/law/social-insurance-law/article-23/").content.decode()
    assert f'type="application/akn+xml" href="{SIL_WORK}/zho@2018-12-29/~art_23"' in article
