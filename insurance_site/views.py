"""Error pages that need the request: language links and a way back into the guide."""

from django.shortcuts import render


def bad_request(request, exception):
    """A 400 page in the visitor's language (Django's default renders without the request)."""
    return render(request, "400.html", status=400)
