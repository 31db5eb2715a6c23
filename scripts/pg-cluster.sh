#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the second run of the test suite.
#   pg-cluster.sh start <dir>   initdb as an unprivileged user in <dir>, start it on a free port,
#                               print its DATABASE_URL on stdout
#   pg-cluster.sh stop <dir>    stop it and remove <dir>
# Uses Debian's binaries from /usr/lib/postgresql/*/bin (scripts/ensure-test-deps.sh installs them).
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?cluster directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql" >&2; exit 1; }
# PostgreSQL refuses to run as root: use the 'postgres' system user then, or 'nobody' if there is none.
as_user() {
  if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
  local user=postgres; id -u postgres >/dev/null 2>&1 || user=nobody
  runuser -u "$user" -- "$@"
}
owner() { if [ "$(id -u)" -ne 0 ]; then id -un; elif id -u postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"; chown "$(owner)" "$dir"; chmod 700 "$dir"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_user "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
    # Durability settings stay at their defaults (fsync on): the suite checks that acknowledged writes survive.
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop <dir>" >&2; exit 2 ;;
esac
