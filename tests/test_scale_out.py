"""Several servers behind a real load balancer: HAProxy in front of two gunicorn servers that share one
PostgreSQL and one Redis, each started here on free ports and stopped afterwards.

A publish is seen through every server on the next request; a server killed under load costs no request
(the balancer retries GET elsewhere); with the database stopped, pages already in the cache are served.
"""

import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest

from .test_production import BIN, PUBLISH_A_CHANGE, ROOT, free_port, get, manage, wait_for
from .throwaway_postgres import throwaway_postgres

pytestmark = pytest.mark.scale_out

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
SEARCH = "/zh-hans/search/?q=%E5%8C%BB%E4%BF%9D"  # 医保
PAGES = ["/en/", "/zh-hans/", RESULT, "/en/law/social-insurance-law/article-23/", SEARCH]

HAPROXY_CONFIG = """
global
    maxconn 256
defaults
    mode http
    timeout connect 1s
    timeout client 10s
    timeout server 10s
    retries 3
    option redispatch 1
    retry-on all-retryable-errors
frontend site
    bind 127.0.0.1:{port}
    http-request set-header X-Forwarded-Proto https
    default_backend servers
backend servers
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
{servers}
"""


class Cluster:
    """The processes of the test, started in order and stopped in reverse."""

    def __init__(self, folder):
        self.folder = folder
        self.processes = {}

    def start(self, name, command, **kwargs):
        self.processes[name] = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name)
        process.send_signal(sig)
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def cluster():
    for program in ("haproxy", "redis-server"):
        if not shutil.which(program):
            pytest.fail(f"{program} not found: .ci/run installs it (the scale-out test never skips)")
    with throwaway_postgres("scale-out-") as postgres:
        yield from _cluster(postgres)


def _cluster(postgres):
    folder = postgres.folder
    cluster = Cluster(folder)
    cluster.postgres = postgres
    redis_port, balancer_port = free_port(), free_port()
    try:
        cluster.start(
            "redis",
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        )
        env = {
            **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DEBUG": "false",
            "SECRET_KEY": "a-long-random-production-secret-for-the-scale-out-test-" + "y" * 20,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": postgres.url,
            "CACHE_URL": f"redis://127.0.0.1:{redis_port}/0",
            "STATIC_ROOT": str(folder / "static"),
            "LOG_LEVEL": "ERROR",
        }
        for command in (["migrate", "--no-input"], ["load_law"], ["load_guide"], ["collectstatic", "--no-input"]):
            result = manage(env, *command)
            assert result.returncode == 0, result.stderr
        cluster.env, cluster.servers = env, {}
        for name in ("one", "two"):
            cluster.servers[name] = port = free_port()
            cluster.start(
                name,
                [BIN / "gunicorn", "insurance_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                cwd=ROOT,
                env=env,
            )
        lines = "\n".join(
            f"    server {name} 127.0.0.1:{port} check inter 500ms fall 2 rise 1"
            for name, port in cluster.servers.items()
        )
        config = folder / "haproxy.cfg"
        config.write_text(HAPROXY_CONFIG.format(port=balancer_port, servers=lines))
        cluster.start("haproxy", ["haproxy", "-f", str(config), "-db"])
        cluster.site = f"http://127.0.0.1:{balancer_port}"
        for port in cluster.servers.values():
            wait_for(f"http://127.0.0.1:{port}/en/")
        wait_for(cluster.site + "/en/")
        yield cluster
    finally:
        for name in reversed(list(cluster.processes)):
            cluster.stop(name)


def server(cluster, name):
    return f"http://127.0.0.1:{cluster.servers[name]}"


def test_a_publish_is_seen_through_every_server_at_once(cluster):
    for name in cluster.servers:
        get(server(cluster, name) + RESULT)  # each server has the page in the shared cache
        assert "Published a moment ago" not in get(server(cluster, name) + RESULT)[2].decode()
    result = manage(cluster.env, "shell", "-c", PUBLISH_A_CHANGE)
    assert result.returncode == 0, result.stderr
    for name in cluster.servers:
        status, headers, body = get(server(cluster, name) + RESULT)
        assert status == 200 and "Published a moment ago" in body.decode(), name
    status, _, body = get(cluster.site + RESULT)
    assert status == 200 and "Published a moment ago" in body.decode()


def test_a_server_killed_under_load_costs_no_request(cluster):
    """Four visitors keep asking through the balancer while one server dies: every answer is a page."""
    answers, stop = [], threading.Event()

    def visitor():
        while not stop.is_set():
            for path in PAGES:
                try:
                    answers.append(get(cluster.site + path)[0])
                except (OSError, urllib.error.URLError) as error:
                    answers.append(repr(error))

    visitors = [threading.Thread(target=visitor) for _ in range(4)]
    for thread in visitors:
        thread.start()
    time.sleep(2)
    cluster.stop("two", signal.SIGKILL)
    time.sleep(3)
    stop.set()
    for thread in visitors:
        thread.join(timeout=30)
    assert len(answers) > 100
    assert set(answers) == {200}, [answer for answer in answers if answer != 200][:5]


def test_with_the_database_stopped_cached_pages_are_still_served(cluster):
    for path in PAGES:
        assert get(cluster.site + path)[0] == 200  # in the cache now
    cluster.postgres.stop()
    try:
        for path in PAGES:
            status, headers, _ = get(cluster.site + path)
            cached = {name.lower(): value for name, value in headers.items()}.get("x-cache")  # HAProxy lowercases
            assert (status, cached) == (200, "hit"), path
    finally:
        cluster.postgres.start()
