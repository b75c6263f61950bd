"""The guide in real Chromium: every path walked by clicking, axe-core on every page, no JavaScript
needed and nothing loaded from outside the site."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from guidance.models import Feedback

from .test_guide_pages import PATHS

AXE = Axe()

pytestmark = pytest.mark.browser  # conftest gives it the database


class Visit:
    """A browser tab that fails the test on any request that leaves the site, anything the security headers
    make the browser refuse or complain of, or any axe violation."""

    def __init__(self, context, site):
        self.site = site
        self.outside = []
        self.refused = []
        self.auditing = False
        self.checked = set()
        context.route("**/*", self._only_this_site)
        self.page = context.new_page()
        self.page.on("console", self._refusals)

    def _refusals(self, message):
        """Chromium reports what the Content-Security-Policy blocks, and any Permissions-Policy it cannot
        read, on the console."""
        if self.auditing:
            return  # axe-core, run in the page, copies stylesheets into style elements the policy refuses
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            self.refused.append(f"{self.page.url}: {message.text}")

    def _only_this_site(self, route):
        url = route.request.url
        if urlsplit(url).netloc == urlsplit(self.site).netloc or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path):
        response = self.page.goto(self.site + path)
        return response

    def check_accessibility(self):
        """Run axe-core once per distinct page state; report violations readably."""
        self.page.wait_for_load_state()
        key = (self.page.url, self.page.locator(".error-summary").count())
        if key in self.checked:
            return
        self.checked.add(key)
        self.auditing = True
        try:
            results = AXE.run(self.page)
        finally:
            self.auditing = False
        assert results.violations_count == 0, f"{self.page.url}\n{results.generate_report()}"

    def answer(self, value):
        self.check_accessibility()
        self.page.locator(f'input[type="radio"][value="{value}"]').check()
        self.page.get_by_role("button", name=self.continue_label).click()

    @property
    def continue_label(self):
        return "继续" if "/zh-hans/" in self.page.url else "Continue"


START = {"en": ("/en/", "Start now"), "zh-hans": ("/zh-hans/", "开始")}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_path_by_clicking_with_no_accessibility_violations(visit, language):
    """Each path, walked by clicking, ends in steps with citations; every page passes axe-core."""
    path, start_label = START[language]
    for outcome, answers in PATHS.items():
        visit.goto(path)
        visit.check_accessibility()
        visit.page.get_by_role("link", name=start_label, exact=True).click()
        for _question, value in answers:
            visit.answer(value)
        assert f"/guide/result/{outcome}/" in visit.page.url
        expect(visit.page.locator(".steps__item").first).to_be_visible()
        expect(visit.page.locator(".citation a").first).to_be_visible()
        expect(visit.page.locator(".practice__source").first).to_be_visible()
        visit.page.locator(".citation__text summary").first.click()
        expect(visit.page.locator(".citation__text blockquote").first).to_be_visible()
        visit.check_accessibility()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_citation_leads_to_the_article(visit, language):
    """A citation's link opens the article page, which passes axe-core too."""
    visit.goto(f"/{language}/guide/result/which-scheme/?situation=not-sure")
    link = visit.page.locator(".citation a").first
    link.click()
    expect(visit.page).to_have_url(f"{visit.site}/{language}/law/social-insurance-law/article-23/#paragraph-1")
    expect(visit.page.locator("#paragraph-1")).to_be_in_viewport()
    visit.check_accessibility()
    name = "All articles of the Social Insurance Law" if language == "en" else "社会保险法全部条文"
    visit.page.get_by_role("link", name=name).click()
    visit.check_accessibility()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_continuing_without_an_answer_shows_the_error_summary(visit, language):
    """The error summary appears, passes axe-core, and its link moves focus to the first radio."""
    visit.goto(f"/{language}/guide/question/situation/")
    visit.page.get_by_role("button", name=visit.continue_label).click()
    summary = visit.page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert visit.page.title().startswith("Error:" if language == "en" else "错误：")
    visit.check_accessibility()
    summary.get_by_role("link").click()
    expect(visit.page.locator("#situation")).to_be_focused()


