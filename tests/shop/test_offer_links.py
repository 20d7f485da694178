"""Offer links: only exact retailer hosts over http(s), and every refusal says why."""

import pytest
from django.core.exceptions import ValidationError

from shop.links import validate_offer_url
from shop.models import Offer, Retailer

DOMAINS = ["retailer.com", "shop.retailer.com"]


@pytest.mark.parametrize(
    "url",
    [
        "https://retailer.com/book/9781444951387",
        "http://retailer.com/",
        "HTTPS://Retailer.COM/book?id=1&tag=reeledit-21#reviews",
        "https://shop.retailer.com/p/1",
        "https://retailer.com/search?q=heartstopper%20volume%201",
    ],
)
def test_links_on_allowed_hosts_are_accepted(url):
    validate_offer_url(url, DOMAINS, "Retailer")


@pytest.mark.parametrize(
    ("url", "code", "words"),
    [
        ("https://retailer.com.evil.test/book", "host_not_allowed", "retailer.com.evil.test"),
        ("https://evilretailer.com/", "host_not_allowed", "not one of Retailer's"),
        ("https://www.retailer.com/", "host_not_allowed", "Subdomains must be listed"),
        ("https://retailer.com@evil.test/", "userinfo", "user name or password"),
        ("https://user:pass@retailer.com/", "userinfo", "user name or password"),
        ("javascript:alert(1)", "scheme", "not “javascript:” links"),
        ("JavaScript://retailer.com/%0aalert(1)", "scheme", "javascript"),
        ("data:text/html,hi", "scheme", "data:"),
        ("ftp://retailer.com/book", "scheme", "ftp:"),
        ("//evil.test/", "protocol_relative", "starts with //"),
        ("//retailer.com/book", "protocol_relative", "starts with //"),
        ("retailer.com/book", "scheme", "starting with https://"),
        ("https:retailer.com/book", "scheme", "starting with https://"),
        ("https:/\\evil.test", "backslash", "backslash"),
        ("https://retailer.com\\@evil.test/", "backslash", "backslash"),
        ("https://evil.test%2f.retailer.com/", "encoded_host", "percent-encoded"),
        ("https://retailer.com%2F@evil.test/", "userinfo", "user name"),
        ("https://retailer%2ecom/", "encoded_host", "percent-encoded"),
        ("https://retailer.com/%2f%2fevil.test", "encoded_slash", "encoded slash"),
        ("https://retailer.com/%5Cevil.test", "encoded_slash", "encoded slash"),
        ("https://retailer.com/book one", "invisible_characters", "spaces"),
        (" https://retailer.com/", "invisible_characters", "spaces"),
        ("https://retailer.com/\nLocation: https://evil.test", "invisible_characters", "line"),
        ("https://retailer.com/\tbook", "invisible_characters", "control"),
        ("https://retailer.com/\x00", "invisible_characters", "control"),
        ("https://retailer.com\u200b/", "invisible_characters", "invisible"),
        ("https://retailer.com/\u202egnp.exe", "invisible_characters", "invisible"),
        ("https://r\u0435tailer.com/", "idn_host", "international characters"),  # Cyrillic ie
        ("https://xn--rtailer-4fg.com/", "idn_host", "punycode"),
        ("https://\uff52\uff45tailer.com/", "idn_host", "international characters"),  # full-width
        ("https://retailer.com:8080/", "port", "port number"),
        ("https://retailer.com:443/", "port", "port number"),
        ("https://retailer.com./", "host_not_allowed", "not one of"),
        ("https:///book", "no_host", "no host"),
        ("https://retailer.com/" + "a" * 2000, "too_long", "too long"),
        ("", "required", "Enter the link"),
    ],
)
def test_unsafe_links_are_refused_with_a_reason(url, code, words):
    with pytest.raises(ValidationError) as refusal:
        validate_offer_url(url, DOMAINS, "Retailer")
    assert refusal.value.code == code
    assert words.lower() in refusal.value.messages[0].lower()


def test_listed_international_domain_is_accepted_in_either_spelling():
    domains = ["bücher.example"]
    validate_offer_url("https://bücher.example/1", domains)
    validate_offer_url("https://xn--bcher-kva.example/1", domains)


@pytest.mark.django_db
def test_offer_clean_puts_the_error_on_the_link_field():
    retailer = Retailer.objects.create(name="Waterstones", allowed_domains="www.waterstones.com")
    offer = Offer(retailer=retailer, url="https://www.waterstones.com.evil.test/book")
    with pytest.raises(ValidationError) as refusal:
        offer.clean()
    assert "url" in refusal.value.message_dict
    assert "www.waterstones.com.evil.test" in refusal.value.message_dict["url"][0]
    assert "Waterstones's allowed domains" in refusal.value.message_dict["url"][0]


@pytest.mark.django_db
def test_retailer_domains_must_be_bare_host_names():
    retailer = Retailer(name="Shop", allowed_domains="https://shop.example/path\n*.example.com")
    with pytest.raises(ValidationError) as refusal:
        retailer.full_clean()
    messages = refusal.value.message_dict["allowed_domains"]
    assert len(messages) == 2
    assert all("not a bare host name" in m for m in messages)

    Retailer(name="Good", allowed_domains="www.waterstones.com\nuk.bookshop.org\n").full_clean()
