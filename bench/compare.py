"""`make bench-compare`: this checkout against an earlier commit, side by side in one run.

This machine's speed drifts by a third from minute to minute, so two `make bench`
runs minutes apart cannot tell a small change from the drift. This builds the
earlier commit's database with its own code (migrations, demo, the benchmark
corpus, renditions), copies it and migrates the copy forward with this checkout's
code, serves each with its own code (gunicorn, production settings, page cache off),
and alternates requests between the two: both see the same machine at the same
moment. It reports, per page, each side's median server time and query count and
the ratio of this checkout to the earlier one.

    python bench/compare.py [--baseline 17eb501] [--articles 10000] [--rounds 40]
"""

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import time

from common import (
    RESULTS,
    ROOT,
    Server,
    analyze,
    database_exists,
    discover_pages,
    flush_redis,
    get,
    log,
    manage,
    pg_connect,
    production_env,
    recreate_database,
)

BASE_PORT, HEAD_PORT = 8211, 8212
EXTRA_PAGES = {"search": "/search/?q=season", "sitemap page": "/sitemap-pages.xml"}


def export(revision):
    """The tree at `revision`, unpacked under bench-results/ (once per revision)."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", revision],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    folder = RESULTS / f"tree-{commit}"
    if not (folder / "manage.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = RESULTS / f"tree-{commit}.tar"
        subprocess.run(
            ["git", "archive", "--format=tar", "-o", str(archive), commit], cwd=ROOT, check=True
        )
        with tarfile.open(archive) as tar:
            tar.extractall(folder, filter="data")
        archive.unlink()
    return commit, folder


def build(commit, folder, articles, reuse):
    """Databases for both sides: the earlier code's, and a copy migrated forward."""
    base_db, head_db = f"compare_{commit}", f"compare_{commit}_head"
    media = {"MEDIA_ROOT": str(RESULTS / f"media-compare-{commit}")}
    # Each side serves the static files of its own code.
    static = {
        side: {"STATIC_ROOT": str(RESULTS / f"static-compare-{commit}-{side}")}
        for side in ("baseline", "head")
    }
    env = production_env(base_db, **media, **static["baseline"])
    if not (reuse and database_exists(base_db)):
        log(f"Building {base_db} with the code of {commit}…")
        recreate_database(base_db)
        manage(env, "migrate", "--noinput", "-v0", cwd=folder)
        manage(env, "load_demo", quiet=True, cwd=folder)
        corpus = ["--articles", str(articles), "--people", "1000", "--books", "500"]
        manage(env, "generate_corpus", *corpus, cwd=folder)
        manage(env, "prerender_renditions", cwd=folder)
        analyze(base_db)
    log(f"Copying it to {head_db} and migrating the copy with this checkout…")
    with pg_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{head_db}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{head_db}" TEMPLATE "{base_db}"')
    head_env = production_env(head_db, **media, **static["head"])
    manage(head_env, "migrate", "--noinput", "-v0")
    manage(head_env, "prerender_renditions")
    analyze(head_db)
    for side_env, cwd in ((env, folder), (head_env, ROOT)):
        manage(side_env, "collectstatic", "--noinput", "-v0", cwd=cwd)
    return base_db, head_db, {side: {**media, **static[side]} for side in static}


def measure(paths, rounds):
    """Alternate requests between the two servers; per page, both sides' numbers."""
    rows = {}
    for name, path in paths.items():
        times = {BASE_PORT: [], HEAD_PORT: []}
        queries = {BASE_PORT: [], HEAD_PORT: []}
        statuses = {BASE_PORT: set(), HEAD_PORT: set()}
        for port in (BASE_PORT, HEAD_PORT):
            for _ in range(10):  # warm-up: templates compiled, statements prepared
                get(port, path, timeout=120)
        for turn in range(rounds):
            order = (BASE_PORT, HEAD_PORT) if turn % 2 == 0 else (HEAD_PORT, BASE_PORT)
            for port in order:
                response = get(port, path, timeout=120)
                statuses[port].add(response.status)
                times[port].append(float(response.headers.get("x-server-time", "nan")))
                queries[port].append(int(response.headers.get("x-query-count", -1)))
        base = statistics.median(times[BASE_PORT])
        head = statistics.median(times[HEAD_PORT])
        rows[name] = {
            "path": path,
            "baseline_ms": round(base, 2),
            "head_ms": round(head, 2),
            "ratio": round(head / base, 3) if base else None,
            "baseline_queries": statistics.mode(queries[BASE_PORT]),
            "head_queries": statistics.mode(queries[HEAD_PORT]),
            "statuses": {
                "baseline": sorted(statuses[BASE_PORT]),
                "head": sorted(statuses[HEAD_PORT]),
            },
        }
        log(
            f"{name:<14} {base:8.2f} ms {head:8.2f} ms  x{rows[name]['ratio']:<6} "
            f"queries {rows[name]['baseline_queries']:>3} → {rows[name]['head_queries']:<3}"
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="17eb501", help="the commit to compare with")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--reuse", action="store_true", help="keep the earlier code's database")
    args = parser.parse_args()
    started = time.monotonic()
    commit, folder = export(args.baseline)
    base_db, head_db, files = build(commit, folder, args.articles, args.reuse)
    paths = {**discover_pages(head_db), **EXTRA_PAGES}
    paths = {name: path for name, path in paths.items() if path}
    flush_redis()
    bench = {"BENCH_QUERY_COUNT": "1", "PAGE_CACHE_ENABLED": "0"}
    log("Starting both servers…")
    with (
        Server(base_db, BASE_PORT, cwd=folder, **bench, **files["baseline"]),
        Server(head_db, HEAD_PORT, **bench, **files["head"]),
    ):
        log(f"{'page':<14} {commit:>11} {'this':>11}  ratio   queries")
        rows = measure(paths, args.rounds)
    out = RESULTS / f"compare-{commit}-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(
        json.dumps(
            {
                "baseline": commit,
                "articles": args.articles,
                "rounds": args.rounds,
                "pages": rows,
                "total_seconds": round(time.monotonic() - started, 1),
            },
            indent=2,
        )
    )
    print(f"\nWritten to {out.relative_to(ROOT)}")
    # A page that did not answer 200 on either side was not compared: say so and fail.
    bad = [
        name
        for name, row in rows.items()
        if row["statuses"]["baseline"] != [200] or row["statuses"]["head"] != [200]
    ]
    for name in bad:
        log(f"NOT COMPARED: {name} answered {rows[name]['statuses']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
