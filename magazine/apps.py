from django.apps import AppConfig


class MagazineConfig(AppConfig):
    name = "magazine"
    verbose_name = "Magazine"

    def ready(self):
        from magazine import checks, signal_handlers  # noqa: F401 - checks register on import

        signal_handlers.connect()
