"""The book shop: retailers, books, their offers, and recorded clicks."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page
from wagtail.search import index

from magazine.models import BasePage
from magazine.pagination import paginate
from magazine.renditions import TEASER_IMAGE_SPEC, renditions_prefetch
from magazine.site_data import SharedSiteSetting
from shop.links import MAX_URL_LENGTH, validate_domain_entry, validate_offer_url

# Renditions, as templates/shop/book_page.html and shop/includes/book_card.html write
# them (checked by tests/perf/test_rendition_specs.py); made when a book is published.
BOOK_COVER_SPEC = "format-{webp,jpeg} fill-400x600"
BOOK_CARD_COVER_SPEC = "format-{webp,jpeg} fill-240x360"
BOOK_JSON_LD_IMAGE_SPEC = "width-800"

CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€"}


def price_max_age():
    """How long a checked price may be shown: a day unless SHOP_PRICE_MAX_AGE says otherwise."""
    return getattr(settings, "SHOP_PRICE_MAX_AGE", timedelta(hours=24))


def validate_isbn13(value):
    """ISBN-13: thirteen digits (hyphens and spaces allowed) with a valid check digit."""
    digits = value.replace("-", "").replace(" ", "")
    if len(digits) != 13 or not digits.isdigit():
        raise ValidationError("An ISBN-13 has exactly 13 digits.")
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits[:12]))
    if (10 - total % 10) % 10 != int(digits[12]):
        raise ValidationError("This ISBN-13's check digit is wrong: please check for a typo.")


class Retailer(models.Model):
    """A shop we link to. Offer links must stay on its allowed domains."""

    name = models.CharField("name", max_length=80, unique=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="logo",
    )
    allowed_domains = models.TextField(
        "allowed link domains",
        help_text="One domain per line, e.g. www.waterstones.com. Offer links must use one "
        "of these hosts exactly; list subdomains separately.",
    )
    affiliate_tag = models.CharField(
        "affiliate tag",
        max_length=80,
        blank=True,
        help_text="Our affiliate ID with this retailer, if any, for reference.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Lower numbers come first on product cards."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("allowed_domains"),
        FieldPanel("affiliate_tag"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "retailer"

    def __str__(self):
        return self.name

    @property
    def domain_list(self):
        return [d.strip().lower().rstrip(".") for d in self.allowed_domains.split() if d.strip()]

    def clean(self):
        errors = []
        for domain in self.allowed_domains.split():
            try:
                validate_domain_entry(domain)
            except ValidationError as error:
                errors.extend(error.messages)
        if not self.domain_list and not errors:
            errors.append("List at least one domain that offer links may use.")
        if errors:
            raise ValidationError({"allowed_domains": errors})


class ShopIndexPage(BasePage):
    """/shop/: every book, filterable by author and series."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["shop.BookPage"]
    max_count = 1

    per_page = 12

    class Meta:
        verbose_name = "shop index"

    def books(self):
        """Live, public books in this shop, A to Z, with what a product card needs."""
        return BookPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        from shop.forms import BookFilterForm  # the form lists the books' authors (BookAuthor)

        context = super().get_context(request, *args, **kwargs)
        books = self.books()
        filter_form = BookFilterForm(books, request.GET)
        filtered = filter_form.filter(books)
        items = paginate(request, with_card_data(filtered), self.per_page)
        context["filter_form"] = filter_form
        context["items"] = items
        context["has_affiliate_links"] = any(book.offer_list for book in items)
        return context


