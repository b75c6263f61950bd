"""Staff in real Chromium: accounts in each role, signed-in browser tabs, and pressing Save."""

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from guidance.models import Step

from .test_browser import Visit

PASSWORD = "a-long-password-for-tests-1"
LANGUAGES = {"en": ("en-GB", "Save", "Log in"), "zh-hans": ("zh-CN", "保存", "登录")}


def staff(role, name):
    user = User.objects.create_user(name, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def people(browser, site):
    """Browser tabs for signed-in staff and for a citizen (the `people` fixture); each fails the test on
    outside requests. Yields the function that opens a tab, then closes them all."""
    contexts, visits = [], []

    def person(username=None, language="en"):
        context = browser.new_context(locale=LANGUAGES[language][0])
        contexts.append(context)
        visit = Visit(context, site)
        visits.append(visit)
        if username:
            visit.goto("/admin/login/")
            visit.page.locator("#id_username").fill(username)
            visit.page.locator("#id_password").fill(PASSWORD)
            visit.page.get_by_role("button", name=LANGUAGES[language][2]).click()
            expect(visit.page.locator("#user-tools")).to_be_visible()
        return visit

    yield person
    for visit in visits:  # no request still being answered: the live server shares the test's database
        visit.page.wait_for_load_state()
    for context in contexts:
        context.close()
    refused = [message for visit in visits for message in visit.refused]
    assert refused == [], f"the security headers refused part of a page: {refused}"


def draft_step(draft):
    return Step.objects.filter(outcome__guide=draft, outcome__slug="residents").order_by("position").first()


def save(visit):
    """Press Save and wait for the page that answers."""
    with visit.page.expect_navigation():
        visit.page.locator("input[name=_save]").click()
