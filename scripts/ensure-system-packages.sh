#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: PostgreSQL (storage tests on a real
# server), Chromium (browser end-to-end tests), xmllint (offline manifest schema check), and three
# .xlsx writers other than ours that the dropped-file reader's tests write files with (openpyxl,
# XlsxWriter, Perl's Excel::Writer::XLSX; for Debian's own python3 and perl).
# One apt-get run for all of them; a machine that has them already changes nothing.
set -euo pipefail

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || missing+=(python3-openpyxl)
/usr/bin/python3 -c 'import xlsxwriter' >/dev/null 2>&1 || missing+=(python3-xlsxwriter)
/usr/bin/perl -MExcel::Writer::XLSX -e 1 >/dev/null 2>&1 || missing+=(libexcel-writer-xlsx-perl)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
