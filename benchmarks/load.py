"""Requests a second through gunicorn, as in production: a static file and each kind of public page.

`make benchmark` runs it after pages.py. It builds a production site in a temporary folder (DEBUG off,
collectstatic, the shipped content; SQLite unless DATABASE_URL says otherwise; as in production, the page
cache in Redis, this machine's unless CACHE_URL names another, or the embedded cache when none answers or
CACHE_URL=embedded),
starts gunicorn with 3 workers and loads each address for SECONDS seconds with wrk (Debian's package; 16
connections): the static file first, then every page from the page cache (warm), a stream of searches each
different from the others (every one a page cache miss, as new questions are), a stream of addresses no
page has (a 404 drawn afresh each time: the least any page drawn afresh costs), missing the page cache but
with the parts pages share kept (as for a new address), and with the cache turned off (every request a miss,
nothing kept: as just after a publish). It prints req/s, p50 and p99, and each page's req/s as a share of the
static file's.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import redis

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from tests.test_production import free_port, wait_for  # noqa: E402

SECONDS = int(os.environ.get("SECONDS_A_PAGE", 5))
CONNECTIONS = 16
PAGES = {
    "start": "/zh-hans/",
    "question": "/en/guide/question/situation/",
    "result": "/en/guide/result/residents/?situation=resident&resident-lapse=no",
    "contents": "/en/law/social-insurance-law/",
    "chapter": "/zh-hans/law/social-insurance-law/chapter-3/",
    "article": "/en/law/social-insurance-law/article-23/",
    "search": "/zh-hans/search/?q=%E6%80%8E%E4%B9%88%E4%BA%A4%E5%8C%BB%E4%BF%9D",  # 怎么交医保
    "json": "/api/law/social-insurance-law/article-23/",
}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
# Words people search with: three of them make each of the searches of the stream (50,000 different ones).
SEARCH_WORDS = """医保 社保 交 缴费 补缴 断缴 断交 灵活就业 居民医保 职工医保 退休 失业 辞职 跑外卖 低保 新生儿 孩子
学生 异地 转移 滞纳金 公司 单位 中介 挂靠 身份证 电话 材料 网上 手机 醫保 insurance medical pay retired
freelancer unemployed lost job employer late fee transfer student newborn lapse agency documents hotline""".split()


def main():
    with production_site() as (env, static, folder):
        cache = env["CACHE_URL"] or "the embedded default (files in a folder the workers share)"
        print(f"\ngunicorn, 3 workers, DEBUG off, {os.cpu_count()} cores, wrk, {CONNECTIONS} connections, {SECONDS} s")
        print(f"database {env['DATABASE_URL'].split(':')[0]}, page cache: {cache}\n")
        with gunicorn(env) as site:
            base = load(site + static)
            print(f"{'':<10} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'share':>6}")
            report("static", base, base)
            for name, path in PAGES.items():
                load(site + path, seconds=1)  # into the page cache
                report(f"{name}", load(site + path), base)
            load(site + "/zh-hans/search/", seconds=1, script=new_searches(folder, start=25_000))  # warm each worker
            searches = load(site + "/zh-hans/search/", script=new_searches(folder))
            report("new search", searches, base)
            floor = load(site + "/en/", script=new_addresses(folder), missing=True)
            report("new 404", floor, base)
            print(f"(new searches at {searches[0] / floor[0]:.0%} of the new 404s' req/s)")
        print("\nEvery request a page cache miss, the parts pages share kept (PAGE_CACHE_SECONDS=0):")
        with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}) as site:
            for name, path in PAGES.items():
                report(f"{name}", load(site + path), base)
        print("\nEvery request a cache miss, nothing kept (CACHE_URL=dummycache://):")
        with gunicorn({**env, "CACHE_URL": "dummycache://"}) as site:
            for name, path in PAGES.items():
                report(f"{name}", load(site + path), base)


@contextmanager
def production_site():
    """The site built as in production in a temporary folder (DEBUG off, the shipped content, collected
    static files; SQLite there unless DATABASE_URL says otherwise; the page cache in this machine's Redis
    if it answers, unless CACHE_URL says otherwise), for loading with wrk: its environment, its
    stylesheet's address and the folder, which is removed afterwards."""
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    folder = Path(tempfile.mkdtemp(prefix="benchmark-"))
    try:
        yield _build(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _build(folder):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "a-long-random-secret-for-the-benchmark-only-" + "z" * 30,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'benchmark.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "LOG_LEVEL": "ERROR",
        "CACHE_URL": _cache_url(),
        "CACHE_DIR": str(folder / "cache"),
    }
    for command in ("migrate --no-input", "createcachetable", "load_law", "load_guide", "collectstatic --no-input"):
        manage = [sys.executable, "manage.py", *command.split()]
        subprocess.run(manage, cwd=ROOT, env=env, check=True, capture_output=True)
    manifest = json.loads((folder / "static" / "staticfiles.json").read_text())
    return env, "/static/" + manifest["paths"]["css/site.css"], folder


