"""A large, realistic corpus for benchmarks: articles, people, shows and books.

    python manage.py generate_corpus                      # 10,000 articles, 1,000 people, 500 books
    python manage.py generate_corpus --articles 100 --people 50 --books 20
    python manage.py generate_corpus --reset              # remove the generated corpus first

Pages are written in bulk: tree paths are computed here and rows inserted in batches,
instead of one `add_child` and one revision per page, so 10,000 articles take well
under a minute rather than most of an hour. Generated pages carry a slug ending in
`-gNNNNN`; running the command again only adds what is missing, and `--reset` removes
exactly those pages (hand-made content is never touched).
"""

import random
import time
import uuid
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from articles.models import ArticlePage, ArticlePageAuthor, ArticleTag, Author
from cast.models import (
    KnownForCredit,
    PeopleIndexPage,
    PersonPage,
    ReviewScore,
    Role,
    Season,
    ShowIndexPage,
    ShowPage,
)
from magazine.demo import site as demo_site
from magazine.demo.images import demo_image
from magazine.models import SectionPage
from shop.models import BookAuthor, BookPage, Offer, Retailer, ShopIndexPage

SUFFIX_RE = r"-g[0-9]{5}$"
BATCH = 500
IMAGE_POOL = 16

FIRST = (
    "Alex Amara Ben Callum Chloe Dev Elif Ewan Freya Gus Hana Idris Isla Jamal Kit Lena "
    "Marcus Nia Olly Priya Quinn Rosa Sami Tao Uma Vik Wren Yara Zac Maya Noor Fin"
).split()
LAST = (
    "Adeyemi Baxter Chen Dunmore Ellis Fraser Gallo Hughes Iqbal Jensen Kowalski Lowe "
    "Mensah Novak Okafor Patel Quinlan Reyes Singh Thorne Ueda Vance Walsh Xu Young Zielinski"
).split()
SHOW_WORDS = (
    "Heart Harbour Midnight Summer Glass Paper Wild Silver Northern Quiet Crown Salt "
    "Velvet Hollow Lantern Orchard Echo River Static Golden"
).split()
SHOW_NOUNS = (
    "Stopper Lane Hours Kids Club House Street Line School Years Signal Tide Season "
    "Gardens Road Society Office"
).split()
NETWORKS = ["Netflix", "BBC One", "Channel 4", "ITV", "Disney+", "Apple TV+", "Prime Video"]
TOPICS = (
    "casting news|season finale|first look|renewal|release date|trailer|interview|review|"
    "behind the scenes|soundtrack|book adaptation|red carpet|box office|spin-off|recap"
).split("|")
TAGS = (
    "Netflix|BBC|Streaming|Romance|Comedy|Drama|Thriller|Adaptations|Young adult|Awards|"
    "Premieres|Interviews|Reviews|Casting|Trailers|Reality TV|Documentary|Fantasy|Crime|"
    "Music|Festivals|Graphic novels|Book club|Box office|Soundtracks|LGBTQ+|Period drama|"
    "Sci-fi|Animation|Podcasts"
).split("|")
SENTENCES = [
    "The new season picks up a few weeks after the finale, with {show} back in the "
    "corridors of a school that feels smaller every year.",
    "{person} told us the hardest scene to film was the quietest one, shot in a single "
    "take on a wet Tuesday.",
    "Fans have been counting the days since the trailer dropped, and the wait is nearly over.",
    "Filming took place over eleven weeks, mostly on location, with a handful of studio days.",
    "Critics have praised the writing for taking its teenage characters seriously.",
    "If you have not caught up yet, the first two seasons are streaming now.",
    "{person} joins the cast in a recurring role that the producers are keeping under wraps.",
    "The soundtrack leans on indie pop again, and one song is already climbing the charts.",
    "It is the kind of show you recommend to friends and then text them about every episode.",
    "The source novel sold more than a million copies, and readers will spot a few changes.",
    "Our verdict: warm, funny and sharper than it first appears.",
    "Everything we know so far, from the release date to who is coming back.",
    "{person} has a busy year ahead, with a film and a stage run also on the way.",
    "There is a cameo in episode three that nobody saw coming.",
    "The writers' room met for months before a single page was locked.",
]
HEADINGS = [
    "When is it out?",
    "Who is in the cast?",
    "What happens this season?",
    "Is there a trailer?",
    "What did the critics say?",
    "Where can I watch it?",
    "Will there be another season?",
    "Read the books first",
]
ASIDES = [
    "Yes, we watched it all in one sitting.",
    "Tissues recommended for episode six.",
    "The dog steals every scene he is in.",
    "Spoiler-free, we promise.",
]
RETAILERS = [
    ("Waterstones", "www.waterstones.com"),
    ("Bookshop.org", "uk.bookshop.org"),
    ("Amazon", "www.amazon.co.uk"),
    ("Foyles", "www.foyles.co.uk"),
]
PUBLISHERS = ["Hachette", "Penguin", "HarperCollins", "Bloomsbury", "Faber", "Macmillan"]


