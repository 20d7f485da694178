"""Demo shop: three retailers, the Shop index and Alice Oseman's eight books with offers.

Idempotent: retailers, pages and settings are looked up before anything is created,
and existing content is left as editors may have changed it.

Example prices and time: demo prices are illustrations (marked `price_is_example`)
checked "now" when first built. A second run right after the first changes nothing,
but a run more than SHOP_PRICE_MAX_AGE later (each `make run` loads the demo) moves
the checked time of *example* prices that have gone stale to now, so the demo shop
keeps showing prices. Real prices are never touched: a stale real price stays hidden
until an editor checks it again.
"""

from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from magazine.demo.images import demo_image
from magazine.demo.site import _child
from shop.models import (
    AffiliateSettings,
    BookAuthor,
    BookPage,
    Offer,
    Retailer,
    ShopIndexPage,
    price_max_age,
)

RETAILERS = [
    # (name, allowed domain, order)
    ("Amazon UK", "www.amazon.co.uk", 10),
    ("Waterstones", "www.waterstones.com", 20),
    ("Bookshop.org", "uk.bookshop.org", 30),
]

HODDER = "Hodder Children's Books"
HARPERCOLLINS = "HarperCollins Children's Books"

BOOKS = [
    # (title, ISBN-13, series, volume, format, publisher, palette, badge, example prices, blurb)
    (
        "Heartstopper Volume 1",
        "9781444951387",
        "Heartstopper",
        1,
        "graphic-novel",
        HODDER,
        "rose",
        "best-seller",
        ("7.49", "9.99", "9.29"),
        "Charlie Spring, an openly gay overthinker, ends up sitting next to Nick Nelson, a "
        "good-natured rugby player from the year above. A friendship starts in form room "
        "and quickly turns into something neither of them expected.",
    ),
    (
        "Heartstopper Volume 2",
        "9781444951400",
        "Heartstopper",
        2,
        "graphic-novel",
        HODDER,
        "rose",
        "best-seller",
        ("7.49", "9.99", "9.29"),
        "Nick is working out what his feelings for Charlie mean, and the two of them have "
        "to decide who at school, and at home, they are ready to tell.",
    ),
    (
        "Heartstopper Volume 3",
        "9781444952773",
        "Heartstopper",
        3,
        "graphic-novel",
        HODDER,
        "rose",
        "",
        ("7.49", "9.99", "9.29"),
        "A school trip to Paris puts Nick, Charlie and their friends in close quarters, "
        "with new couples forming and old worries coming to the surface.",
    ),
    (
        "Heartstopper Volume 4",
        "9781444957648",
        "Heartstopper",
        4,
        "graphic-novel",
        HODDER,
        "rose",
        "",
        ("7.49", "9.99", "9.29"),
        "Charlie and Nick are serious about each other now, which makes the harder "
        "conversations, about mental health and about the future, impossible to avoid.",
    ),
    (
        "Loveless",
        "9780008244125",
        "",
        None,
        "paperback",
        HARPERCOLLINS,
        "navy",
        "staff-pick",
        ("6.99", "8.99", "8.49"),
        "Georgia arrives at university expecting her first romance at last, and instead "
        "starts to understand that she is asexual and aromantic, and that this is fine.",
    ),
    (
        "Solitaire",
        "9780007559220",
        "",
        None,
        "paperback",
        HARPERCOLLINS,
        "ink",
        "",
        ("6.99", "8.99", "8.49"),
        "Tori Spring, Charlie's older sister, would rather be left alone, until a run of "
        "anonymous pranks at school and a boy called Michael Holden make that impossible.",
    ),
    (
        "Radio Silence",
        "9780007559244",
        "",
        None,
        "paperback",
        HARPERCOLLINS,
        "teal",
        "",
        ("6.99", "8.99", "8.49"),
        "Frances has spent school chasing top grades; a friendship with the quiet creator "
        "of her favourite podcast shows her there might be more to want.",
    ),
    (
        "I Was Born for This",
        "9780008244101",
        "",
        None,
        "paperback",
        HARPERCOLLINS,
        "claret",
        "",
        ("6.99", "8.99", "8.49"),
        "A devoted fan of a boy band and the band's frontman are thrown together for one "
        "week in London, and find that neither of them is who the other imagined.",
    ),
]

