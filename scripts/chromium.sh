#!/usr/bin/env bash
# Headless Chromium for `rasad viz --png` and tests/viz/test_browser.py (Debian packages).
#   scripts/chromium.sh install   apt-get install chromium, chromium-driver and fonts-dejavu-core when missing
#   scripts/chromium.sh check     exit 0 when chromium and chromedriver are both on PATH, print their versions
# install needs root (or sudo); it runs apt-get update first only when a package is missing.
set -euo pipefail

packages=(chromium chromium-driver fonts-dejavu-core)

missing() {
  local p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

check() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || {
    echo "$0: chromium or chromedriver not found: run $0 install" >&2; return 1; }
  chromium --version 2>/dev/null | grep -v "unexpected operator" || true
  chromedriver --version
}

case "${1:-}" in
  install)
    mapfile -t todo < <(missing)
    if [ ${#todo[@]} -eq 0 ]; then echo "chromium: already installed"; check; exit 0; fi
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q "${todo[@]}"
    check
    ;;
  check) check ;;
  *) echo "usage: $0 install|check" >&2; exit 2 ;;
esac
