"""The benchmark's verdicts: what `make bench` calls met and not met."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
run = importlib.import_module("run")
common = importlib.import_module("common")


class Probe:
    def __init__(self, addresses):
        self.body = b"<urlset>" + b"<url><loc>x</loc></url>" * addresses + b"</urlset>"


def sitemap_row(small_ms, large_ms):
    return {
        "uncached": {"median_ms": large_ms},
        "small": {"median_ms": small_ms},
        "large_x_small": run.ratio(large_ms, small_ms),
    }


def verdict(rows, start):
    rows = {"hello world": {"cached": {"median_ms": 1.0}}, **rows}
    return next(v for v in run.targets(rows) if v[0].startswith(start))


def test_a_full_sitemap_page_is_judged_by_its_cost_per_address():
    # 300 addresses in 12 ms at 100 articles, a full page of 1,000 in 32 ms at 10,000:
    # the page is slower because it lists more, not because each address costs more.
    row = sitemap_row(12.0, 32.0)
    row.update(run.per_address(row, Probe(1000), Probe(300)))

    _label, met, detail = verdict({"sitemap page": row}, "sitemap page")

    assert met is True
    assert row["per_address_large_x_small"] == 0.8
    assert "300 vs 1000 addresses" in detail
    assert "whole page 2.67x" in detail


def test_a_sitemap_page_whose_addresses_get_dearer_is_not_met():
    row = sitemap_row(12.0, 80.0)
    row.update(run.per_address(row, Probe(1000), Probe(300)))

    assert verdict({"sitemap page": row}, "sitemap page")[1] is False


def test_other_pages_are_judged_on_their_whole_time():
    _label, met, detail = verdict({"section": sitemap_row(30.0, 50.0)}, "section")
    assert met is False
    assert detail.startswith("1.67x")


def test_a_page_is_reported_with_the_query_count_most_requests_made(monkeypatch):
    # Each worker's first request also fills caches: 23 queries, then 21 every time.
    counts = iter([23, 21, 23, 21, 21, 21, 21])

    def fake_get(port, path, timeout):
        headers = {"x-query-count": str(next(counts)), "x-server-time": "40.0"}
        return common.Response(200, headers, b"", 41.0)

    monkeypatch.setattr(run, "get", fake_get)
    result = run.sample(8202, "/an-article/", 7, warmup=0)

    assert result["queries"] == 21
    assert result["queries_max"] == 23
    assert result["samples"] == 7


def test_warm_up_requests_are_not_timed_but_their_queries_are_reported(monkeypatch):
    # Two workers' first requests: slow, with more queries; then the steady state.
    responses = iter([(30, 95.0), (28, 90.0)] + [(21, 40.0)] * 5)

    def fake_get(port, path, timeout):
        queries, server_ms = next(responses)
        headers = {"x-query-count": str(queries), "x-server-time": str(server_ms)}
        return common.Response(200, headers, b"", server_ms + 1)

    monkeypatch.setattr(run, "get", fake_get)
    result = run.sample(8202, "/an-article/", 5, warmup=2)

    assert result["samples"] == 5
    assert result["median_ms"] == result["p95_ms"] == 40.0
    assert (result["queries"], result["queries_max"]) == (21, 30)
