"""Read sitemaps as the XML they are (crawlers do not parse them as HTML)."""

from xml.etree import ElementTree

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(content):
    """Every <loc> in a sitemap or sitemap index, in order."""
    return [loc.text for loc in ElementTree.fromstring(content).iterfind(".//sm:loc", NS)]


def entries(content):
    """{address: lastmod} for each <url> of a sitemap page."""
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in ElementTree.fromstring(content).iterfind("sm:url", NS)
    }
