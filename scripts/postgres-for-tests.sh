#!/usr/bin/env bash
# PostgreSQL for the branch server's tests: Debian's postgresql (15 on bookworm) installed if
# missing, its cluster started, and a role for the user running the tests that may create the
# tests' throw-away databases. Peer authentication over the local socket: no password anywhere.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "postgres: installing Debian postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "psql -qAt -c 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
user=$(id -un)
su postgres -c "psql -qAt -v ON_ERROR_STOP=1" <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$user') THEN CREATE ROLE "$user" LOGIN CREATEDB; END IF;
END\$\$;
-- DROP DATABASE … WITH (FORCE) of a test's database must be able to end an autovacuum worker in it.
GRANT pg_signal_backend TO "$user";
SQL
echo "postgres: PostgreSQL $version up; tests connect as $user over /var/run/postgresql"
