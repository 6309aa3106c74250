#!/usr/bin/env bash
# Installs what the test command needs from Debian when it is missing: Chromium for the browser
# journeys and poppler-utils (pdftotext) for PDF checks. Runs as the `pretest` step of `npm test`.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "pretest: installing ${missing[*]} with apt-get (needed by the browser and PDF tests)"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
echo "pretest: installed ${missing[*]}"
