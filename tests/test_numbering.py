"""Article numbers written the way the law writes them."""

import pytest
from django.utils import translation

from statutes.numbering import article_label, chinese_number


@pytest.mark.parametrize(
    ("number", "chinese"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (23, "二十三"),
        (98, "九十八"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
    ],
)
def test_chinese_numerals(number, chinese):
    """Numbers come out as in the law's own headings (第二十三条, 第一百零五条)."""
    assert chinese_number(number) == chinese


def test_paragraph_citations_read_naturally_in_both_languages():
    """A citation of paragraph 2 of Article 23 reads 'Article 23(2)' and 第二十三条第二款."""
    with translation.override("en"):
        assert article_label(23, 2) == "Article 23(2)"
    with translation.override("zh-hans"):
        assert article_label(23, 2) == "第二十三条第二款"
        assert article_label(4) == "第四条"