def test_guide_works_without_javascript(visit_without_javascript):
    """With JavaScript off, the guide still walks to a result and the cited text still opens."""
    visit = visit_without_javascript
    visit.goto("/en/")
    visit.page.get_by_role("link", name="Start now", exact=True).click()
    for _question, value in PATHS["flexible-employee"]:
        visit.page.locator(f'input[value="{value}"]').check()
        visit.page.get_by_role("button", name="Continue").click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(
        "Paying employee insurance yourself as a flexible worker"
    )
    visit.page.locator(".citation__text summary").first.click()
    expect(visit.page.locator(".citation__text blockquote").first).to_be_visible()


def test_back_button_and_change_links_keep_the_answers(visit):
    """The browser's Back button returns to the previous question with the answer still chosen."""
    visit.goto("/en/guide/question/situation/")
    visit.answer("flexible")
    visit.answer("residents-insurance")
    expect(visit.page.get_by_role("heading", level=1)).to_contain_text("residents' insurance lapsed")
    visit.page.go_back()
    expect(visit.page.locator('input[value="residents-insurance"]')).to_be_checked()
    visit.page.go_back()
    expect(visit.page.locator('input[value="flexible"]')).to_be_checked()
    visit.page.go_forward()
    visit.page.go_forward()
    visit.answer("no")
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("Joining residents' basic medical insurance")
    visit.page.get_by_role("link", name="Change Which insurance do you want to join?").click()
    expect(visit.page.locator('input[value="residents-insurance"]')).to_be_checked()
    visit.answer("not-sure")
    expect(visit.page).to_have_url(
        f"{visit.site}/en/guide/result/which-scheme/?situation=flexible&flexible-scheme=not-sure"
    )


def test_language_switch_keeps_the_answers(visit):
    """Switching language on a result page shows the same result, in Chinese."""
    visit.goto("/en/guide/result/residents/?situation=resident&resident-lapse=no")
    visit.page.get_by_role("link", name="简体中文").click()
    expect(visit.page).to_have_url(f"{visit.site}/zh-hans/guide/result/residents/?situation=resident&resident-lapse=no")
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("参加城乡居民基本医疗保险")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/guide/question/situation/?situation=forged", 400),
        ("/zh-hans/guide/result/residents/?situation=forged", 400),
        ("/en/law/social-insurance-law/article-404/", 404),
        ("/zh-hans/no/such/page/", 404),
    ],
)
def test_error_pages_are_accessible(visit, path, status):
    """The 400 and 404 pages answer in the visitor's language and pass axe-core."""
    response = visit.goto(path)
    assert response.status == status
    visit.check_accessibility()


LAW_PAGES = [
    "/en/law/social-insurance-law/",
    "/zh-hans/law/social-insurance-law/?date=2015-01-01",
    "/en/law/social-insurance-law/chapter-3/",
    "/zh-hans/law/social-insurance-law/chapter-7/",
    "/en/law/social-insurance-law/article-41/",
    "/zh-hans/law/social-insurance-law/article-64/?date=2010-01-01",
    "/en/law/social-insurance-law/article-23/?date=not-a-date",
    "/en/search/?q=late+fee",
    "/zh-hans/search/?q=补缴",
    "/en/search/?q=",
    "/en/law/",
    "/zh-hans/law/",
    "/en/law/social-insurance-handling-regulations/",
    "/zh-hans/law/social-insurance-handling-regulations/chapter-2/",
    "/en/law/social-insurance-handling-regulations/article-1/",
    "/zh-hans/law/social-insurance-handling-regulations/article-13/",
    "/en/law/social-insurance-law/article-30/#paragraph-2",
    "/zh-hans/search/?q=医保电子凭证",
    "/zh-hans/search/?q=怎么交医保",
    "/en/search/?q=insurance&page=2",
    "/en/search/?q=xyzzy",
    "/zh-hans/search/?q=医保断交",  # "Did you mean"
    "/en/search/?q=medical+spaceship",  # relaxed
]


