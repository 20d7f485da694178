"""gunicorn's settings, read by `gunicorn` started in the project folder.

Command-line options win over these (`make bench` sets its own worker count).
"""

import os

wsgi_app = "magazine.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# Threaded workers: on this project's benchmark the same uncached article took 12%
# less time inside Django under them than under gunicorn's default sync worker, and
# they keep a proxy's connections alive. One thread each suits pages that are mostly
# Python work (a second thread only waits for the same interpreter: 10% fewer
# requests a second measured); raise GUNICORN_THREADS when the database is far away.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
