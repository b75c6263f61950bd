"""Changes to the law are drafts: an editor's change is invisible to citizens until a publisher, having
read the word diff, publishes it with a note; a scheduled version comes into force on its date."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article, ArticleDraft

from .admin_forms import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]
CORRECTED = "Employees shall join employee basic medical insurance (corrected)."


def staff(client, role):
    user = User.objects.create_user(f"{role.lower()}-user", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English
    return user


@pytest.fixture
def article():
    return Article.objects.get(law__slug=SIL, number=23)


def english_page(client, article, query=""):
    return client.get(article.get_absolute_url().replace("/zh-hans/", "/en/") + query).content.decode()


def start_draft(client, article, replaces=None):
    data = {"replaces": replaces.pk} if replaces else {}
    response = client.post(reverse("admin:statutes_articledraft_start", args=[article.pk]), data)
    assert response.status_code == 302
    return ArticleDraft.objects.get(pk=response["Location"].split("/")[-3])


def edit_draft(client, draft, **changes):
    url = reverse("admin:statutes_articledraft_change", args=[draft.pk])
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    return draft


def publish(client, draft, note="Corrected the translation of paragraph 1."):
    url = reverse("admin:statutes_articledraft_publish", args=[draft.pk])
    return client.post(url, {"note": note, "confirm": "on"})


def test_editors_cannot_change_the_published_wording_directly(client, article):
    """The article page shows editors the wording read-only, with a way to start a draft instead."""
    staff(client, "Editors")
    url = reverse("admin:statutes_article_change", args=[article.pk])
    page = client.get(url).content.decode()
    assert 'name="versions-0-text_en"' not in page
    assert "Correct the text in force from 2011-07-01" in page
    assert client.post(url, {"versions-0-text_en": "Changed."}).status_code == 403


def test_an_editors_change_is_invisible_until_a_publisher_publishes_it(client, article):
    editor = staff(client, "Editors")
    before = english_page(client, article)
    draft = start_draft(client, article, article.versions.get())
    assert draft.created_by == editor and draft.text_en == article.versions.get().text_en
    lines = draft.text_en.splitlines()
    edit_draft(client, draft, text_en="\n".join([CORRECTED, *lines[1:]]))

    assert CORRECTED not in english_page(client, article), "citizens see nothing yet"
    preview = client.get(reverse("admin:statutes_articledraft_preview", args=[draft.pk]) + "?lang=en").content.decode()
    assert CORRECTED in preview and "Preview of a draft of this article." in preview

    assert publish(client, draft).status_code == 403, "editors cannot publish"
    page = client.post(reverse("admin:statutes_articledraft_ready", args=[draft.pk]), follow=True).content.decode()
    assert "a publisher must publish it" in page
    draft.refresh_from_db()
    assert draft.status == ArticleDraft.Status.READY
    assert english_page(client, article) == before


def test_the_publisher_reads_the_word_diff_and_leaves_a_note(client, article):
    staff(client, "Editors")
    draft = start_draft(client, article, article.versions.get())
    edit_draft(client, draft, text_en=draft.text_en.replace("shall", "must", 1))
    publisher = staff(client, "Publishers")
    url = reverse("admin:statutes_articledraft_publish", args=[draft.pk])
    review = client.get(url).content.decode()
    assert '<del><span class="visually-hidden" lang="en">removed: </span>shall' in review
    assert '<ins><span class="visually-hidden" lang="en">added: </span>must' in review

    refused = client.post(url, {"confirm": "on"})
    assert "Say what this changes" in refused.content.decode()
    assert "must" not in article.versions.get().text_en.split()[:6]

    assert publish(client, draft, "Plainer verb.").status_code == 302
    assert article.versions.get().text_en == draft.text_en
    assert "must" in english_page(client, article)
    draft.refresh_from_db()
    assert (draft.status, draft.published_by, draft.publish_note) == ("published", publisher, "Plainer verb.")
    revision = Version.objects.get_for_object(article).first().revision
    assert (revision.user, revision.comment) == (publisher, "Plainer verb.")
    assert (
        client.get(reverse("admin:statutes_articledraft_change", args=[draft.pk])).context["has_change_permission"]
        is False
    )


def test_a_scheduled_version_comes_into_force_on_its_date(client, article):
    staff(client, "Publishers")
    draft = start_draft(client, article)
    in_a_month = timezone.localdate() + datetime.timedelta(days=30)
    lines = draft.text_en.splitlines()
    edit_draft(client, draft, effective_from=f"{in_a_month:%Y-%m-%d}", text_en="\n".join([CORRECTED, *lines[1:]]))
    preview = client.get(reverse("admin:statutes_articledraft_preview", args=[draft.pk]) + "?lang=en").content.decode()
    assert CORRECTED in preview, "the preview reads the article on the version's date"
    assert publish(client, draft).status_code == 302
    assert article.versions.count() == 2
    assert CORRECTED not in english_page(client, article)
    assert CORRECTED in english_page(client, article, f"?date={in_a_month:%Y-%m-%d}")
    listing = client.get(reverse("admin:statutes_article_changelist"), {"q": "23"}).content.decode()
    assert f"{in_a_month:%Y-%m-%d}" in listing


def test_a_draft_that_breaks_the_text_cannot_be_published(client, article):
    staff(client, "Publishers")
    draft = start_draft(client, article, article.versions.get())
    ArticleDraft.objects.filter(pk=draft.pk).update(text_en="One line where the Chinese has two.")
    review = client.get(reverse("admin:statutes_articledraft_publish", args=[draft.pk])).content.decode()
    assert "cannot be published yet" in review and 'name="confirm"' not in review
    assert publish(client, draft).status_code == 302
    assert "One line" not in article.versions.get().text_en


def test_a_new_version_cannot_take_an_existing_date(client, article):
    staff(client, "Publishers")
    draft = start_draft(client, article)
    url = reverse("admin:statutes_articledraft_change", args=[draft.pk])
    data = {**form_data(client.get(url)), "effective_from": "2011-07-01"}
    assert "already has a version in force from this date" in client.post(url, data).content.decode()


def test_two_editors_share_one_draft_of_a_change(client, article):
    """Starting a correction that someone already started opens their draft instead of a second one."""
    staff(client, "Editors")
    first = start_draft(client, article, article.versions.get())
    assert start_draft(client, article, article.versions.get()) == first
    draft_page = client.get(reverse("admin:statutes_articledraft_change", args=[first.pk])).content.decode()
    assert "The draft's wording is the same as what citizens read now." in draft_page
    page = client.get(reverse("admin:statutes_article_change", args=[article.pk])).content.decode()
    assert reverse("admin:statutes_articledraft_change", args=[first.pk]) in page


def test_the_publisher_is_warned_when_the_wording_changed_meanwhile(client, admin_client, article):
    staff(client, "Editors")
    draft = start_draft(client, article, article.versions.get())
    version = article.versions.get()
    version.text_en = version.text_en.replace("shall", "must")
    version.save()
    url = reverse("admin:statutes_articledraft_publish", args=[draft.pk])
    review = admin_client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "The published wording changed after this draft was started" in review
