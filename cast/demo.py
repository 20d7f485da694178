"""Demo cast profiles: the People and Shows indexes, Heartstopper and its cast."""

import datetime

from cast.models import (
    KnownForCredit,
    PeopleIndexPage,
    PersonLink,
    PersonPage,
    ReviewScore,
    Role,
    Season,
    ShowIndexPage,
    ShowPage,
)
from magazine.demo.images import demo_image

# (slug, name, palette group, kind, bio, known for [(title, year)], links [(label, url)])
PEOPLE = [
    (
        "alice-oseman",
        "Alice Oseman",
        "author",
        PersonPage.Kind.PERSON,
        "British young-adult author and illustrator. Heartstopper started life as her "
        "webcomic before the graphic novels reached the best-seller lists and Netflix "
        "turned them into a series.",
        [("Solitaire", 2014), ("Radio Silence", 2016), ("Loveless", 2020)],
        [("Official website", "https://aliceoseman.com/")],
    ),
    (
        "kit-connor",
        "Kit Connor",
        "season-one",
        PersonPage.Kind.PERSON,
        "English actor who plays Nick Nelson, the rugby player with a soft heart, in "
        "Heartstopper. Before the series he played the young Elton John in Rocketman.",
        [("Rocketman", 2019)],
        [],
    ),
    (
        "joe-locke",
        "Joe Locke",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Charlie Spring in Heartstopper, the role that marked his screen debut.",
        [],
        [],
    ),
    (
        "yasmin-finney",
        "Yasmin Finney",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Elle Argent, one of Charlie's closest friends, in Heartstopper.",
        [],
        [],
    ),
    (
        "william-gao",
        "William Gao",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Tao Xu, Charlie's fiercely loyal friend, in Heartstopper.",
        [],
        [],
    ),
    (
        "kizzy-edgell",
        "Kizzy Edgell",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Darcy Olsson, Tara's girlfriend, in Heartstopper.",
        [],
        [],
    ),
    (
        "corinna-brown",
        "Corinna Brown",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Tara Jones, Darcy's girlfriend, in Heartstopper.",
        [],
        [],
    ),
    (
        "rhea-norwood",
        "Rhea Norwood",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Imogen Heaney in Heartstopper.",
        [],
        [],
    ),
    (
        "tobie-donovan",
        "Tobie Donovan",
        "season-one",
        PersonPage.Kind.PERSON,
        "Plays Isaac Henderson, the friend who is never without a book, in Heartstopper.",
        [],
        [],
    ),
    (
        "olivia-colman",
        "Olivia Colman",
        "season-one",
        PersonPage.Kind.PERSON,
        "Oscar-winning English actor who plays Sarah Nelson, Nick's mum, in Heartstopper.",
        [("The Favourite", 2018)],
        [],
    ),
    (
        "echo",
        "Echo",
        "animal",
        PersonPage.Kind.ANIMAL,
        "The dog who plays Nellie, the Spring family's pet, in Heartstopper.",
        [],
        [],
    ),
    (
        "leila-khan",
        "Leila Khan",
        "season-two",
        PersonPage.Kind.PERSON,
        "Joins Heartstopper in season two as Sahar Zahid.",
        [],
        [],
    ),
    (
        "jack-barton",
        "Jack Barton",
        "season-two",
        PersonPage.Kind.PERSON,
        "Joins Heartstopper in season two as David Nelson, Nick's older brother.",
        [],
        [],
    ),
    (
        "bradley-riches",
        "Bradley Riches",
        "season-two",
        PersonPage.Kind.PERSON,
        "Plays James McEwan from Heartstopper's second season, after a small uncredited "
        "part in the first.",
        [],
        [],
    ),
    (
        "nima-taleghani",
        "Nima Taleghani",
        "season-two",
        PersonPage.Kind.PERSON,
        "Joins Heartstopper in season two as Mr Farouk, a teacher.",
        [],
        [],
    ),
]

# One palette per group, so the portraits read as a set.
PORTRAIT_STYLE = {
    "author": ("mustard", "Author"),
    "season-one": ("rose", "Heartstopper · season one"),
    "season-two": ("teal", "Heartstopper · season two"),
    "animal": ("sage", "Animal performer"),
}

