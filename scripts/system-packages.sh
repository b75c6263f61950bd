#!/usr/bin/env bash
# The Debian packages the tests need beyond Python, in one list that `make test` and `.ci/run` both use.
# As root with apt-get, whatever is missing is installed; otherwise one line says what is missing and how
# to install it, and the script fails.
set -euo pipefail

# One package a line: the package, then how to tell it is there (a command, or a file pattern), then why.
PACKAGES="
chromium          chromium                                   the browser tests (Playwright drives it)
gettext           msgfmt                                     the translation catalogue's tests
zbar-tools        zbarimg                                    reads the counter card's printed QR code back
postgresql        /usr/lib/postgresql/*/bin/initdb           throwaway PostgreSQL servers (outage, scale-out)
postgresql-client pg_isready                                 waiting for PostgreSQL
redis-server      redis-server                               the scale-out test's Redis
haproxy           haproxy                                    the scale-out test's load balancer
fonts-noto-cjk    /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc  print measured in Noto Sans CJK
fonts-wqy-zenhei  /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc           print measured in WenQuanYi Zen Hei
fonts-dejavu-core /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf         print measured with no CJK font
"

present() {
  case "$1" in
    /*) compgen -G "$1" >/dev/null ;;
    *) command -v "$1" >/dev/null ;;
  esac
}

missing=()
while read -r package check _why; do
  [ -n "$package" ] || continue
  present "$check" || missing+=("$package")
done <<<"$PACKAGES"

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "== installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
  exit 0
fi

echo "The tests need these Debian packages: sudo apt-get install ${missing[*]}" >&2
exit 1