@pytest.mark.parametrize("path", LAW_PAGES)
def test_law_and_search_pages_have_no_accessibility_violations(visit, path):
    """The law's contents, chapters, articles (dated, undated, bad date) and search pass axe-core."""
    visit.goto(path)
    for summary in visit.page.locator("details summary").all():
        summary.click()
    visit.check_accessibility()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_comparing_versions_of_an_amended_article(visit, language):
    """Opening 'What changed' on Article 57 shows the renamed authority removed and added."""
    visit.goto(f"/{language}/law/social-insurance-law/article-57/")
    visit.page.locator(".versions details summary").first.click()
    expect(visit.page.locator("del").first).to_contain_text("工商行政")
    expect(visit.page.locator("ins").first).to_contain_text("市场监督")
    visit.check_accessibility()


def test_searching_from_the_header_and_going_to_an_article(visit):
    """The header's search box finds the late fee article; typing 23 opens Article 23."""
    visit.goto("/en/guide/question/situation/")
    visit.page.get_by_role("searchbox", name="Search the law and the guide").fill("late fee")
    visit.page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(visit.page.get_by_role("link", name="Article 86")).to_be_visible()
    visit.check_accessibility()
    visit.page.locator("#q").fill("第二十三条")
    visit.page.locator("main").get_by_role("button", name="Search").click()
    expect(visit.page).to_have_url(f"{visit.site}/en/law/social-insurance-law/article-23/")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_saved_link_of_the_first_edition_still_leads_somewhere(visit, language):
    """A result address saved from the first edition of the guide opens the page its answers lead to now."""
    response = visit.goto(f"/{language}/guide/result/employer-pays/?who-pays=employer&employer-paying=yes")
    assert response.status == 200
    expect(visit.page).to_have_url(
        f"{visit.site}/{language}/guide/result/employee/?situation=employee&employer-paying=yes"
    )
    visit.check_accessibility()


def test_a_cited_item_is_highlighted_where_the_link_lands(visit):
    """Following a link to 30(2) lands on the 先行支付 paragraph, highlighted, with the items above it."""
    visit.goto("/zh-hans/law/social-insurance-law/article-30/#paragraph-2")
    target = visit.page.locator("#paragraph-2")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("先行支付")
    assert target.evaluate("element => getComputedStyle(element).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_reading_the_law_on_a_date_without_javascript(visit_without_javascript):
    """The date form works with JavaScript off and shows the 2010 wording of Article 64."""
    visit = visit_without_javascript
    visit.goto("/en/law/social-insurance-law/article-64/")
    visit.page.locator("#date").fill("2015-06-30")
    visit.page.get_by_role("button", name="Show", exact=True).click()
    expect(visit.page).to_have_url(f"{visit.site}/en/law/social-insurance-law/article-64/?date=2015-06-30")
    expect(visit.page.get_by_role("status")).to_contain_text("2015-06-30")


@pytest.mark.parametrize(
    ("language", "send", "thanks"),
    [("en", "Send", "Thank you for your feedback"), ("zh-hans", "提交", "感谢您的反馈")],
)
def test_feedback_is_sent_without_javascript_or_a_cookie(visit_without_javascript, language, send, thanks):
    """A real browser's answer passes the same-site check with no token; the visitor is given no cookie, and
    reloading the thanks sends nothing again."""
    visit = visit_without_javascript
    visit.goto(f"/{language}/guide/result/residents/?situation=resident&resident-lapse=no")
    visit.page.locator('input[name="useful"][value="yes"]').check()
    visit.page.get_by_role("button", name=send).click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(thanks)
    visit.page.reload()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text(thanks)
    assert visit.page.context.cookies() == []
    assert Feedback.objects.filter(useful=True, language=language).count() == 1
