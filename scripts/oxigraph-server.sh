#!/usr/bin/env bash
# Start or stop a private Oxigraph server (PyPI package `oxigraph`) on 127.0.0.1 for tests and demos.
#   scripts/oxigraph-server.sh start DIR [PORT]   store in DIR/data, pid in DIR/oxigraph.pid, log DIR/oxigraph.log
#   scripts/oxigraph-server.sh stop  DIR
# The server is read-write (rasad push writes to it) and queries see the union of all graphs.
# Endpoints: http://127.0.0.1:PORT/query, /update, /store (Graph Store Protocol).
# OXIGRAPH=/path/to/oxigraph overrides the binary (default: beside this Python, else on PATH).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1; dir=$2; port=${3:-7878}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${OXIGRAPH:-}
if [ -z "$bin" ]; then
  if [ -x "$here/.venv/bin/oxigraph" ]; then bin="$here/.venv/bin/oxigraph"; else bin=$(command -v oxigraph || true); fi
fi

case "$cmd" in
  start)
    [ -n "$bin" ] || { echo "$0: no oxigraph binary: pip install oxigraph==0.5.13" >&2; exit 3; }
    mkdir -p "$dir/data"
    if [ -f "$dir/oxigraph.pid" ] && kill -0 "$(cat "$dir/oxigraph.pid")" 2>/dev/null; then
      echo "$0: already running (pid $(cat "$dir/oxigraph.pid"))" >&2; exit 1
    fi
    "$bin" serve --location "$dir/data" --bind "127.0.0.1:$port" --union-default-graph \
      > "$dir/oxigraph.log" 2>&1 < /dev/null &
    echo $! > "$dir/oxigraph.pid"
    for _ in $(seq 1 100); do
      if curl -sf -o /dev/null "http://127.0.0.1:$port/query?query=ASK%7B%7D"; then
        echo "oxigraph serving http://127.0.0.1:$port (pid $(cat "$dir/oxigraph.pid"))"; exit 0
      fi
      kill -0 "$(cat "$dir/oxigraph.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "$0: oxigraph did not start; see $dir/oxigraph.log:" >&2; tail -5 "$dir/oxigraph.log" >&2; exit 1
    ;;
  stop)
    [ -f "$dir/oxigraph.pid" ] || { echo "$0: no $dir/oxigraph.pid: not running" >&2; exit 0; }
    pid=$(cat "$dir/oxigraph.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/oxigraph.pid"
    ;;
  *) usage ;;
esac
