"""The legal texts the site carries: the Social Insurance Law and the Handling Regulations, each with
contents, chapters, articles in paragraphs and items, JSON and links between them; the law's code knows
nothing of the guide."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from django.utils.html import strip_tags

from guidance.management.commands import load_guide
from guidance.models import Guide
from statutes.models import HANDLING_REGULATIONS, Article, ArticleVersion
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

ROOT = Path(__file__).resolve().parents[1]
REGULATIONS = f"/en/law/{HANDLING_REGULATIONS}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("en", ["Social Insurance Law of the", "Regulations on Social Insurance Handling"]),
        ("zh-hans", ["中华人民共和国社会保险法", "社会保险经办条例"]),
    ],
)
def test_the_list_of_legal_texts_names_each_text(client, language, titles):
    """/law/ lists every text the site carries, what kind of text it is, who issued it and when it took effect."""
    html = client.get(f"/{language}/law/").content.decode()
    for title in titles:
        assert title in html
    assert f'href="/{language}/law/{HANDLING_REGULATIONS}/"' in html
    assert "2023-12-01" in html and "2011-07-01" in html
    assert ("State Council" if language == "en" else "国务院制定") in html


@pytest.mark.django_db
def test_the_regulations_have_contents_chapters_and_articles(client):
    """The Regulations' contents list 7 chapters and 63 articles; chapter and article pages open."""
    contents = client.get(f"{REGULATIONS}/")
    assert len(contents.context["chapters"]) == 7
    assert sum(len(chapter.articles.all()) for chapter in contents.context["chapters"]) == 63
    assert client.get(f"{REGULATIONS}/chapter-2/").status_code == 200
    article = client.get(f"{REGULATIONS}/article-29/").content.decode()
    assert "政府网站、移动终端、自助终端" in article
    assert "English reference translation (unofficial)" in article
    assert client.get(f"{REGULATIONS}/article-64/").status_code == 404


@pytest.mark.django_db
def test_the_regulations_before_they_took_effect(client):
    """Before 2023-12-01 the Regulations were not in force: the page says so instead of showing text."""
    html = client.get(f"{REGULATIONS}/article-29/", {"date": "2023-11-30"}).content.decode()
    assert "took effect on 2023-12-01, after 2023-11-30" in strip_tags(html)
    assert "政府网站" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_regulations_link_the_law_they_implement(client, language):
    """Article 1 names the Social Insurance Law: the title links to the law, in both texts."""
    html = client.get(f"/{language}/law/{HANDLING_REGULATIONS}/article-1/").content.decode()
    assert f'<a href="/{language}/law/{SIL}/">中华人民共和国社会保险法</a>' in html
    if language == "en":
        assert f'<a href="/en/law/{SIL}/">Social Insurance Law of the People&#x27;s Republic of China</a>' in html


@pytest.mark.django_db
def test_references_inside_the_regulations_point_to_the_regulations(client):
    """本条例第X条 links to the Regulations' own article, never to the law's article of that number."""
    version = Article.objects.get(law__slug=HANDLING_REGULATIONS, number=62).versions.get()
    version.text_zh += "\n依照本条例第二十九条办理。"
    version.text_en += "\nAs provided in Article 29 of these Regulations."
    version.save()
    html = client.get(f"{REGULATIONS}/article-62/").content.decode()
    assert f'<a href="{REGULATIONS}/article-29/">第二十九条</a>' in html
    assert f'<a href="{REGULATIONS}/article-29/">Article 29</a>' in html


@pytest.mark.django_db
def test_every_paragraph_and_item_can_be_linked_to(client):
    """Article 30's page has an anchor for each paragraph and each item, in each language."""
    html = client.get(f"/en/law/{SIL}/article-30/").content.decode()
    for anchor in ["paragraph-1", "paragraph-1-item-1", "paragraph-1-item-4", "paragraph-2"]:
        assert f'id="{anchor}"' in html and f'id="{anchor}-en"' in html
    assert 'id="paragraph-1-item-5"' not in html and 'id="paragraph-3"' not in html


