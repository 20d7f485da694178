import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin account exists: from DJANGO_SUPERUSER_USERNAME and "
        "DJANGO_SUPERUSER_PASSWORD when set, otherwise 'admin' with a generated password "
        "that is printed once."
    )

    def handle(self, *args, **options):
        user_model = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin"
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        user = user_model.objects.filter(username=username).first()
        if user is not None:
            if password and not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(f"Updated the password of admin account '{username}'.")
            else:
                self.stdout.write(f"Admin account '{username}' already exists.")
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        user_model.objects.create_superuser(
            username=username, email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""), password=password
        )
        if generated:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created admin account '{username}' with password: {password}\n"
                    "This password is shown only once: note it down, or change it in the admin."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Created admin account '{username}'."))
