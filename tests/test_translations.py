"""The interface speaks Chinese from committed, complete catalogues."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "zh_Hans" / "LC_MESSAGES"


def test_every_interface_string_has_a_chinese_translation():
    """msgfmt reports no untranslated or fuzzy strings in the Chinese catalogue."""
    if not shutil.which("msgfmt"):
        pytest.fail("msgfmt not found: apt-get install gettext")
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", CATALOGUE / "django.po"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_committed_compiled_catalogue_matches_the_source(tmp_path):
    """The committed .mo file holds exactly the translations in the .po file (it was recompiled)."""
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", compiled, CATALOGUE / "django.po"], check=True)
    with open(compiled, "rb") as fresh, open(CATALOGUE / "django.mo", "rb") as committed:
        assert gettext.GNUTranslations(committed)._catalog == gettext.GNUTranslations(fresh)._catalog
