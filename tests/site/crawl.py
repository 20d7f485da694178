"""Crawl the site as a reader would, from the home page, through the Django test client."""

from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

# Not pages: the admin, the affiliate redirect (tested on its own), media files.
SKIP_PREFIXES = ("/admin/", "/shop/go/", "/media/", "/static/", "/documents/")


def internal_path(base, href):
    """The site path an href points at, or None for other sites and non-page links."""
    if not href or href.startswith(("mailto:", "tel:", "javascript:", "#")):
        return None
    url, _ = urldefrag(urljoin(base, href))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc not in ("testserver", "localhost"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if path.startswith(SKIP_PREFIXES):
        return None
    return path


def crawl(client, start="/", limit=2000):
    """Return {path: (status, content_type, body, referrers)} for every reachable page."""
    seen = {start: set()}
    queue = deque([start])
    results = {}
    while queue and len(results) < limit:
        path = queue.popleft()
        response = client.get(path)
        content_type = response.get("Content-Type", "")
        body = response.content.decode("utf-8", "replace")
        results[path] = (response.status_code, content_type, body, seen[path])
        if response.status_code in (301, 302):
            target = internal_path("http://testserver" + path, response["Location"])
            if target and target not in seen:
                seen[target] = {path}
                queue.append(target)
            continue
        if "html" not in content_type:
            continue
        soup = BeautifulSoup(body, "html.parser")
        for link in soup.find_all(["a", "link"], href=True):
            if link.name == "link" and "alternate" not in (link.get("rel") or []):
                continue
            target = internal_path("http://testserver" + path, link["href"])
            if target is None:
                continue
            if target not in seen:
                seen[target] = set()
                queue.append(target)
            seen[target].add(path)
    return results
