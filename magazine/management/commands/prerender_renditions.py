"""Make every image rendition the live pages show, before readers ask for them.

Publishing a page already does this for that page; run this after loading content in
bulk (the demo, an import, the benchmark corpus) or as a deploy step after a template
starts using a new size. Existing renditions are kept, so running it again is cheap.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from magazine.renditions import create_renditions, live_pages_with_images, wanted


class Command(BaseCommand):
    help = "Create the image renditions every live page needs."

    def handle(self, *args, **options):
        rendition_model = get_image_model().get_rendition_model()
        before = rendition_model.objects.count()
        pages = failed = 0
        needed = {}
        for _model, live_pages in live_pages_with_images():
            for page in live_pages:
                pages += 1
                for image, specs in wanted(page.rendition_specs(include_listed=False)).items():
                    needed.setdefault(image, set()).update(specs)
        # Each image once, however many pages show it.
        failed = create_renditions({image: sorted(specs) for image, specs in needed.items()})
        created = rendition_model.objects.count() - before
        self.stdout.write(
            f"{pages} pages, {len(needed)} images: {created} renditions created"
            + (f", {failed} images could not be read" if failed else "")
        )
