"""WSGI entry point for gunicorn: `gunicorn magazine.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings.base")

application = get_wsgi_application()

# Python's cycle collector ran whenever 700 more objects had been created than freed,
# and a rendered article leaves about 2,000: two or three collections a request, 3 ms
# of an uncached article's 40 (measured). The application loaded at start-up is moved
# out of the collector's sight (it lives as long as the process; forked workers also
# keep sharing its memory), and collections come every PYTHON_GC_THRESHOLD objects,
# about every fifth article, with no growth in memory measured.
GC_THRESHOLD = int(os.environ.get("PYTHON_GC_THRESHOLD", "10000"))
gc.freeze()
gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
