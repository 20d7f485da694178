"""`make bench`: serve a 10,000-article corpus with production settings and measure it.

Three gunicorn servers (2 workers each) run with BENCH_QUERY_COUNT=1, which adds the
X-Query-Count and X-Server-Time headers and the /bench/hello/ baseline:

  large, page cache on   (port 8201)  cached times and requests/second
  large, page cache off  (port 8202)  uncached times and query counts
  small, page cache off  (port 8203)  the same pages with 100 articles, for scaling

Server time is what BenchMiddleware measures inside Django (first in MIDDLEWARE), so it
includes every middleware and the page cache lookup but not gunicorn's socket work;
requests/second is measured by the client over loopback. Results go to stdout as one
table and to bench-results/bench-<timestamp>.json.

    python bench/run.py [--reuse] [--articles 10000] [--requests 40]
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import threading
import time

from common import RESULTS, Server, discover_pages, flush_redis, get, log, prepare_site

# BENCH_DB_PREFIX and BENCH_PORT let two runs on one machine keep apart.
DB_PREFIX = os.environ.get("BENCH_DB_PREFIX", "")
LARGE_DB, SMALL_DB = f"{DB_PREFIX}bench", f"{DB_PREFIX}bench_small"
_PORT = int(os.environ.get("BENCH_PORT", "8201"))
PORT_CACHED, PORT_UNCACHED, PORT_SMALL = _PORT, _PORT + 1, _PORT + 2
SEARCH = "/search/?q=season"
SITEMAP_PAGE = "/sitemap-pages.xml"
SCALING = ("section", "search", "sitemap", "sitemap page")
WARMUP = 10


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def sample(port, path, count, budget=20.0, warmup=WARMUP):
    """Sequential requests; server times, client times, query count, status, cache header.

    The first `warmup` requests are not timed: each worker's first requests for a page
    compile its templates and fill per-process and shared caches, and PostgreSQL
    prepares a statement once a connection has run it five times (two workers: ten
    requests). The times are the steady state a busy site runs in. The query count is
    the one most requests made; `queries_max` also covers the warm-up requests.
    Stops early (after at least five timed requests) once `budget` seconds are spent,
    so a slow page can't stretch the run.
    """
    warmup_queries = [
        int(get(port, path, timeout=120).headers.get("x-query-count", -1)) for _ in range(warmup)
    ]
    server, client, queries, statuses, cache = [], [], [], set(), set()
    stop = time.monotonic() + budget
    for n in range(count):
        if n >= 5 and time.monotonic() > stop:
            break
        response = get(port, path, timeout=120)
        statuses.add(response.status)
        if "x-server-time" in response.headers:
            server.append(float(response.headers["x-server-time"]))
        queries.append(int(response.headers.get("x-query-count", -1)))
        cache.add(response.headers.get("x-cache", "-"))
        client.append(response.elapsed_ms)
    return {
        "status": sorted(statuses),
        "queries": statistics.mode(queries),
        "queries_max": max(queries + warmup_queries),
        "median_ms": round(statistics.median(server), 2),
        "p95_ms": round(percentile(server, 0.95), 2),
        "client_median_ms": round(statistics.median(client), 2),
        "x_cache": sorted(cache),
        "samples": len(server),
    }


def throughput(port, path, seconds, threads=4):
    """Requests/second with `threads` concurrent clients for `seconds`."""
    done, errors = [0] * threads, [0] * threads
    stop = time.monotonic() + seconds

    def worker(n):
        while time.monotonic() < stop:
            try:
                ok = get(port, path, timeout=120).status == 200
            except OSError:
                ok = False
            done[n] += ok
            errors[n] += not ok

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    started = time.monotonic()
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.monotonic() - started
    return round(sum(done) / elapsed, 1), sum(errors)


def ratio(value, base):
    return round(value / base, 2) if value and base else None


def measure(pages, small_pages, args):
    rows = {}
    hello = {
        "uncached": sample(PORT_UNCACHED, "/bench/hello/", args.requests * 2),
        "cached": sample(PORT_CACHED, "/bench/hello/", args.requests * 4),
    }
    hello["rps"], _ = throughput(PORT_CACHED, "/bench/hello/", args.seconds)
    hello_small = sample(PORT_SMALL, "/bench/hello/", args.requests * 2)
    rows["hello world"] = {"path": "/bench/hello/", **hello}
    for name, path in pages.items():
        if not path:
            rows[name] = {"path": None, "note": "no page of this type in the database"}
            continue
        probe = get(PORT_UNCACHED, path)
        if probe.status != 200:
            rows[name] = {"path": path, "note": f"HTTP {probe.status}: not measurable"}
            log(f"  {name:<12} {path}: HTTP {probe.status}")
            continue
        get(PORT_CACHED, path)  # fill the page cache
        row = {
            "path": path,
            "uncached": sample(PORT_UNCACHED, path, args.requests),
            "cached": sample(PORT_CACHED, path, args.requests * 4),
        }
        row["rps"], row["rps_errors"] = throughput(PORT_CACHED, path, args.seconds)
        for kind in ("uncached", "cached"):
            row[f"{kind}_x_hello"] = ratio(row[kind]["median_ms"], hello[kind]["median_ms"])
        row["rps_x_hello"] = ratio(row["rps"], hello["rps"])
        if name in SCALING and small_pages.get(name):
            small_probe = get(PORT_SMALL, small_pages[name])
            if small_probe.status == 200:
                small = sample(PORT_SMALL, small_pages[name], args.requests)
                row["small"] = {"path": small_pages[name], **small}
                row["large_x_small"] = ratio(row["uncached"]["median_ms"], small["median_ms"])
                if name == "sitemap page":
                    row.update(per_address(row, probe, small_probe))
        rows[name] = row
        log(f"  {name:<12} {path}: done")
    rows["hello world"]["small"] = hello_small
    return rows


def per_address(row, probe, small_probe):
    """A sitemap page's cost per address it lists, at both sizes.

    A page holds up to PageSitemap.limit addresses: with 100 articles the first page
    lists every page of the site (about 300), with 10,000 it is full. Its time grows
    with how full it is, then stops; the time per address shows whether the work
    behind each one grows with the size of the site.
    """
    large_n, small_n = probe.body.count(b"<loc>"), small_probe.body.count(b"<loc>")
    if not (large_n and small_n):
        return {}
    large = row["uncached"]["median_ms"] / large_n
    small = row["small"]["median_ms"] / small_n
    return {
        "addresses": large_n,
        "small_addresses": small_n,
        "per_address_ms": round(large, 4),
        "small_per_address_ms": round(small, 4),
        "per_address_large_x_small": ratio(large, small),
    }


def targets(rows):
    verdicts = []
    hello = rows["hello world"]["cached"]["median_ms"]
    for name, row in rows.items():
        if name == "hello world" or "cached" not in row:
            continue
        if "HIT" not in row["cached"]["x_cache"]:
            verdicts.append((f"{name}: cached within 1.25x hello world", None, "not cached"))
            continue
        value = row["cached_x_hello"]
        verdicts.append(
            (f"{name}: cached within 1.25x hello world", value <= 1.25, f"{value}x ({hello} ms)")
        )
    article = rows.get("article", {})
    if "uncached" in article:
        median = article["uncached"]["median_ms"]
        verdicts.append(
            (f"article {article['path']}: uncached median < 40 ms", median < 40, f"{median} ms")
        )
    else:
        verdicts.append(("article: uncached median < 40 ms", None, article.get("note", "")))
    for name in SCALING:
        row = rows.get(name, {})
        if "per_address_large_x_small" in row:
            value = row["per_address_large_x_small"]
            verdicts.append(
                (
                    f"{name}: 10,000 within 1.5x of 100 articles, per address listed",
                    value <= 1.5,
                    f"{value}x ({row['small_per_address_ms']} -> {row['per_address_ms']} ms "
                    f"an address; {row['small_addresses']} vs {row['addresses']} addresses, "
                    f"whole page {row['large_x_small']}x)",
                )
            )
        elif "large_x_small" in row:
            value = row["large_x_small"]
            verdicts.append(
                (
                    f"{name}: 10,000 within 1.5x of 100 articles",
                    value <= 1.5,
                    f"{value}x ({row['small']['median_ms']} -> {row['uncached']['median_ms']} ms)",
                )
            )
        else:
            verdicts.append(
                (f"{name}: 10,000 within 1.5x of 100", None, row.get("note", "not measured"))
            )
    return verdicts


def print_table(rows, verdicts):
    header = (
        f"{'page':<13}{'queries':>8}{'uncached ms':>17}{'x hello':>8}"
        f"{'cached ms':>15}{'x hello':>8}{'req/s':>8}{'x hello':>8}  path"
    )
    print()
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        if "uncached" not in row:
            print(f"{name:<13}{row.get('note', '')}  {row.get('path') or ''}")
            continue
        unc, cac = row["uncached"], row["cached"]
        print(
            f"{name:<13}{unc['queries']:>8}"
            f"{unc['median_ms']:>9.1f} /{unc['p95_ms']:>6.1f}{row.get('uncached_x_hello') or 1:>8}"
            f"{cac['median_ms']:>7.1f} /{cac['p95_ms']:>6.1f}{row.get('cached_x_hello') or 1:>8}"
            f"{row['rps']:>8}{row.get('rps_x_hello') or 1:>8}  {row['path']}"
        )
    print("\n(ms: median / p95 server time; x hello: ratio to the hello-world view)")
    print("\nScaling, uncached median ms at 100 vs 10,000 articles:")
    for name in SCALING:
        row = rows.get(name, {})
        if "small" in row:
            print(
                f"  {name:<13}{row['small']['median_ms']:>8.1f}{row['uncached']['median_ms']:>8.1f}"
                f"{row['large_x_small']:>7}x  (queries {row['small']['queries']} vs "
                f"{row['uncached']['queries']})"
            )
    print("\nTargets:")
    for label, met, detail in verdicts:
        mark = {True: "MET    ", False: "NOT MET", None: "n/a    "}[met]
        print(f"  {mark} {label}: {detail}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="Keep databases from a last run.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40, help="Sequential samples per page.")
    parser.add_argument("--seconds", type=float, default=4, help="Length of each req/s run.")
    args = parser.parse_args()

    started = time.monotonic()
    setup = {
        "large": prepare_site(
            LARGE_DB,
            corpus_args=["--articles", str(args.articles), "--people", "1000", "--books", "500"],
            reuse=args.reuse,
        ),
        "small": prepare_site(
            SMALL_DB,
            corpus_args=["--articles", "100", "--people", "100", "--books", "50"],
            reuse=args.reuse,
        ),
    }
    pages = discover_pages(LARGE_DB)
    small_pages = discover_pages(SMALL_DB)
    for found in (pages, small_pages):
        found["search"] = SEARCH
        found["sitemap"] = "/sitemap.xml"
        found["sitemap page"] = SITEMAP_PAGE
    flush_redis()
    bench_env = {"BENCH_QUERY_COUNT": "1"}
    log("Starting gunicorn servers…")
    with (
        Server(LARGE_DB, PORT_CACHED, **bench_env),
        Server(LARGE_DB, PORT_UNCACHED, PAGE_CACHE_ENABLED="0", **bench_env),
        Server(SMALL_DB, PORT_SMALL, PAGE_CACHE_ENABLED="0", **bench_env),
    ):
        # Warm every worker (imports, template loading, connections) before timing.
        for port in (PORT_CACHED, PORT_UNCACHED, PORT_SMALL):
            for path in ["/bench/hello/", *filter(None, pages.values())] * 2:
                get(port, path, timeout=600)
        log("Measuring…")
        rows = measure(pages, small_pages, args)
    verdicts = targets(rows)
    print_table(rows, verdicts)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"bench-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "when": stamp,
                "articles": args.articles,
                "setup_seconds": setup,
                "pages": rows,
                "targets": [
                    {"target": label, "met": met, "detail": detail}
                    for label, met, detail in verdicts
                ],
                "total_seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
        )
    )
    print(f"\nWritten to {out.relative_to(RESULTS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
