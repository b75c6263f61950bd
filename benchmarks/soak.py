"""A soak: gunicorn with production settings under 64 connections for 60 s, across every kind of page, as
visitors would load it. It fails on any error (a 5xx, a 4xx, a socket error or a timeout) and reports
each worker's memory at the start and the end, which should stay flat.

Run it with `make soak` (or `.venv/bin/python benchmarks/soak.py`). It builds the production site as
load.py does; each connection cycles through the pages from a different place, and every tenth request
searches for something new (a page-cache miss), so workers keep drawing pages as well as serving them.
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.load import PAGES, gunicorn, production_site  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS", 60))
CONNECTIONS = 64
EXTRA = ["/", "/en/law/", "/api/law/", "/sitemap.xml", "/healthz", "/readyz"]

# wrk's Lua: each connection walks the pages from its own starting point; every tenth request is a new search.
SCRIPT = """
local paths = {%(paths)s}
local counter = 0
init = function(args) counter = math.random(#paths) end
request = function()
  counter = counter + 1
  local path = paths[counter %% #paths + 1]
  if counter %% 10 == 0 then path = "/en/search/?q=soak+" .. counter .. "+" .. math.random(1000000) end
  return wrk.format("GET", path, {["X-Forwarded-Proto"] = "https", ["Accept-Encoding"] = "gzip"})
end
"""


def main():
    with production_site() as (env, static, folder):
        paths = [*PAGES.values(), *EXTRA, static]
        script = folder / "soak.lua"
        script.write_text(SCRIPT % {"paths": ", ".join(json.dumps(path) for path in paths)})
        print(f"gunicorn, 3 workers, DEBUG off, {os.cpu_count()} cores; wrk, {CONNECTIONS} connections, {SECONDS} s,")
        database, cache = env["DATABASE_URL"].split(":")[0], env.get("CACHE_URL") or "the embedded file cache"
        print(f"{len(paths)} addresses, a new search every tenth request; {database}, {cache}\n")
        server = gunicorn(env)
        with server as site:
            soak(site, script, master=server.server.pid)


def soak(site, script, master):
    samples, done = [], threading.Event()

    def sample():
        while not done.is_set():
            samples.append((time.monotonic(), worker_memory(master)))
            done.wait(5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s", "--latency"]
        result = subprocess.run([*command, "-s", script, site], check=True, capture_output=True, text=True).stdout
    finally:
        done.set()
        sampler.join()
    samples.append((time.monotonic(), worker_memory(master)))
    print(result)
    first, last = samples[1][1] if len(samples) > 1 else samples[0][1], samples[-1][1]
    print("worker memory (RSS, MB) after the first 5 s → at the end:")
    for pid in sorted(last):
        print(f"  worker {pid}: {first.get(pid, 0) / 1024:.1f} → {last[pid] / 1024:.1f}")
    if "Non-2xx or 3xx responses" in result or "Socket errors" in result:
        sys.exit("The soak had failed requests (see above).")
    if set(first) != set(last):
        sys.exit("A worker was replaced during the soak (it died or timed out).")


def worker_memory(master):
    """Each gunicorn worker's resident memory in kB, by process id."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    memory = {}
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        memory[int(pid)] = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
    return memory


if __name__ == "__main__":
    main()