def _cache_url():
    """CACHE_URL as given ("embedded" for the embedded default: files), else this machine's Redis if it
    answers, else the embedded default."""
    given = os.environ.get("CACHE_URL", "")
    if given == "embedded":
        return ""
    return given or _local_redis() or ""


def _local_redis():
    """Redis on this machine, as in production, in a database of its own emptied for the run (so no content
    version or page of an earlier run is used); None when no Redis answers, for the embedded cache."""
    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.RedisError:
        return None
    return url


class gunicorn:  # noqa: N801 - used as `with gunicorn(env) as site`
    def __init__(self, env):
        self.env = env

    def __enter__(self):
        port = free_port()
        command = [BIN / "gunicorn", "insurance_site.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3"]
        self.server = subprocess.Popen(command, cwd=ROOT, env=self.env, stderr=subprocess.DEVNULL)
        site = f"http://127.0.0.1:{port}"
        wait_for(site + "/en/")
        return site

    def __exit__(self, *exc):
        self.server.terminate()
        self.server.wait(timeout=10)


def new_searches(folder, start=0):
    """A wrk script that asks for a different search each time: three of SEARCH_WORDS, counted from `start`
    (each of wrk's threads from its own point, so no search is asked twice)."""
    words = ", ".join(f'"{quote(word)}"' for word in SEARCH_WORDS)
    script = folder / f"searches-{start}.lua"
    script.write_text(
        f"""
local words = {{{words}}}
local n = #words
local next_thread = 0
function setup(thread)
  thread:set("counter", {start} + next_thread * 1000000)
  next_thread = next_thread + 1
end
function request()
  counter = counter + 1
  local i = counter
  local q = words[i % n + 1] .. "+" .. words[math.floor(i / n) % n + 1] .. "+" .. words[math.floor(i / (n * n)) % n + 1]
  return wrk.format("GET", wrk.path .. "?q=" .. q)
end
"""
    )
    return script


def new_addresses(folder):
    """A wrk script that asks each time for an address no page has, each different from the others: every
    answer a 404 page drawn afresh and kept, the least any page drawn afresh costs. Any other status is
    counted and printed, and fails the load."""
    script = folder / "addresses.lua"
    script.write_text(
        """
local threads = {}
local next_thread = 0
function setup(thread)
  thread:set("counter", next_thread * 1000000)
  thread:set("wrong", 0)
  table.insert(threads, thread)
  next_thread = next_thread + 1
end
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "no-such-page-" .. counter .. "/")
end
function response(status, headers, body)
  if status ~= 404 then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + thread:get("wrong") end
  io.write("Not a 404: " .. wrong .. "\\n")
end
"""
    )
    return script


def load(url, seconds=SECONDS, script=None, missing=False):
    """wrk's req/s, p50 and p99 (ms) for `url`, asked as a browser does (taking gzip) through an HTTPS proxy
    (with `script`, a wrk Lua script that makes each request); failed requests fail it. With `missing`, every
    answer must be a 404 (the script counts any other)."""
    headers = ["-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip, deflate, br"]
    scripted = ["-s", str(script)] if script else []
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *scripted, *headers, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    failed = "Not a 404: 0" not in result if missing else "Non-2xx or 3xx responses" in result
    if failed or "Socket errors" in result:
        raise RuntimeError(f"{url} had failed requests:\n{result}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result).group(1))
    return rate, _latency(result, "50%"), _latency(result, "99%")


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * UNITS[unit]


def report(name, measured, base):
    rate, p50, p99 = measured
    print(f"{name:<10} {rate:>8.0f} {p50:>7.2f} {p99:>7.2f} {rate / base[0]:>6.0%}")


if __name__ == "__main__":
    main()
