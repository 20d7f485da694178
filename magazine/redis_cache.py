"""The Redis cache: django-redis, but a Redis that stops answering is left alone for a while.

django-redis already turns a failed cache operation into a miss (`IGNORE_EXCEPTIONS`), but
each operation first waits out its own timeout, and a page makes 10-20 of them (the page
cache, image renditions, Wagtail's site lookups). A Redis that accepted connections and
never answered made every page take 5-9 s, enough to take the site down.

Here the first failure marks the server down, for every cache on it in this process, for
`RETRY_AFTER` seconds (an OPTIONS entry, 5 by default). Until then reads are misses and
fills are dropped at once; after it, the next operation asks Redis again. Invalidations
are always tried (see SKIPPABLE). The outage and the recovery are
logged once each, not once per operation.
"""

import functools
import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger(__name__)

# The operations skipped while a server is marked down: reads, which become misses, and
# fills, which a later request makes again. Invalidations (`incr` of the page cache's
# generation, `delete`, `clear`) are always tried: skipping one could leave other
# processes, which still reach Redis, serving pages that have changed.
SKIPPABLE = frozenset(
    {
        "add",
        "expire",
        "get",
        "get_many",
        "has_key",
        "iter_keys",
        "keys",
        "persist",
        "set",
        "set_many",
        "touch",
        "ttl",
    }
)
# Every operation that talks to Redis (`close` and key making never wait on it).
NETWORK = SKIPPABLE | {"clear", "decr", "delete", "delete_many", "delete_pattern", "incr"}

# Server location -> the time.monotonic() until which it counts as down.
_down_until = {}


def now():
    return time.monotonic()


class RedisSkipped(RedisConnectionError):
    """Raised in place of asking a server that failed moments ago."""


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self.server_key = server if isinstance(server, str) else ",".join(server)

    @property
    def client(self):
        return GuardedClient(super().client, self)

    def is_down(self):
        until = _down_until.get(self.server_key)
        return until is not None and now() < until

    def mark_down(self):
        if self.server_key not in _down_until:
            logger.warning(
                "Redis at %s is not answering; serving without the cache, asking again every %g s",
                self.server_key,
                self.retry_after,
                exc_info=True,
            )
        _down_until[self.server_key] = now() + self.retry_after

    def mark_up(self):
        if _down_until.pop(self.server_key, None) is not None:
            logger.warning("Redis at %s is answering again", self.server_key)


class GuardedClient:
    """The django-redis client, asked only while its server is not marked down."""

    def __init__(self, client, cache):
        self._client = client
        self._cache = cache

    def __getattr__(self, name):
        attr = getattr(self._client, name)
        if name not in NETWORK:
            return attr
        skippable = name in SKIPPABLE

        @functools.wraps(attr)
        def guarded(*args, **kwargs):
            cache = self._cache
            if skippable and cache.is_down():
                # django-redis turns this into a miss, like any connection failure.
                raise ConnectionInterrupted(connection=None) from RedisSkipped(cache.server_key)
            try:
                result = attr(*args, **kwargs)
            except ConnectionInterrupted:
                cache.mark_down()
                raise
            if cache.server_key in _down_until:
                cache.mark_up()
            return result

        return guarded