def isbn13(number):
    """A valid ISBN-13 in the 979-8 range from a serial number."""
    digits = f"9798{number:08d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class PageWriter:
    """Appends many children to one parent: tree paths computed here, rows in bulk."""

    def __init__(self, parent):
        self.parent = Page.objects.get(pk=parent.pk)
        last = self.parent.get_children().order_by("-path").values_list("path", flat=True)
        last = last.first()
        self.position = Page._str2int(last[-Page.steplen :]) if last else 0
        self.added = 0

    def build(self, model, slug, title, when, **fields):
        self.position += 1
        self.added += 1
        depth = self.parent.depth + 1
        page = model(
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(self.parent.path, depth, self.position),
            depth=depth,
            numchild=0,
            url_path=f"{self.parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=when,
            last_published_at=when,
            latest_revision_created_at=when,
            locale_id=self.parent.locale_id,
            content_type=ContentType.objects.get_for_model(model),
            **fields,
        )
        return page

    def insert(self, pages):
        """Insert the Page rows, then the specific rows (multi-table inheritance)."""
        if not pages:
            return
        model = type(pages[0])
        base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
        created = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages],
            batch_size=BATCH,
        )
        for page, base in zip(pages, created, strict=True):
            page.pk = page.page_ptr_id = base.pk
            page.id = base.pk
        model._base_manager._insert(
            pages, fields=model._meta.local_concrete_fields, using="default"
        )

    def finish(self):
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)
        self.added = 0