@pytest.mark.django_db
def test_json_gives_paragraphs_with_their_items(client):
    """An article's JSON numbers its paragraphs and their items; the list of texts names both texts."""
    data = json.loads(client.get(f"/api/law/{SIL}/article-30/").content)
    paragraphs = data["versions"][0]["paragraphs"]["zh-Hans"]
    assert [p["number"] for p in paragraphs] == [1, 2]
    assert [i["number"] for i in paragraphs[0]["items"]] == [1, 2, 3, 4]
    assert "先行支付" in paragraphs[1]["text"]
    texts = json.loads(client.get("/api/law/").content)["texts"]
    assert [t["slug"] for t in texts] == [SIL, HANDLING_REGULATIONS]
    assert texts[1]["kind"] == {"zh-Hans": "行政法规", "en": "administrative regulation"}


@pytest.mark.django_db
def test_a_translation_out_of_step_with_the_chinese_is_refused(admin_client):
    """Staff cannot save an English text whose paragraphs and items do not match the Chinese ones."""
    article = Article.objects.get(law__slug=SIL, number=30)
    version = article.versions.get()
    version.text_en = version.text_en.replace("\n(4) ", " (4) ")
    with translation.override("en"), pytest.raises(ValidationError, match="same paragraphs and items"):
        version.full_clean()


def test_the_law_imports_nothing_from_the_guide():
    """The guide cites the law; the law's code and templates never name the guide's."""
    for path in (ROOT / "statutes").rglob("*"):
        if path.suffix in (".py", ".html") and "migrations" not in path.parts:
            assert "guidance" not in path.read_text(encoding="utf-8"), path


@pytest.mark.every_database
@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_every_citation_pointing_at_the_same_words():
    """Citations counted lines, items included; after the migration the line that was item (一) of Article
    30 is paragraph 1, item 1, and the line after the items is paragraph 2."""
    executor = MigrationExecutor(connection)
    executor.migrate([("guidance", "0005_staff_groups")])
    old = executor.loader.project_state([("guidance", "0005_staff_groups")]).apps
    article = old.get_model("statutes", "Article").objects.get(law__slug=SIL, number=30)
    step = old.get_model("guidance", "Step").objects.first()
    Citation = old.get_model("guidance", "Citation")
    for line in (1, 2, 6):
        Citation.objects.create(step_id=step.pk, article_id=article.pk, paragraph=line, position=line)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from guidance.models import Citation as CurrentCitation

    moved = CurrentCitation.objects.filter(step_id=step.pk, article__number=30, article__law__slug=SIL)
    assert [(c.paragraph, c.item) for c in moved.order_by("position")] == [(1, None), (1, 1), (2, None)]
    assert [c.cited_text()[0][0].text for c in moved.order_by("position")][2].startswith("医疗费用依法")


@pytest.mark.django_db
def test_an_existing_site_gets_the_new_guide_as_a_draft(admin_user):
    """Where staff already have a published guide, the shipped version arrives as a draft to review;
    the published edition is untouched, and a second run changes nothing."""
    live = Guide.objects.live()
    Guide.objects.update(shipped_version=None)  # as on a site that loaded the first version
    call_command("load_guide", verbosity=0)
    draft = Guide.objects.draft()
    shipped = json.loads(load_guide.DATA.read_text(encoding="utf-8"))["version"]
    assert draft is not None and draft.shipped_version == shipped and draft.edition == live.edition + 1
    assert Guide.objects.live() == live
    call_command("load_guide", verbosity=0)
    assert Guide.objects.filter(status="draft").count() == 1


@pytest.mark.django_db
def test_a_draft_being_edited_is_never_replaced(capsys):
    """If staff are working on a draft, loading a new shipped version leaves it alone and says why."""
    Guide.objects.update(shipped_version=None)
    from guidance import editions

    draft = editions.create_draft(Guide.objects.live())
    call_command("load_guide")
    assert Guide.objects.draft() == draft
    assert "a draft edition is being edited" in capsys.readouterr().out
    assert ArticleVersion.objects.exists()
