#!/usr/bin/env bash
# PostgreSQL for the integration tests.
#   postgres.sh ensure        start or install a server if none answers
#   postgres.sh url           print a URL template for the reachable server,
#                             with DBNAME where the database name goes
source "$(dirname "$0")/common.sh"

tcp_url="postgres://postgres@127.0.0.1:5432/DBNAME"
socket_url="postgres://root@localhost/DBNAME?host=/var/run/postgresql"

answers() { psql "${1/DBNAME/postgres}" -Atqc 'select 1' >/dev/null 2>&1; }

url() {
  if answers "$tcp_url"; then echo "$tcp_url"; return; fi
  if answers "$socket_url"; then echo "$socket_url"; return; fi
  return 1
}

ensure() {
  url >/dev/null && return 0
  if ! command -v pg_ctlcluster >/dev/null; then
    log "installing PostgreSQL"
    run_apt postgresql
  fi
  local version
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  # Let root connect over the socket by peer authentication.
  su postgres -c "psql -Atqc \"select 1 from pg_roles where rolname='root'\"" | grep -q 1 \
    || su postgres -c "createuser --superuser root"
  url >/dev/null || die "PostgreSQL did not come up"
}

case "${1:-}" in
  ensure) ensure ;;
  url) url ;;
  *) die "usage: postgres.sh ensure|url" ;;
esac
