"""The site skeleton: home, sections, the trust and about pages, site settings."""

from wagtail.models import Page, Site

from magazine.demo.images import demo_image
from magazine.demo.radio import write_demo_loop
from magazine.models import HomePage, RadioStation, SectionPage, SiteSettings, StandardPage

SECTIONS = [
    # (title, slug, parent slug or None, show in menus, intro)
    (
        "Entertainment",
        "entertainment",
        None,
        False,
        "Everything on screen and on stage: the shows, the films and the people in them.",
    ),
    ("TV", "tv", "entertainment", True, "What to watch next, what's coming back, and who's in it."),
    (
        "Film",
        "film",
        "entertainment",
        True,
        "New releases, first looks and the films worth leaving the house for.",
    ),
    (
        "Celebrity",
        "celebrity",
        "entertainment",
        True,
        "Interviews, profiles and the stories behind the headlines.",
    ),
    (
        "Books",
        "books",
        None,
        True,
        "The books everyone is talking about, from graphic novels to the next big adaptation.",
    ),
]

TRUST_BODY = [
    ("heading", {"text": "How we make money"}),
    (
        "paragraph",
        "<p>Some of our articles link to shops. When you buy something through one of those "
        "links, the shop may pay us a small commission. It never costs you more.</p>",
    ),
    ("heading", {"text": "How we choose what to recommend"}),
    (
        "paragraph",
        "<p>Our writers and editors pick every book and product on their own judgement, "
        "before they know whether a shop pays commission on it. Retailers never see or approve "
        "our articles, and a commission never decides what we cover or what we say about it.</p>",
    ),
    ("heading", {"text": "How affiliate links are marked"}),
    (
        "paragraph",
        "<p>Wherever a page has shop links we say so before the first one, and the links "
        "themselves are marked as sponsored for search engines. Prices change, so we show the "
        "time we last checked them and hide prices that are out of date.</p>",
    ),
    ("heading", {"text": "Corrections"}),
    (
        "paragraph",
        "<p>If we get something wrong we fix it and add a dated note to the article saying "
        "what changed.</p>",
    ),
]


def _child(parent, model, slug, **fields):
    """Get the child page with this slug, or create and publish it."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    """The HomePage as the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder "Welcome" page (and the site pointing at it) is of no
        # use to anyone; it also holds the slug "home".
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        home = HomePage(
            title="The Reel Edit",
            slug="home",
            seo_title="The Reel Edit: TV, film, celebrity and books",
            intro="TV, film, celebrity and books: what to watch, read and listen to next.",
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="The Reel Edit",
        )
    return home, site


def build(**context):
    home, site = ensure_home()

    sections = {}
    for title, slug, parent_slug, in_menu, intro in SECTIONS:
        parent = sections[parent_slug] if parent_slug else home
        sections[slug] = _child(
            parent, SectionPage, slug, title=title, intro=intro, show_in_menus=in_menu
        )

    trust = _child(
        home,
        StandardPage,
        "why-you-can-trust-us",
        title="Why you can trust us",
        intro="How we choose what we recommend, how we make money, and why the two never mix.",
        body=TRUST_BODY,
    )
    _child(
        home,
        StandardPage,
        "about-us",
        title="About us",
        intro="The Reel Edit is an independent magazine about TV, film, celebrity and books.",
        body=[
            (
                "paragraph",
                "<p>We are a small team of writers and editors who watch too much "
                "television and read on the bus. We write about what we love, "
                "and we say so when we don't.</p>",
            )
        ],
    )

    logo = demo_image(
        "The Reel Edit logo",
        alt="The Reel Edit",
        label="The Reel Edit",
        palette="claret",
        size=(600, 600),
        shape="circle",
    )
    site_settings = SiteSettings.for_site(site)
    if not site_settings.footer_text:
        site_settings.brand_name = "The Reel Edit"
        site_settings.tagline = "TV, film, celebrity and books"
        site_settings.logo = logo
        site_settings.footer_text = (
            "The Reel Edit is an independent entertainment magazine. "
            "We may earn a commission from some shop links; it never changes what we recommend."
        )
        site_settings.x_handle = "reeledit"
        site_settings.instagram_url = "https://www.instagram.com/reeledit/"
        site_settings.save()

    station = RadioStation.for_site(site)
    stream_url = write_demo_loop()
    if not station.stream_url:
        station.name = "Reel Radio"
        station.stream_url = stream_url
        station.now_playing = "The Afternoon Reel: soundtracks and chat"
        station.save()

    return {"home": home, "site": site, "sections": sections, "trust": trust}