DISCLOSURE = (
    "The Reel Edit may earn a commission from links on this page. This never influences "
    "which products we choose: our writers pick every book on its merits."
)


def isbn10(isbn13):
    """The ISBN-10 of a 978 ISBN-13: what Amazon uses in its product addresses."""
    core = isbn13[3:12]
    check = (11 - sum((10 - i) * int(d) for i, d in enumerate(core)) % 11) % 11
    return core + ("X" if check == 10 else str(check))


def offer_links(isbn13):
    """Search-by-ISBN addresses at each retailer, in RETAILERS order."""
    return [
        f"https://www.amazon.co.uk/dp/{isbn10(isbn13)}",
        f"https://www.waterstones.com/books/search/term/{isbn13}",
        f"https://uk.bookshop.org/search?keywords={isbn13}",
    ]


def _retailers():
    retailers = []
    for name, domain, order in RETAILERS:
        retailer, _ = Retailer.objects.get_or_create(
            name=name, defaults={"allowed_domains": domain, "sort_order": order}
        )
        retailers.append(retailer)
    return retailers


def _cover(title, palette):
    return demo_image(
        f"Book cover: {title}",
        alt=f"The cover of {title} by Alice Oseman",
        caption=f"{title} by Alice Oseman",
        credit="Illustration: The Reel Edit",
        label=title,
        kicker="Alice Oseman",
        palette=palette,
        size=(600, 900),
        shape="book",
    )


def _book(shop_index, retailers, person, now, spec):
    title, isbn, series, volume, book_format, publisher, palette, badge, prices, blurb = spec
    existing = BookPage.objects.filter(isbn13=isbn).first()
    if existing:
        return existing
    author = BookAuthor(person=person) if person else BookAuthor(name="Alice Oseman")
    offers = [
        Offer(
            retailer=retailer,
            url=url,
            price=Decimal(price),
            currency="GBP",
            price_checked_at=now,
            price_is_example=True,
            in_stock=True,
        )
        for retailer, url, price in zip(retailers, offer_links(isbn), prices, strict=True)
    ]
    book = BookPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        series=series,
        volume=volume,
        isbn13=isbn,
        publisher=publisher,
        book_format=book_format,
        blurb=blurb,
        badge=badge,
        cover=_cover(title, palette),
        book_authors=[author],
        offers=offers,
    )
    shop_index.add_child(instance=book)
    book.save_revision().publish()
    return book


def build(**context):
    home = context["home"]
    now = timezone.now()
    retailers = _retailers()
    shop_index = _child(
        home,
        ShopIndexPage,
        "shop",
        title="Shop",
        intro="Books we have written about and recommend, with links to buy them.",
        show_in_menus=False,
    )
    person = context.get("people", {}).get("alice-oseman")
    books = [_book(shop_index, retailers, person, now, spec) for spec in BOOKS]

    # Keep example prices showing on a demo that is reloaded now and then; see above.
    Offer.objects.filter(price_is_example=True, price_checked_at__lt=now - price_max_age()).update(
        price_checked_at=now
    )

    site = context.get("site") or Site.objects.get(is_default_site=True)
    affiliate = AffiliateSettings.for_site(site)
    if affiliate.trust_page_id is None and context.get("trust"):
        affiliate.trust_page = context["trust"]
        affiliate.disclosure_text = DISCLOSURE
        affiliate.trust_link_text = "Why you can trust us"
        affiliate.save()

    return {"books": books, "retailers": retailers, "shop_index": shop_index}
