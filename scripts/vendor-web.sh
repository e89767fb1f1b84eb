#!/usr/bin/env bash
# Fetches the browser libraries the web application serves itself (no CDN) from the npm registry, checks the tarball's
# SHA-256 against the one recorded here, and copies the files it serves into src/Yusuan.Web/static/ (embedded in the
# assembly and served under /static/). Run it to update a library: change the version and the digest together.
#   tabulator-tables — the ledger grid (MIT; its licence is kept beside it as LICENSE-tabulator.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
version=6.5.3
sha256=a3aeb833e5cf924c8a686fa6748c1070c5fde8e605e0b1734000c35b78571a9b
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "tabulator-tables@$version" >/dev/null)
echo "$sha256  $work/tabulator-tables-$version.tgz" | sha256sum --check --quiet
tar xzf "$work/tabulator-tables-$version.tgz" -C "$work"
cp "$work/package/dist/js/tabulator.min.js" "$work/package/dist/css/tabulator_simple.min.css" src/Yusuan.Web/static/
cp "$work/package/LICENSE" src/Yusuan.Web/static/LICENSE-tabulator.txt
(cd src/Yusuan.Web/static && sha256sum tabulator.min.js tabulator_simple.min.css LICENSE-tabulator.txt > VENDORED.sha256)
echo "tabulator-tables $version vendored into src/Yusuan.Web/static/"
