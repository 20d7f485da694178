"""Measurement hooks for `make bench`, off unless BENCH_QUERY_COUNT=1 is set.

With the variable set, settings put `BenchMiddleware` first in MIDDLEWARE and the URL
configuration adds a bare "hello world" view at /bench/hello/, the baseline every page
is compared with. Normal production never loads either.
"""

import time

from django.db import connections
from django.http import HttpResponse
from django.views.decorators.http import require_safe


class BenchMiddleware:
    """Adds X-Query-Count (SQL statements run) and X-Server-Time (ms in Django)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        wrappers = [connection.execute_wrapper(counter) for connection in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-Query-Count"] = str(count)
        response["X-Server-Time"] = f"{(time.perf_counter() - started) * 1000:.3f}"
        return response


@require_safe
def hello(request):
    """The baseline: the smallest possible Django response through the same middleware."""
    return HttpResponse("Hello, world", content_type="text/plain; charset=utf-8")
