"""Health checks for a load balancer: `/healthz` (this process answers) and `/readyz` (it can serve pages:
the database and the shared cache answer).

They are answered by the first middleware, before anything else sees the request: a load balancer asks
over plain HTTP, often with the server's own address as Host, and must never get a redirect to HTTPS, a
refused Host or a page from the cache instead of the truth.
"""

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return _answer(200, "ok")
        if request.path == "/readyz":
            unavailable = [name for name, answers in (("database", _database), ("cache", _cache)) if not answers()]
            if unavailable:
                return _answer(503, "unavailable: " + ", ".join(unavailable))
            return _answer(200, "ok")
        return self.get_response(request)


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means the database cannot serve pages
        return False


def _cache():
    try:
        cache.get("readyz")
        return True
    except Exception:  # noqa: BLE001 - any failure means the cache cannot be reached
        return False


def _answer(status, text):
    response = HttpResponse(text + "\n", status=status, content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response
