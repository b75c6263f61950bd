from django import template
from django.urls import reverse

from statutes.references import link_references

register = template.Library()


@register.simple_tag(takes_context=True)
def linked_references(context, text, language):
    """The paragraph with each reference to an article of the same law linked to that article.

    References to articles the law does not have stay plain text. Links keep the date being read.
    """
    law, numbers, date_query = context["law"], context["article_numbers"], context.get("date_query", "")

    def url_for(number, paragraph=None):
        if number not in numbers:
            return None
        url = reverse("statutes:article", kwargs={"law": law.slug, "number": number}) + date_query
        return f"{url}#paragraph-{paragraph}" if paragraph else url

    return link_references(text, language, url_for)
