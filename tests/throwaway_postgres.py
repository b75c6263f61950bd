"""A PostgreSQL server of the test's own, on a free port, that the test may stop and start: a real
outage, not an imitation. It runs as the postgres user (PostgreSQL will not run as root), with its data
and socket in a folder of its own that is removed afterwards."""

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from .test_production import free_port

POSTGRES_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)


class ThrowawayPostgres:
    def __init__(self, folder):
        self.folder = folder
        self.data = folder / "postgres"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def initdb(self):
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "postgres.log"), "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def running(self):
        return (self.data / "postmaster.pid").exists()

    def _run(self, program, *args):
        command = ["runuser", "-u", "postgres", "--", str(POSTGRES_BIN / program), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


@contextmanager
def throwaway_postgres(prefix):
    """A running throwaway PostgreSQL, stopped and removed on the way out, also after a failure."""
    if not shutil.which("runuser"):
        pytest.fail("runuser not found: the throwaway PostgreSQL runs as the postgres user")
    if POSTGRES_BIN is None:
        pytest.fail("PostgreSQL's server programs not found: apt-get install postgresql (.ci/run does)")
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(folder, 0o777)  # the postgres user writes its data and socket here
    postgres = ThrowawayPostgres(folder)
    try:
        postgres.initdb()
        postgres.start()
        yield postgres
    finally:
        if postgres.running:
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