class BookPage(BasePage):
    class Format(models.TextChoices):
        PAPERBACK = "paperback", "Paperback"
        HARDBACK = "hardback", "Hardback"
        GRAPHIC_NOVEL = "graphic-novel", "Graphic novel (paperback)"
        EBOOK = "ebook", "Ebook"
        AUDIOBOOK = "audiobook", "Audiobook"

    class Badge(models.TextChoices):
        NONE = "", "No badge"
        BEST_SELLER = "best-seller", "Best-seller"
        STAFF_PICK = "staff-pick", "Staff pick"
        NEW = "new", "New"

    series = models.CharField("series", max_length=120, blank=True)
    volume = models.PositiveSmallIntegerField("volume", null=True, blank=True)
    cover = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="cover",
    )
    isbn13 = models.CharField(
        "ISBN-13",
        max_length=17,
        unique=True,
        validators=[validate_isbn13],
        help_text="13 digits, from the back cover or the publisher's site.",
    )
    publisher = models.CharField("publisher", max_length=120, blank=True)
    publication_date = models.DateField("publication date", null=True, blank=True)
    book_format = models.CharField(
        "format", max_length=20, choices=Format.choices, default=Format.PAPERBACK
    )
    blurb = models.TextField("blurb", blank=True, help_text="What the book is about, briefly.")
    badge = models.CharField(
        "editorial badge",
        max_length=20,
        choices=Badge.choices,
        blank=True,
        default=Badge.NONE,
    )

    content_panels = [
        *Page.content_panels,
        InlinePanel("book_authors", heading="Authors", label="Author", min_num=1),
        MultiFieldPanel([FieldPanel("series"), FieldPanel("volume")], heading="Series"),
        FieldPanel("cover"),
        MultiFieldPanel(
            [
                FieldPanel("isbn13"),
                FieldPanel("publisher"),
                FieldPanel("publication_date"),
                FieldPanel("book_format"),
            ],
            heading="Edition",
        ),
        FieldPanel("blurb"),
        FieldPanel("badge"),
        InlinePanel("offers", heading="Where to buy", label="Offer"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("blurb"),
        index.SearchField("series"),
        index.FilterField("isbn13"),
        index.AutocompleteField("title"),
    ]

    parent_page_types = ["shop.ShopIndexPage"]
    subpage_types = []

    og_type = "book"

    class Meta:
        verbose_name = "book"

    @property
    def summary(self):
        return self.blurb

    @property
    def meta_image(self):
        return self.cover

    @cached_property
    def offer_list(self):
        """Offers readers can follow, in retailer order.

        Uses the prefetched list when `with_card_data` ran. Offers whose stored link no
        longer passes validation (say, the retailer's domains changed) are left out, as
        the redirect would refuse them.
        """
        if "offers" in getattr(self, "_prefetched_objects_cache", {}):
            offers = list(self.offers.all())
        else:
            # Also works on previews, where the offers are unsaved and only in memory.
            offers = sorted(
                self.offers.select_related("retailer"),
                key=lambda o: (o.retailer.sort_order, o.retailer.name, o.sort_order or 0),
            )
        return [offer for offer in offers if offer.link_is_valid]

    @cached_property
    def author_list(self):
        if "book_authors" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.book_authors.all())
        return list(self.book_authors.select_related("person"))

    @property
    def authors_display(self):
        names = [author.display_name for author in self.author_list]
        if len(names) > 1:
            return ", ".join(names[:-1]) + " and " + names[-1]
        return "".join(names)

    def featured_in(self):
        """Live, public articles that feature this book, newest first, teaser images fetched.

        `articles` is the reverse side of the article's `books` field: articles point
        at books, so this app never needs to import them.
        """
        return (
            self.articles.live()
            .public()
            .select_related("hero_image")
            .prefetch_related(renditions_prefetch("hero_image", TEASER_IMAGE_SPEC))
            .order_by("-first_published_at")
        )

    def rendition_specs(self, include_listed=True):
        """The cover here, on product cards, in structured data; the teasers listed here."""
        yield from super().rendition_specs()
        yield self.cover, BOOK_COVER_SPEC
        yield self.cover, BOOK_CARD_COVER_SPEC
        yield self.cover, BOOK_JSON_LD_IMAGE_SPEC
        if include_listed:
            for article in self.featured_in():
                yield article.hero_image, TEASER_IMAGE_SPEC

    def structured_data(self, request=None):
        """JSON-LD for the book as a Book and a Product; only current, real prices."""
        data = {
            "@context": "https://schema.org",
            "@type": ["Book", "Product"],
            "name": self.title,
            "url": self.get_full_url(request),
            "isbn": self.isbn13,
            "gtin13": self.isbn13,
        }
        authors = []
        for author in self.author_list:
            person = {"@type": "Person", "name": author.display_name}
            if author.person_id and author.person.live:
                person["url"] = author.person.get_full_url(request)
            authors.append(person)
        if authors:
            data["author"] = authors
        if self.blurb:
            data["description"] = self.blurb
        if self.publisher:
            data["publisher"] = {"@type": "Organization", "name": self.publisher}
        if self.publication_date:
            data["datePublished"] = self.publication_date.isoformat()
        if self.series:
            data["isPartOf"] = {"@type": "BookSeries", "name": self.series}
        schema_format = SCHEMA_BOOK_FORMATS.get(self.book_format)
        if schema_format:
            data["bookFormat"] = schema_format
        if self.cover_id:
            data["image"] = self.cover.get_rendition(BOOK_JSON_LD_IMAGE_SPEC).full_url
        offers = [
            {
                "@type": "Offer",
                "url": offer.url,
                "price": str(offer.price),
                "priceCurrency": offer.currency,
                "availability": "https://schema.org/InStock"
                if offer.in_stock
                else "https://schema.org/OutOfStock",
                "seller": {"@type": "Organization", "name": offer.retailer.name},
            }
            for offer in self.offer_list
            # Example prices are illustrations and stale ones may be wrong: search
            # engines get neither.
            if offer.price_is_current and not offer.price_is_example
        ]
        if offers:
            data["offers"] = offers
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_in"] = list(self.featured_in())
        context["structured_data"] = self.structured_data(request)
        context["has_affiliate_links"] = bool(self.offer_list)
        return context

    def clean(self):
        super().clean()
        if self.isbn13:
            self.isbn13 = self.isbn13.replace("-", "").replace(" ", "")


