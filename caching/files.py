"""The embedded shared cache: Django's file-based cache in a folder every worker of one server shares,
with no service to run. Reading a page is reading one small file, which is why it is the default over a
table in the database (measured in the README).

Django's version lists every file of the folder on each write to see whether to cull; with many pages
kept that costs more each time, so here a process looks at most once a minute.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_SECONDS = 60


class FileCache(FileBasedCache):
    def __init__(self, dir, params):  # noqa: A002 - Django's name
        super().__init__(dir, params)
        self._looked = float("-inf")

    def _cull(self):
        now = time.monotonic()
        if now - self._looked < CULL_SECONDS:
            return
        self._looked = now
        super()._cull()
