#!/usr/bin/env bash
# Installs the Debian packages thidua needs, only those missing, so it is quick when all are there:
# Chromium (browser tests), poppler-utils (pdftotext in tests), gettext (translations),
# Pango (WeasyPrint), Liberation fonts (metric-compatible with Times New Roman), and Tesseract with
# its Vietnamese data (the reader's OCR of scanned PDFs), SoftHSM2 (the PKCS#11 token that signs
# decisions and certificates in the demo and the tests), and npm (axe-core for the accessibility check,
# installed from package-lock.json by `make install`).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || missing+=(fonts-liberation)
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || missing+=(fonts-dejavu-core)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
command -v npm >/dev/null 2>&1 || missing+=(npm)
{ tesseract --list-langs 2>/dev/null | grep -qx vie; } || missing+=(tesseract-ocr-vie)
command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