SCHEMA_BOOK_FORMATS = {
    BookPage.Format.PAPERBACK: "https://schema.org/Paperback",
    BookPage.Format.HARDBACK: "https://schema.org/Hardcover",
    BookPage.Format.GRAPHIC_NOVEL: "https://schema.org/GraphicNovel",
    BookPage.Format.EBOOK: "https://schema.org/EBook",
    BookPage.Format.AUDIOBOOK: "https://schema.org/AudiobookFormat",
}


def has_live_offers(book_ids):
    """Can readers buy any of these books: is one of them live, public and on offer?"""
    if not book_ids:
        return False
    return BookPage.objects.live().public().filter(pk__in=book_ids, offers__isnull=False).exists()


def offer_queryset():
    """Offers as readers see them: in the retailers' order, retailer loaded."""
    return Offer.objects.select_related("retailer").order_by(
        "retailer__sort_order", "retailer__name", "sort_order", "pk"
    )


def with_card_data(books):
    """Prefetch what a product card shows, so a list of books costs a fixed number of queries."""
    return books.select_related("cover").prefetch_related(
        renditions_prefetch("cover", BOOK_CARD_COVER_SPEC),
        Prefetch("offers", queryset=offer_queryset()),
        Prefetch("book_authors", queryset=BookAuthor.objects.select_related("person")),
    )


class BookAuthor(Orderable):
    """A book's author: linked to their profile where one exists, else just a name."""

    book = ParentalKey(BookPage, on_delete=models.CASCADE, related_name="book_authors")
    person = models.ForeignKey(
        "cast.PersonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="books",
        verbose_name="profile",
    )
    name = models.CharField(
        "name", max_length=120, blank=True, help_text="Only needed when there is no profile."
    )

    panels = [FieldPanel("person"), FieldPanel("name")]

    def clean(self):
        if not self.person_id and not self.name:
            raise ValidationError("Choose the author's profile or type their name.")

    @property
    def display_name(self):
        return self.person.title if self.person_id else self.name


