"""Factories for articles and authors."""

import uuid
from datetime import UTC, datetime

import factory
import wagtail_factories

from articles.models import ArticlePage, ArticlePageAuthor, Author
from tests.factories import ImageFactory


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Writer {n}")
    slug = factory.Sequence(lambda n: f"writer-{n}")
    role = "Staff writer"
    bio = "Writes about television."

    class Meta:
        model = Author


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "A line that makes you read on."
    first_published_at = factory.Sequence(lambda n: datetime(2024, 1, 1 + n % 28, tzinfo=UTC))

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        for author in extracted or []:
            ArticlePageAuthor.objects.create(page=self, author=author)

    @factory.post_generation
    def tag_names(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            self.save()


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def heading(text, level="h2"):
    return block("heading", {"text": text, "level": level})


def paragraph(html):
    return block("paragraph", html)


def image_block(image=None, **extra):
    image = image or ImageFactory()
    return block(
        "image",
        {"image": image.pk, "caption": "", "credit": "", "width": "text", **extra},
    )


def spoiler(warning, *content):
    return block("spoiler", {"warning": warning, "content": list(content)})


def long_body(blocks, images):
    """`blocks` blocks in total, `images` of them images, the rest headings and text."""
    body = []
    for i in range(blocks):
        if i < images:
            body.append(image_block())
        elif i % 3 == 0:
            body.append(heading(f"Section {i}"))
        elif i % 3 == 1:
            body.append(paragraph(f"<p>Paragraph {i} with <b>bold</b> words.</p>"))
        else:
            body.append(block("aside", {"text": f"Aside {i}"}))
    return body
