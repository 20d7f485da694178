"""The book shop: retailers, books, their offers, and recorded clicks."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from magazine.models.metadata import MetadataMixin


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


class ShopIndexPage(MetadataMixin, Page):
    """/shop/: every book, filterable by author and series."""

    intro = models.TextField("introduction", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["magazine.HomePage"]
    subpage_types = ["shop.BookPage"]
    max_count = 1

    class Meta:
        verbose_name = "shop index"


class BookPage(MetadataMixin, Page):
    FORMAT_CHOICES = [
        ("paperback", "Paperback"),
        ("hardback", "Hardback"),
        ("graphic-novel", "Graphic novel (paperback)"),
        ("ebook", "Ebook"),
        ("audiobook", "Audiobook"),
    ]
    BADGE_CHOICES = [
        ("", "No badge"),
        ("best-seller", "Best-seller"),
        ("staff-pick", "Staff pick"),
        ("new", "New"),
    ]

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
        "format", max_length=20, choices=FORMAT_CHOICES, default="paperback"
    )
    blurb = models.TextField("blurb", blank=True, help_text="What the book is about, briefly.")
    badge = models.CharField(
        "editorial badge", max_length=20, choices=BADGE_CHOICES, blank=True, default=""
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

    class Meta:
        verbose_name = "book"

    @property
    def summary(self):
        return self.blurb

    def clean(self):
        super().clean()
        if self.isbn13:
            self.isbn13 = self.isbn13.replace("-", "").replace(" ", "")


class BookAuthor(Orderable):
    """A book's author: linked to their profile where one exists, else just a name."""

    book = ParentalKey(BookPage, on_delete=models.CASCADE, related_name="book_authors")
    person = models.ForeignKey(
        "articles.PersonPage",
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
        max_length=2000,
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
        FieldPanel("in_stock"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "offer"

    def __str__(self):
        return f"{self.book} at {self.retailer}"


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
