#!/usr/bin/env bash
# Start the deployment on this machine's loopback, as the systemd units and nginx site would run it in production:
# N dashboard processes, the curator's process and nginx in front, all on 127.0.0.1. For the benchmark and for
# trying the proxy configuration; stops everything on Ctrl-C or SIGTERM.
#
#   deploy/run-local.sh 2                      # 2 processes on 8501-8502, curator 8510, nginx on 8080
#   PROXY_PORT=8690 BASE_PORT=8691 CURATOR_PORT=8699 DANVAN_DATA=build/scale deploy/run-local.sh 1
#
# Environment: PYTHON (default: the first of ./venv, /work/venv, python3), DANVAN_DATA (default data/),
# RUN_DIR (default build/run-local: generated nginx config, logs, pids), DANVAN_SNAPSHOT (default 1).
# When every process answers, "$RUN_DIR/ready" holds the proxy's URL and "$RUN_DIR/pids" lists
# "<role> <port> <pid>" lines (role: dashboard, curator, nginx).
set -euo pipefail

N="${1:-2}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROXY_PORT="${PROXY_PORT:-8080}"
BASE_PORT="${BASE_PORT:-8501}"
CURATOR_PORT="${CURATOR_PORT:-8510}"
RUN_DIR="$(mkdir -p "${RUN_DIR:-$ROOT/build/run-local}" && cd "${RUN_DIR:-$ROOT/build/run-local}" && pwd)"
export DANVAN_DATA="${DANVAN_DATA:-$ROOT/data}"
export DANVAN_SNAPSHOT="${DANVAN_SNAPSHOT:-1}"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
if [[ -z "${PYTHON:-}" ]]; then
    for candidate in "$ROOT/venv/bin/python" /work/venv/bin/python "$(command -v python3)"; do
        if [[ -x "$candidate" ]]; then PYTHON="$candidate"; break; fi
    done
fi
[[ -x "$NGINX" ]] || { echo "nginx not found: apt-get install nginx-light (or nginx)" >&2; exit 2; }
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 N (number of dashboard processes)" >&2; exit 2; }

rm -f "$RUN_DIR/ready" "$RUN_DIR/pids"
PIDS=()
stop() {
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -f "$RUN_DIR/ready"
}
trap stop EXIT
trap 'exit 143' INT TERM

# nginx: the production site (deploy/nginx/danvan.conf) with loopback ports, this run's processes and paths.
cp "$ROOT/deploy/nginx/danvan-locations.conf" "$ROOT/deploy/nginx/danvan-proxy.conf" \
    "$ROOT/deploy/nginx/danvan-headers.conf" "$RUN_DIR/"
sed -i "s#/opt/danvan/deploy/nginx#$RUN_DIR#g" "$RUN_DIR/danvan-locations.conf"
servers=""
for ((i = 0; i < N; i++)); do
    servers+="    server 127.0.0.1:$((BASE_PORT + i)) max_fails=3 fail_timeout=10s;\n"
done
sed -e "/# systemd: danvan@/d" \
    -e "s#hash \$danvan_route consistent;#&\n$servers#" \
    -e "s#server 127.0.0.1:8510;#server 127.0.0.1:$CURATOR_PORT;#" \
    -e "s#listen 80;#listen 127.0.0.1:$PROXY_PORT;#" -e "/listen \[::\]:80;/d" \
    -e "s#/var/log/nginx/#$RUN_DIR/#" -e "s#/opt/danvan/deploy/nginx#$RUN_DIR#g" \
    "$ROOT/deploy/nginx/danvan.conf" > "$RUN_DIR/danvan.conf"
cat > "$RUN_DIR/nginx.conf" <<EOF
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/nginx-error.log warn;
$([[ $EUID -eq 0 ]] && echo "user root;")
events { worker_connections 4096; }
http {
    client_body_temp_path $RUN_DIR/tmp-body;
    proxy_temp_path $RUN_DIR/tmp-proxy;
    include $RUN_DIR/danvan.conf;
}
EOF
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf"

start() {  # role port [streamlit options…]
    local role="$1" port="$2"
    shift 2
    (cd "$ROOT" && exec "$PYTHON" deploy/serve.py run app.py --server.port "$port" --server.address 127.0.0.1 \
        --server.headless true --browser.gatherUsageStats false "$@") > "$RUN_DIR/$role-$port.log" 2>&1 &
    PIDS+=($!)
    echo "$role $port $!" >> "$RUN_DIR/pids.tmp"
}
rm -f "$RUN_DIR/pids.tmp"
for ((i = 0; i < N; i++)); do start dashboard $((BASE_PORT + i)); done
start curator "$CURATOR_PORT" --server.baseUrlPath quan-tri
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -g "daemon off;" &
PIDS+=($!)
echo "nginx $PROXY_PORT $!" >> "$RUN_DIR/pids.tmp"

health() {  # url → 0 when it answers "ok"
    "$PYTHON" - "$1" <<'EOF'
import sys, urllib.request
try:
    sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).read() == b"ok" else 1)
except OSError:
    sys.exit(1)
EOF
}
deadline=$((SECONDS + 120))
urls=("http://127.0.0.1:$PROXY_PORT/_stcore/health" "http://127.0.0.1:$PROXY_PORT/quan-tri/_stcore/health")
for ((i = 0; i < N; i++)); do urls+=("http://127.0.0.1:$((BASE_PORT + i))/_stcore/health"); done
for url in "${urls[@]}"; do
    until health "$url"; do
        if ((SECONDS > deadline)); then echo "not answering: $url (logs in $RUN_DIR)" >&2; exit 1; fi
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a process died (logs in $RUN_DIR)" >&2; exit 1; }; done
        sleep 0.5
    done
done
mv "$RUN_DIR/pids.tmp" "$RUN_DIR/pids"
echo "http://127.0.0.1:$PROXY_PORT" > "$RUN_DIR/ready"
echo "ready: http://127.0.0.1:$PROXY_PORT ($N dashboard process(es), curator at /quan-tri/; logs in $RUN_DIR)"
wait -n "${PIDS[@]}"  # until one of them stops (or this script is stopped)
echo "a process stopped (logs in $RUN_DIR)" >&2
exit 1
