"""The page cache is shared by every server process when Redis is configured."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import SectionPageFactory

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a shared cache) to share"
    ),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port, path="/tv/"):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "magazine.test"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Cache"), response.read().decode()


def wait_until_serving(port, process, limit=30):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read())
        try:
            fetch(port, "/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"server on port {port} did not start")


@pytest.fixture
def server_env():
    if connection.vendor != "postgresql":
        pytest.skip("separate processes need a database server they can all reach")
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "magazine.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }


@pytest.fixture
def two_servers(server_env):
    ports, processes = [free_port(), free_port()], []
    try:
        for port in ports:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "magazine.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                cwd=PROJECT,
                env=server_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            processes.append(process)
        for port, process in zip(ports, processes, strict=True):
            wait_until_serving(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def test_a_publish_in_one_process_is_seen_by_the_others(home, two_servers, server_env):
    section = SectionPageFactory(parent=home, title="Television", slug="tv")
    first, second = two_servers

    assert fetch(first)[0] == "MISS"
    cache_state, body = fetch(second)
    assert cache_state == "HIT"  # stored by the first process, served by the second
    assert "Television" in body

    # An editor's scheduled change goes live in yet another process.
    section.title = "TV and streaming"
    section.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    subprocess.run(
        [sys.executable, "manage.py", "publish_scheduled"],
        cwd=PROJECT,
        env=server_env,
        check=True,
        capture_output=True,
        timeout=120,
    )

    cache_state, body = fetch(second)
    assert cache_state == "MISS"
    assert "TV and streaming" in body
    cache_state, body = fetch(first)
    assert cache_state == "HIT"
    assert "TV and streaming" in body
