"""The search index stays right whatever changes the content, and staff tune search with synonyms."""

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from guidance import editions
from guidance.models import Guide, Option, Outcome, Step
from search import registry as search_index
from search.models import Document, Posting
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import ArticleVersion

from .admin_forms import form_data
from .test_search import hits, search

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


def indexed_terms(outcome):
    content_type = ContentType.objects.get_for_model(Outcome)
    return set(
        Posting.objects.filter(document__content_type=content_type, document__object_id=outcome.pk).values_list(
            "term", flat=True
        )
    )


def test_a_bulk_delete_leaves_nothing_behind(admin_client):
    """Steps removed with the admin's "delete selected" take their words out of search once the draft is
    published, and the archived edition's results leave the index."""
    draft = editions.create_draft(Guide.objects.live())
    step = Step.objects.filter(outcome__guide=draft, outcome__slug="newborn").first()
    step.body_en += " Zymurgy."
    step.save()
    assert "zymurgi" not in indexed_terms(step.outcome), "a draft is not indexed"
    editions.publish(draft)
    assert "zymurgi" in indexed_terms(step.outcome)
    second = editions.create_draft(Guide.objects.live())
    copy = Step.objects.get(outcome__guide=second, key=step.key)
    changelist = reverse("admin:guidance_step_changelist")
    response = admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [copy.pk], "post": "yes"}
    )
    assert response.status_code == 302 and not Step.objects.filter(pk=copy.pk).exists()
    editions.publish(second)
    assert "zymurgi" not in indexed_terms(copy.outcome)
    assert not Document.objects.filter(
        object_id=step.outcome_id, content_type=ContentType.objects.get_for_model(Outcome)
    ).exists(), "the archived edition's result is gone from the index"
    assert search(admin_client, "zymurgy").context["count"] == 0


def test_a_batch_indexes_what_is_there_when_it_ends():
    """Loaders and edition copies index each touched page once, at the end: changed words are found,
    and a page deleted inside the batch is gone from the index."""
    live = Guide.objects.live()
    steps = Step.objects.filter(outcome__guide=live, outcome__slug="newborn")
    doomed = Outcome.objects.get(guide=live, slug="residents")
    doomed_pk = doomed.pk
    assert indexed_terms(doomed)
    with search_index.batch():
        for step in steps:
            step.body_en += " Zymurgy."
            step.save()
        assert "zymurgi" not in indexed_terms(steps[0].outcome)  # not yet: once, when the batch ends
        Option.objects.filter(outcome=doomed).delete()
        doomed.delete()
    assert "zymurgi" in indexed_terms(steps[0].outcome)
    assert not Document.objects.filter(object_id=doomed_pk, content_type=ContentType.objects.get_for_model(Outcome))


def test_a_revert_is_searchable_at_once(admin_client):
    version = ArticleVersion.objects.get(article__law__slug=SIL, article__number=23)
    url = reverse("admin:statutes_article_change", args=[version.article_id])
    data = form_data(admin_client.get(url))
    data["versions-0-text_en"] = version.text_en + " Zymurgy."
    assert admin_client.post(url, data).status_code == 302
    assert search(admin_client, "zymurgy").context["count"] == 1
    Version.objects.get_for_object(version.article).last().revision.revert()
    assert search(admin_client, "zymurgy").context["count"] == 0


def test_a_draft_is_not_found_until_published(client):
    draft = editions.create_draft(Guide.objects.live())
    step = Step.objects.filter(outcome__guide=draft, outcome__slug="newborn").first()
    step.body_en += " Zymurgy."
    step.save()
    assert search(client, "zymurgy").context["count"] == 0
    editions.publish(draft, note="A new word.")
    assert [hit.url.split("?")[0] for hit in hits(search(client, "zymurgy"))] == ["/en/guide/result/newborn/"]


def test_the_index_can_be_rebuilt(capsys):
    before = Document.objects.count()
    Document.objects.all().delete()
    call_command("rebuild_search_index")
    assert Document.objects.count() == before
    assert f"{before} documents" in capsys.readouterr().out


def test_an_editor_adds_a_synonym_and_the_next_search_uses_it(client):
    editor = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert search(client, "quux").context["count"] == 0
    response = client.post(reverse("admin:search_synonym_add"), {"words": "quux, arbitration", "note": "A test word."})
    assert response.status_code == 302
    assert "/en/law/social-insurance-law/article-83/" in [hit.url for hit in hits(search(client, "quux"))]
