"""gunicorn's settings for the site, read from the project's folder, where gunicorn looks for this file.

A search address carries the query percent-encoded, nine bytes for each Chinese character: with gunicorn's
default limit of 4,094 bytes for the request line, a query of some 450 characters got gunicorn's own bare
English error instead of the site's page saying, in the visitor's language, that it is too long. 8,190
bytes, the most gunicorn allows, holds the 500 characters the search boxes take.
"""

limit_request_line = 8190
