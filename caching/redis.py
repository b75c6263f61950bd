"""Django's Redis cache, with one redis-py client for each connection pool.

Django's `RedisCacheClient` makes a new redis-py client for every cache call, and each new client builds its
table of reply handlers: on a page served from the cache that was a third of the work. A redis-py client is
safe to share between threads (its connections come from the pool), so one is kept per pool.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # id of a connection pool -> its client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
