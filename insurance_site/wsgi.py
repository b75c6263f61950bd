"""WSGI entry point, served by gunicorn in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insurance_site.settings")

application = get_wsgi_application()

# Load the Chinese word list now, so that no visitor's search waits for it (about a second per process).
from search.text import words  # noqa: E402

words("医保")
