"""Citations of the law's own articles are found, linked and typed into the search box."""

import pytest
from django.utils.html import escape
from django.utils.safestring import SafeString

from statutes.numbering import chinese_number
from statutes.references import Reference, chinese_to_int, find_references, link_references, parse_citation

# Article 41(2), verbatim from statutes/data.
ARTICLE_41_ZH = (
    "从工伤保险基金中先行支付的工伤保险待遇应当由用人单位偿还。"
    "用人单位不偿还的，社会保险经办机构可以依照本法第六十三条的规定追偿。"
)
ARTICLE_41_EN = (
    "Work injury insurance benefits paid in advance from the work injury insurance fund shall be repaid by the "
    "employer. If the employer does not repay them, the social insurance agency may seek recovery in accordance "
    "with Article 63 of this Law."
)
LAST_ARTICLE = 98


def article_url(number, paragraph):
    """URLs as the site would build them; articles past the end of the law have no page."""
    if number > LAST_ARTICLE:
        return None
    return f"/law/articles/{number}/" + (f"#paragraph-{paragraph}" if paragraph else "")


def cited(text, language):
    """(number, paragraph, linked text) for every citation found."""
    return [(ref.number, ref.paragraph, text[ref.start : ref.end]) for ref in find_references(text, language)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("一十", 10),
        ("十五", 15),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("一百〇五", 105),
        ("一百一十", 110),
        ("一百二十三", 123),
        ("一千零一", 1001),
        ("一千零一十", 1010),
        ("两", 2),
        ("两百", 200),
        ("零", 0),
        ("〇", 0),
    ],
)
def test_chinese_numerals_are_read(text, value):
    """Chinese numerals as article numbers use them are read, including 〇/零 and 两."""
    assert chinese_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "23",
        "abc",
        "二十三条",
        " 二十三",
        "十十",
        "一百五",
        "一百十",
        "零五",
        "一百零",
        "一百零零五",
        "一零五",
        "五五",
        "百",
        "千百",
        "〇零",
        "零零",
    ],
)
def test_anything_but_a_chinese_numeral_is_refused(text):
    """Digits, stray characters, shorthand (一百五) and misplaced zeros raise ValueError instead of being guessed."""
    with pytest.raises(ValueError):
        chinese_to_int(text)


def test_chinese_numerals_round_trip_with_the_law_numbering():
    """Every number 1..999 written by chinese_number() is read back to itself."""
    assert [chinese_to_int(chinese_number(n)) for n in range(1, 1000)] == list(range(1, 1000))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARTICLE_41_ZH, [(63, None, "第六十三条")]),
        ("依照第六十三条的规定", [(63, None, "第六十三条")]),
        ("本法第十条", [(10, None, "第十条")]),
        ("第二十三条第二款规定的人员", [(23, 2, "第二十三条第二款")]),
        ("第10条", [(10, None, "第10条")]),
        ("第１０条", [(10, None, "第１０条")]),
        ("第 10 条", [(10, None, "第 10 条")]),
        ("第一百零五条", [(105, None, "第一百零五条")]),
        ("第五十八条、第六十条", [(58, None, "第五十八条"), (60, None, "第六十条")]),
        ("第五十八条和第六十条", [(58, None, "第五十八条"), (60, None, "第六十条")]),
        ("第五十八条至第六十条", [(58, None, "第五十八条"), (60, None, "第六十条")]),
        (
            "第五十八条、第六十条和第六十三条",
            [(58, None, "第五十八条"), (60, None, "第六十条"), (63, None, "第六十三条")],
        ),
        ("依照第十条规定，并按第二十条执行", [(10, None, "第十条"), (20, None, "第二十条")]),
    ],
)
def test_chinese_citations_are_found(text, expected):
    """Single articles, paragraphs, Arabic digits, lists and both ends of a range are each found, without 本法."""
    assert cited(text, "zh") == expected


