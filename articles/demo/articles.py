"""Demo articles: the Heartstopper explainer, a few shorter pieces, and their writers.

Every sentence here is written for this project from the facts on the reference
sheet; nothing is copied from another publication.
"""

from datetime import UTC, date, datetime

from articles.models import ArticlePage, ArticlePageAuthor, Author
from magazine.demo.images import demo_image

REFERENCE_SLUG = "heartstopper-season-two"


def _author(slug, **fields):
    author, _ = Author.objects.get_or_create(slug=slug, defaults=fields)
    return author


def _article(section, slug, *, authors, tags, published, **fields):
    """Get the article with this slug in `section`, or create and publish it."""
    existing = section.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    page = ArticlePage(slug=slug, first_published_at=published, **fields)
    page.article_authors = [ArticlePageAuthor(author=author) for author in authors]
    page.tags.add(*tags)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def p(*sentences):
    return ("paragraph", "<p>" + " ".join(sentences) + "</p>")


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def aside(text):
    return ("aside", {"text": text})


def link(page, text=None):
    """A rich-text link to a page (plain text when the page is not there)."""
    text = text or (page.title if page is not None else "")
    if page is None:
        return text
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def reference_body(show=None, books=None, people=None):
    """The Heartstopper explainer, in the shape the reference sheet gives.

    People, the show and books named in the prose link to their pages when the
    cast and shop builders have made them.
    """
    people = people or {}
    book_pages = {book.title: book for book in books or []}

    def person(slug, text):
        return link(people.get(slug), text)

    body = [
        h2("What is Heartstopper about?"),
        p(
            f"{link(show, 'Heartstopper')} is Netflix's adaptation of",
            f"{person('alice-oseman', 'Alice Oseman')}'s graphic novel, a story",
            "that started life as a webcomic and is still being written.",
            "Oseman is a British author of young-adult fiction, and the series keeps her",
            "warmth intact.",
        ),
        p(
            "Charlie Spring is openly gay, clever and prone to overthinking. Nick Nelson is",
            "a gentle, easy-going rugby player in the year above. A seating plan at their",
            "all-boys grammar school puts them side by side, a friendship starts, and it",
            "soon becomes something neither of them expected.",
        ),
        p(
            "The first season was a word-of-mouth hit: it trended in around 60 countries,",
            "scored a perfect 100% on Rotten Tomatoes and sent the books back up the",
            "best-seller charts.",
        ),
        aside("If you haven't watched it yet, clear a weekend. You'll want to."),
        h2("Who's in Heartstopper?"),
        p(
            f"{person('kit-connor', 'Kit Connor')}, who was in Rocketman, plays Nick.",
            f"{person('joe-locke', 'Joe Locke')}, in his first screen role, plays Charlie.",
            "Around them is a friendship group that feels real.",
        ),
    ]
    if show is not None:
        body += [
            (
                "cast_rundown",
                {
                    "show": show,
                    "season": 1,
                    "joining_only": False,
                    "heading": "The main cast",
                },
            ),
            (
                "cast_rundown",
                {
                    "show": show,
                    "season": 2,
                    "joining_only": True,
                    "heading": "New for season two",
                },
            ),
        ]
    else:
        body += [
            p(
                "Yasmin Finney is Elle Argent and William Gao is Tao Xu, two of Charlie's",
                "closest friends. Kizzy Edgell and Corinna Brown play Darcy and Tara, the",
                "school's favourite couple; Rhea Norwood is Imogen and Tobie Donovan is",
                "Isaac. Olivia Colman plays Nick's mum, Sarah, and Nellie the dog is played",
                "by Echo.",
            ),
            h3("New for season two"),
            p(
                "Leila Khan joins as Sahar Zahid and Jack Barton as David, Nick's older",
                "brother. Bradley Riches, briefly seen without a credit in season one,",
                "returns as James McEwan, and Nima Taleghani plays a teacher, Mr Farouk.",
            ),
        ]
    body += [
        aside("Yes, Olivia Colman as a supportive mum is exactly as lovely as it sounds."),
        h2("Will Heartstopper return for a second season?"),
        p(
            "It will. Netflix did not make fans wait: it renewed the show for a second and",
            "a third season in one announcement, and season two then went into production.",
        ),
        p(
            "The cast have been dropping hints ever since. Short teaser clips in which they",
            "say \u201cHi\u201d and then \u201cBonjour\u201d point firmly to a school trip",
            "to Paris.",
        ),
        aside("We have already started practising our French."),
        h2("What do we want from season two?"),
        (
            "spoiler",
            {
                "warning": "Spoilers ahead for season one of Heartstopper",
                "content": [
                    h3("Nick and Charlie"),
                    p(
                        "Nick, who has realised he is bisexual, still has to decide how and",
                        "when to come out at school. We expect that to bring more trouble",
                        "with Harry, and we hope it brings Nick and Charlie even closer.",
                    ),
                    h3("Tao and Elle"),
                    p(
                        "Elle has feelings for her best friend Tao. Does he feel the same,",
                        "and will either of them risk the friendship to find out?",
                    ),
                    h3("Isaac"),
                    p(
                        "Isaac is rarely seen without a book.",
                        f"{person('alice-oseman', 'Alice Oseman')} has hinted that",
                        "his story will deal with asexuality, a subject she explores in her",
                        f"novel {link(book_pages.get('Loveless'), 'Loveless')}.",
                    ),
                ],
            },
        ),
        aside("Whatever happens, we'll be watching with a cup of tea and tissues."),
    ]
    if books:
        body.append(
            (
                "shop",
                {
                    "title": "Shop: Heartstopper and Alice Oseman's other best-sellers",
                    "books": books,
                },
            )
        )
    body.append(
        (
            "correction",
            {
                "kind": "update",
                "date": date(2022, 6, 10),
                "text": "<p>We added the actors joining the cast for season two.</p>",
            },
        )
    )
    return body


