"""The shared cache's Redis backend: Django's, with one client per connection pool.

Django's Redis backend builds a new ``redis.Redis`` object for every cache call. A
signed-in page makes several (the session, the principal and its generation, the
dashboard's generations), and building the client cost the web server about as much
CPU as the round trip to Redis. The client only holds its pool, which is safe to share
between threads, so one per pool is kept and reused.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _PooledClients(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[Any, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """Set as the backend when CACHE_URL names Redis (see settings.CACHES)."""

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _PooledClients
