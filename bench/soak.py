"""`make soak`: a minute of reads while PostgreSQL restarts and Redis hangs, then stops.

One gunicorn server (2 workers, production settings, page cache on) serves the bench
database (created with a 1,000-article corpus if it isn't there). Reader threads fetch
an article, a section and a search page continuously; half the article and section
requests carry a unique query string, so they miss the page cache and reach
PostgreSQL, and search is never cached.

Timeline (for the default 60 s):
   0-15 s   steady reads                         expect 0 errors
  15 s      PostgreSQL restarted                 reads that lose the database are answered
                                                 again (DatabaseRetryMiddleware): expect
                                                 0 errors, and the time until none fail
  27 s      Redis hangs for 6 s (CLIENT PAUSE)   pages still served, none slow: expect 0 errors
  35 s      Redis stopped (shutdown nosave)      pages still served: expect 0 errors
  50 s      Redis started again
  50-60 s   steady reads                         expect 0 errors

The site itself is never restarted. PostgreSQL and Redis are always running again when
the script ends, even after Ctrl-C.

    python bench/soak.py [--seconds 60] [--threads 4]
"""

import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import threading
import time

from common import (
    RESULTS,
    Server,
    database_exists,
    discover_pages,
    flush_redis,
    get,
    log,
    pg_connect,
    prepare_site,
)

DB = "bench"
PORT = 8204
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
]


def pg_cluster():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return version, "main"


def pg_ctl(action):
    version, name = pg_cluster()
    return subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
        capture_output=True,
        text=True,
    )


def pg_up():
    try:
        with pg_connect() as conn:
            conn.execute("SELECT 1")
        return True
    except Exception:
        return False


def redis_up():
    result = subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping"], capture_output=True, text=True
    )
    return result.stdout.strip() == "PONG"


def restore_services():
    """Whatever happened, leave PostgreSQL and Redis running."""
    if not pg_up():
        log("Restoring PostgreSQL…")
        pg_ctl("start")
    if not redis_up():
        log("Restoring Redis…")
        subprocess.run(REDIS_START, check=False, stdout=subprocess.DEVNULL)
    for _ in range(50):
        if pg_up() and redis_up():
            return
        time.sleep(0.2)
    log("WARNING: PostgreSQL or Redis is still not answering.")


class Readers:
    """Reader threads that record every request's outcome with a timestamp."""

    def __init__(self, paths, threads):
        self.paths = paths
        self.threads = threads
        self.results = []  # (answered_at, path kind, ok, status or error, seconds taken)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.counter = 0

    def next_path(self):
        with self.lock:
            self.counter += 1
            n = self.counter
        kinds = sorted(self.paths)
        kind = kinds[n % len(kinds)]
        path = self.paths[kind]
        if kind != "search" and n % 2:
            path += f"?soak={n}"  # a page-cache miss: this one reaches PostgreSQL
            kind += " uncached"
        return kind, path

    def run(self):
        while not self.stopping.is_set():
            kind, path = self.next_path()
            started = time.monotonic()
            try:
                status = get(PORT, path, timeout=10).status
                ok, detail = status == 200, status
            except OSError as error:
                ok, detail = False, type(error).__name__
            # Filed under the time the answer came: a request in flight when
            # PostgreSQL goes down belongs to the restart, not to the calm before it.
            answered = time.monotonic()
            with self.lock:
                self.results.append((answered, kind, ok, detail, answered - started))

    def __enter__(self):
        self.pool = [threading.Thread(target=self.run, daemon=True) for _ in range(self.threads)]
        for thread in self.pool:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.pool:
            thread.join(15)


def summarise(results, start, end):
    window = [r for r in results if start <= r[0] < end]
    errors = [r for r in window if not r[2]]
    kinds = {}
    for _, kind, _, detail, _ in errors:
        kinds[f"{kind} {detail}"] = kinds.get(f"{kind} {detail}", 0) + 1
    return {
        "requests": len(window),
        "errors": len(errors),
        "error_kinds": kinds,
        "slowest_s": round(max((r[4] for r in window), default=0.0), 2),
    }


def recovery_seconds(results, since, until):
    """Seconds from `since` until requests that need PostgreSQL succeed again.

    Page-cache hits never touch the database, so only search and cache misses count.
    """
    window = [
        r for r in results if since <= r[0] < until and (r[1] == "search" or "uncached" in r[1])
    ]
    failures = [r[0] for r in window if not r[2]]
    later_ok = [r[0] for r in window if r[2]]
    if not failures:
        return 0.0
    last_failure = max(failures)
    after = [t for t in later_ok if t > last_failure]
    return round(min(after) - since, 2) if after else None


def interrupt(signum, frame):
    raise KeyboardInterrupt


