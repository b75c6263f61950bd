"""The guide's results that rest on an article, shown on the article's page and nowhere in the law's code."""

from django.template.loader import render_to_string

from statutes.extensions import article_panel

from .models import Guide, Outcome


@article_panel
def cited_by(request, article):
    """ "Used in the guide": each published result whose steps cite the article, linked with answers that lead there."""
    outcomes = list(
        Outcome.objects.filter(guide__status=Guide.Status.PUBLISHED, steps__citations__article=article).distinct()
    )
    if not outcomes:
        return ""
    guide = Guide.objects.live()
    urls = guide.load_flow().result_urls() if guide else {}
    results = [(outcome, urls[outcome.slug]) for outcome in outcomes if outcome.slug in urls]
    return render_to_string("guidance/includes/cited_by.html", {"results": results}, request) if results else ""
