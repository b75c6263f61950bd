"""Taking the answer to the counter, in real Chromium: a result and its counter card on paper, the card's QR
code read back, and the larger-text switch with and without JavaScript, checked by axe-core."""

import os
import re
import subprocess
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from .conftest import launch_chromium, tab
from .test_guide_pages import PATHS

pytestmark = pytest.mark.browser  # conftest gives it the database

RESULT = "/{language}/guide/result/employer-not-paying/?situation=employee&employer-paying=no"
CARD = "/{language}/guide/result/employer-not-paying/card/?situation=employee&employer-paying=no"
FOCUS_YELLOW = "rgb(255, 221, 0)"
OFF_PAPER = (".site-header__nav", ".search-box", "#text-size", ".feedback", ".back-link", "button", ".card-offer")


def pages_on_paper(page):
    """How many pages a page prints on, on paper a tenth shorter than A4: what fits it fits A4 with room to
    spare (for a printer's margins, or a font wider than the one measured)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(width="210mm", height="267mm")))


def hidden(page, selector):
    return page.locator(selector).evaluate_all("elements => elements.every(e => !e.checkVisibility())")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_result_prints_its_content_and_cited_text_without_navigation_or_forms(visit, language):
    """On paper: no header links, search, switch, feedback form or buttons; the cited paragraphs' text shows."""
    page = visit.page
    visit.goto(RESULT.format(language=language))
    quote = page.locator('.citation__text blockquote[lang="zh-Hans"]').first
    expect(quote).to_be_hidden()  # on screen the text opens on request
    page.emulate_media(media="print")
    expect(quote).to_be_visible()
    for selector in OFF_PAPER:
        assert hidden(page, selector), selector
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".practice__note").first).to_be_visible()
    expect(page.locator(".summary-list")).to_be_visible()
    assert page.locator(".feedback").count() == 1  # there on screen, left off paper


# The fonts print is measured in, whatever the machine has: each a Debian package's files (see
# scripts/system-packages.sh), and DejaVu Sans alone for a printer with no Chinese font at all.
PRINT_FONTS = {
    "Noto Sans CJK": ("fonts-noto-cjk", "opentype/noto/NotoSansCJK-Regular.ttc", "opentype/noto/NotoSansCJK-Bold.ttc"),
    "WenQuanYi Zen Hei": ("fonts-wqy-zenhei", "truetype/wqy/wqy-zenhei.ttc"),
    "DejaVu Sans": ("fonts-dejavu-core", "truetype/dejavu/DejaVuSans.ttf", "truetype/dejavu/DejaVuSans-Bold.ttf"),
}
FONT_FOLDER = Path("/usr/share/fonts")


@pytest.fixture(scope="module", params=PRINT_FONTS)
def chromium_with_one_font(request, playwright, tmp_path_factory):
    """Chromium that sees one font family and no other, for each of PRINT_FONTS."""
    with chromium_with_font(request.param, playwright, tmp_path_factory) as browser:
        yield request.param, browser


@pytest.fixture(scope="module")
def chromium_with_the_first_font(playwright, tmp_path_factory):
    """Chromium that sees only the font print.css names first."""
    with chromium_with_font(next(iter(PRINT_FONTS)), playwright, tmp_path_factory) as browser:
        yield browser


@contextmanager
def chromium_with_font(family, playwright, tmp_path_factory):
    """Chromium that sees `family` and no other font, through a fontconfig file of its own."""
    package, *files = PRINT_FONTS[family]
    paths = [FONT_FOLDER / file for file in files]
    if not all(path.exists() for path in paths):
        pytest.fail(f"{family} not found: apt-get install {package} (make test installs it)")
    folder = tmp_path_factory.mktemp("fonts")
    for path in paths:
        (folder / path.name).symlink_to(path)
    config = folder / "fonts.conf"
    config.write_text(f"<fontconfig><dir>{folder}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>")
    browser = launch_chromium(playwright, env={**os.environ, "FONTCONFIG_FILE": str(config)})
    try:
        yield browser
    finally:
        browser.close()


def fonts_used(page, selector):
    """The font families Chromium drew an element's text with (a font collection may report its first
    face's name: Noto Sans CJK JP for SC)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    session.detach()
    return {font["familyName"] for font in fonts}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_card_prints_on_one_page_with_room_to_spare(chromium_with_one_font, site, language):
    """In each font, on paper a tenth shorter than A4, the counter card of each of the guide's results
    prints on one page."""
    family, browser = chromium_with_one_font
    with tab(browser, site) as visit:
        visit.page.emulate_media(media="print")
        for outcome, answers in PATHS.items():
            visit.goto(f"/{language}/guide/result/{outcome}/card/?{urlencode(answers)}")
            used = fonts_used(visit.page, ".card__title span")
            assert used and all(font.startswith(family) for font in used), used
            assert pages_on_paper(visit.page) == 1, f"{family}: card {outcome}"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_result_prints_on_two_pages_with_room_to_spare(chromium_with_the_first_font, site, language):
    """On paper a tenth shorter than A4, each of the guide's results prints on at most two pages, in larger
    text too. (A result may take a second page, so the fonts' widths matter less than on the card, which
    is measured in each.)"""
    with tab(chromium_with_the_first_font, site) as visit:
        visit.page.emulate_media(media="print")
        for outcome, answers in PATHS.items():
            visit.goto(f"/{language}/guide/result/{outcome}/?{urlencode(answers)}")
            assert pages_on_paper(visit.page) <= 2, outcome
        visit.goto(RESULT.format(language=language) + "&text=large")  # paper is the same in larger text
        assert pages_on_paper(visit.page) <= 2


# A printer's resolution, near enough: at the screen's 96 dots an inch the card's 24 mm code has two dots a
# module, which zbar reads only sometimes; at 300 dots an inch, as printed, it has about eight.
PRINTER_SCALE = 3


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_cards_qr_code_opens_the_same_result(browser, site, language, tmp_path):
    """zbar reads the printed QR code as the result's address, and that address shows the result."""
    with tab(browser, site, device_scale_factor=PRINTER_SCALE) as visit:
        page = visit.page
        visit.goto(RESULT.format(language=language))
        title = page.locator("h1").inner_text()
        link = "打印这一页的办事卡" if language == "zh-hans" else "Print a counter card"
        page.get_by_role("link", name=link).click()
        visit.check_accessibility()
        print_button = page.get_by_role("button", name="打印办事卡" if language == "zh-hans" else "Print this card")
        expect(print_button).to_be_visible()
        page.emulate_media(media="print")
        page.locator(".card__qr-code").screenshot(path=tmp_path / "qr.png", scale="device")
        decoded = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")], capture_output=True, text=True, check=True
        ).stdout.strip()
        assert decoded == visit.site + RESULT.format(language=language)
        visit.page.goto(decoded)
        expect(page.locator("h1")).to_have_text(title)


