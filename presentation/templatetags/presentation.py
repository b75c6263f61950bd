"""Template tags for what every page carries besides its content: the text size switch, the title and
description that the head repeats for browsers, search engines and link cards, and Chinese inside English
text marked as Chinese."""

import html
import re
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from insurance_site.content import is_english

from ..middleware import LARGE, PARAMETER, STANDARD

register = template.Library()

DESCRIPTION_LENGTH = 150  # characters: what search results and link cards show before cutting
# A run of Chinese: from a Chinese character to the last one, with the punctuation, brackets and digits between
# (国办发〔2024〕38号 is one run, 医保中心 another).
_HAN = "\u3400-\u9fff\uf900-\ufaff"
CHINESE_RUN = re.compile(f"[{_HAN}](?:[{_HAN}\u3000-\u303f\uff00-\uffef0-9]*[{_HAN}\u3000-\u303f\uff00-\uffef])?")


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Rendered, so escaped already: kept safe through strip(), which returns a plain str.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}` renders its content once into `name`, so a page's title
    block can fill `<title>` and `og:title` alike (a block cannot appear twice in a template)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def description(text):
    """Text fit for a meta description: one line, no markup, cut at a word (or a character in Chinese)."""
    return Truncator(" ".join(html.unescape(strip_tags(str(text))).split())).chars(DESCRIPTION_LENGTH)


@register.filter(needs_autoescape=True)
def chinese_marked(text, autoescape=True):
    """`text` (plain, or safe text without tags) with each run of Chinese in it in a span marked lang="zh-Hans"
    on the English site, so that a screen reader reads 医保中心 in an English sentence as Chinese (WCAG 3.1.2);
    unchanged on the Chinese site, whose pages are marked Chinese already."""
    escape = conditional_escape if autoescape and not hasattr(text, "__html__") else str
    if not is_english():
        return mark_safe(escape(text))  # noqa: S308 - escaped, or safe already
    text, parts, done = str(text), [], 0
    for run in CHINESE_RUN.finditer(text):  # a run holds no character HTML escapes
        parts += [escape(text[done : run.start()]), f'<span lang="zh-Hans">{run.group()}</span>']
        done = run.end()
    parts.append(escape(text[done:]))
    return mark_safe("".join(parts))  # noqa: S308 - each part escaped, or safe already


@register.simple_tag(takes_context=True)
def text_size_switch(context):
    """The 大字模式 / Larger text switch. Without JavaScript it is a link to this page in the other size
    (the address keeps the choice); static/js/text-size.js makes it a button that keeps the choice in the
    browser."""
    request = context["request"]
    large = getattr(request, "larger_text", False)
    # The page's query as QueryDict.urlencode() writes it (the larger-text middleware has taken the size out
    # already), with the other size after it.
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    query = urlencode([*pairs, (PARAMETER, STANDARD if large else LARGE)])
    return format_html(
        '<a id="text-size" class="text-size" href="{}" data-text-size>{}</a>',
        f"{request.path}?{query}#text-size",
        _("Back to standard text") if large else _("Larger text"),
    )
