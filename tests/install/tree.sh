#!/usr/bin/env bash
# cmake --install into a staging folder: every file in its FHS place, the library with its
# SONAME and version, and the installed binary running from another folder, with the library
# compiled in rather than loaded from the build tree.
#
#   usage: tree.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
fail=0
expect() {
  if [ -e "$prefix/$1" ]; then echo "ok   $1"; else echo "MISSING $1"; fail=1; fi
}
libdir=$(cd "$prefix" && ls -d lib*/ | sed -n '1p')
libdir=${libdir%/}
lib=$(cd "$prefix" && find "$libdir" -name 'libtaizhang.so.*.*.*' | sed -n '1p')
expect bin/taizhang
expect "$lib"
expect "$libdir/libtaizhang.so.0"
expect include/taizhang/store.h
expect include/taizhang/version.h
expect share/taizhang/cn-calendar.csv
expect share/taizhang/schema/0001_foundation.sql
expect share/bash-completion/completions/taizhang
expect share/zsh/vendor-completions/_taizhang
expect share/doc/taizhang/copyright
expect share/doc/taizhang/changelog.gz
pages=$(cd "$build/doc" && ls -- *.1 *.5)
[ -n "$pages" ] || { echo "no manual pages in $build/doc"; fail=1; }
for page in $pages; do
  section=${page##*.}
  if [ -e "$prefix/share/man/man$section/$page" ] || [ -e "$prefix/share/man/man$section/$page.gz" ]; then
    echo "ok   share/man/man$section/$page"
  else
    echo "MISSING share/man/man$section/$page"; fail=1
  fi
done

soname=$(readelf -d "$prefix/$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
echo "SONAME $soname"
[ "$soname" = libtaizhang.so.0 ] || { echo "wrong SONAME"; fail=1; }

cd "$work"
mkdir office && cd office
"$prefix/bin/taizhang" --version
# The binary has the library compiled in (lib/CMakeLists.txt says why): it loads no
# libtaizhang, from the build tree or elsewhere. The installed library, for programs of an
# office's own, finds everything it needs.
if env -u LD_LIBRARY_PATH ldd "$prefix/bin/taizhang" | grep -q libtaizhang; then
  echo "the binary loads libtaizhang:"; env -u LD_LIBRARY_PATH ldd "$prefix/bin/taizhang"; fail=1
else
  echo "library: compiled into the binary"
fi
if env -u LD_LIBRARY_PATH ldd "$prefix/$lib" | grep -q "not found"; then
  echo "the installed library misses:"; env -u LD_LIBRARY_PATH ldd "$prefix/$lib" | grep "not found"; fail=1
fi
"$prefix/bin/taizhang" init . >/dev/null
"$prefix/bin/taizhang" add department BGS 办公室 >/dev/null
"$prefix/bin/taizhang" list departments --format csv
exit $fail
