from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each app adds its demo builder here; each is idempotent and may use what the
# builders before it returned.
BUILDERS = [
    "magazine.demo.site.build",
    "articles.demo.cast.build",
    "shop.demo.build",
    "articles.demo.articles.build",
]


class Command(BaseCommand):
    help = "Build the demo site. Safe to run again: existing content is left as it is."

    def handle(self, *args, **options):
        context = {}
        with transaction.atomic():
            for path in BUILDERS:
                result = import_string(path)(**context)
                context.update(result or {})
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
