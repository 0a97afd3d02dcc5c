#!/usr/bin/env bash
# Installs what taizhang needs to build and test, on Debian 12 (run as root).
set -euo pipefail
packages=(
  g++ cmake make pkg-config
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libtomlplusplus-dev doctest-dev
  libutf8proc-dev nlohmann-json3-dev libmd-dev libcctz-dev libxlsxwriter-dev tzdata
  sqlite3 python3-openpyxl
  # The HTML report's browser check (tests/html/render-check.sh): a headless browser, a
  # font for Chinese, and python3 to read the screenshot.
  chromium fonts-noto-cjk python3
  # The manual pages (scdoc turns their source into roff; man-db reads them), the zsh
  # completion's test, and the .deb: cpack finds ELF files with file(1) and their
  # dependencies with dpkg-shlibdeps.
  scdoc man-db zsh file dpkg-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