def text_size(page):
    """Body text's size and line spacing, once the page and its stylesheets have loaded."""
    page.wait_for_load_state()
    return page.evaluate(
        """() => { const style = getComputedStyle(document.querySelector('main p'));
                   return [parseFloat(style.fontSize), parseFloat(style.lineHeight)]; }"""
    )


def test_the_switch_with_javascript_enlarges_text_keeps_the_place_and_stays_on(visit):
    """The button makes body text at least 24px with 1.5 line spacing, the switch stays put on screen, and
    the choice holds on the next page and after a reload, until switched off."""
    page = visit.page
    visit.goto(RESULT.format(language="en"))
    switch = page.get_by_role("button", name="Larger text")
    expect(switch).to_have_attribute("aria-pressed", "false")
    size, _ = text_size(page)
    assert size < 24
    before = switch.bounding_box()["y"]
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    size, line = text_size(page)
    assert size >= 24 and line >= 1.5 * size
    assert abs(switch.bounding_box()["y"] - before) <= 1
    visit.check_accessibility()
    page.get_by_role("link", name="Legal texts").click()
    expect(page.locator("html")).to_have_class("text-large")
    expect(page.get_by_role("button", name="Larger text")).to_have_attribute("aria-pressed", "true")
    assert "text=" not in page.url  # the address, and so the cached page, stay the same for everyone
    page.reload()
    expect(page.locator("html")).to_have_class("text-large")
    page.get_by_role("button", name="Larger text").click()
    page.get_by_role("link", name="Guide").click()
    expect(page.locator("html")).not_to_have_class("text-large")


def test_the_switch_without_javascript_is_a_link_that_the_address_keeps(visit_without_javascript):
    """With JavaScript off the switch opens the page with ?text=large; answering on keeps it, and it turns off."""
    visit = visit_without_javascript
    page = visit.page
    visit.goto("/zh-hans/")
    page.get_by_role("link", name="大字模式").click()
    expect(page.locator("html")).to_have_class("text-large")
    size, line = text_size(page)
    assert size >= 24 and line >= 1.5 * size
    page.get_by_role("link", name="开始", exact=True).click()
    page.locator('input[value="unemployment-benefits"]').check()
    page.get_by_role("button", name="继续").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/guide/result/unemployment-benefits/\?.*text=large"))
    expect(page.locator("html")).to_have_class("text-large")
    page.get_by_role("link", name="恢复标准字号").click()
    expect(page.locator("html")).not_to_have_class("text-large")
    page.get_by_role("link", name="法律法规").click()
    expect(page.locator("html")).not_to_have_class("text-large")
    visit.goto(CARD.format(language="zh-hans"))
    expect(page.get_by_role("button", name="打印办事卡")).to_be_hidden()  # nothing to press that does nothing


LARGE_TEXT_PAGES = [
    "/zh-hans/?text=large",
    "/en/guide/question/situation/?text=large",
    RESULT.format(language="zh-hans") + "&text=large",
    RESULT.format(language="en") + "&text=large",
    CARD.format(language="en") + "&text=large",
    "/zh-hans/law/social-insurance-law/?text=large",
    "/en/law/social-insurance-law/article-30/?text=large",
    "/zh-hans/search/?q=%E8%A1%A5%E7%BC%B4&text=large",
    "/en/law/social-insurance-law/article-404/?text=large",
]


def test_larger_text_pages_pass_axe_and_reflow_at_320px_and_200_percent_zoom(visit):
    """In larger text every kind of page passes axe-core and fits a 320px screen and a 1280px one at 200%
    without scrolling sideways; in both sizes keyboard focus turns the switch yellow."""
    page = visit.page
    for path in LARGE_TEXT_PAGES:
        visit.goto(path)
        expect(page.locator("html")).to_have_class("text-large")
        visit.check_accessibility()
        for width in (320, 640):
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} at {width}px"
        page.set_viewport_size({"width": 1280, "height": 800})
    for path in (CARD.format(language="zh-hans"), "/en/"):
        visit.goto(path)
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        page.set_viewport_size({"width": 1280, "height": 800})
        page.locator("#text-size").focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        background = page.locator("#text-size").evaluate("e => getComputedStyle(e).backgroundColor")
        assert background == FOCUS_YELLOW, path
