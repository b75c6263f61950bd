"""The staff site around the content: its language, recent changes by everyone, unlocking an account."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from guidance import editions
from guidance.models import Guide

pytestmark = pytest.mark.django_db


def test_staff_switch_the_admin_between_chinese_and_english(admin_client):
    """The switch in the admin header changes the admin's language and stays on the same page."""
    page = admin_client.get("/admin/guidance/guide/")
    assert 'lang="zh-Hans"' in page.content.decode() or "English" in page.content.decode()
    response = admin_client.post(reverse("set_language"), {"language": "en", "next": "/admin/guidance/guide/"})
    assert response["Location"] == "/admin/guidance/guide/"
    english = admin_client.get("/admin/guidance/guide/").content.decode()
    assert "Select guide edition to change" in english and "中文" in english
    admin_client.post(reverse("set_language"), {"language": "zh-hans", "next": "/admin/"})
    assert "English" in admin_client.get("/admin/").content.decode()


def test_recent_changes_list_who_changed_what_and_when(admin_client, admin_user):
    """Every revision by any staff member is listed, newest first, with links to what it changed."""
    editions.create_draft(Guide.objects.live(), admin_user)
    page = admin_client.get(reverse("recent_changes"), headers={"accept-language": "en"})
    rows = page.context["rows"]
    assert rows[0]["revision"].user == admin_user
    assert rows[0]["more"] > 0 and any((o["url"] or "").startswith("/admin/") for o in rows[0]["objects"])
    assert "Draft copied from edition" in page.content.decode()


def test_recent_changes_are_for_staff_only(client):
    """Citizens are sent to sign in."""
    assert client.get(reverse("recent_changes"))["Location"].startswith("/admin/login/")


def test_a_locked_out_account_is_unlocked_from_its_page(client, admin_client):
    """An administrator sees that an account is locked and unlocks it with one button."""
    user = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert AccessAttempt.objects.filter(username="editor").exists()
    page = admin_client.get(reverse("admin:auth_user_change", args=[user.pk]), headers={"accept-language": "en"})
    assert "This account is locked" in page.content.decode()
    admin_client.post(reverse("admin:auth_user_unlock", args=[user.pk]))
    assert not AccessAttempt.objects.filter(username="editor").exists()
    signed_in = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": "a-long-password-1"})
    assert signed_in["Location"] == "/admin/"


def test_the_lockout_page_says_how_to_get_unlocked(client):
    """After too many failures the page explains that an administrator can unlock the account."""
    User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    for _ in range(6):
        response = client.post(
            "/admin/login/", {"username": "editor", "password": "wrong"}, headers={"accept-language": "en"}
        )
    assert "choose Unlock" in response.content.decode()


@pytest.mark.parametrize(("language", "words"), [("en", "You cannot do this"), ("zh-hans", "您不能进行这项操作")])
def test_a_refusal_is_a_styled_page_in_the_staff_language(client, language, words):
    """An editor who tries to publish gets the staff site's own 403 page in their language, not a bare refusal."""
    editor = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    draft = editions.create_draft(Guide.objects.live())
    accept = "en" if language == "en" else "zh-CN"
    response = client.get(f"/admin/guidance/guide/{draft.pk}/publish/", headers={"accept-language": accept})
    assert response.status_code == 403
    html = response.content.decode()
    assert words in html and 'id="site-name"' in html


@pytest.mark.urls("tests.urls_with_a_fault")
@pytest.mark.parametrize(("language", "words"), [("zh-hans", "抱歉，出了问题"), ("en", "Sorry, something went wrong")])
def test_a_fault_on_the_staff_site_gets_a_staff_page_in_the_admins_language(admin_user, language, words):
    client = Client(raise_request_exception=False, headers={"accept-language": language})
    client.force_login(admin_user)
    response = client.get("/admin/fault/")
    assert response.status_code == 500
    html = response.content.decode()
    assert words in html and 'id="site-name"' in html, "the staff site's own page, with its header"
    public = client.get("/fault/")
    assert public.status_code == 500 and 'id="site-name"' not in public.content.decode()


@pytest.mark.parametrize("model", ["guidance/guide", "statutes/article", "statutes/articledraft", "auth/user"])
def test_a_mangled_admin_address_is_not_an_error(admin_client, model):
    """A relative link resolved against an edit page ("…/1/change/widgets.css") finds nothing, without a 500."""
    response = admin_client.get(f"/admin/{model}/1/change/widgets.css", follow=True)
    assert response.status_code in (200, 404) and response.redirect_chain, "Django's “does not exist” redirect"
    assert admin_client.get(f"/admin/{model}/x/history/1/compare/").status_code in (302, 404)