def build(**context):
    sections = context["sections"]
    show = context.get("show")
    books = context.get("books")
    people = context.get("people")

    piper = _author(
        "piper-huxley",
        name="Piper Huxley",
        role="Staff writer",
        bio="Piper writes about TV for The Reel Edit, with a soft spot for teen dramas, "
        "comfort rewatches and anything adapted from a book.",
        x_handle="piperhuxley",
        photo=demo_image(
            "Piper Huxley portrait",
            alt="Piper Huxley",
            label="Piper Huxley",
            palette="teal",
            size=(400, 400),
            shape="portrait",
        ),
    )
    sam = _author(
        "sam-adeyemi",
        name="Sam Adeyemi",
        role="Film and books editor",
        bio="Sam edits our film and books coverage and reads on every bus journey.",
        photo=demo_image(
            "Sam Adeyemi portrait",
            alt="Sam Adeyemi",
            label="Sam Adeyemi",
            palette="mustard",
            size=(400, 400),
            shape="portrait",
        ),
    )

    hero = demo_image(
        "Heartstopper season two hero",
        alt="Two teenage boys sitting side by side on a bench, smiling at each other",
        caption="Joe Locke as Charlie Spring and Kit Connor as Nick Nelson in Heartstopper",
        credit="Netflix",
        label="Heartstopper: season two",
        kicker="TV",
        palette="rose",
        shape="circle",
    )
    reference = _article(
        sections["tv"],
        REFERENCE_SLUG,
        title="Netflix's Heartstopper: here's what we know about season two",
        standfirst="We're completely smitten with Nick and Charlie, and we need more 💛",
        hero_image=hero,
        authors=[piper],
        tags=["Heartstopper", "Netflix", "LGBTQ+", "Alice Oseman"],
        published=datetime(2022, 5, 24, 9, 0, tzinfo=UTC),
        updated_at=datetime(2022, 6, 10, 14, 30, tzinfo=UTC),
        contains_spoilers=True,
        spoiler_free_summary="The cast, the renewal and the clues so far: everything we know "
        "about Heartstopper's second season on Netflix.",
        body=reference_body(show, books, people),
    )
    if show is not None and not reference.shows.exists():
        reference.shows.add(show)
        reference.save_revision().publish()

    others = [
        (
            "tv",
            "heartstopper-rewatch-party",
            {
                "title": "How to host the perfect Heartstopper rewatch party",
                "standfirst": "Snacks, a rainbow of fairy lights and a strict no-spoilers rule "
                "for first-timers 🍿",
                "authors": [piper],
                "tags": ["Heartstopper", "Netflix"],
                "published": datetime(2022, 6, 2, 10, 0, tzinfo=UTC),
                "palette": "navy",
                "body": [
                    h2("Set the scene"),
                    p(
                        "Keep it cosy: blankets, soft lighting and a sofa big enough for",
                        "everyone who will cry at the same moments.",
                    ),
                    aside("Tissues are not optional."),
                    h2("Pace yourselves"),
                    p(
                        "Eight half-hour episodes fit an afternoon. Build in a break at the",
                        "halfway point so nobody misses a scene while making tea.",
                    ),
                ],
            },
        ),
        (
            "celebrity",
            "kit-connor-joe-locke-spotlight",
            {
                "title": "Kit Connor and Joe Locke: the pair at the heart of Heartstopper",
                "standfirst": "One had already been in Rocketman; the other had never been "
                "on screen before. Together they made the show.",
                "authors": [piper],
                "tags": ["Heartstopper", "Netflix", "LGBTQ+"],
                "published": datetime(2022, 5, 30, 8, 0, tzinfo=UTC),
                "palette": "claret",
                "body": [
                    p(
                        "Kit Connor came to Heartstopper with screen experience, including a",
                        "role in Rocketman. Joe Locke arrived with none: Charlie Spring was",
                        "his first screen part.",
                    ),
                    p(
                        "On screen you would never guess. Their easy chemistry is a large",
                        "part of why Nick and Charlie feel so believable.",
                    ),
                ],
            },
        ),
        (
            "books",
            "where-to-start-with-alice-oseman",
            {
                "title": "Where to start with Alice Oseman",
                "standfirst": "Loved the show? The books behind it, and the novels beside it, "
                "are waiting 📚",
                "authors": [sam],
                "tags": ["Alice Oseman", "Heartstopper", "LGBTQ+"],
                "published": datetime(2022, 5, 27, 12, 0, tzinfo=UTC),
                "palette": "sage",
                "body": [
                    p(
                        "Heartstopper began as a webcomic before it became a run of graphic",
                        "novels, and Alice Oseman is still telling Nick and Charlie's story.",
                    ),
                    p(
                        "Her prose novels are worth your time too. Loveless follows a student",
                        "working out that she is asexual and aromantic, a subject Oseman has",
                        "hinted will matter to Isaac on screen. Solitaire, Radio Silence and",
                        "I Was Born for This complete the set.",
                    ),
                ],
            },
        ),
        (
            "film",
            "what-makes-a-comfort-film",
            {
                "title": "What makes a comfort film? Our film desk's checklist",
                "standfirst": "Low stakes, warm light and an ending you could recite. "
                "Here's how we pick them.",
                "authors": [sam],
                "tags": ["Comfort viewing"],
                "published": datetime(2022, 5, 20, 18, 0, tzinfo=UTC),
                "palette": "ink",
                "body": [
                    p(
                        "A comfort film is one you return to because you know how it ends.",
                        "Nobody you love is in real danger, and the worst thing that can",
                        "happen is a misunderstanding.",
                    ),
                    (
                        "quote",
                        {
                            "quote": "The best comfort films feel like being looked after.",
                            "attribution": "Sam Adeyemi",
                        },
                    ),
                ],
            },
        ),
    ]
    articles = {REFERENCE_SLUG: reference}
    for section_slug, slug, spec in others:
        palette = spec.pop("palette")
        image = demo_image(
            spec["title"],
            alt="Poster-style artwork for the article " + spec["title"],
            credit="The Reel Edit",
            label=spec["title"],
            kicker=sections[section_slug].title,
            palette=palette,
        )
        articles[slug] = _article(sections[section_slug], slug, hero_image=image, **spec)

    return {"authors": {"piper": piper, "sam": sam}, "articles": articles}