class Command(BaseCommand):
    help = "Generate a large corpus of articles, people, shows and books for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--people", type=int, default=1_000)
        parser.add_argument("--books", type=int, default=500)
        parser.add_argument("--shows", type=int, default=None, help="Default: people / 20.")
        parser.add_argument("--authors", type=int, default=12)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--reset", action="store_true", help="Remove the generated corpus first."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Skip updating the search index."
        )

    def handle(self, *args, **options):
        self.rng = random.Random(options["seed"])
        self.now = timezone.now().replace(microsecond=0)
        started = time.monotonic()
        if options["reset"]:
            self.reset()
        shows_wanted = options["shows"]
        if shows_wanted is None:
            shows_wanted = max(1, options["people"] // 20) if options["people"] else 0
        with transaction.atomic():
            context = demo_site.build()
            home = context["home"]
            self.images = self.image_pool()
            self.authors = self.make_authors(options["authors"])
            self.tags = self.make_tags()
            self.retailers = self.make_retailers()
            people_index = self.index_page(home, PeopleIndexPage, "people", "People")
            show_index = self.index_page(home, ShowIndexPage, "shows", "Shows")
            shop_index = self.index_page(home, ShopIndexPage, "shop", "Shop")
            new = {}
            new[PersonPage] = self.make_people(people_index, options["people"])
            new[ShowPage] = self.make_shows(show_index, shows_wanted)
            new[BookPage] = self.make_books(shop_index, options["books"])
            new[ArticlePage] = self.make_articles(options["articles"])
        if not options["no_index"]:
            self.update_index(new)
        counts = ", ".join(f"{len(v)} {m._meta.verbose_name_plural}" for m, v in new.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Corpus ready in {time.monotonic() - started:.1f}s (added {counts})."
            )
        )

    # Reference data -----------------------------------------------------------------

    def image_pool(self):
        palettes = ["claret", "ink", "teal", "mustard", "rose", "sage", "navy"]
        shapes = ["stripes", "circle", "book"]
        return [
            demo_image(
                f"Corpus picture {i + 1}",
                alt=f"Poster art number {i + 1} in the magazine's colours",
                credit="The Reel Edit",
                label=f"Still {i + 1}",
                kicker="The Reel Edit",
                palette=palettes[i % len(palettes)],
                shape=shapes[i % len(shapes)],
                size=(1200, 675),
            ).pk
            for i in range(IMAGE_POOL)
        ]

    def make_authors(self, count):
        authors = []
        for i in range(count):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
            author, _ = Author.objects.get_or_create(
                slug=f"{slugify(name)}-g{i:05d}",
                defaults={"name": name, "bio": f"{name} writes about TV, film and books."},
            )
            authors.append(author.pk)
        return authors

    def make_tags(self):
        tags = []
        for name in TAGS:
            tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
            tags.append(tag.pk)
        return tags

    def make_retailers(self):
        retailers = []
        for order, (name, domain) in enumerate(RETAILERS):
            retailer, _ = Retailer.objects.get_or_create(
                name=name, defaults={"allowed_domains": domain, "sort_order": order}
            )
            retailers.append((retailer.pk, retailer.domain_list[0]))
        return retailers

    def index_page(self, home, model, slug, title):
        page = model.objects.first()
        if page is None:
            page = model(title=title, slug=slug, intro=f"Every {title.lower()} profile, A to Z.")
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def existing_numbers(self, model):
        slugs = model.objects.filter(slug__regex=SUFFIX_RE).values_list("slug", flat=True)
        return {int(s[-5:]) for s in slugs}

    def date_for(self, i, total):
        # Spread over about three years, newest last.
        return self.now - timedelta(minutes=int((total - i) * 1_576_800 / max(total, 1)))

    # Pages --------------------------------------------------------------------------

    def make_people(self, parent, count):
        have = self.existing_numbers(PersonPage)
        writer = PageWriter(parent)
        pages, credits = [], []
        for i in range(count):
            if i in have:
                continue
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
            page = writer.build(
                PersonPage,
                f"{slugify(name)}-g{i:05d}",
                name,
                self.date_for(i, count),
                kind=PersonPage.Kind.PERSON,
                photo_id=self.rng.choice(self.images),
                short_bio=f"{name} is an actor and writer, best known for their work in "
                f"British television.",
            )
            pages.append(page)
        writer.insert(pages)
        writer.finish()
        for page in pages:
            credits.append(
                KnownForCredit(
                    person_id=page.pk, title=self.show_title(page.pk), year=2018, sort_order=0
                )
            )
        KnownForCredit.objects.bulk_create(credits, batch_size=BATCH)
        return pages

    def show_title(self, n):
        return f"{SHOW_WORDS[n % len(SHOW_WORDS)]} {SHOW_NOUNS[(n // 3) % len(SHOW_NOUNS)]}"

    def make_shows(self, parent, count):
        have = self.existing_numbers(ShowPage)
        people = list(PersonPage.objects.values_list("pk", flat=True)[:2000])
        writer = PageWriter(parent)
        pages = []
        for i in range(count):
            if i in have:
                continue
            title = self.show_title(i)
            pages.append(
                writer.build(
                    ShowPage,
                    f"{slugify(title)}-g{i:05d}",
                    title,
                    self.date_for(i, count),
                    network=NETWORKS[i % len(NETWORKS)],
                    synopsis=f"<p>{title} follows a group of friends through a year that "
                    "changes everything.</p>",
                    key_image_id=self.rng.choice(self.images),
                )
            )
        writer.insert(pages)
        writer.finish()
        seasons, roles, scores = [], [], []
        for page in pages:
            for number in (1, 2, 3):
                seasons.append(
                    Season(
                        show_id=page.pk,
                        number=number,
                        status=Season.Status.RELEASED if number < 3 else Season.Status.RENEWED,
                        release_date=date(2021 + number, 4, 22) if number < 3 else None,
                        sort_order=number,
                    )
                )
            scores.append(
                ReviewScore(
                    show_id=page.pk,
                    source="Rotten Tomatoes",
                    score=f"{self.rng.randint(70, 100)}%",
                    checked_on=self.now.date(),
                    sort_order=0,
                )
            )
            cast = self.rng.sample(people, min(len(people), 12))
            for order, person in enumerate(cast):
                roles.append(
                    Role(
                        show_id=page.pk,
                        person_id=person,
                        character_name=f"{FIRST[(order * 5) % len(FIRST)]} "
                        f"{LAST[(order * 3) % len(LAST)]}",
                        first_season=1 if order < 8 else 2,
                        billing=Role.Billing.MAIN if order < 6 else Role.Billing.RECURRING,
                        sort_order=order,
                    )
                )
        Season.objects.bulk_create(seasons, batch_size=BATCH)
        ReviewScore.objects.bulk_create(scores, batch_size=BATCH)
        Role.objects.bulk_create(roles, batch_size=BATCH)
        return pages

    def make_books(self, parent, count):
        have = self.existing_numbers(BookPage)
        people = list(PersonPage.objects.values_list("pk", flat=True)[:200])
        writer = PageWriter(parent)
        pages = []
        for i in range(count):
            if i in have:
                continue
            title = (
                f"The {SHOW_WORDS[i % len(SHOW_WORDS)]} {SHOW_NOUNS[(i // 7) % len(SHOW_NOUNS)]}"
            )
            pages.append(
                writer.build(
                    BookPage,
                    f"{slugify(title)}-g{i:05d}",
                    title,
                    self.date_for(i, count),
                    series=title if i % 4 == 0 else "",
                    volume=(i % 5) + 1 if i % 4 == 0 else None,
                    cover_id=self.rng.choice(self.images),
                    isbn13=isbn13(i),
                    publisher=PUBLISHERS[i % len(PUBLISHERS)],
                    publication_date=date(2015 + i % 10, 1 + i % 12, 1 + i % 28),
                    book_format=BookPage.Format.values[i % 3],
                    blurb="A funny, tender story about growing up, falling in love and "
                    "finding your people.",
                    badge=["", "best-seller", "staff-pick", "new"][i % 4],
                )
            )
        writer.insert(pages)
        writer.finish()
        authors, offers = [], []
        checked = self.now - timedelta(hours=2)
        for n, page in enumerate(pages):
            if people and n % 2 == 0:
                authors.append(
                    BookAuthor(book_id=page.pk, person_id=self.rng.choice(people), sort_order=0)
                )
            else:
                name = f"{FIRST[n % len(FIRST)]} {LAST[(n * 5) % len(LAST)]}"
                authors.append(BookAuthor(book_id=page.pk, name=name, sort_order=0))
            for order, (retailer, domain) in enumerate(self.retailers[: 2 + n % 3]):
                offers.append(
                    Offer(
                        book_id=page.pk,
                        retailer_id=retailer,
                        url=f"https://{domain}/books/{page.isbn13}",
                        price=Decimal("7.99") + Decimal(order),
                        price_checked_at=checked,
                        price_is_example=True,
                        sort_order=order,
                    )
                )
        BookAuthor.objects.bulk_create(authors, batch_size=BATCH)
        Offer.objects.bulk_create(offers, batch_size=BATCH)
        return pages

    def article_body(self, shows, books, people_names):
        rng = self.rng
        show_id, show_title = rng.choice(shows) if shows else (None, "the show")
        body = []
        for section in range(rng.randint(2, 4)):
            body.append(block("heading", {"text": rng.choice(HEADINGS), "level": "h2"}))
            for _ in range(rng.randint(1, 3)):
                sentences = [
                    rng.choice(SENTENCES).format(show=show_title, person=rng.choice(people_names))
                    for _ in range(rng.randint(2, 4))
                ]
                body.append(block("paragraph", "<p>" + " ".join(sentences) + "</p>"))
            if section == 0 and rng.random() < 0.4:
                body.append(
                    block(
                        "image",
                        {
                            "image": rng.choice(self.images),
                            "caption": "",
                            "credit": "",
                            "width": "text",
                        },
                    )
                )
            if section == 1 and rng.random() < 0.3:
                body.append(block("aside", {"text": rng.choice(ASIDES)}))
        uses_cast = show_id and rng.random() < 0.25
        if uses_cast:
            body.append(
                block(
                    "cast_rundown",
                    {"show": show_id, "season": None, "joining_only": False, "heading": "Cast"},
                )
            )
        chosen_books = []
        if books and rng.random() < 0.15:
            chosen_books = rng.sample(books, min(len(books), rng.randint(1, 3)))
            body.append(
                block(
                    "shop",
                    {
                        "title": "Shop: the books behind the show",
                        "books": [block("item", pk) for pk in chosen_books],
                    },
                )
            )
        return body, (show_id if uses_cast else None), chosen_books

    def make_articles(self, count):
        have = self.existing_numbers(ArticlePage)
        sections = list(SectionPage.objects.live().order_by("path"))
        # Leaf sections get the articles; a top-level section with subsections only lists.
        leaves = [
            s for s in sections if not any(o.path.startswith(s.path) and o != s for o in sections)
        ]
        shows = list(ShowPage.objects.values_list("pk", "title"))
        books = list(BookPage.objects.values_list("pk", flat=True))
        people_names = list(PersonPage.objects.values_list("title", flat=True)[:300]) or [
            "The star"
        ]
        writers = {s.pk: PageWriter(s) for s in leaves}
        created = []
        todo = [i for i in range(count) if i not in have]
        for start in range(0, len(todo), 2000):
            pages, extras = [], []
            for i in todo[start : start + 2000]:
                section = leaves[i % len(leaves)]
                show_title = self.rng.choice(shows)[1] if shows else "The Show"
                topic = self.rng.choice(TOPICS)
                title = f"{show_title}: {topic} and everything we know so far"
                body, show_id, chosen_books = self.article_body(shows, books, people_names)
                page = writers[section.pk].build(
                    ArticlePage,
                    f"{slugify(title)}-g{i:05d}",
                    title,
                    self.date_for(i, count),
                    standfirst=f"The latest on {show_title}, from the {topic} to who is in it.",
                    hero_image_id=self.rng.choice(self.images),
                    hero_alt="",
                    body=body,
                    has_affiliate_links=bool(chosen_books),
                )
                pages.append(page)
                extras.append((show_id, chosen_books))
            # Page.insert only needs the rows; any writer can insert pages of every section.
            PageWriter.insert(writers[leaves[0].pk], pages)
            links, tagged, show_links, book_links = [], [], [], []
            for page, (show_id, chosen_books) in zip(pages, extras, strict=True):
                for order, author in enumerate(
                    self.rng.sample(self.authors, self.rng.randint(1, 2))
                ):
                    links.append(
                        ArticlePageAuthor(page_id=page.pk, author_id=author, sort_order=order)
                    )
                for tag in self.rng.sample(self.tags, 3):
                    tagged.append(ArticleTag(content_object_id=page.pk, tag_id=tag))
                if show_id:
                    show_links.append(
                        ArticlePage.shows.through(articlepage_id=page.pk, showpage_id=show_id)
                    )
                for book in chosen_books:
                    book_links.append(
                        ArticlePage.books.through(articlepage_id=page.pk, bookpage_id=book)
                    )
            ArticlePageAuthor.objects.bulk_create(links, batch_size=BATCH)
            ArticleTag.objects.bulk_create(tagged, batch_size=BATCH)
            ArticlePage.shows.through.objects.bulk_create(show_links, batch_size=BATCH)
            ArticlePage.books.through.objects.bulk_create(book_links, batch_size=BATCH)
            created.extend(pages)
        for writer in writers.values():
            writer.finish()
        return created

    # Search and reset ---------------------------------------------------------------

    def update_index(self, new):
        for model, pages in new.items():
            if not pages:
                continue
            ids = [p.pk for p in pages]
            for backend in get_search_backends(with_auto_update=False):
                for start in range(0, len(ids), 1000):
                    # get_indexed_objects() prefetches the related fields (tags, authors).
                    chunk = list(
                        model.get_indexed_objects().filter(pk__in=ids[start : start + 1000])
                    )
                    backend.add_bulk(model, chunk)
        for backend in get_search_backends(with_auto_update=False):
            backend.add_bulk(Author, list(Author.objects.all()))

    def reset(self):
        started = time.monotonic()
        for model in (ArticlePage, BookPage, ShowPage, PersonPage):
            ids = list(model.objects.filter(slug__regex=SUFFIX_RE).values_list("pk", flat=True))
            for start in range(0, len(ids), 1000):
                with transaction.atomic():
                    Page.objects.filter(pk__in=ids[start : start + 1000]).delete()
        Author.objects.filter(slug__regex=SUFFIX_RE).delete()
        # Keep the parents' child counts right after bulk deletes.
        for parent in Page.objects.filter(numchild__gt=0).iterator():
            real = parent.get_children().count()
            if real != parent.numchild:
                Page.objects.filter(pk=parent.pk).update(numchild=real)
        self.stdout.write(f"Removed the generated corpus in {time.monotonic() - started:.1f}s.")
