"""`make lighthouse`: Lighthouse mobile scores for each kind of page, on the demo content.

Serves a fresh database with `load_demo` under gunicorn with production settings
(media served by Django, as no web server sits in front here), then runs the
Lighthouse version pinned in package.json with Debian's Chromium (CHROME_PATH) against
home, section, article, person, show, book and shop pages, each the first live page of
its type. Only the four categories are run and the page is loopback-only, so nothing
is fetched from outside. Target: at least 95 in each category.

    python bench/lighthouse.py [--reuse]
"""

import argparse
import datetime
import json
import os
import subprocess
import sys

from common import RESULTS, ROOT, Server, discover_pages, flush_redis, log, prepare_site

DB = "bench_lighthouse"
PORT = 8205
KINDS = ("home", "section", "article", "person", "show", "book", "shop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


ATTEMPTS = 3


def lighthouse_with_retries(url, out):
    """Lighthouse, run again when its trace of the load fails (NO_NAVSTART and the like).

    Headless Chromium now and then loses the navigation start in its trace; Lighthouse
    then exits with "Please run Lighthouse again". Returns scores, failing audits and
    the number of attempts it took.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return (*lighthouse(url, out), attempt)
        except subprocess.CalledProcessError:
            if attempt == ATTEMPTS:
                raise
            log(f"           Lighthouse run {attempt} failed; trying again")


def lighthouse(url, out):
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (make lighthouse does).")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--disable-full-page-screenshot",
            "--max-wait-for-load=30000",
        ],
        env=env,
        check=True,
        timeout=180,
    )
    report = json.loads(out.read_text())
    scores = {
        key: round(category["score"] * 100) if category.get("score") is not None else None
        for key, category in report["categories"].items()
    }
    failing = {
        key: [
            audit_ref["id"]
            for audit_ref in category["auditRefs"]
            if audit_ref.get("weight")
            and (report["audits"][audit_ref["id"]].get("score") or 0) < 0.9
            and report["audits"][audit_ref["id"]].get("scoreDisplayMode") == "binary"
        ]
        for key, category in report["categories"].items()
    }
    return scores, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="Keep the database of a last run.")
    args = parser.parse_args()

    prepare_site(DB, reuse=args.reuse)
    pages = discover_pages(DB)
    flush_redis()
    rows = {}
    RESULTS.mkdir(exist_ok=True)
    with Server(DB, PORT, DJANGO_SERVE_MEDIA="1"):
        for kind in KINDS:
            path = pages.get(kind)
            if not path:
                rows[kind] = {"path": None, "note": "no page of this type in the demo content"}
                continue
            url = f"http://127.0.0.1:{PORT}{path}"
            log(f"  {kind:<8} {url}")
            try:
                scores, failing, attempts = lighthouse_with_retries(
                    url, RESULTS / f"lighthouse-{kind}.json"
                )
                rows[kind] = {
                    "path": path,
                    "scores": scores,
                    "failing_audits": failing,
                    "attempts": attempts,
                }
            except (subprocess.SubprocessError, KeyError, ValueError) as error:
                rows[kind] = {"path": path, "note": f"Lighthouse failed: {error}"}

    print()
    print(f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES) + "  path")
    met_all = True
    for kind, row in rows.items():
        if "scores" not in row:
            met_all = False
            print(f"{kind:<10}{row['note']}  {row.get('path') or ''}")
            continue
        values = [row["scores"].get(c) for c in CATEGORIES]
        met_all &= all(v is not None and v >= 95 for v in values)
        print(f"{kind:<10}" + "".join(f"{v!s:>16}" for v in values) + f"  {row['path']}")
    print("\nTarget: 95 or more in every category on every page:", "MET" if met_all else "NOT MET")
    for kind, row in rows.items():
        for category, audits in row.get("failing_audits", {}).items():
            if audits:
                print(f"  {kind} {category}: failing {', '.join(audits)}")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"lighthouse-{stamp}.json"
    out.write_text(json.dumps({"when": stamp, "pages": rows, "target_met": met_all}, indent=2))
    print(f"\nWritten to {out.relative_to(RESULTS.parent)} (full reports: lighthouse-<page>.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