class Offer(Orderable):
    """Where to buy a book: a retailer's link, with its price when last checked."""

    book = ParentalKey(BookPage, on_delete=models.CASCADE, related_name="offers")
    retailer = models.ForeignKey(
        Retailer, on_delete=models.PROTECT, related_name="offers", verbose_name="retailer"
    )
    url = models.CharField(
        "link",
        max_length=MAX_URL_LENGTH,
        help_text="The product page at the retailer. It must be on one of the retailer's "
        "allowed domains.",
    )
    price = models.DecimalField("price", max_digits=8, decimal_places=2, null=True, blank=True)
    currency = models.CharField("currency", max_length=3, default="GBP")
    price_checked_at = models.DateTimeField(
        "price last checked",
        null=True,
        blank=True,
        help_text="Prices older than a day are hidden from readers.",
    )
    price_is_example = models.BooleanField(
        "example price", default=False, help_text="Marks illustrative prices (demo content)."
    )
    in_stock = models.BooleanField("in stock", default=True)

    panels = [
        FieldPanel("retailer"),
        FieldPanel("url"),
        FieldPanel("price"),
        FieldPanel("currency"),
        FieldPanel("price_checked_at"),
        FieldPanel("price_is_example"),
        FieldPanel("in_stock"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "offer"

    def __str__(self):
        return f"{self.book} at {self.retailer}"

    def clean(self):
        super().clean()
        if self.currency:
            self.currency = self.currency.strip().upper()
        # Missing or over-long links already have their own field error.
        if not self.retailer_id or not self.url or len(self.url) > MAX_URL_LENGTH:
            return
        try:
            validate_offer_url(self.url, self.retailer.domain_list, self.retailer.name)
        except ValidationError as error:
            raise ValidationError({"url": error.messages}) from None
        if self.price is not None and not self.price_checked_at:
            raise ValidationError(
                {"price_checked_at": "Say when you checked the price, or leave the price empty."}
            )

    @property
    def link_is_valid(self):
        try:
            validate_offer_url(self.url, self.retailer.domain_list, self.retailer.name)
        except ValidationError:
            return False
        return True

    def get_absolute_url(self):
        """The site's own tracking address; readers never get the stored link directly."""
        if self.pk is None:
            # An offer only in a preview has no tracking address yet.
            return "#"
        return reverse("shop:go", kwargs={"offer_id": self.pk})

    @property
    def price_is_current(self):
        """A price is shown only when it was checked within SHOP_PRICE_MAX_AGE."""
        if self.price is None or self.price_checked_at is None:
            return False
        return timezone.now() - self.price_checked_at <= price_max_age()

    @property
    def price_display(self):
        if self.price is None:
            return ""
        amount = self.price.quantize(Decimal("0.01"))
        symbol = CURRENCY_SYMBOLS.get(self.currency)
        return f"{symbol}{amount}" if symbol else f"{amount} {self.currency}"


class Click(models.Model):
    """One click on an affiliate link. No IP address or other personal data."""

    offer = models.ForeignKey(Offer, null=True, on_delete=models.SET_NULL, related_name="clicks")
    book = models.ForeignKey(BookPage, null=True, on_delete=models.SET_NULL, related_name="+")
    retailer = models.ForeignKey(Retailer, null=True, on_delete=models.SET_NULL, related_name="+")
    page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page of ours the reader clicked on, when known.",
    )
    referrer_path = models.CharField(max_length=500, blank=True)
    clicked_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-clicked_at"]
        verbose_name = "affiliate click"

    def __str__(self):
        return f"Click on {self.offer or 'a removed offer'} at {self.clicked_at:%Y-%m-%d %H:%M}"


DEFAULT_DISCLOSURE = (
    "We may earn a commission when you buy through links on this page. "
    "This never influences which products we choose."
)


@register_setting(icon="tag")
class AffiliateSettings(SharedSiteSetting, BaseSiteSetting):
    """The affiliate disclosure shown before the first shop link on every page that has one."""

    disclosure_text = models.TextField(
        "disclosure text",
        max_length=500,
        default=DEFAULT_DISCLOSURE,
        help_text="Shown automatically before the first affiliate link on a page. Say that we "
        "may earn a commission and that it does not influence what we choose.",
    )
    trust_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="trust page",
        help_text="The page explaining how we make money and choose products, "
        "e.g. 'Why you can trust us'.",
    )
    trust_link_text = models.CharField(
        "trust page link text",
        max_length=80,
        default="How we choose what we recommend",
        help_text="The words of the link to the trust page.",
    )

    select_related = ["trust_page"]

    panels = [
        FieldPanel("disclosure_text"),
        FieldPanel("trust_page", widget=AdminPageChooser()),
        FieldPanel("trust_link_text"),
    ]

    class Meta:
        verbose_name = "affiliate disclosure"
