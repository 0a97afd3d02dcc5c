# Sourced by the example scripts: which taizhang to run. cron's PATH is /usr/bin:/bin, which
# holds neither `cmake --install`'s default /usr/local/bin nor a build folder, so the scripts
# name the binary: $TAIZHANG when set, else the installed one, else whatever PATH finds.
taizhang=${TAIZHANG:-}
if [ -z "$taizhang" ]; then
  for candidate in /usr/local/bin/taizhang /usr/bin/taizhang; do
    if [ -x "$candidate" ]; then
      taizhang=$candidate
      break
    fi
  done
fi
taizhang=${taizhang:-taizhang}
