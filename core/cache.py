"""Django's Redis cache, with a `clear()` that empties only this installation's keys.

The stock `RedisCache.clear()` runs FLUSHDB: on a Redis database shared with another
installation (or, in the test suite, with the other pytest-xdist workers, each with its own
KEY_PREFIX) it would wipe their keys too. With a KEY_PREFIX, only keys under it are deleted.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache


def _glob_escape(text: str) -> str:
    return "".join("\\" + char if char in "*?[]\\" else char for char in text)


class RedisCache(DjangoRedisCache):
    def clear(self) -> None:
        if not self.key_prefix:
            super().clear()
            return
        client = self._cache.get_client(write=True)
        batch = []
        for key in client.scan_iter(match=_glob_escape(self.key_prefix) + ":*", count=1000):
            batch.append(key)
            if len(batch) >= 500:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
