#!/usr/bin/env bash
# Starts PostgreSQL for the tests, from Debian's `postgresql` package, listening on loopback
# only, with a role that may create databases (each test file gets its own), and prints the URL
# to put in TEST_POSTGRES_URL. Run as root; safe to run again (it reuses what is there):
#   export TEST_POSTGRES_URL="$(sudo bash scripts/test/postgres.sh)"
# `npm test` (scripts/test/machine.ts) does exactly this when TEST_POSTGRES_URL is not set. Everything it says besides the URL goes to stderr.
set -euo pipefail

ROLE=venetic_test
PASSWORD=venetic_test
DATABASE=venetic_test

command -v pg_lsclusters >/dev/null || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  echo "Creating PostgreSQL $version cluster '$cluster'" >&2
  pg_createcluster "$version" "$cluster" >&2
fi
if ! pg_ctlcluster "$version" "$cluster" status >/dev/null 2>&1; then
  echo "Starting PostgreSQL $version ($cluster) on 127.0.0.1" >&2
  pg_ctlcluster "$version" "$cluster" start -- -o "-c listen_addresses=127.0.0.1" >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')"

as_postgres() { runuser -u postgres -- psql --port "$port" --quiet --no-psqlrc -v ON_ERROR_STOP=1 "$@"; }
as_postgres <<SQL >&2
SET client_min_messages = warning;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
-- The tests drop their databases WITH (FORCE), which must also end an autovacuum worker that
-- happens to be in one; without this the drop fails, now and then, for want of the right.
GRANT pg_signal_backend TO $ROLE;
SQL
if [ -z "$(as_postgres --tuples-only --no-align -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
  as_postgres -c "CREATE DATABASE $DATABASE OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$port/$DATABASE"
