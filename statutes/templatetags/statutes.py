from django import template
from django.utils.html import format_html

from insurance_site.links import address
from statutes.references import link_references

register = template.Library()


@register.filter
def iso_date(value):
    """A date as the law's pages write it, 2011-07-01, in a <time> element that a line never breaks inside
    (a phone broke 2011-07-01起施行 after "2011-")."""
    return format_html('<time datetime="{0}">{0}</time>', value.isoformat()) if value else ""


@register.simple_tag(takes_context=True)
def linked_references(context, text, language):
    """The paragraph with each reference to an article of the same text linked to that article, and the
    titles of the other legal texts the site carries linked to them.

    References to articles the text does not have stay plain text. Links keep the date being read.
    """
    law, numbers, date_query = context["law"], context["article_numbers"], context.get("date_query", "")
    titles = context.get("other_texts") if _may_name_a_text(text) else None

    def url_for(number, paragraph=None):
        if number not in numbers:
            return None
        url = address("statutes:article", law=law.slug, number=number) + date_query
        return f"{url}#paragraph-{paragraph}" if paragraph else url

    return link_references(text, language, url_for, titles)


def _may_name_a_text(text):
    """A cheap test, so the titles of the other texts are only looked up for the rare paragraph naming one."""
    return "《" in text or "Law of" in text or "Regulations on" in text
