"""Offer links: what an editor may store, and what the redirect will ever follow.

The same check runs in the admin form (through `Offer.clean`) and again in the
click-tracking redirect before every redirect, so a link that slipped into the
database some other way (a bad import, a retailer whose domains were narrowed
later) is never followed.
"""

import re
import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

MAX_URL_LENGTH = 2000

# Host names after IDNA encoding: ASCII letters, digits, hyphens and dots only.
_HOST_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*$")
# Encoded slashes and backslashes can turn a path into another host in some parsers.
_ENCODED_SLASH_RE = re.compile(r"%(2f|5c)", re.IGNORECASE)


def _has_invisible_characters(value):
    # Whitespace, control characters and format characters (zero-width spaces,
    # bidirectional overrides) never belong in a link and can hide what it says.
    return any(
        ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf", "Zs", "Zl", "Zp"} for ch in value
    )


def _ascii_host(host):
    """The host as browsers send it (punycode for international names), or None."""
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def normalise_domain(domain):
    domain = domain.strip().lower().rstrip(".")
    return _ascii_host(domain) or domain


def validate_offer_url(url, allowed_domains, retailer_name="this retailer"):
    """Raise ValidationError (with a message naming the problem) unless `url` is safe.

    A safe link is an absolute http(s) address, without user name, password or port,
    whose host is exactly one of `allowed_domains`.
    """
    if not url:
        raise ValidationError("Enter the link to the product page.", code="required")
    if len(url) > MAX_URL_LENGTH:
        raise ValidationError(
            f"The link is too long ({len(url)} characters; at most {MAX_URL_LENGTH}). "
            "Use the product page's address without tracking extras.",
            code="too_long",
        )
    if _has_invisible_characters(url):
        raise ValidationError(
            "The link contains spaces, line breaks or invisible control characters. "
            "Paste the address again without them.",
            code="invisible_characters",
        )
    if "\\" in url:
        raise ValidationError(
            "The link contains a backslash (\\), which browsers read in different ways. "
            "Use the address exactly as the retailer's site shows it.",
            code="backslash",
        )
    if url.startswith("//"):
        raise ValidationError(
            "The link has no scheme (it starts with //). Enter the full address, "
            "starting with https://.",
            code="protocol_relative",
        )

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        if scheme:
            raise ValidationError(
                f"Only web links starting with https:// or http:// are allowed, "
                f"not “{scheme}:” links.",
                code="scheme",
            )
        raise ValidationError("Enter the full address, starting with https://.", code="scheme")
    if not url.lower().startswith(f"{scheme}://"):
        raise ValidationError("Enter the full address, starting with https://.", code="scheme")

    netloc = parts.netloc
    if "@" in netloc:
        raise ValidationError(
            "The link contains a user name or password (an @ before the host name), which "
            "can disguise where it really goes. Remove everything between // and @.",
            code="userinfo",
        )
    if "%" in netloc:
        raise ValidationError(
            "The host name contains percent-encoded characters (such as %2F or %2E). "
            "Use the plain host name, e.g. www.waterstones.com.",
            code="encoded_host",
        )
    if _ENCODED_SLASH_RE.search(parts.path):
        raise ValidationError(
            "The link's path contains an encoded slash or backslash (%2F or %5C). "
            "Use the address exactly as the retailer's site shows it.",
            code="encoded_slash",
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None:
        raise ValidationError(
            "The link includes a port number (a colon after the host name). "
            "Remove it: product pages use the standard port.",
            code="port",
        )

    host = (parts.hostname or "").lower()
    if not host:
        raise ValidationError("The link has no host name.", code="no_host")

    listed_raw = {d.strip().lower().rstrip(".") for d in allowed_domains if d.strip()}
    allowed = {normalise_domain(d) for d in listed_raw}
    ascii_host = _ascii_host(host)
    has_punycode = any(label.startswith("xn--") for label in (ascii_host or host).split("."))
    looks_international = not host.isascii() or has_punycode
    # A non-ASCII host only matches when it encodes to a listed punycode name; IDNA
    # folding (full-width letters becoming ASCII ones) never makes a look-alike match.
    matches = host in listed_raw or (ascii_host in allowed and (host.isascii() or has_punycode))
    if ascii_host is None or not matches:
        listed = ", ".join(sorted(allowed)) or "none yet"
        if looks_international:
            raise ValidationError(
                f"The host name “{host}” uses international characters or punycode (xn--) "
                f"and is not one of {retailer_name}'s allowed domains ({listed}). Such "
                "names can imitate a retailer's address letter for letter.",
                code="idn_host",
            )
        raise ValidationError(
            f"The host name “{host}” is not one of {retailer_name}'s allowed domains "
            f"({listed}). Subdomains must be listed on the retailer separately.",
            code="host_not_allowed",
        )
    if not _HOST_RE.match(ascii_host):
        raise ValidationError(
            f"The host name “{host}” contains characters that are not allowed in an address.",
            code="bad_host",
        )


def validate_domain_entry(domain):
    """A retailer's allowed domain: a bare host name such as www.waterstones.com."""
    value = domain.strip().lower().rstrip(".")
    ascii_value = _ascii_host(value)
    if (
        not value
        or "/" in value
        or ":" in value
        or "@" in value
        or "*" in value
        or ascii_value is None
        or not _HOST_RE.match(ascii_value)
        or "." not in ascii_value
    ):
        raise ValidationError(
            f"“{domain.strip()}” is not a bare host name. Enter one host per line, such as "
            "www.waterstones.com, without https:// or a path.",
            code="bad_domain",
        )