# (person slug, character, note, first season, last season, billing)
ROLES = [
    ("kit-connor", "Nick Nelson", "A kind-hearted rugby player in the year above", 1, None, "main"),
    ("joe-locke", "Charlie Spring", "Openly gay, and an overthinker", 1, None, "main"),
    ("yasmin-finney", "Elle Argent", "Charlie's friend", 1, None, "main"),
    ("william-gao", "Tao Xu", "Charlie's friend", 1, None, "main"),
    ("kizzy-edgell", "Darcy Olsson", "Tara's girlfriend", 1, None, "main"),
    ("corinna-brown", "Tara Jones", "Darcy's girlfriend", 1, None, "main"),
    ("rhea-norwood", "Imogen Heaney", "", 1, None, "main"),
    ("tobie-donovan", "Isaac Henderson", "Always reading", 1, None, "main"),
    ("olivia-colman", "Sarah Nelson", "Nick's mum", 1, None, "recurring"),
    ("echo", "Nellie", "The Springs' dog", 1, None, "recurring"),
    ("bradley-riches", "Uncredited part", "A small role before James", 1, 1, "guest"),
    ("leila-khan", "Sahar Zahid", "", 2, None, "main"),
    ("jack-barton", "David Nelson", "Nick's older brother", 2, None, "recurring"),
    ("bradley-riches", "James McEwan", "", 2, None, "main"),
    ("nima-taleghani", "Mr Farouk", "A teacher", 2, None, "recurring"),
]

SYNOPSIS = (
    "<p>Charlie Spring is openly gay, a chronic overthinker and, by his own reckoning, "
    "nobody's idea of a catch. Nick Nelson is the easy-going rugby player from the year "
    "above whom everyone seems to like. A chance seating plan at their boys' grammar "
    "school throws them together, and a friendship that neither expected slowly becomes "
    "something more.</p>"
    "<p>Alice Oseman first told the story as a webcomic, then as a run of graphic novels; "
    "Netflix's adaptation keeps their warmth and their wide circle of friends, each with "
    "a story of their own.</p>"
)


def _child(parent, model, slug, **fields):
    """Get the child page with this slug, or create and publish it."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _portrait(name, group):
    palette, kicker = PORTRAIT_STYLE[group]
    return demo_image(
        f"Portrait: {name}",
        alt=f"Name card for {name}",
        caption=name,
        credit="The Reel Edit illustration",
        label=name,
        kicker=kicker,
        palette=palette,
        size=(800, 800),
        shape="portrait",
    )


def build(**context):
    home = context["home"]
    people_index = _child(
        home,
        PeopleIndexPage,
        "people",
        title="People",
        intro="The actors, authors and performers in our stories, A to Z.",
    )
    show_index = _child(
        home,
        ShowIndexPage,
        "shows",
        title="Shows",
        intro="The series we follow: who is in them, when they're back and what critics said.",
    )

    people = {}
    for slug, name, group, kind, bio, known_for, links in PEOPLE:
        people[slug] = _child(
            people_index,
            PersonPage,
            slug,
            title=name,
            kind=kind,
            short_bio=bio,
            photo=_portrait(name, group),
            known_for=[KnownForCredit(title=title, year=year) for title, year in known_for],
            links=[PersonLink(label=label, url=url) for label, url in links],
        )

    key_image = demo_image(
        "Heartstopper key art",
        alt="Heartstopper title card: pink circles on a rose background",
        caption="Heartstopper",
        credit="The Reel Edit illustration",
        label="Heartstopper",
        kicker="Netflix",
        palette="rose",
        size=(1600, 900),
        shape="circle",
    )
    show = _child(
        show_index,
        ShowPage,
        "heartstopper",
        title="Heartstopper",
        network="Netflix",
        based_on="the graphic novel series Heartstopper",
        source_author=people["alice-oseman"],
        synopsis=SYNOPSIS,
        key_image=key_image,
        seasons=[
            Season(
                number=1, status=Season.Status.RELEASED, release_date=datetime.date(2022, 4, 22)
            ),
            Season(number=2, status=Season.Status.IN_PRODUCTION),
            Season(number=3, status=Season.Status.RENEWED),
        ],
        review_scores=[
            ReviewScore(
                source="Rotten Tomatoes",
                score="100%",
                season=1,
                checked_on=datetime.date(2022, 5, 20),
            )
        ],
        roles=[
            Role(
                person=people[slug],
                character_name=character,
                character_note=note,
                first_season=first,
                last_season=last,
                billing=billing,
            )
            for slug, character, note, first, last, billing in ROLES
        ],
    )
    return {
        "show": show,
        "people": people,
        "people_index": people_index,
        "show_index": show_index,
    }