def timeline(results, start, end):
    """Requests and errors per second, for reading the faults' effect over time."""
    seconds = int(end - start) + 1
    rows = [{"second": n, "requests": 0, "errors": 0} for n in range(seconds)]
    for answered, _, ok, _, _ in results:
        if start <= answered < end:
            row = rows[int(answered - start)]
            row["requests"] += 1
            row["errors"] += not ok
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    total = args.seconds
    fractions = {"pg": 0.25, "redis_hang": 0.45, "redis_stop": 7 / 12, "redis_start": 5 / 6}
    at = {k: total * f for k, f in fractions.items()}
    hang_ms = round(total * 0.1 * 1000)

    # Ctrl-C or a kill from make: unwind through the finally below.
    signal.signal(signal.SIGTERM, interrupt)
    restore_services()
    if not database_exists(DB):
        prepare_site(DB, corpus_args=["--articles", "1000", "--people", "200", "--books", "100"])
    else:
        with pg_connect(DB) as conn:
            has_pages = conn.execute("SELECT to_regclass('wagtailcore_page')").fetchone()[0]
        if not has_pages:
            prepare_site(
                DB, corpus_args=["--articles", "1000", "--people", "200", "--books", "100"]
            )
    pages = discover_pages(DB)
    paths = {
        "article": pages.get("article") or "/",
        "section": pages.get("section") or "/",
        "search": "/search/?q=season",
    }
    flush_redis()
    events = {}
    report = {}
    skipped = {}
    try:
        with Server(DB, PORT):
            for kind, path in list(paths.items()):
                status = get(PORT, path, timeout=60).status
                log(f"  {kind:<8} {path} -> HTTP {status}")
                if status != 200:
                    # A page type without its template yet: leave it out rather than
                    # count its errors as the faults' doing.
                    log(f"  left out: {kind} answers {status} before any fault")
                    skipped[kind] = {"path": path, "status": status}
                    del paths[kind]
            if not paths:
                raise SystemExit("No page to read answers 200.")
            log(f"Reading for {total:.0f} s with {args.threads} threads…")
            with Readers(paths, args.threads) as readers:
                t0 = time.monotonic()

                def wait_until(offset):
                    time.sleep(max(0, t0 + offset - time.monotonic()))

                wait_until(at["pg"])
                log("  restarting PostgreSQL…")
                events["pg_restart_begin"] = time.monotonic()
                result = pg_ctl("restart")
                events["pg_restart_end"] = time.monotonic()
                log(
                    f"  PostgreSQL restart took "
                    f"{events['pg_restart_end'] - events['pg_restart_begin']:.1f} s"
                    + (f" ({result.stderr.strip()})" if result.returncode else "")
                )
                wait_until(at["redis_hang"])
                log(f"  Redis stops answering for {hang_ms / 1000:g} s…")
                events["redis_hang"] = time.monotonic()
                # Connections stay open and commands wait unanswered, as with an
                # overloaded Redis: the case where each read waits out its timeout.
                subprocess.run(
                    ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "client", "pause", str(hang_ms)],
                    capture_output=True,
                )
                wait_until(at["redis_stop"])
                log("  stopping Redis…")
                events["redis_stop"] = time.monotonic()
                subprocess.run(
                    ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave"],
                    capture_output=True,
                )
                wait_until(at["redis_start"])
                log("  starting Redis…")
                subprocess.run(REDIS_START, check=False, stdout=subprocess.DEVNULL)
                events["redis_start"] = time.monotonic()
                wait_until(total)
            results = readers.results
        end = t0 + total
        report = {
            "seconds": total,
            "threads": args.threads,
            "paths": paths,
            "left_out": skipped,
            "total": summarise(results, t0, end),
            "phases": {
                "steady before faults": summarise(results, t0, events["pg_restart_begin"]),
                "PostgreSQL restart until Redis hangs": summarise(
                    results, events["pg_restart_begin"], events["redis_hang"]
                ),
                "Redis hanging, then answering": summarise(
                    results, events["redis_hang"], events["redis_stop"]
                ),
                "Redis stopped": summarise(results, events["redis_stop"], events["redis_start"]),
                "after Redis is back": summarise(results, events["redis_start"], end),
            },
            "timeline": timeline(results, t0, end),
            "pg_restart_seconds": round(events["pg_restart_end"] - events["pg_restart_begin"], 2),
            "recovery_after_pg_restart_began_s": recovery_seconds(
                results, events["pg_restart_begin"], events["redis_hang"]
            ),
            "recovery_after_pg_back_s": recovery_seconds(
                results, events["pg_restart_end"], events["redis_hang"]
            ),
        }
    except KeyboardInterrupt:
        log("Interrupted.")
        return 130
    finally:
        restore_services()

    print("\nSoak test results")
    print(f"  {report['total']['requests']} requests in {total:.0f} s, {args.threads} readers")
    print(f"  pages read: {', '.join(f'{k} {v}' for k, v in paths.items())}")
    for kind, info in skipped.items():
        print(f"  left out: {kind} {info['path']} (HTTP {info['status']} before any fault)")
    for phase, data in report["phases"].items():
        kinds = ", ".join(f"{k}: {v}" for k, v in data["error_kinds"].items())
        print(
            f"  {phase:<38}{data['requests']:>6} requests {data['errors']:>4} errors"
            f"  slowest {data['slowest_s']:.2f} s" + (f"  ({kinds})" if kinds else "")
        )
    restart_second = int(events["pg_restart_begin"] - t0)
    around = report["timeline"][restart_second : restart_second + 8]
    print(
        "  around the restart (s: requests/errors) "
        + " ".join(f"{r['second']}:{r['requests']}/{r['errors']}" for r in around)
    )
    print(f"  PostgreSQL restart command took       {report['pg_restart_seconds']} s")
    print(
        "  site answering again (no more errors)  "
        f"{report['recovery_after_pg_restart_began_s']} s after the restart began, "
        f"{report['recovery_after_pg_back_s']} s after PostgreSQL was back"
    )
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"soak-{stamp}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {out.relative_to(RESULTS.parent)}")
    return 0 if report["total"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
