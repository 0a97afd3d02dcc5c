#!/usr/bin/env bash
# Builds the .deb from a build tree (cpack -G DEB), installs it with dpkg as an administrator
# would, checks that the installed taizhang runs from another folder with its manual pages
# and completion in place, and removes it again. Needs root (dpkg -i).
#
#   usage: scripts/check-package.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: check-package.sh BUILD_DIR}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/taizhang_*.deb)
echo "package: $(basename "$deb")"
dpkg-deb --field "$deb" Package Version Architecture Depends
if dpkg-query -W -f='${Status}' taizhang 2>/dev/null | grep -q 'install ok installed'; then
  echo "taizhang is installed already: not touching it" >&2
  exit 1
fi
# Slim container images tell dpkg to leave manual pages out (path-exclude=/usr/share/man/*):
# this package's pages are what is checked, so they go in.
dpkg -i --path-include='/usr/share/man/*' "$deb"
trap 'dpkg -r taizhang >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

cd "$work"
command -v taizhang
taizhang --version
man -w taizhang
man -w taizhang-import
man -w 5 taizhang.toml
test -f /usr/share/bash-completion/completions/taizhang
test -f /usr/share/zsh/vendor-completions/_taizhang
test -f /usr/share/taizhang/cn-calendar.csv
# The installed binary from another folder: a new office, a record, a lookup.
mkdir office && cd office
taizhang init . >/dev/null
taizhang add department BGS 办公室 >/dev/null
taizhang list departments
# xlsx output opens libxlsxwriter at run time (lib/taizhang/xlsx.cc): the package's Depends
# must have brought it.
taizhang report attendance --month 2026-10 --output sheet.xlsx
file sheet.xlsx | grep -q 'Microsoft Excel 2007+'
echo "xlsx: written with the installed libxlsxwriter"
bash -c 'source /usr/share/bash-completion/completions/taizhang
         COMP_WORDS=(taizhang list people --dept ""); COMP_CWORD=4; _taizhang; echo "completes: ${COMPREPLY[*]}"'
cd "$work"

dpkg -r taizhang
if dpkg-query -W -f='${Status}' taizhang 2>/dev/null | grep -q 'install ok installed' || [ -e /usr/bin/taizhang ]; then
  echo "taizhang is still installed after dpkg -r" >&2
  exit 1
fi
echo "package ok: installed, ran, removed"
