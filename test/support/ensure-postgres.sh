#!/usr/bin/env bash
# Makes sure a PostgreSQL server (initdb, pg_ctl, postgres) is installed for @scangate/hub's PostgreSQL tests,
# which start a throwaway cluster on 127.0.0.1 (packages/hub/test/support/postgres.global-setup.ts).
# Installs Debian's `postgresql` package with apt-get when no /usr/lib/postgresql/*/bin/{initdb,pg_ctl} exists.
set -euo pipefail

have_postgres() {
  for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/postgres" ]; then
      echo "PostgreSQL found: $bin"
      return 0
    fi
  done
  return 1
}

if have_postgres; then exit 0; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The package's post-install creates (and may start) a default cluster; the tests never use it.
$SUDO apt-get install -y -qq --no-install-recommends postgresql
$SUDO service postgresql stop >/dev/null 2>&1 || true
have_postgres
