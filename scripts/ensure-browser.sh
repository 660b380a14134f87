#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests (tests/browser).
# Playwright drives it through `executable_path`; Playwright's own browser downloads are never
# used. Installs with apt-get when missing (as root, or through sudo when there is one), plus a
# CJK font so Chinese text renders in screenshots. Set CAREERSTREAM_SKIP_BROWSER=1 to skip.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ "${CAREERSTREAM_SKIP_BROWSER:-0}" = 1 ]; then
  exit 0
fi

has_cjk_font() { [ -n "$(fc-list :lang=zh 2>/dev/null | head -n1)" ]; }

if [ -x "$CHROMIUM" ] && has_cjk_font; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: $CHROMIUM is missing and apt-get is not available; install Chromium" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "ensure-browser: $CHROMIUM is missing; run as root (or with sudo) to install it" >&2
    exit 1
  fi
fi

packages=()
[ -x "$CHROMIUM" ] || packages+=(chromium)
has_cjk_font || packages+=(fonts-noto-cjk)
echo "ensure-browser: installing ${packages[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-browser: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version >&2 || true
