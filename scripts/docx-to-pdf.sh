#!/usr/bin/env bash
# Renders a DOCX to PDF with LibreOffice as a reader's Word shows it: the contents' page numbers updated (Word does so on
# opening, as the document asks it to) and 宋体/黑体 drawn with Debian's fonts-noto-cjk (tests/render/fonts.conf).
# Usage: scripts/docx-to-pdf.sh IN.docx OUT.pdf. Needs libreoffice-writer and fonts-noto-cjk (test.sh installs both).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
in="$(realpath "$1")"
out="$(realpath -m "$2")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
export FONTCONFIG_FILE="$root/tests/render/fonts.conf"
# A first start writes the profile (and its default macro library); the macro goes in after it.
soffice --headless --norestore --terminate_after_init -env:UserInstallation="file://$profile" >/dev/null 2>&1
basic="$profile/user/basic/Standard"
mkdir -p "$basic"
cp "$root/tests/render/UpdateAndExport.xba" "$basic/Module1.xba"
rm -f "$out"
YUSUAN_DOCX="$in" YUSUAN_PDF="$out" timeout 300 soffice --headless --norestore -env:UserInstallation="file://$profile" \
  'vnd.sun.star.script:Standard.Module1.Convert?language=Basic&location=application' >/dev/null 2>&1 || true
if [ ! -s "$out" ]; then
  echo "docx-to-pdf.sh: LibreOffice wrote no PDF for $in" >&2
  exit 1
fi
