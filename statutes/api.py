"""Read-only views of the legal texts for other programs: JSON of each text and each article, and Akoma Ntoso
3.0 XML of each expression of a text and of each article in it. Documented in the README."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation

from insurance_site.links import address

from . import akn
from .models import Article, Law

app_name = "statutes_api"

NOTICE = "The Chinese text is the only authoritative text; the English text is an unofficial translation."


def texts_json(request):
    return JsonResponse(
        {
            "notice": NOTICE,
            "texts": [
                {**_description(law), "json": reverse("statutes_api:law", kwargs={"law": law.slug})}
                for law in Law.objects.all()
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def law_json(request, law):
    law = get_object_or_404(Law.objects.prefetch_related("versions", "chapters__articles"), slug=law)
    return JsonResponse(
        {
            **_description(law),
            "authoritative_language": "zh-Hans",
            "notice": NOTICE,
            "versions": [
                {
                    "label": {"zh-Hans": version.label_zh, "en": version.label_en},
                    "adopted_on": version.adopted_on,
                    "effective_from": version.effective_from,
                }
                for version in law.versions.all()
            ],
            "chapters": [
                {
                    "number": chapter.number,
                    "title": {"zh-Hans": chapter.title_zh, "en": chapter.title_en},
                    "articles": [
                        {"number": article.number, "json": _api_url(law, article.number)}
                        for article in chapter.articles.all()
                    ],
                }
                for chapter in law.chapters.all()
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def article_json(request, law, number):
    article = get_object_or_404(Article.objects.with_versions(), law__slug=law, number=number)
    versions = list(article.versions.all())
    current = article.version_on()
    chapter = article.chapter
    return JsonResponse(
        {
            "law": article.law.slug,
            "number": article.number,
            "chapter": {"number": chapter.number, "title": {"zh-Hans": chapter.title_zh, "en": chapter.title_en}},
            "pages": {code: _page_url(article, code) for code in ("zh-hans", "en")},
            "notice": NOTICE,
            "in_force_today": current.effective_from if current else None,
            "versions": [
                {
                    "effective_from": version.effective_from,
                    "effective_until": versions[index + 1].effective_from if index + 1 < len(versions) else None,
                    "paragraphs": {
                        "zh-Hans": _paragraphs(version.paragraphs_zh),
                        "en": _paragraphs(version.paragraphs_en),
                    },
                }
                for index, version in enumerate(versions)
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _description(law):
    return {
        "slug": law.slug,
        "title": {"zh-Hans": law.title_zh, "en": law.title_en},
        "short_title": {"zh-Hans": law.short_title_zh, "en": law.short_title_en},
        "kind": {"zh-Hans": law.kind_zh, "en": law.kind_en},
        "issuer": {"zh-Hans": law.issuer_zh, "en": law.issuer_en},
    }


def _paragraphs(paragraphs):
    """Paragraphs (款) numbered from 1, each with its items (项) numbered from 1."""
    return [
        {
            "number": paragraph.number,
            "text": paragraph.text,
            "items": [{"number": item.number, "text": item.text} for item in paragraph.items],
        }
        for paragraph in paragraphs
    ]


def _api_url(law, number):
    return address("statutes_api:article", law=law.slug, number=number)


def _page_url(article, language):
    with translation.override(language):
        return article.get_absolute_url()


def akn_work(request, date, law):
    """A text's work: its latest expression in Chinese, the authoritative language."""
    law = _law_of_work(date, law)
    latest = max(law.versions.all(), key=lambda version: version.effective_from)
    return redirect(akn.expression_uri(law, latest, akn.LANGUAGES["zh"]))


def akn_expression(request, date, law, language, expression_date, article=None):
    """One expression of a text (`zho@2018-12-29`), whole or (with `article`) one article of it, as AKN XML."""
    law = _law_of_work(date, law, whole=article is None)
    version = next((v for v in law.versions.all() if f"{v.effective_from:%Y-%m-%d}" == expression_date), None)
    if version is None or language not in akn.CODES:
        raise Http404("No such expression.")
    if article is None:
        document = akn.text_document(law, version, language)
    else:
        found = get_object_or_404(Article.objects.with_versions(), law=law, number=article)
        document = akn.article_document(found, version, language)
        if document is None:
            raise Http404("The article did not exist in that version.")
    return HttpResponse(document.to_xml(), content_type="application/akn+xml; charset=utf-8")


def _law_of_work(date, slug, whole=False):
    """The text whose work is named so (with every article's versions, for the `whole` text), or a 404."""
    laws = Law.objects.prefetch_related("versions", *(["chapters__articles__versions"] if whole else []))
    law = get_object_or_404(laws, slug=slug)
    if akn.work_identifier(law) != f"/akn/cn/act/{date}/{slug}":
        raise Http404("No such work.")
    return law


urlpatterns = [
    path("", texts_json, name="texts"),
    path("<slug:law>/", law_json, name="law"),
    path("<slug:law>/article-<int:number>/", article_json, name="article"),
]
akn_urlpatterns = [
    path("<str:date>/<slug:law>", akn_work, name="akn_work"),
    path("<str:date>/<slug:law>/<str:language>@<str:expression_date>", akn_expression, name="akn_expression"),
    path(
        "<str:date>/<slug:law>/<str:language>@<str:expression_date>/~art_<int:article>",
        akn_expression,
        name="akn_article",
    ),
]
