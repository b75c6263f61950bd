"""The guide told when the law under it changes: a new wording of a cited article flags the steps that cite
what changed, staff see every flag (and every practice note not checked for a year) in one list, publishing
warns until each is checked, and an editor clears one by editing or confirming the step."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from reversion.models import Version

from guidance import editions
from guidance.models import Citation, Guide, PracticeNote, ReviewFlag
from guidance.validation import warnings
from statutes import drafts

from .admin_forms import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


def staff(role):
    user = User.objects.create_user(f"{role.lower()}-user", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def cited():
    """A paragraph the published guide cites, in an article with more than one paragraph."""
    citations = Citation.objects.filter(step__outcome__guide__status=Guide.Status.PUBLISHED, paragraph__isnull=False)
    for citation in citations.select_related("article"):
        if len(citation.article.versions.last().paragraphs_zh) > 1:
            return citation
    pytest.fail("the shipped guide cites no paragraph of an article with several")


def publish_wording(article, change, effective_from=None):
    """Publish, through a draft as staff do, the article's latest wording with `change(lines)` applied to its
    Chinese and English lines: a correction, or with `effective_from` a new version."""
    publisher = User.objects.get_or_create(username="publisher-user", is_staff=True)[0]
    latest = article.versions.last()
    draft = drafts.start(article, publisher, replaces=None if effective_from else latest)
    draft.effective_from = effective_from or latest.effective_from
    draft.text_zh = "\n".join(change(latest.text_zh.splitlines(), "zh"))
    draft.text_en = "\n".join(change(latest.text_en.splitlines(), "en"))
    draft.save()
    drafts.publish(draft, publisher, "A test change.")


def add_to_line(number):
    def change(lines, language):
        lines[number - 1] += "（测试）" if language == "zh" else " (test)"
        return lines

    return change


def test_a_corrected_paragraph_flags_each_step_that_cites_it_with_the_text_before_and_after(cited):
    publish_wording(cited.article, add_to_line(cited.paragraph))
    flags = ReviewFlag.objects.filter(article=cited.article, paragraph=cited.paragraph)
    citing = Citation.objects.filter(article=cited.article, paragraph=cited.paragraph, item=cited.item)
    assert {flag.step_id for flag in flags} == set(citing.values_list("step_id", flat=True))
    flag = flags.get(step=cited.step)
    assert flag.after_zh.endswith("（测试）") and not flag.before_zh.endswith("（测试）")
    assert flag.after_en.endswith(" (test)") and flag.cleared_at is None
    assert [run.text for run in flag.changes_zh if run.kind == "added"] == ["（测试）"]


def test_a_change_to_another_paragraph_flags_only_whole_article_citations(cited):
    other = 2 if cited.paragraph == 1 else 1
    publish_wording(cited.article, add_to_line(other))
    assert not ReviewFlag.objects.filter(step=cited.step, paragraph=cited.paragraph).exists()
    assert set(ReviewFlag.objects.values_list("paragraph", flat=True)) <= {other, None}


def test_an_amendment_in_force_next_year_flags_the_steps_now(cited):
    next_year = timezone.localdate() + datetime.timedelta(days=365)
    publish_wording(cited.article, add_to_line(cited.paragraph), effective_from=next_year)
    assert ReviewFlag.objects.get(step=cited.step, paragraph=cited.paragraph).effective_from == next_year


def test_a_draft_carries_the_flags_and_publishing_warns_until_an_editor_edits_the_step(client, cited):
    """The draft's copy of a flagged step is flagged too; the publish page lists it as something to check
    (publishing is not refused); editing the step clears the flag, as a revision with who and when."""
    publish_wording(cited.article, add_to_line(cited.paragraph))
    draft = editions.create_draft(Guide.objects.live())
    copy = draft.outcomes.get(slug=cited.step.outcome.slug).steps.get(key=cited.step.key)
    assert ReviewFlag.objects.filter(step=copy, cleared_at__isnull=True).exists()
    assert any(str(copy) in problem.message for problem in warnings(draft))
    editor = staff("Editors")
    client.force_login(editor)
    url = f"/admin/guidance/step/{copy.pk}/change/"
    page = client.get(url, headers={"accept-language": "en"})
    assert "（测试）" in page.content.decode() and "<ins>" in page.content.decode()
    data = form_data(page)
    data["body_en"] += "\nChecked against the corrected wording."
    assert client.post(url, data).status_code == 302
    flag = ReviewFlag.objects.get(step=copy)
    assert flag.cleared_by == editor and flag.cleared_at is not None
    assert not any(str(copy) in problem.message and "cites" in problem.message for problem in warnings(draft))
    revision = Version.objects.get_for_object(flag).first().revision
    assert revision.user == editor


def test_staff_see_every_open_flag_and_stale_note_in_one_list_and_confirm_a_step(client, cited):
    publish_wording(cited.article, add_to_line(cited.paragraph))
    note = PracticeNote.objects.filter(step__outcome__guide__status=Guide.Status.PUBLISHED).first()
    note.checked_on = timezone.localdate() - datetime.timedelta(days=400)
    note.save()
    editor = staff("Editors")
    client.force_login(editor)
    listing = client.get("/admin/guidance/reviewflag/", headers={"accept-language": "en"})
    html = listing.content.decode()
    assert str(cited.step) in html and f"/admin/guidance/step/{note.step_id}/change/" in html
    flag = ReviewFlag.objects.get(step=cited.step, paragraph=cited.paragraph)
    client.post("/admin/guidance/reviewflag/", {"action": "confirm", "_selected_action": [flag.pk]})
    flag.refresh_from_db()
    assert flag.cleared_by == editor
    assert str(cited.step) not in client.get("/admin/guidance/reviewflag/").content.decode()
    assert str(cited.step) in client.get("/admin/guidance/reviewflag/?checked=yes").content.decode()


def test_the_articles_admin_page_shows_the_steps_that_cite_it_and_their_flags(admin_client, cited):
    publish_wording(cited.article, add_to_line(cited.paragraph))
    html = admin_client.get(f"/admin/statutes/article/{cited.article.pk}/change/").content.decode()
    assert f"/admin/guidance/step/{cited.step_id}/change/" in html and "（测试）" in html
