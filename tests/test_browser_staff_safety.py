"""Staff cannot lose or break anything, in real Chromium and in both languages of the admin: an editor's
change to the law stays a draft until a publisher publishes it; a removed citation and a deleted step
come back; an option cannot lead into another edition; typing into an edition published meanwhile is
carried into a new draft; a change of the law flags the guide until an editor checks it. axe-core on each
page on the way."""

import pytest
from playwright.sync_api import expect

from guidance import editions
from guidance.models import Citation, Guide, Outcome, ReviewFlag, Step
from statutes import drafts
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article, ArticleDraft

from .staff_browser import draft_step, save, staff

pytestmark = pytest.mark.browser  # conftest gives it the database
ARTICLE_23 = "/en/law/social-insurance-law/article-23/"
CORRECTED = "Employees shall join employee basic medical insurance (corrected in the admin)."
WORDS = {
    "en": {"correct": "Correct the text in force from 2011-07-01", "ready": "Mark ready for review"},
    "zh-hans": {"correct": "更正自2011-07-01起施行的文本", "ready": "标记为待审阅"},
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_editors_law_change_is_invisible_until_a_publisher_publishes_it(people, language):
    staff("Editors", "editor")
    staff("Publishers", "publisher")
    citizen = people()
    editor = people("editor", language)
    article = Article.objects.get(law__slug=SIL, number=23)

    editor.goto(f"/admin/statutes/article/{article.pk}/change/")
    expect(editor.page.locator("textarea[name='versions-0-text_en']")).to_have_count(0)
    editor.check_accessibility()
    editor.page.get_by_role("button", name=WORDS[language]["correct"]).click()
    draft = ArticleDraft.objects.get()
    expect(editor.page).to_have_url(f"{editor.site}/admin/statutes/articledraft/{draft.pk}/change/")
    editor.check_accessibility()
    lines = draft.text_en.splitlines()
    editor.page.locator("#id_text_en").fill("\n".join([CORRECTED, *lines[1:]]))
    save(editor)
    editor.goto(f"/admin/statutes/articledraft/{draft.pk}/change/")
    expect(editor.page.locator("ins", has_text="admin").first).to_be_visible()
    editor.page.get_by_role("button", name=WORDS[language]["ready"]).click()
    expect(editor.page.locator(".messagelist .success")).to_be_visible()

    citizen.goto(ARTICLE_23)
    expect(citizen.page.locator("h1")).to_contain_text("Article 23")
    expect(citizen.page.locator("main")).not_to_contain_text(CORRECTED)
    editor.goto(f"/admin/statutes/articledraft/{draft.pk}/preview/?lang=en")
    expect(editor.page.locator(".preview-banner")).to_be_visible()
    expect(editor.page.locator("main")).to_contain_text(CORRECTED)
    editor.check_accessibility()

    publisher = people("publisher", language)
    publisher.goto("/admin/statutes/articledraft/?status__exact=ready")
    publisher.page.locator("#result_list tbody th a").first.click()
    publisher.page.locator("a[href$='/publish/']").click()
    expect(publisher.page.locator("ins", has_text="admin").first).to_be_visible()
    publisher.check_accessibility()
    publisher.page.locator("#id_note").fill("Article 23(1): clearer translation.")
    publisher.page.locator("#id_confirm").check()
    publisher.page.locator("input[type=submit].default").click()
    expect(publisher.page.locator(".messagelist .success")).to_be_visible()
    publisher.check_accessibility()
    citizen.page.reload()
    expect(citizen.page.locator("main")).to_contain_text(CORRECTED)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_removed_citation_comes_back_with_a_revert(people, language):
    staff("Editors", "editor")
    step = Step.objects.filter(outcome__guide=editions.create_draft(Guide.objects.live()), citations__isnull=False)
    step = step.order_by("pk").first()
    cited = list(step.citations.values_list("article_id", "paragraph", "item"))
    editor = people("editor", language)
    url = f"/admin/guidance/step/{step.pk}/change/"
    editor.goto(url)
    editor.page.locator("input[name='citations-0-DELETE']").check()
    save(editor)
    assert step.citations.count() == len(cited) - 1
    editor.goto(f"{url.removesuffix('change/')}history/")
    editor.page.locator("#change-history tbody th a").first.click()  # the oldest: the copy as made
    save(editor)
    assert list(step.citations.values_list("article_id", "paragraph", "item")) == cited


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_deleted_step_comes_back_with_its_citations(people, language):
    staff("Editors", "editor")
    step = draft_step(editions.create_draft(Guide.objects.live()))
    citations = sorted(step.citations.values_list("article_id", "paragraph", "item"))
    assert citations, "the step rests on the law"
    editor = people("editor", language)
    editor.goto(f"/admin/guidance/step/{step.pk}/delete/")
    editor.page.locator("input[type=submit]").click()
    assert not Step.objects.filter(pk=step.pk).exists()
    editor.goto("/admin/guidance/step/recover/")
    deletion = editor.page.locator("#change-history tbody tr", has_text=step.title_zh)
    expect(deletion.locator("td").first).to_have_text("editor")
    editor.check_accessibility()
    deletion.locator("th a").click()
    save(editor)
    assert sorted(Citation.objects.filter(step_id=step.pk).values_list("article_id", "paragraph", "item")) == citations


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_option_cannot_lead_into_another_edition(people, language):
    """The add form offers only the draft's results; a forged choice of the published edition's is refused."""
    staff("Editors", "editor")
    draft = editions.create_draft(Guide.objects.live())
    editor = people("editor", language)
    editor.goto("/admin/guidance/question/add/")
    editor.page.locator("#options-group .add-row a").click()
    offered = editor.page.locator("#id_options-0-outcome option:not([value=''])")
    expect(offered).to_have_count(Outcome.objects.filter(guide=draft).count())
    ours = set(Outcome.objects.filter(guide=draft).values_list("pk", flat=True))
    assert {int(value) for value in offered.evaluate_all("options => options.map(o => o.value)")} == ours
    editor.check_accessibility()

    published = Outcome.objects.filter(guide=Guide.objects.live()).first()
    editor.page.locator("#id_guide").select_option(str(draft.pk))
    editor.page.locator("#id_slug").fill("forged")
    editor.page.locator("#id_text_zh").fill("伪造的问题")
    editor.page.locator("#id_text_en").fill("A forged question")
    editor.page.locator("#id_options-0-value").fill("yes")
    editor.page.locator("#id_options-0-label_zh").fill("是")
    editor.page.locator("#id_options-0-label_en").fill("Yes")
    editor.page.evaluate(
        """id => { const select = document.querySelector('#id_options-0-outcome');
                   select.add(new Option('forged', id)); select.value = id; }""",
        str(published.pk),
    )
    save(editor)
    expect(editor.page.locator(".errorlist").first).to_be_visible()
    assert not draft.questions.filter(slug="forged").exists()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_typing_into_an_edition_published_meanwhile_is_carried_into_a_draft(people, language):
    staff("Editors", "editor")
    draft = editions.create_draft(Guide.objects.live())
    step = draft_step(draft)
    editor = people("editor", language)
    editor.goto(f"/admin/guidance/step/{step.pk}/change/")
    editor.page.locator("#id_title_en").fill("Typed while a publisher published")
    editions.publish(draft, note="Published while an editor was typing.")
    save(editor)
    expect(editor.page.locator(".errornote")).to_be_visible()
    expect(editor.page.locator("#content-main")).to_contain_text("Typed while a publisher published")
    editor.check_accessibility()
    with editor.page.expect_navigation():  # the copy is made before the page answers: wait for it
        editor.page.locator("input[type=submit].default").click()
    new_draft = Guide.objects.draft()
    assert new_draft is not None and new_draft.edition == draft.edition + 1
    carried = Step.objects.get(outcome__guide=new_draft, key=step.key)
    assert carried.title_en == "Typed while a publisher published"
    assert Step.objects.get(pk=step.pk).title_en != "Typed while a publisher published"


FLAG_WORDS = {
    "en": {"confirm": "Confirm: checked, the step still holds", "go": "Go", "check": "To check against the law"},
    "zh-hans": {"confirm": "确认：已核实，该步骤仍然成立", "go": "执行", "check": "需对照法律核实"},
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_change_of_the_law_flags_the_guide_until_an_editor_checks_it(people, language):
    """A publisher corrects a paragraph the guide cites: the editor finds the step in the list, sees the
    change beside it, edits the draft's copy; the publisher, who was warned before, no longer is; the
    first flag left on the list is confirmed from it. axe-core on each page."""
    staff("Editors", "editor")
    publisher_user = staff("Publishers", "publisher")
    citation = Citation.objects.filter(step__outcome__guide__status=Guide.Status.PUBLISHED, paragraph=1)
    citation = citation.select_related("article", "step").order_by("pk").first()
    version = citation.article.versions.last()
    law_draft = drafts.start(citation.article, publisher_user, replaces=version)
    law_draft.text_zh = "\n".join([version.text_zh.splitlines()[0] + "（测试更正）", *version.text_zh.splitlines()[1:]])
    law_draft.save()
    drafts.publish(law_draft, publisher_user, "A test correction.")
    guide_draft = editions.create_draft(Guide.objects.live())
    copy = Step.objects.get(outcome__guide=guide_draft, key=citation.step.key)

    publisher = people("publisher", language)
    publisher.goto(f"/admin/guidance/guide/{guide_draft.pk}/publish/")
    expect(publisher.page.locator("main, #content").first).to_contain_text(str(copy))
    publisher.check_accessibility()

    editor = people("editor", language)
    editor.goto("/admin/guidance/reviewflag/")
    editor.check_accessibility()
    editor.page.locator(f"a[href='/admin/guidance/step/{copy.pk}/change/']").first.click()
    expect(editor.page.locator("ins", has_text="测试更正").first).to_be_visible()
    expect(editor.page.locator("#content")).to_contain_text(FLAG_WORDS[language]["check"])
    editor.check_accessibility()
    editor.page.locator("#id_body_en").fill(copy.body_en + "\nChecked against the corrected wording.")
    save(editor)
    assert not ReviewFlag.objects.filter(step=copy, cleared_at__isnull=True).exists()

    publisher.page.reload()
    expect(publisher.page.locator("#content")).not_to_contain_text(f"“{copy}”")
    editor.goto("/admin/guidance/reviewflag/")
    still_open = ReviewFlag.objects.filter(cleared_at__isnull=True).count()
    editor.page.locator("input[name=_selected_action]").first.check()
    editor.page.locator("select[name=action]").select_option("confirm")
    editor.page.get_by_role("button", name=FLAG_WORDS[language]["go"]).click()
    expect(editor.page.locator(".messagelist .success")).to_be_visible()
    editor.check_accessibility()
    assert ReviewFlag.objects.filter(cleared_at__isnull=True).count() == still_open - 1
