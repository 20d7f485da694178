from django.apps import AppConfig


class CastConfig(AppConfig):
    name = "cast"
    verbose_name = "Cast profiles"
