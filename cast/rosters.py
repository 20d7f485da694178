"""Who is in a show, season by season.

The one place that decides who counts as returning cast and who is joining in a
season, so the show page, the cast rundown block and the article's "people" field
all agree. A role joins in season N when its first season is N. A person appears
once per season (and once in a whole-cast list) even when they hold several roles
on the show, e.g. a small uncredited part in season one and a named character
from season two: the most prominent role speaks for them.
"""

from dataclasses import dataclass, field

from magazine.renditions import renditions_prefetch

# Lower is more prominent.
BILLING_RANK = {"main": 0, "recurring": 1, "guest": 2}

# The portrait size used in cast lists: square, twice the displayed 96px for sharp screens.
CAST_PHOTO_SPEC = "fill-192x192-c100"


@dataclass
class CastMember:
    """One person in a cast list, with the role they are listed under."""

    role: object
    other_roles: list = field(default_factory=list)

    @property
    def person(self):
        return self.role.person


@dataclass
class SeasonCast:
    number: int
    season: object = None  # the Season row, when the show lists one
    returning: list = field(default_factory=list)
    joining: list = field(default_factory=list)

    @property
    def members(self):
        return self.returning + self.joining

    @property
    def heading(self):
        return f"Season {self.number}"

    @property
    def heading_id(self):
        return f"cast-season-{self.number}"

    @property
    def joining_heading_id(self):
        return f"cast-joining-{self.number}"

    @property
    def returning_heading(self):
        return f"Returning for season {self.number}"

    @property
    def joining_heading(self):
        return f"Joining in season {self.number}"


def cast_roles(show):
    """The show's roles with their people, photos and cast-list renditions in two queries.

    Goes through the show's own relation so a preview shows the unsaved cast.
    """
    return list(
        show.roles.select_related("person", "person__photo")
        .prefetch_related(renditions_prefetch("person__photo", CAST_PHOTO_SPEC))
        .order_by("sort_order")
    )


def _prominence(role):
    # Most prominent billing first; between equals, the later (named, current) role.
    return (BILLING_RANK.get(role.billing, len(BILLING_RANK)), -role.first_season)


def _one_per_person(roles):
    """Group roles by person, keeping the order of each person's first listed role."""
    by_person = {}
    for role in roles:
        by_person.setdefault(role.person_id, []).append(role)
    members = []
    for person_roles in by_person.values():
        lead = min(person_roles, key=_prominence)
        members.append(CastMember(lead, [r for r in person_roles if r is not lead]))
    return members


def whole_cast(roles):
    """Everyone on the show once, by billing, then in the order the editor gave."""
    members = _one_per_person(roles)
    order = {id(role): index for index, role in enumerate(roles)}
    members.sort(key=lambda m: (_prominence(m.role)[0], order[id(m.role)]))
    return members


def season_numbers(roles):
    """The seasons the cast list covers: from the earliest to the latest a role names.

    A renewed season nobody has been cast in yet stays out, so open-ended roles
    don't claim that everyone returns for it.
    """
    named = set()
    for role in roles:
        named.add(role.first_season)
        if role.last_season:
            named.add(role.last_season)
    if not named:
        return []
    return list(range(min(named), max(named) + 1))


def season_cast(roles, number, season=None):
    """The cast of season `number`: returning cast and those joining in it."""
    in_season = [role for role in roles if role.in_season(number)]
    result = SeasonCast(number, season)
    for member in whole_cast(in_season):
        # Other roles on the show that this season doesn't include still belong
        # to the person (the earlier uncredited part, say).
        member.other_roles = [
            role
            for role in roles
            if role.person_id == member.role.person_id and role is not member.role
        ]
        if member.role.first_season == number:
            result.joining.append(member)
        else:
            result.returning.append(member)
    return result


def cast_by_season(roles, seasons=()):
    """A SeasonCast for each season of the show that has anyone in it."""
    season_rows = {season.number: season for season in seasons}
    result = []
    for number in season_numbers(roles):
        cast = season_cast(roles, number, season_rows.get(number))
        if cast.members:
            result.append(cast)
    return result


def select_cast(roles, season=None, joining_only=False):
    """What a cast rundown shows: the whole cast, one season's, or its newcomers."""
    if not season:
        return whole_cast(roles)
    cast = season_cast(roles, season)
    return cast.joining if joining_only else cast.members
