#!/usr/bin/env bash
# A private Virtuoso Open Source instance on 127.0.0.1 for tests (see shared/reference/infra.md §3).
#   scripts/virtuoso.sh install          apt-get install virtuoso-opensource when virtuoso-t is missing (root)
#   scripts/virtuoso.sh start DIR        db in DIR/db, ini DIR/virtuoso.ini, pid DIR/virtuoso.pid
#   scripts/virtuoso.sh stop  DIR        clean shutdown (checkpoint), then the pid is gone
# Environment: VIRTUOSO_PASSWORD (dba password, default rasad-dba), VIRTUOSO_HTTP_PORT (8890),
# VIRTUOSO_SQL_PORT (1111). Endpoints: /sparql (public, read), /sparql-auth (digest, dba),
# /sparql-graph-crud-auth (Graph Store Protocol, digest). Queries without FROM see all graphs.
set -euo pipefail

usage() { echo "usage: $0 install | start DIR | stop DIR" >&2; exit 2; }
[ $# -ge 1 ] || usage
cmd=$1; dir=${2:-}
pw=${VIRTUOSO_PASSWORD:-rasad-dba}
http=${VIRTUOSO_HTTP_PORT:-8890}
sql=${VIRTUOSO_SQL_PORT:-1111}
ini_src=/etc/virtuoso-opensource-7/virtuoso.ini

case "$cmd" in
  install)
    if command -v virtuoso-t > /dev/null; then echo "virtuoso already installed"; exit 0; fi
    apt-get update
    printf '%s\n' \
      "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password $pw" \
      "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password $pw" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource
    ;;
  start)
    [ -n "$dir" ] || usage
    command -v virtuoso-t > /dev/null || { echo "$0: virtuoso-t missing: run '$0 install'" >&2; exit 3; }
    mkdir -p "$dir/db"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      echo "$0: already running (pid $(cat "$dir/virtuoso.pid"))" >&2; exit 1
    fi
    # Private copy of the stock ini: own db dir, loopback ports, no 10000-row cap on results.
    sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir/db#g" \
        -e "s#^ServerPort\s*=\s*1111#ServerPort = 127.0.0.1:$sql#" \
        -e "s#^ServerPort\s*=\s*8890#ServerPort = 127.0.0.1:$http#" \
        -e "s#^ResultSetMaxRows\s*=.*#ResultSetMaxRows = 1000000#" \
        -e "s#^MaxQueryCostEstimationTime\s*=.*#MaxQueryCostEstimationTime = 0#" \
        "$ini_src" > "$dir/virtuoso.ini"
    if [ ! -f "$dir/db/virtuoso.db" ]; then
      # Empty db: create it, set the passwords, exit (the packaged debconf password is never applied).
      (cd "$dir/db" && virtuoso-t +configfile "$dir/virtuoso.ini" +foreground +pwdold dba \
        +pwddba "$pw" +pwddav "$pw" > "$dir/virtuoso-init.log" 2>&1 < /dev/null)
    fi
    cd "$dir/db"
    virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/virtuoso.log" 2>&1 < /dev/null &
    echo $! > "$dir/virtuoso.pid"
    for _ in $(seq 1 300); do
      if curl -sf -o /dev/null "http://127.0.0.1:$http/sparql?query=ASK%7B%7D"; then
        echo "virtuoso serving http://127.0.0.1:$http/sparql (pid $(cat "$dir/virtuoso.pid"))"; exit 0
      fi
      kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null || break
      sleep 0.2
    done
    echo "$0: virtuoso did not start; see $dir/virtuoso.log:" >&2; tail -20 "$dir/virtuoso.log" >&2; exit 1
    ;;
  stop)
    [ -n "$dir" ] || usage
    [ -f "$dir/virtuoso.pid" ] || { echo "$0: no $dir/virtuoso.pid: not running" >&2; exit 0; }
    pid=$(cat "$dir/virtuoso.pid")
    isql-vt "127.0.0.1:$sql" dba "$pw" 'EXEC=shutdown;' > /dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
    rm -f "$dir/virtuoso.pid"
    ;;
  *) usage ;;
esac
