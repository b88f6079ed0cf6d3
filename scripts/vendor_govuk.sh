#!/usr/bin/env bash
# Vendor GOV.UK Frontend's compiled assets into webforms/static/govuk/ (development time only:
# the running app needs no Node). Usage: scripts/vendor_govuk.sh [version]
#
# What it does, and why:
# - takes dist/govuk/govuk-frontend.min.css and .min.js from the npm package, unchanged except
#   that the CSS loses the GDS Transport font: a local authority's service is not on gov.uk, so
#   by the Design System's rule it must not use that font (nor the crown or the logotype). The
#   @font-face rules are removed and "GDS Transport," is dropped from every font stack, leaving
#   GOV.UK's own fallback (arial, sans-serif). Its source map is dropped, as it no longer fits.
# - leaves out assets/: its fonts, crown icons, crest, Open Graph image and manifest are all
#   GOV.UK branding, and no component we use needs them (the CSS's one image URL, the crest,
#   is for the Crown copyright footer logo, which we never render). Our neutral favicon is
#   webforms/static/favicon.svg.
# - writes govuk-frontend.rtl.min.css, a mirrored copy made by rtlcss, for right-to-left pages
#   (Arabic, Urdu, Shahmukhi). Fixes rtlcss cannot make are in webforms/static/heard-rtl.css.
# - records the version and the package's MIT licence.
set -euo pipefail

VERSION="${1:-6.3.0}"
RTLCSS_VERSION="4.3.0"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/webforms/static/govuk"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm pack --silent "govuk-frontend@$VERSION" >/dev/null
tar xzf "govuk-frontend-$VERSION.tgz"
npm install --silent --no-save --no-package-lock --prefix "$WORK/tools" "rtlcss@$RTLCSS_VERSION"
DIST="$WORK/package/dist/govuk"

mkdir -p "$DEST"
rm -rf "$DEST/assets" "$DEST"/govuk-frontend.*

sed -E \
  -e 's/@font-face\{font-family:GDS Transport;[^}]*\}//g' \
  -e 's/GDS Transport,//g' \
  -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
  "$DIST/govuk-frontend.min.css" >"$DEST/govuk-frontend.min.css"
if grep -q "GDS Transport" "$DEST/govuk-frontend.min.css"; then
  echo "GDS Transport is still in the CSS: the sed patterns need updating" >&2
  exit 1
fi

"$WORK/tools/node_modules/.bin/rtlcss" --silent "$DEST/govuk-frontend.min.css" "$DEST/govuk-frontend.rtl.min.css"

cp "$DIST/govuk-frontend.min.js" "$DIST/govuk-frontend.min.js.map" "$DEST/"

# The npm package declares MIT but ships no licence file; this is LICENSE.txt from
# github.com/alphagov/govuk-frontend.
node -e 'if (require(process.argv[1]).license !== "MIT") process.exit(1)' \
  "$WORK/package/package.json"
cat >"$DEST/LICENSE" <<'LICENCE'
The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENCE
echo "$VERSION" >"$DEST/VERSION"

echo "Vendored govuk-frontend $VERSION into $DEST"
