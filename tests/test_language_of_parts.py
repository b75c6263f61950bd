"""Every passage in the other language is marked as such (WCAG 3.1.2, language of parts): on the English site
each Chinese text, from a whole cited paragraph to a term like 医保中心 in an English sentence, sits in an
element marked lang="zh-Hans", so that a screen reader reads it in Chinese; English words on the Chinese site
inside Chinese text are left alone, as names and codes often are."""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from presentation.templatetags.presentation import chinese_marked

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u3400-\u9fff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ENGLISH_PAGES = [
    "/en/",
    "/en/guide/question/situation/",
    "/en/guide/result/residents/?situation=resident&resident-lapse=no",
    "/en/guide/result/residents-lapse/?situation=resident&resident-lapse=yes",
    "/en/guide/result/flexible-employee/card/?situation=flexible&flexible-scheme=employee-insurance&flexible-lapse=no",
    "/en/law/social-insurance-law/",
    "/en/law/social-insurance-law/article-64/",
    "/en/law/social-insurance-law/article-64/?date=1900-01-01",
    "/en/search/",
    "/en/search/?q=agency",
    "/en/guide/question/moving-scheme/?situation=moving",
]


class ChineseOutsideChinese(HTMLParser):
    """Collects each piece of text with Chinese in it whose nearest lang attribute is not zh-Hans."""

    def __init__(self):
        super().__init__()
        self.languages = []  # (tag, the language in force inside it)
        self.hidden = 0  # inside <script>, <style> or <title>: not read out as part of the page's text
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        language = dict(attrs).get("lang") or (self.languages[-1][1] if self.languages else "")
        self.languages.append((tag, language))
        self.hidden += tag in ("script", "style", "title")

    def handle_endtag(self, tag):
        while self.languages:
            opened, _language = self.languages.pop()
            self.hidden -= opened in ("script", "style", "title")
            if opened == tag:
                break

    def handle_data(self, data):
        if not self.hidden and CHINESE.search(data) and self.languages and self.languages[-1][1] != "zh-Hans":
            self.found.append(data.strip())


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_chinese_on_the_english_site_is_marked_as_chinese(client, path):
    """No Chinese text on an English page is left in an element that says it is English."""
    response = client.get(path)
    assert response.status_code == 200
    parser = ChineseOutsideChinese()
    parser.feed(response.content.decode())
    assert parser.found == [], "\n".join(parser.found)


def test_what_staff_wrote_is_shown_as_written_with_its_chinese_marked():
    """Markup typed into a text is shown as typed, on either site; only the English site marks the Chinese."""
    typed = "Ask the <b>医保中心</b> & see 国办发〔2024〕38号."
    with translation.override("en"):
        assert chinese_marked(typed) == (
            'Ask the &lt;b&gt;<span lang="zh-Hans">医保中心</span>&lt;/b&gt; &amp; see '
            '<span lang="zh-Hans">国办发〔2024〕38号</span>.'
        )
    with translation.override("zh-hans"):
        assert chinese_marked(typed) == "Ask the &lt;b&gt;医保中心&lt;/b&gt; &amp; see 国办发〔2024〕38号."
