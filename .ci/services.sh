# Sourced by .ci/run and .ci/benchmark: makes sure what the tests need is there and running —
# a PostgreSQL server on 127.0.0.1:5432 with a role that may create databases, and what
# .ci/tools.sh installs (Debian's Chromium with its chromedriver, Debian's HAProxy) — and exports
# where the tests find them.

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

PG_USER="${BANYAN_TEST_PG_USER:-banyan_test}"
PG_PASSWORD="${BANYAN_TEST_PG_PASSWORD:-banyan_test}"

pg_answers() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! pg_answers; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -n | tail -1)
  as_root pg_ctlcluster "$version" main start || true
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  pg_answers || { echo "PostgreSQL did not start" >&2; exit 1; }
fi

# A role that may create the throwaway databases the integration tests make and drop.
as_root runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  ELSE
    ALTER ROLE ${PG_USER} LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END
\$\$;
SQL

export BANYAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/postgres"
export BANYAN_TEST_PG_USER="$PG_USER"
export BANYAN_TEST_PG_PASSWORD="$PG_PASSWORD"
