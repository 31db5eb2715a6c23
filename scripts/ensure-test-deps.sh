#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: Debian's chromium for the browser
# tests (Playwright never downloads its own browser here) and LibreOffice Writer (headless) to check
# that exported .docx files convert to PDF, and Debian's postgresql for the suite's PostgreSQL run.
# Needs root or passwordless sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# PostgreSQL for the second run of the suite (scripts/pg-cluster.sh starts a throw-away cluster).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
