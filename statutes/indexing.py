"""What of the law search finds: each article version's text, in both languages, under its chapter's
title; only the wording in force today is shown. A citation typed into the search box ("第23条",
"经办条例第六条", "Regulations article 6") goes straight to the article."""

import re

from django.utils.translation import get_language

from caching import local
from search.registry import Candidate, Hit, Index, register, register_shortcut

from .models import SOCIAL_INSURANCE_LAW, Article, ArticleVersion, Chapter, Law
from .references import parse_citation

# A citation has a number in it: digits, a Chinese numeral before 条, or "article".
CITATION_HINT = re.compile(r"[0-9０-９§]|条|art", re.IGNORECASE)


class ArticleVersionIndex(Index):
    model = ArticleVersion
    kind = "law"
    watch = {
        Chapter: lambda chapter: ArticleVersion.objects.filter(article__chapter=chapter),
        Article: lambda article: ArticleVersion.objects.filter(article=article),
    }

    def fields(self, version):
        chapter = version.article.chapter
        return {"title": f"{chapter.title_zh}\n{chapter.title_en}", "body": f"{version.text_zh}\n{version.text_en}"}

    def objects(self):
        return ArticleVersion.objects.select_related("article__chapter")

    def candidates(self, object_ids, phrase):
        """The versions found that are the wording in force today (no later version has come into force)."""
        in_force = local.held(("wording in force",), _wording_in_force)  # read only: not copied for each search
        phrase = phrase.lower()
        found = [(pk, in_force[pk]) for pk in object_ids if pk in in_force]
        return [Candidate(pk, order=order, phrase=phrase in text) for pk, (order, text) in found]

    def hits(self, candidates):
        """Each version's Hit, held for the language shown: a result page costs no query for an article
        other searches found before (pages show a Hit as it is, never changing it)."""
        held = local.held(("law hits", get_language()), dict)
        missing = [candidate.object_id for candidate in candidates if candidate.object_id not in held]
        if missing:
            held.update(_hits(missing))
        return {candidate.object_id: held[candidate.object_id] for candidate in candidates}


def _hits(pks):
    versions = ArticleVersion.objects.filter(pk__in=pks).select_related("article__law", "article__chapter")
    hits = {}
    for version in versions:
        article = version.article
        hits[version.pk] = Hit(
            title=f"{article.law.short_title} {article.label}",
            url=article.get_absolute_url(),
            source=f"{article.law.title} · {article.chapter.heading}",
            kind=ArticleVersionIndex.kind,
            excerpts=[("zh", version.text_zh), ("en", version.text_en)],
        )
    return {pk: hits.get(pk) for pk in pks}


def _wording_in_force():
    """{version id: ((law's position, article number), its Chinese and English text in lower case)} for
    each article's wording in force today: what places a version among the results, and what the bonus
    for the query as written reads."""
    versions = ArticleVersion.objects.current().values_list(
        "pk", "article__law__position", "article__number", "text_zh", "text_en"
    )
    return {pk: ((position, number), f"{zh}\n{en}".lower()) for pk, position, number, zh, en in versions}


def cited_article(query):
    """The address of the article a citation names ("第23条", "Article 23", "经办条例第六条",
    "Regulations article 6"), or None. A citation without the name of a text cites the Social Insurance Law."""
    slug, rest = SOCIAL_INSURANCE_LAW, query.strip()
    if not CITATION_HINT.search(rest):
        return None
    if parse_citation(rest) is None:
        named = [(name, law.slug) for law in Law.objects.all() for name in law.names()]
        for name, law_slug in sorted(named, key=lambda pair: -len(pair[0])):
            if rest.casefold().startswith(name.casefold()):
                slug, rest = law_slug, rest[len(name) :].lstrip(" ,，")
                break
    number = parse_citation(rest)
    if number is None:
        return None
    article = Article.objects.select_related("law").filter(law__slug=slug, number=number).first()
    return article.get_absolute_url() if article else None


register(ArticleVersionIndex())
register_shortcut(cited_article)
