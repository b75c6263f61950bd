"""Shared fixtures: the content that ships with the site, loaded once, and a plain static storage."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the law and the guide exactly as `make run` loads them."""
    with django_db_blocker.unblock():
        load_content()


def load_content():
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)


@pytest.fixture(autouse=True)
def unhashed_static_files(settings):
    """Pages render without running collectstatic first; test_production checks the real storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def english(settings):
    settings.LANGUAGE_CODE = "en"
