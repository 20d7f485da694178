"""A Redis that stops answering is asked once, then left alone for a while.

Pages never wait on it: each cache operation would otherwise wait out its own timeout.
"""

import os
import socket
import threading

import pytest

from magazine import redis_cache
from magazine.redis_cache import ResilientRedisCache
from tests.factories import SectionPageFactory


class HungRedis:
    """A server that accepts connections and never answers, like an overloaded Redis."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


@pytest.fixture
def hung():
    server = HungRedis()
    yield server
    server.close()


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """A clock the tests move on by hand; no server starts out marked down."""
    current = [1000.0]
    monkeypatch.setattr(redis_cache, "now", lambda: current[0])
    monkeypatch.setattr(redis_cache, "_down_until", {})
    return current


def cache_settings(url, prefix="magazine", retry_after=5):
    """A cache entry as in the settings, with short timeouts to keep the tests quick."""
    return {
        "BACKEND": "magazine.redis_cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
            "IGNORE_EXCEPTIONS": True,
            "RETRY_AFTER": retry_after,
        },
    }


def cache_at(url, prefix="magazine", retry_after=5):
    entry = cache_settings(url, prefix, retry_after)
    return ResilientRedisCache(entry["LOCATION"], entry)


def test_a_hung_redis_is_asked_once_then_every_operation_is_a_miss(hung):
    cache = cache_at(hung.url)
    assert cache.get("page", "miss") == "miss"
    assert len(hung.connections) == 1

    assert cache.get("page", "miss") == "miss"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("page", "html")
    cache.set_many({"a": 1})
    assert not cache.add("generation", 1)
    assert not cache.has_key("page")
    cache.close()  # at the end of every request: must not raise either
    assert len(hung.connections) == 1


def test_invalidations_are_tried_even_while_the_server_counts_as_down(hung):
    """Other processes may still reach Redis: a skipped invalidation would leave them stale."""
    cache = cache_at(hung.url)
    cache.get("page")
    assert len(hung.connections) == 1
    cache.incr("page-cache:generation")
    assert len(hung.connections) == 2
    cache.delete("page")
    assert len(hung.connections) == 3


def test_other_caches_on_the_same_server_skip_it_too(hung):
    cache_at(hung.url, prefix="magazine").get("page")
    renditions = cache_at(hung.url, prefix="renditions")
    assert renditions.get("rendition", "miss") == "miss"
    assert len(hung.connections) == 1


def test_after_the_pause_redis_is_asked_again(hung, clock):
    cache = cache_at(hung.url, retry_after=5)
    cache.get("page")
    clock[0] += 4.9
    cache.get("page")
    assert len(hung.connections) == 1
    clock[0] += 0.2
    cache.get("page")
    assert len(hung.connections) == 2


def test_an_outage_is_logged_once_not_per_operation(hung, caplog):
    cache = cache_at(hung.url)
    for _ in range(5):
        cache.get("page")
    outage = [r for r in caplog.records if r.name == "magazine.redis_cache"]
    assert len(outage) == 1
    assert "not answering" in outage[0].getMessage()


@pytest.mark.django_db
def test_pages_are_served_while_redis_hangs_asking_it_once(client, settings, hung, home):
    SectionPageFactory(parent=home, title="TV", slug="tv")
    settings.CACHES = {
        alias: cache_settings(hung.url, prefix=alias) for alias in ("default", "renditions")
    }
    settings.PAGE_CACHE_ENABLED = True
    for path in ("/tv/", "/tv/", "/"):
        assert client.get(path).status_code == 200
    # Page cache, renditions, site lookups: without the pause, each page asked 10 or more times.
    assert len(hung.connections) == 1


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs a Redis to recover to")
def test_when_redis_answers_again_the_cache_works_again(clock):
    cache = cache_at(os.environ["REDIS_URL"], prefix="recovery-test")
    cache.mark_down()
    cache.set("key", "stored while down")
    assert cache.get("key") is None  # skipped: Redis itself was not asked

    clock[0] += 5.1
    cache.set("key", "stored")
    assert cache.get("key") == "stored"
    assert not cache.is_down()
    cache.delete("key")
