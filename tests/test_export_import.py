"""Backing up and moving content: export_content and import_content lose nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from guidance import editions
from guidance.models import Feedback, Guide, Outcome, Step
from statutes.models import ArticleVersion

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


def export(tmp_path, name):
    path = tmp_path / name
    call_command("export_content", output=str(path), stderr=open("/dev/null", "w"))
    return path


def test_a_round_trip_loses_nothing(tmp_path, client):
    """Export, replace everything with the export, export again: the two files are identical."""
    draft = editions.create_draft(Guide.objects.live())
    feedback = Feedback.objects.create(
        outcome=Outcome.objects.get(guide__status="published", slug="residents"),
        useful=True,
        comment="很清楚",
        language="zh-hans",
    )
    # Sent in the first millisecond of a second: JSON's usual milliseconds would lose its microseconds.
    Feedback.objects.filter(pk=feedback.pk).update(created_at=feedback.created_at.replace(microsecond=512))
    first = export(tmp_path, "first.json")
    step = Step.objects.filter(outcome__guide=draft).first()
    step.title_en = "Changed after the export"
    step.save()
    call_command("import_content", str(first), replace=True, stderr=open("/dev/null", "w"))
    second = export(tmp_path, "second.json")
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    assert not Step.objects.filter(title_en="Changed after the export").exists()
    assert client.get("/zh-hans/search/", {"q": "滞纳金"}).context["count"], "search index rebuilt"


def test_import_refuses_to_overwrite_without_replace(tmp_path):
    """Importing onto existing content needs --replace, so nothing is overwritten by accident."""
    path = export(tmp_path, "content.json")
    with pytest.raises(CommandError, match="--replace"):
        call_command("import_content", str(path))


def test_import_of_a_broken_file_changes_nothing(tmp_path):
    """A file that is not an export is refused and the content stays as it was."""
    path = tmp_path / "broken.json"
    path.write_text('[{"model": "statutes.law", "pk": 1, "fields": {"nonsense": 1}}]')
    before = ArticleVersion.objects.count()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), replace=True)
    assert ArticleVersion.objects.count() == before


def test_new_content_can_be_added_after_an_import(tmp_path):
    """After an import, new rows get fresh ids (PostgreSQL's counters were moved on)."""
    path = export(tmp_path, "content.json")
    call_command("import_content", str(path), replace=True, stderr=open("/dev/null", "w"))
    draft = editions.create_draft(Guide.objects.live())
    assert draft.questions.count() == Guide.objects.live().questions.count() > 0
