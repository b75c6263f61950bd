"""What a legal text's pages say about it to machines: schema.org `Legislation` as JSON-LD, one work per
text and per article, with a work example per language (the Chinese authoritative, the English an
unofficial translation), and identifiers in Akoma Ntoso's naming (`/akn/cn/act/2010-10-28/<slug>`)."""

import json

from django.utils import timezone, translation
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org/"
LANGUAGES = {"zh-hans": "zh-Hans", "en": "en"}
# Characters that would end the <script> element or open a comment in it, written as JSON escapes.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def work_identifier(law):
    """The text's work, as Akoma Ntoso names it: country, type, date of the first adoption, name."""
    first = min(law.versions.all(), key=lambda version: version.adopted_on)
    return f"/akn/cn/act/{first.adopted_on:%Y-%m-%d}/{law.slug}"


def law_graph(request, law, chapters):
    """The text as a `Legislation`, the articles of its `chapters` as its parts."""
    first = min(law.versions.all(), key=lambda version: version.adopted_on)
    identifier = work_identifier(law)
    articles = [article for chapter in chapters for article in chapter.articles.all()]
    with translation.override("zh-hans"):  # once for the hundred parts, not once each
        names = [f"{law.short_title_zh} {article.label}" for article in articles]
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": _absolute(request, law) + "#legislation",
        "name": law.title_zh,
        "alternateName": [law.short_title_zh, law.title_en],
        "legislationIdentifier": identifier,
        "legislationType": law.kind_zh,
        "legislationDate": first.adopted_on.isoformat(),
        "legislationPassedBy": {"@type": "Organization", "name": law.issuer_zh},
        "legislationJurisdiction": "CN",
        "legislationLegalForce": _force(law),
        "hasPart": [
            {
                "@type": "Legislation",
                "@id": _absolute(request, article) + "#legislation",
                "legislationIdentifier": f"{identifier}/~art_{article.number}",
                "name": name,
            }
            for article, name in zip(articles, names, strict=True)
        ],
        "workExample": _examples(request, law),
    }


def article_graph(request, article, version):
    """An article as a `Legislation` that is part of its text, with the date of its wording in force today
    (`version`, None before it took effect); the wording itself is the page's."""
    law = article.law
    graph = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": _absolute(request, article) + "#legislation",
        "name": f"{law.title_zh} {_label(article, 'zh-hans')}",
        "alternateName": f"{law.title_en}, {_label(article, 'en')}",
        "legislationIdentifier": f"{work_identifier(law)}/~art_{article.number}",
        "legislationType": law.kind_zh,
        "legislationJurisdiction": "CN",
        "legislationLegalForce": _force(law),
        "isPartOf": {
            "@type": "Legislation",
            "@id": _absolute(request, law) + "#legislation",
            "legislationIdentifier": work_identifier(law),
            "name": law.title_zh,
        },
        "workExample": _examples(request, article),
    }
    if version:
        graph["legislationDateVersion"] = version.effective_from.isoformat()
    return graph


def as_script(graph):
    """The graph to put inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(graph, ensure_ascii=False, indent=None).translate(SCRIPT_SAFE))  # noqa: S308


def _examples(request, obj):
    """The page of `obj` in each language: the Chinese the authoritative text, the English an unofficial
    translation beside it."""
    chinese, english = (_absolute(request, obj, language) for language in LANGUAGES)
    return [
        {"@type": "Legislation", "@id": chinese, "url": chinese, "inLanguage": "zh-Hans"},
        {
            "@type": "Legislation",
            "@id": english,
            "url": english,
            "inLanguage": "en",
            "legislationLegalValue": SCHEMA + "UnofficialLegalValue",
            "translationOfWork": {"@id": chinese},
        },
    ]


def _force(law):
    in_force_from = law.in_force_from()
    in_force = in_force_from is not None and in_force_from <= timezone.localdate()
    return SCHEMA + ("InForce" if in_force else "NotInForce")


def _label(article, language):
    with translation.override(language):
        return str(article.label)


def _absolute(request, obj, language=None):
    """The full address of `obj`'s page in `language`, by default the page's own."""
    if language is None:
        return request.build_absolute_uri(obj.get_absolute_url())
    with translation.override(language):
        return request.build_absolute_uri(obj.get_absolute_url())
