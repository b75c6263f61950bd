"""The suite runs against the database CI says it does: SQLite, then PostgreSQL."""

import os

import pytest
from django.db import connection

pytestmark = pytest.mark.every_database


@pytest.mark.skipif("EXPECT_DATABASE" not in os.environ, reason="only CI says which database to expect")
def test_running_on_the_expected_database():
    """CI's PostgreSQL run really talks to PostgreSQL (a wrong DATABASE_URL would not go unnoticed)."""
    assert connection.vendor == os.environ["EXPECT_DATABASE"]