@pytest.mark.parametrize(
    "text",
    [
        "依照《中华人民共和国劳动法》第十条的规定",
        "依照《中华人民共和国劳动法》 第十条的规定",
        "《中华人民共和国劳动合同法》第五十八条、第六十条",
        "《工伤保险条例》第三条至第五条",
        "该法第十条",
        "该条例第二十三条第二款",
        "第一章",
        "第二款",
        "第十十条",
        "第零条",
    ],
)
def test_chinese_text_citing_other_laws_or_no_article_yields_nothing(text):
    """Articles of a law named in 《》 or by 该法/该条例, and things that are not article numbers, are not found."""
    assert find_references(text, "zh") == []


def test_another_law_named_earlier_does_not_hide_a_later_citation_of_this_law():
    """In "《劳动法》第十条和本法第二十条" only Article 20 belongs to this law."""
    assert cited("依照《中华人民共和国劳动法》第十条和本法第二十条", "zh") == [(20, None, "第二十条")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ARTICLE_41_EN, [(63, None, "Article 63")]),
        ("Article 63", [(63, None, "Article 63")]),
        ("under article 63,", [(63, None, "article 63")]),
        ("Article 63(2)", [(63, 2, "Article 63(2)")]),
        ("Article 10 of this Law", [(10, None, "Article 10")]),
        ("Articles 58 and 60", [(58, None, "58"), (60, None, "60")]),
        ("Articles 58, 60 and 63", [(58, None, "58"), (60, None, "60"), (63, None, "63")]),
        ("Articles 58, 60, and 63(2)", [(58, None, "58"), (60, None, "60"), (63, 2, "63(2)")]),
        ("Articles 58 to 60", [(58, None, "58"), (60, None, "60")]),
        ("Articles 58-60", [(58, None, "58"), (60, None, "60")]),
        ("Article 10 and Article 12", [(10, None, "Article 10"), (12, None, "Article 12")]),
        ("Article 12, 3 months later", [(12, None, "Article 12")]),
        ("Article 10 of this Law and Article 12 of the Labour Law", [(10, None, "Article 10")]),
    ],
)
def test_english_citations_are_found(text, expected):
    """'Article 63' links as a whole, a plural list or range links each number, and (2) is a paragraph."""
    assert cited(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Article 10 of the Labour Law",
        "Article 10(2) of the Labour Law of the People's Republic of China",
        "Articles 58 and 60 of the Labour Contract Law",
        "Articles 3 to 5 of the Regulations on Work-Related Injury Insurance",
        "Article 10 and Article 12 of the Labour Law",
        "Article 4 of that Law",
        "article-free text with 63 in it",
        "Article63",
        "Article 63a",
    ],
)
def test_english_text_citing_other_laws_or_no_article_yields_nothing(text):
    """Articles 'of the ... Law/Regulations' belong to another law and are not found, nor are bare numbers."""
    assert find_references(text, "en") == []


def test_references_are_small_frozen_values():
    """A Reference records where the citation is and what it cites, and cannot be changed."""
    reference = find_references("第二十三条第二款", "zh-hans")[0]
    assert reference == Reference(start=0, end=8, number=23, paragraph=2)
    with pytest.raises(AttributeError):
        reference.number = 24


def test_unknown_languages_are_refused():
    """Only Chinese and English text can be searched for citations."""
    with pytest.raises(ValueError):
        find_references("Artikel 63", "de")


