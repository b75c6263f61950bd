"""Nothing lost and nobody where they should not be: stale forms, revisions, roles, lockout."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from reversion.models import Version

from guidance import editions
from guidance.models import Guide, Step
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article

from .admin_forms import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


def staff(role, name=None):
    user = User.objects.create_user(name or f"{role.lower()}-user", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def draft_step():
    draft = editions.create_draft(Guide.objects.live())
    return Step.objects.filter(outcome__guide=draft).order_by("pk").first()


def test_a_stale_second_save_is_refused_and_says_what_changed(client, draft_step):
    """Two editors open the same step; the second to save is told what the first changed, and nothing is lost."""
    url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    first, second = staff("Editors", "first"), staff("Editors", "second")
    client.force_login(first)
    first_form = form_data(client.get(url))
    client.force_login(second)
    second_form = form_data(client.get(url))

    client.force_login(first)
    first_form["title_en"] = "First editor's title"
    assert client.post(url, first_form).status_code == 302

    client.force_login(second)
    second_form["title_en"] = "Second editor's title"
    response = client.post(url, second_form, headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r"first \(at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\) saved changes to this step after you opened it", html
    )
    assert "<ins>First editor&#x27;s title</ins>" in html
    assert 'value="Second editor&#x27;s title"' in html, "the second editor's text is kept in the form"
    draft_step.refresh_from_db()
    assert draft_step.title_en == "First editor's title"

    # Having seen the first editor's change, the second saves again on purpose: now it applies.
    second_form["loaded_values"] = response.context["adminform"].form["loaded_values"].value()
    assert client.post(url, second_form).status_code == 302
    draft_step.refresh_from_db()
    assert draft_step.title_en == "Second editor's title"


def test_a_conflict_in_a_row_is_announced_at_the_top_and_other_edits_are_kept(client, draft_step):
    """On a result's page, a stale step row is named at the top with a link to it; the editor's change to
    the result itself is still in the form, and saving again applies both."""
    outcome = draft_step.outcome
    url = reverse("admin:guidance_outcome_change", args=[outcome.pk])
    first, second = staff("Editors", "first"), staff("Editors", "second")
    client.force_login(second)
    second_form = form_data(client.get(url))
    row = next(key.split("-")[1] for key, value in second_form.items() if value == draft_step.pk)
    client.force_login(first)
    step_url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    first_form = form_data(client.get(step_url))
    first_form["title_en"] = "First editor's title"
    assert client.post(step_url, first_form).status_code == 302

    client.force_login(second)
    second_form["summary_en"] = "Second editor's summary"
    second_form[f"steps-{row}-body_en"] = "Second editor's body"
    response = client.post(url, second_form, headers={"accept-language": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    top = html.index('class="messagelist"')
    assert top < html.index(f'id="steps-{row}"')
    assert f'href="#steps-{row}"' in html[top : html.index("</ul>", top)]
    assert "Second editor&#x27;s summary" in html and "Second editor&#x27;s body" in html
    outcome.refresh_from_db()
    assert outcome.summary_en != "Second editor's summary"

    second_form = form_data(response)  # what the page now shows: their title taken in, the editor's text kept
    assert second_form[f"steps-{row}-title_en"] == "First editor's title"
    assert client.post(url, second_form).status_code == 302
    outcome.refresh_from_db()
    draft_step.refresh_from_db()
    assert outcome.summary_en == "Second editor's summary"
    assert (draft_step.title_en, draft_step.body_en) == ("First editor's title", "Second editor's body")


def test_an_unchanged_inline_does_not_block_a_save(admin_client):
    """Saving an article whose version nobody else touched works as before."""
    article = Article.objects.get(law__slug=SIL, number=4)
    url = reverse("admin:statutes_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    data["versions-0-note"] = "Checked against the official text."
    assert admin_client.post(url, data).status_code == 302


def test_every_save_is_a_revision_that_can_be_reverted(admin_client, draft_step):
    """Saving through the admin keeps a revision with who and when; reverting restores the earlier text."""
    url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    original = draft_step.title_en
    data = form_data(admin_client.get(url))
    data["title_en"] = "A worse title"
    admin_client.post(url, data)
    data = form_data(admin_client.get(url))
    data["title_en"] = "An even worse title"
    admin_client.post(url, data)
    versions = Version.objects.get_for_object(draft_step)
    assert versions.count() == 3  # the copy made with the draft, then the two saves
    assert versions[0].revision.user.username == "admin" and versions[0].revision.date_created
    versions[1].revision.revert()
    draft_step.refresh_from_db()
    assert draft_step.title_en == "A worse title" != original


def test_a_deleted_step_can_be_recovered(admin_client, draft_step):
    """A step deleted in the admin is listed under 'Recover deleted' and comes back with its text."""
    url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    admin_client.post(url, form_data(admin_client.get(url)))  # first revision
    admin_client.post(reverse("admin:guidance_step_delete", args=[draft_step.pk]), {"post": "yes"})
    assert not Step.objects.filter(pk=draft_step.pk).exists()
    deleted = Version.objects.get_deleted(Step)
    assert deleted.count() == 1
    recover = admin_client.get(reverse("admin:guidance_step_recover", args=[deleted[0].pk]))
    assert admin_client.post(recover.request["PATH_INFO"], form_data(recover)).status_code == 302
    assert Step.objects.get(pk=draft_step.pk).title_en == draft_step.title_en


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (
            "Editors",
            {"change_step", "change_practicenote", "add_articledraft", "add_guide", "change_feedback"},
            {"publish_guide", "publish_articledraft", "change_articleversion", "change_law", "delete_article"},
        ),
        (
            "Publishers",
            {"change_step", "publish_guide", "publish_articledraft", "change_law", "change_chapter"},
            {"change_articleversion", "delete_article"},
        ),
    ],
)
def test_roles_have_what_they_need(role, allowed, refused):
    """Editors edit the guide and draft changes to the law; Publishers also publish both. Nobody but a
    superuser changes the published wording of the law except through a draft."""
    codes = {permission.split(".")[1] for permission in staff(role).get_all_permissions()}
    assert allowed <= codes
    assert not refused & codes


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_only_superusers_manage_users(client, role):
    """Neither role can see, add or change accounts or groups."""
    user = staff(role)
    assert not any(p.startswith("auth.") for p in user.get_all_permissions())
    client.force_login(user)
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403


def test_repeated_failed_logins_lock_the_account(client):
    """After five wrong passwords the admin login refuses even the right one, from that address."""
    staff("Editors", "careful")
    for _ in range(5):
        client.post("/admin/login/", {"username": "careful", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "careful", "password": "a-long-password-1"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_staff_sessions_expire(settings):
    """Staff sessions end after eight hours and when the browser is closed."""
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_edit_links_are_shown_to_staff_only(client):
    """Public pages link to their admin page for signed-in staff, and never for citizens."""
    page = "/en/law/social-insurance-law/article-23/"
    assert "Edit this page" not in client.get(page).content.decode()
    client.force_login(staff("Editors"))
    article = Article.objects.get(law__slug=SIL, number=23)
    assert f'href="/admin/statutes/article/{article.pk}/change/"' in client.get(page).content.decode()


def test_edit_this_page_opens_the_draft(client):
    """From a result page, staff are taken to the draft's copy of that result, or, with no draft yet, to the
    published edition, which offers to create one."""
    page = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
    client.force_login(staff("Editors"))
    live = Guide.objects.live()
    assert f'href="/admin/guidance/guide/{live.pk}/change/"' in client.get(page).content.decode()
    draft = editions.create_draft(live)
    counterpart = draft.outcomes.get(slug="residents")
    assert f'href="/admin/guidance/outcome/{counterpart.pk}/change/"' in client.get(page).content.decode()


def test_a_revision_can_be_compared_with_now(admin_client):
    """The compare page shows, in both languages, the words changed since a revision of an article."""
    article = Article.objects.get(law__slug=SIL, number=60)
    url = reverse("admin:statutes_article_change", args=[article.pk])
    admin_client.post(url, form_data(admin_client.get(url)))
    data = form_data(admin_client.get(url))
    data["versions-0-text_en"] = data["versions-0-text_en"].replace("in full and on time", "fully and punctually")
    admin_client.post(url, data)
    first = Version.objects.get_for_object(article).last()
    history = admin_client.get(reverse("admin:statutes_article_history", args=[article.pk])).content.decode()
    compare_url = reverse("admin:statutes_article_compare", args=[article.pk, first.pk])
    assert compare_url in history
    page = admin_client.get(compare_url, headers={"accept-language": "en"}).content.decode()
    removed = re.findall(r"<del>.*?</span>(.*?)</del>", page)
    added = re.findall(r"<ins>.*?</span>(.*?)</ins>", page)
    assert "on time" in " ".join(removed) and "punctually" in " ".join(added)


def test_history_is_readable(admin_client, draft_step):
    """History shows local times to the second, never the internal snapshot field, and compares one revision
    with the one before it; a save that changes only line endings changes nothing."""
    url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    data = form_data(admin_client.get(url))
    data["title_en"] = "A clearer title"
    data["body_en"] = data["body_en"].replace("\n", "\r\n")
    admin_client.post(url, data)
    draft_step.refresh_from_db()
    assert "\r" not in draft_step.body_en
    history = admin_client.get(reverse("admin:guidance_step_history", args=[draft_step.pk])).content.decode()
    assert "loaded_values" not in history and "loaded values" not in history
    assert re.search(r">\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}<", history)
    newest, older = Version.objects.get_for_object(draft_step)[:2]
    pair = admin_client.get(reverse("admin:guidance_step_compare", args=[draft_step.pk, older.pk]), {"with": newest.pk})
    fields = [row["field"] for row in pair.context["rows"]]
    assert len(fields) == 1 and fields[0].endswith(str(Step._meta.get_field("title_en").verbose_name))
    assert f"?with={newest.pk}" in history


def test_the_recover_list_says_who_deleted_what_and_when(admin_client, draft_step):
    """Deleted steps are listed with the time of deletion and who deleted them."""
    admin_client.post(reverse("admin:guidance_step_delete", args=[draft_step.pk]), {"post": "yes"})
    page = admin_client.get(reverse("admin:guidance_step_recoverlist")).content.decode()
    assert "<td>admin</td>" in page
    assert re.search(r">\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}</a>", page)
