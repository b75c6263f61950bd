"""Nothing staff do loses content: loaded and copied content has a first revision, a step's citations and
practice notes are kept with it, deletions are recorded with who and when, and articles stay."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from reversion.models import Revision, Version

from guidance import editions
from guidance.models import Citation, Guide, PracticeNote, Step
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article, ArticleVersion

from .admin_forms import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


@pytest.fixture
def draft_step():
    draft = editions.create_draft(Guide.objects.live())
    return Step.objects.filter(outcome__guide=draft, citations__isnull=False).order_by("pk").first()


def test_loaded_content_has_a_first_revision():
    """Every article version, step, citation and practice note the loaders wrote has a revision."""
    for model in (ArticleVersion, Step, Citation, PracticeNote):
        recorded = set(Version.objects.get_for_model(model).values_list("object_id", flat=True))
        assert recorded >= {str(pk) for pk in model.objects.values_list("pk", flat=True)}, model


def test_the_first_edit_of_a_loaded_article_can_be_reverted(admin_client):
    """An article nobody edited before can be put back to the loaded text after a bad first edit."""
    article = Article.objects.get(law__slug=SIL, number=23)
    loaded = article.versions.get().text_en
    url = reverse("admin:statutes_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    data["versions-0-text_en"] = "A careless edit.\nSecond paragraph."
    assert admin_client.post(url, data).status_code == 302
    first = Version.objects.get_for_object(article).last()
    assert first.revision.user is None and "Loaded" in first.revision.comment
    first.revision.revert()
    assert article.versions.get().text_en == loaded


def test_a_draft_has_a_first_revision_by_whoever_made_it(admin_user):
    """Create a draft records every copied row, by the person who asked for it."""
    draft = editions.create_draft(Guide.objects.live(), admin_user)
    step = Step.objects.filter(outcome__guide=draft).first()
    versions = Version.objects.get_for_object(step)
    assert versions.count() == 1 and versions[0].revision.user == admin_user


def test_a_removed_citation_comes_back_with_a_revert(admin_client, draft_step):
    """Removing a citation in the admin and reverting the step to its earlier revision restores it."""
    cited = list(draft_step.citations.values_list("article_id", "paragraph", "item"))
    url = reverse("admin:guidance_step_change", args=[draft_step.pk])
    data = form_data(admin_client.get(url))
    data["citations-0-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert draft_step.citations.count() == len(cited) - 1
    earlier = Version.objects.get_for_object(draft_step)[1]
    revert = reverse("admin:guidance_step_revision", args=[draft_step.pk, earlier.pk])
    assert admin_client.post(revert, form_data(admin_client.get(revert))).status_code == 302
    assert sorted(draft_step.citations.values_list("article_id", "paragraph", "item")) == sorted(cited)


def test_reverting_one_step_leaves_the_rest_of_the_draft_alone(admin_client, draft_step):
    """A draft's first revision holds every row it copied; reverting one step from the admin puts back
    that step and its citations only, not another step edited since."""
    other = Step.objects.filter(outcome__guide=draft_step.outcome.guide).exclude(pk=draft_step.pk).first()
    for step in (draft_step, other):
        url = reverse("admin:guidance_step_change", args=[step.pk])
        data = form_data(admin_client.get(url))
        data["title_en"] = f"Edited {step.pk}"
        data["citations-0-DELETE"] = "on" if step == draft_step else ""
        assert admin_client.post(url, data).status_code == 302
    first = Version.objects.get_for_object(draft_step).last()
    revert = reverse("admin:guidance_step_revision", args=[draft_step.pk, first.pk])
    page = admin_client.get(revert)
    assert admin_client.post(revert, form_data(page)).status_code == 302
    draft_step.refresh_from_db(), other.refresh_from_db()
    assert draft_step.title_en == first.field_dict["title_en"] and other.title_en == f"Edited {other.pk}"
    assert (
        draft_step.citations.count()
        == Version.objects.get_for_model(Citation)
        .filter(revision=first.revision, serialized_data__contains=f'"step": {draft_step.pk}')
        .count()
    )


def test_reverting_one_article_leaves_the_other_articles_alone(admin_client):
    """The loaded law is one revision; reverting article 23 to it does not undo an edit of article 41."""
    edited = {}
    for number in (23, 41):
        article = Article.objects.get(law__slug=SIL, number=number)
        url = reverse("admin:statutes_article_change", args=[article.pk])
        data = form_data(admin_client.get(url))
        edited[number] = data["versions-0-text_en"].replace("\r\n", "\n") + f" Edited ({number})."
        data["versions-0-text_en"] = edited[number]
        assert admin_client.post(url, data).status_code == 302
    article = Article.objects.get(law__slug=SIL, number=23)
    first = Version.objects.get_for_object(article).last()
    revert = reverse("admin:statutes_article_revision", args=[article.pk, first.pk])
    assert admin_client.post(revert, form_data(admin_client.get(revert))).status_code == 302
    assert article.versions.get().text_en != edited[23]
    assert ArticleVersion.objects.get(article__law__slug=SIL, article__number=41).text_en == edited[41]


def test_a_deleted_step_comes_back_with_its_citations_and_says_who_deleted_it(admin_client, draft_step):
    """Deleting a step records who and when; recovering it brings back its citations and practice notes."""
    citations, notes = draft_step.citations.count(), draft_step.practice_notes.count()
    delete = reverse("admin:guidance_step_delete", args=[draft_step.pk])
    admin_client.post(delete, {"post": "yes"}, headers={"accept-language": "en"})
    assert not Step.objects.filter(pk=draft_step.pk).exists()
    deleted = Version.objects.get_deleted(Step).get(object_id=str(draft_step.pk))
    assert deleted.revision.user.username == "admin" and deleted.revision.comment == "Deleted."
    recover = admin_client.get(reverse("admin:guidance_step_recover", args=[deleted.pk]))
    assert admin_client.post(recover.request["PATH_INFO"], form_data(recover)).status_code == 302
    step = Step.objects.get(pk=draft_step.pk)
    assert (step.citations.count(), step.practice_notes.count()) == (citations, notes)


def test_editors_cannot_delete_an_article(client):
    """Articles are what the guide cites: an editor is offered no delete, and a delete request is refused."""
    editor = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    article = Article.objects.get(law__slug=SIL, number=23)
    page = client.get(reverse("admin:statutes_article_change", args=[article.pk])).content.decode()
    assert 'class="deletelink"' not in page
    assert client.post(reverse("admin:statutes_article_delete", args=[article.pk]), {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_site_without_revisions_gets_them_from_the_migration():
    """On a site whose content was loaded before revisions were kept, the migration records a first revision
    of every row, and reverting to it works."""
    Version.objects.all().delete()
    Revision.objects.all().delete()
    executor = MigrationExecutor(connection)
    executor.migrate([("guidance", "0006_practice_notes_items_former_names")])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    step = Step.objects.first()
    first = Version.objects.get_for_object(step).get()
    title = step.title_en
    Step.objects.filter(pk=step.pk).update(title_en="Changed")
    first.revision.revert()
    step.refresh_from_db()
    assert step.title_en == title
    assert Version.objects.get_for_model(Citation).count() == Citation.objects.count()
