"""The cast rundown: actor → character pairs from a show's cast, for article bodies."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from cast.models import ShowPage


class CastRundownBlock(blocks.StructBlock):
    """Actor → character pairs from a show's cast, entered once on the show."""

    show = blocks.PageChooserBlock(page_type="cast.ShowPage", label="show")
    season = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label="season",
        help_text="Leave empty for the whole cast.",
    )
    joining_only = blocks.BooleanBlock(
        required=False,
        label="joining this season only",
        help_text="Show only the people who join the show in the chosen season.",
    )
    heading = blocks.CharBlock(required=False, label="heading", max_length=120)

    class Meta:
        icon = "group"
        label = "Cast rundown"
        template = "cast/blocks/cast_rundown_block.html"
        help_text = (
            "Actors and the characters they play, with photos and links to their profiles. "
            "The cast comes from the show's page: edit it there and every article follows. "
            "Pick a season to list its cast; tick 'joining this season only' for newcomers. "
            "The optional heading is shown as a sub-heading (H3)."
        )
        description = "Actor → character pairs from a show's cast"

    def clean(self, value):
        value = super().clean(value)
        if value.get("joining_only") and not value.get("season"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "season": ValidationError("Choose the season whose newcomers to list.")
                }
            )
        return value

    @staticmethod
    def live_show(value):
        """The chosen show if readers can see it; None if it was unpublished or deleted."""
        show = value.get("show")
        if show is None or not show.live:
            return None
        return show

    def cast_members(self, value):
        show = self.live_show(value)
        if show is None:
            return []
        return show.select_cast(value.get("season"), bool(value.get("joining_only")))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        show = self.live_show(value)
        context["show"] = show
        context["members"] = self.cast_members(value)
        context["heading"] = value.get("heading")
        context["heading_id"] = "-".join(
            ["cast", str(show.pk if show else 0), str(value.get("season") or "all")]
            + (["joining"] if value.get("joining_only") else [])
        )
        season = value.get("season")
        if season and value.get("joining_only"):
            context["label"] = f"Joining {show.title if show else 'the show'} in season {season}"
        elif season:
            context["label"] = f"{show.title if show else 'The'} cast, season {season}"
        else:
            context["label"] = f"{show.title if show else 'The'} cast"
        return context

    def shown_pages(self, value):
        """The people the rundown shows: pages the body refers to (magazine.streamfield)."""
        return [member.person for member in self.cast_members(value)]

    def extract_references(self, value):
        # The reference index then lists the article under each person's usage too,
        # so deleting a person warns about the articles that show them.
        yield from super().extract_references(value)
        for person in self.shown_pages(value):
            yield person.__class__, str(person.pk), "show", "show"

    def get_preview_value(self):
        show = ShowPage.objects.live().filter(roles__isnull=False).first()
        return self.normalize(
            {"show": show, "season": None, "joining_only": False, "heading": "Who's in it?"}
        )
