from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks


class Command(BaseCommand):
    """Each app adds its demo builder with the `register_demo_content` hook.

    Builders run in the hook's order (the site first, then the apps built on it); each
    is idempotent and may use what the builders before it returned.
    """

    help = "Build the demo site. Safe to run again: existing content is left as it is."

    def handle(self, *args, **options):
        context = {}
        with transaction.atomic():
            for build in hooks.get_hooks("register_demo_content"):
                context.update(build(**context) or {})
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