@pytest.mark.parametrize(
    ("text", "language", "html"),
    [
        (
            ARTICLE_41_ZH,
            "zh",
            ARTICLE_41_ZH.replace("第六十三条", '<a href="/law/articles/63/">第六十三条</a>'),
        ),
        (
            ARTICLE_41_EN,
            "en",
            ARTICLE_41_EN.replace("Article 63", '<a href="/law/articles/63/">Article 63</a>'),
        ),
        ("见第二十三条第二款", "zh", '见<a href="/law/articles/23/#paragraph-2">第二十三条第二款</a>'),
        ("see Article 23(2)", "en", 'see <a href="/law/articles/23/#paragraph-2">Article 23(2)</a>'),
        (
            "Articles 58 to 60",
            "en",
            'Articles <a href="/law/articles/58/">58</a> to <a href="/law/articles/60/">60</a>',
        ),
        (
            "第五十八条至第六十条",
            "zh",
            '<a href="/law/articles/58/">第五十八条</a>至<a href="/law/articles/60/">第六十条</a>',
        ),
    ],
)
def test_citations_become_links(text, language, html):
    """Each citation of an existing article is wrapped in a link to that article."""
    assert link_references(text, language, article_url) == html


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("依照第九十九条和第一百零五条的规定", "zh"),
        ("Articles 99 and 105", "en"),
        ("依照《中华人民共和国劳动法》第十条的规定", "zh"),
        ("Article 10 of the Labour Law", "en"),
        ("<b>第十十条</b> & Article 0", "zh"),
    ],
)
def test_citations_without_a_page_stay_plain_text(text, language):
    """Missing articles (url_for returns None) and other laws' articles are left as escaped plain text."""
    assert link_references(text, language, article_url) == escape(text)


def test_a_missing_article_does_not_stop_later_ones_being_linked():
    """In a list, the existing articles are linked even when one in between does not exist."""
    html = link_references("第十条、第九十九条和第二十条", "zh", article_url)
    assert html == '<a href="/law/articles/10/">第十条</a>、第九十九条和<a href="/law/articles/20/">第二十条</a>'


@pytest.mark.parametrize(
    ("text", "language", "html"),
    [
        (
            '<script>alert("第十条")</script> & 第十条',
            "zh",
            "&lt;script&gt;alert(&quot;"
            '<a href="/law/articles/10/">第十条</a>'
            "&quot;)&lt;/script&gt; &amp; "
            '<a href="/law/articles/10/">第十条</a>',
        ),
        (
            "<script>x</script> & Article 10 'quoted'",
            "en",
            '&lt;script&gt;x&lt;/script&gt; &amp; <a href="/law/articles/10/">Article 10</a> &#x27;quoted&#x27;',
        ),
    ],
)
def test_text_around_citations_is_escaped(text, language, html):
    """Markup and ampersands around citations come out escaped exactly as django.utils.html.escape does it."""
    result = link_references(text, language, article_url)
    assert isinstance(result, SafeString)
    assert result == html


def test_urls_are_escaped_inside_the_link():
    """A URL carrying a query string is escaped for the href attribute."""
    html = link_references("Article 10", "en", lambda number, paragraph: f"/search?q={number}&lang=en")
    assert html == '<a href="/search?q=10&amp;lang=en">Article 10</a>'


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("23", 23),
        (" 23 ", 23),
        ("\t23\n", 23),
        ("２３", 23),
        ("第23条", 23),
        ("第 23 条", 23),
        ("第二十三条", 23),
        ("第二十三条第二款", 23),
        ("二十三", 23),
        ("Article 23", 23),
        ("article 23", 23),
        ("ARTICLE 23", 23),
        ("Article 23(2)", 23),
        ("art 23", 23),
        ("Art. 23", 23),
        ("art.23", 23),
        ("§23", 23),
        ("§ 23", 23),
        ("98", 98),
        ("99", 99),
        ("1000", 1000),
        ("第一百零五条", 105),
    ],
)
def test_typed_citations_are_understood(query, number):
    """Ways of typing an article number lead to it, even past the end of the law (the caller checks that)."""
    assert parse_citation(query) == number


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "late fee",
        "23 late fee",
        "late fee 23",
        "0",
        "00",
        "零",
        "第零条",
        "-1",
        "+1",
        "2.5",
        "1e3",
        "23 24",
        "Article",
        "art. twenty-three",
        "§",
        "一百五",
        "9" * 10_000,
        "第" + "一" * 10_000 + "条",
        "2\x003",
        "\x0023",
        "23\x07",
        "\x1b[31m23",
        "2\u200b3",
        "\u200b23",
        None,
    ],
)
def test_anything_else_is_not_a_citation(query):
    """Words, zero, negative numbers, huge inputs and control characters give None rather than an article."""
    assert parse_citation(query) is None
