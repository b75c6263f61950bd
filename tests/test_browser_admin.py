"""Staff in real Chromium: an edit stays a draft until a publisher publishes it, a stale edit is refused,
a revert restores the earlier text, and the flow map shows a broken draft's problem. axe-core on every
admin page this project adds or changes."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from guidance import editions
from guidance.models import Guide, Option

from .staff_browser import PASSWORD, draft_step, save, staff

pytestmark = pytest.mark.browser  # conftest gives it the database

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
WORDS = {
    "en": {
        "conflict": "saved changes to this step after you opened it",
        "compare": "Compare with now",
        "revert": "Open this revision to revert to it",
        "flow map": "Flow map",
        "no options": "The question “child-age” has no options.",
    },
    "zh-hans": {
        "conflict": "在您打开这个步骤之后保存了修改",
        "compare": "与当前版本比较",
        "revert": "打开这个修订版本以恢复",
        "flow map": "流程图",
        "no options": "问题“child-age”没有选项。",
    },
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_edit_reaches_citizens_only_when_published(people, language):
    """An editor's change is invisible to citizens until a publisher publishes the draft."""
    staff("Editors", "editor")
    staff("Publishers", "publisher")
    citizen = people()
    editor = people("editor", language)

    live = Guide.objects.live()
    editor.goto(f"/admin/guidance/guide/{live.pk}/change/")
    editor.check_accessibility()
    editor.page.locator("form[action$='/draft/'] input[type=submit]").click()
    draft = Guide.objects.draft()
    expect(editor.page).to_have_url(f"{editor.site}/admin/guidance/guide/{draft.pk}/change/")
    expect(editor.page.locator("a[href$='/publish/']")).to_have_count(0)
    editor.check_accessibility()

    step = draft_step(draft)
    editor.goto(f"/admin/guidance/step/{step.pk}/change/")
    editor.page.locator("#id_title_en").fill("Pay before the end of December")
    save(editor)
    expect(editor.page.locator(".messagelist .success")).to_be_visible()
    editor.check_accessibility()

    citizen.goto(RESULT)
    expect(citizen.page.locator(".steps")).not_to_contain_text("Pay before the end of December")
    editor.goto(RESULT.replace("/en/", "/en/preview/"))
    expect(editor.page.locator(".steps")).to_contain_text("Pay before the end of December")
    editor.check_accessibility()

    publisher = people("publisher", language)
    publisher.goto(f"/admin/guidance/guide/{draft.pk}/change/")
    publisher.page.locator("a[href$='/publish/']").click()
    expect(publisher.page.locator("ins").first).to_contain_text("Pay before the end of December")
    publisher.check_accessibility()
    publisher.page.locator("#id_note").fill("Deadline in the first step.")
    publisher.page.locator("#id_confirm").check()
    publisher.page.locator("input[type=submit].default").click()
    expect(publisher.page.locator(".messagelist .success")).to_be_visible()
    citizen.page.reload()
    expect(citizen.page.locator(".steps")).to_contain_text("Pay before the end of December")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_stale_second_edit_is_refused(people, language):
    """Two editors open the same step; the second save is refused and shows what the first changed."""
    staff("Editors", "first")
    staff("Editors", "second")
    step = draft_step(editions.create_draft(Guide.objects.live()))
    first, second = people("first", language), people("second", language)
    for visit in (first, second):
        visit.goto(f"/admin/guidance/step/{step.pk}/change/")
    first.page.locator("#id_title_en").fill("The first editor's wording")
    save(first)
    second.page.locator("#id_title_en").fill("The second editor's wording")
    save(second)
    expect(second.page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(second.page.locator("body")).to_contain_text(WORDS[language]["conflict"])
    expect(second.page.locator("body")).to_contain_text("The first editor's wording")
    second.check_accessibility()
    step.refresh_from_db()
    assert step.title_en == "The first editor's wording"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_revert_restores_the_earlier_text(people, language):
    """The first edit of a step is undone from its history: comparing and reverting brings back the text as copied."""
    staff("Editors", "editor")
    step = draft_step(editions.create_draft(Guide.objects.live()))
    original = step.title_en
    editor = people("editor", language)
    url = f"/admin/guidance/step/{step.pk}/change/"
    editor.goto(url)  # never saved in the admin: its only revision is the copy "Create a draft" made
    editor.page.locator("#id_title_en").fill("A title that turned out wrong")
    save(editor)
    editor.goto(f"{url.removesuffix('change/')}history/")
    editor.check_accessibility()
    editor.page.get_by_role("link", name=WORDS[language]["compare"]).first.click()  # the oldest revision
    expect(editor.page.locator("del").first).to_be_visible()
    editor.check_accessibility()
    editor.page.get_by_role("link", name=WORDS[language]["revert"]).click()
    expect(editor.page.locator("#id_title_en")).to_have_value(original)
    save(editor)
    step.refresh_from_db()
    assert step.title_en == original


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_flow_map_shows_a_broken_drafts_problem(people, language):
    """With the options of a question deleted, the map draws its box in red and lists the problem."""
    staff("Editors", "editor")
    draft = editions.create_draft(Guide.objects.live())
    Option.objects.filter(question__guide=draft, question__slug="child-age").delete()
    editor = people("editor", language)
    editor.goto(f"/admin/guidance/guide/{draft.pk}/change/")
    expect(editor.page.locator(".errorlist")).to_contain_text("child-age")
    editor.page.get_by_role("link", name=WORDS[language]["flow map"]).click()
    expect(editor.page.locator("svg rect[stroke='#b1120f']")).to_have_count(3)
    expect(editor.page.locator("#content-main")).to_contain_text(WORDS[language]["no options"])
    # At 1280 px the problems are listed, linked, without scrolling, and the map needs no sideways scrolling.
    editor.page.set_viewport_size({"width": 1280, "height": 800})
    expect(editor.page.locator(".flow-map__problems a").first).to_be_in_viewport()
    assert editor.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    editor.check_accessibility()
    editor.page.locator("svg a").first.click()
    expect(editor.page).to_have_url(f"{editor.site}/admin/guidance/question/{draft.start.pk}/change/")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_new_staff_pages_pass_axe(people, language):
    """The publish review, recent changes, feedback, history and recover pages, the flow map and a user's
    page pass axe-core; the language switch changes the admin's language."""
    staff("Publishers", "publisher")
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    draft = editions.create_draft(Guide.objects.live(), admin)
    step = draft_step(draft)
    publisher = people("boss", language)
    for path in [
        f"/admin/guidance/guide/{draft.pk}/publish/",
        "/admin/recent-changes/",
        "/admin/guidance/feedback/",
        f"/admin/guidance/step/{step.pk}/history/",
        "/admin/guidance/step/recover/",
        "/admin/guidance/step/",
        f"/admin/auth/user/{admin.pk}/change/",
    ]:
        publisher.goto(path)
        publisher.check_accessibility()
    switch_to = "English" if language == "zh-hans" else "中文"
    publisher.page.get_by_role("button", name=switch_to).click()
    expect(publisher.page.locator("html")).to_have_attribute("lang", "en" if language == "zh-hans" else "zh-hans")
    publisher.check_accessibility()
