"""The article editor's form: content checks that apply when an article goes out.

Drafts can be saved half-finished (Wagtail defers required fields on "Save
draft"); submitting for review or publishing runs these checks, each reported at
the field an editor needs to fix.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from magazine.streamfield import walk
from shop.blocks import BookChooserBlock


def shop_books_without_offers(body):
    """Titles of books in the body's shop blocks that nobody can buy anywhere."""
    return [
        visit.value.title
        for visit in walk(body, bound=True)
        if isinstance(visit.block, BookChooserBlock)
        and visit.value is not None
        and not visit.value.specific.offers.exists()
    ]


def publication_problems(*, hero_image, hero_alt, standfirst, author_count, body):
    """Field name → message for everything that stops an article going out."""
    problems = {}
    if hero_image is None:
        problems["hero_image"] = "An article needs a hero image before it can be published."
    elif not (hero_alt or hero_image.description).strip():
        problems["hero_alt"] = (
            "The hero image has no alt text. Describe it here, or add alt text to the "
            "image in the image library."
        )
    if not (standfirst or "").strip():
        problems["standfirst"] = "Write a standfirst: one line that makes readers want to read on."
    if author_count < 1:
        problems["article_authors"] = "Add at least one author to the byline."
    missing = shop_books_without_offers(body)
    if missing:
        problems["body"] = (
            "A shop block includes books with no offers, so readers couldn't buy them: "
            + ", ".join(missing)
            + ". Add offers to those books or remove them from the block."
        )
    return problems


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:  # "Save draft": keep everything, check later
            return cleaned_data
        authors = self.formsets.get("article_authors")
        author_count = 0
        if authors is not None:
            authors.errors  # noqa: B018 - validates the byline forms so their data can be read
            author_count = sum(
                1
                for form in authors.forms
                if getattr(form, "cleaned_data", None)
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("author")
            )
        problems = publication_problems(
            hero_image=cleaned_data.get("hero_image"),
            hero_alt=cleaned_data.get("hero_alt", ""),
            standfirst=cleaned_data.get("standfirst", ""),
            author_count=author_count,
            body=cleaned_data.get("body"),
        )
        byline_problem = problems.pop("article_authors", None)
        if byline_problem:
            # The byline is an inline panel with no form field of its own, so its
            # message leads the form's error summary.
            self.add_error(None, byline_problem)
        for field, message in problems.items():
            self.add_error(field, message)
        return cleaned_data
