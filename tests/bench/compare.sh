#!/usr/bin/env bash
# LoadBalancer against nginx and HAProxy on this machine, configured alike, and against the floor of its own stack
# (Kestrel+YARP: YARP's minimal forwarder on Kestrel's HTTPS); see docs/benchmarks.md.
#   tests/bench/compare.sh [--rsa] [--quick] [more options of the benchmark's compare mode, e.g. --only h1,h2]
# Installs what it needs by package name (Debian), publishes LoadBalancer (Release) and the benchmark program into
# artifacts/bench/, raises the open-file limit, and runs the comparison: a table on the terminal and every figure in
# artifacts/bench/compare-<time>.json. About 36 minutes (--quick: about 8).
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_stream_module.so ] || need+=(libnginx-mod-stream)   # nginx's stream module is a package of its own
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v h2load >/dev/null 2>&1 || need+=(nghttp2-client)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

out=artifacts/bench
echo "publishing LoadBalancer (Release, ReadyToRun, as the container image does) and the benchmark program into $out/"
rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
dotnet publish src/LoadBalancer -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/loadbalancer" -v quiet -nologo >/dev/null
dotnet publish tests/LoadBalancer.Benchmarks -c Release -o "$out/benchmarks" -v quiet -nologo >/dev/null

# 10,000 idle connections: the proxies, the client and the backends each need file descriptors.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

exec "$out/benchmarks/LoadBalancer.Benchmarks" compare --loadbalancer "$out/loadbalancer/LoadBalancer" "$@"
