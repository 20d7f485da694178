"""`make screenshots`: PNGs of the main page types on a fresh demo site.

Builds a throwaway SQLite database with `load_demo`, serves it on its own port
(SCREENSHOT_PORT, default 8309, loopback only) and photographs each page at 390 and
1280 px wide in headless Chromium, into docs/screenshots/. Long pages are cut at a
fixed height and every PNG is quantised, so the files stay small enough to commit.

    python scripts/screenshots.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8309"))
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
WIDTHS = (390, 1280)
MAX_HEIGHT = {390: 2600, 1280: 1800}

# name, path, and the element to start from (None: the top of the page).
SHOTS = [
    ("home", "/", None),
    ("section", "/entertainment/tv/", None),
    ("article", "/entertainment/tv/heartstopper-season-two/", None),
    ("article-shop", "/entertainment/tv/heartstopper-season-two/", ".shop-block"),
    ("person", "/people/kit-connor/", None),
    ("show", "/shows/heartstopper/", None),
    ("shop", "/shop/", None),
    ("book", "/shop/heartstopper-volume-1/", None),
]


def run(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The site did not answer at {url}")


def save_small(png, path):
    """Quantise to 256 colours: a fraction of the size, hardly visible on flat design."""
    image = Image.open(png).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, optimize=True
    )


def photograph(base_url):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path, selector in SHOTS:
                page.goto(base_url + path, wait_until="networkidle")
                # Load lazy images now, so the whole picture is there.
                page.evaluate(
                    "document.querySelectorAll('img[loading=lazy]')"
                    ".forEach(img => img.loading = 'eager')"
                )
                page.wait_for_load_state("networkidle")
                page.evaluate("document.fonts.ready")
                top = 0
                if selector:
                    top = page.evaluate(
                        "s => Math.round(document.querySelector(s).getBoundingClientRect().top"
                        " + window.scrollY) - 16",
                        selector,
                    )
                full_height = page.evaluate("document.scrollingElement.scrollHeight")
                height = min(MAX_HEIGHT[width], full_height - top)
                raw = Path(scratch) / f"{name}.png"
                page.screenshot(
                    path=str(raw),
                    full_page=True,
                    clip={"x": 0, "y": top, "width": width, "height": height},
                )
                target = OUT / f"{name}-{width}.png"
                save_small(raw, target)
                print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB", flush=True)
            page.close()
        browser.close()


def main():
    with tempfile.TemporaryDirectory(prefix="reel-screenshots-") as work:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PAGE_CACHE"))
        }
        env.update(
            DJANGO_DEBUG="1",
            DATABASE_URL=f"sqlite:///{work}/screenshots.sqlite3",
            MEDIA_ROOT=f"{work}/media",
            PAGE_CACHE_ENABLED="0",
            PYTHONUNBUFFERED="1",
        )
        print("Building a fresh demo site…", flush=True)
        run(env, "migrate", "--noinput", "-v0")
        run(env, "load_demo")
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://127.0.0.1:{PORT}"
            wait_for(base_url + "/")
            photograph(base_url)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
