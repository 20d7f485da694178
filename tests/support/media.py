"""What is stored under MEDIA_ROOT: upload tests check that a refused file leaves nothing."""

from pathlib import Path

from django.conf import settings


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()
