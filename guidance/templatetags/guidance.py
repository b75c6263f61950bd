from django import template
from django.utils.formats import date_format

from insurance_site.content import is_english

register = template.Library()


@register.filter
def long_date(value):
    """ "26 November 2026" on the English site, "2026年11月26日" on the Chinese one."""
    if not value:
        return ""
    return date_format(value, "j F Y") if is_english() else f"{value.year}年{value.month}月{value.day}日"
