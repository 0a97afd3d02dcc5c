#!/usr/bin/env bash
# Opens an HTML report in a real browser — headless Chromium — and fails when the page does
# not render: a screenshot that is missing or nearly blank (or shows no chart colour), or a
# PDF that is missing or has fewer pages than expected.
#
#   usage: render-check.sh CHROMIUM HTML_FILE OUT_DIR [MIN_PAGES]
#
# CHROMIUM is the browser's command ("chromium"); OUT_DIR receives page.png (1200×1600)
# and page.pdf (A4, as the page's print CSS lays it out) for a person to look at.
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: render-check.sh CHROMIUM HTML_FILE OUT_DIR [MIN_PAGES]" >&2
  exit 64
fi
chromium=$1
html=$2
out=$3
min_pages=${4:-1}

if ! command -v "$chromium" >/dev/null 2>&1; then
  echo "FAILED: '$chromium' is not installed, so the HTML report cannot be checked in a browser;" >&2
  echo "        install it with scripts/install-deps.sh (Debian packages chromium and fonts-noto-cjk)" >&2
  exit 1
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "FAILED: python3 is needed to read the screenshot" >&2
  exit 1
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  echo "FAILED: no font covers Chinese, so the report would show empty boxes;" >&2
  echo "        install one with scripts/install-deps.sh (Debian package fonts-noto-cjk)" >&2
  exit 1
fi
if [ ! -s "$html" ]; then
  echo "FAILED: $html is missing or empty" >&2
  exit 1
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
profile=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
rm -f "$out/page.png" "$out/page.pdf"

browse() {
  # A profile of its own, so that a browser someone else has open does not take the call.
  if ! timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
      --user-data-dir="$profile" --hide-scrollbars "$@" "$url" >"$out/chromium.log" 2>&1; then
    tail -n 20 "$out/chromium.log" >&2
    echo "FAILED: $chromium exited with an error (the log is $out/chromium.log)" >&2
    exit 1
  fi
}

browse --window-size=1200,1600 --screenshot="$out/page.png"
browse --no-pdf-header-footer --print-to-pdf="$out/page.pdf"

python3 - "$out/page.png" "$out/page.pdf" "$min_pages" <<'PY'
import re, struct, sys, zlib
from itertools import accumulate

png_path, pdf_path, min_pages = sys.argv[1], sys.argv[2], int(sys.argv[3])

def fail(message):
    print("FAILED: " + message, file=sys.stderr)
    sys.exit(1)

# The screenshot, decoded with the standard library: 8-bit RGB or RGBA, not interlaced.
try:
    data = open(png_path, "rb").read()
except OSError:
    fail("no screenshot was written (%s)" % png_path)
if not data.startswith(b"\x89PNG\r\n\x1a\n"):
    fail("%s is not a PNG file" % png_path)
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
if header is None:
    fail("the screenshot has no header")
width, height, depth, colour, _, _, interlace = header
if depth != 8 or colour not in (2, 6) or interlace:
    fail("unexpected PNG format (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
channels = 3 if colour == 2 else 4
raw = zlib.decompress(idat)
stride = width * channels
if len(raw) < height * (stride + 1):
    fail("the screenshot is cut short")
# Filters Sub, Up, Average and Paeth undone row by row; Up (the commonest) as one addition of
# big integers without carries between bytes, which is quick in Python.
low = int.from_bytes(b"\x7f" * stride, "big")
high = int.from_bytes(b"\x80" * stride, "big")
previous = bytes(stride)
dark = bytes(1 if v < 200 else 0 for v in range(256))
ink = coloured = 0
pos = 0
for y in range(height):
    kind, line = raw[pos], raw[pos + 1:pos + 1 + stride]
    pos += 1 + stride
    if kind == 1:
        out = bytearray(line)
        for c in range(channels):
            out[c::channels] = bytes(v & 255 for v in accumulate(line[c::channels]))
        line = bytes(out)
    elif kind == 2:
        a, b = int.from_bytes(line, "big"), int.from_bytes(previous, "big")
        line = (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, "big")
    elif kind in (3, 4):
        out, up = bytearray(line), previous
        for x in range(stride):
            a = out[x - channels] if x >= channels else 0
            b = up[x]
            if kind == 3:
                out[x] = (out[x] + ((a + b) >> 1)) & 255
            else:
                c = up[x - channels] if x >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                out[x] = (out[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        line = bytes(out)
    elif kind != 0:
        fail("the screenshot has an unknown PNG filter (%d)" % kind)
    previous = line
    ink += line.translate(dark).count(1)  # dark channel values
    if y % 4 == 0:  # colour sampled on a grid: bars are wide
        for x in range(0, stride, 4 * channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if max(r, g, b) - min(r, g, b) > 80:
                coloured += 1
total = width * height * channels
print("screenshot: %dx%d, %.1f%% ink, %d coloured points of the grid" % (width, height, 100.0 * ink / total, coloured))
if ink < total * 0.01:
    fail("the screenshot is nearly blank (%.2f%% of it is not white)" % (100.0 * ink / total))
if coloured < 200:
    fail("the screenshot shows almost no colour: the charts did not render")

try:
    pdf = open(pdf_path, "rb").read()
except OSError:
    fail("no PDF was written (%s)" % pdf_path)
if not pdf.startswith(b"%PDF-"):
    fail("%s is not a PDF file" % pdf_path)
pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
print("pdf: %d pages, %d bytes" % (pages, len(pdf)))
if pages < min_pages:
    fail("the PDF has %d pages, expected at least %d" % (pages, min_pages))
PY
echo "rendered: $out/page.png, $out/page.pdf"
