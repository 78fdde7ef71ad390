# scripts/bench sandbox: requests a second the sandbox serves at 64 concurrent connections,
# in release, with wrk (Debian's package) on loopback. Sourced by scripts/bench.
#
#   scripts/bench sandbox [--runs N] [--seconds S]
#
# Each endpoint is measured --runs times (default 3) for --seconds each (default 5); the
# table quotes medians. It must not be what limits phonebatch's own benchmarks: a few
# thousand requests a second is enough.

bench_sandbox() {
    local runs=3 seconds=5
    while (($#)); do
        case "$1" in
            --runs) runs="$2"; shift 2 ;;
            --seconds) seconds="$2"; shift 2 ;;
            *) die "sandbox: unknown option $1 (options: --runs N --seconds S)" ;;
        esac
    done
    command -v wrk > /dev/null || apt_install wrk
    ensure_binary
    mkdir -p "$WORK"

    local port=$((20000 + RANDOM % 20000))
    "$BIN" sandbox --port "$port" --quiet &
    local server=$!
    trap 'kill "$server" 2> /dev/null; wait "$server" 2> /dev/null' RETURN
    local tries=0
    until (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do
        ((tries++ < 100)) || die "sandbox: the server did not start on port $port"
        sleep 0.1   # waiting for a port to open, not synchronising a test
    done

    local base="http://127.0.0.1:$port" scripts="$WORK/wrk"
    mkdir -p "$scripts"
    local harmony_auth
    harmony_auth="$(printf '%s' 'sandbox-harmony-user:sandbox-harmony-password' | base64)"
    local hundred
    hundred="$(python3 -c 'import json; print(json.dumps({"payload": [{"fullPhone": "+4474001%05d" % i, "country": "GB"} for i in range(100)]}))')"
    write_wrk_script "$scripts/harmony1.lua" POST "Authorization: Basic $harmony_auth" \
        '{"payload":[{"fullPhone":"+447400123456","country":"GB"}]}'
    write_wrk_script "$scripts/harmony100.lua" POST "Authorization: Basic $harmony_auth" "$hundred"
    write_wrk_script "$scripts/accuauth.lua" POST "X-DF-API-ID: sandbox-accuauth-id|X-DF-API-SECRET: sandbox-accuauth-secret" \
        '{"phone_number":"525512345678"}'
    write_wrk_script "$scripts/experian.lua" GET "Auth-Token: sandbox-experian-token" ""

    local results="$WORK/sandbox-results.tsv"
    : > "$results"
    local name path script run rate
    for entry in "harmony, 1 number|/harmony/rest/au/validate/phone|harmony1" \
                 "harmony, 100 numbers|/harmony/rest/au/validate/phone|harmony100" \
                 "accuauth check|/check/phone_number/o1|accuauth" \
                 "experian list batches|/phone/bulk/v1/batches|experian"; do
        IFS='|' read -r name path script <<< "$entry"
        for ((run = 1; run <= runs; run++)); do
            rate="$(wrk -t2 -c64 -d"${seconds}s" -s "$scripts/$script.lua" "$base$path" | awk '/Requests\/sec/ {print $2}')"
            printf '%s\t%s\n' "$name" "$rate" >> "$results"
            log "bench: sandbox $name, run $run/$runs: $rate requests/s"
        done
    done

    python3 - "$results" "$runs" "$seconds" <<'PY' | tee "$WORK/sandbox-report.txt"
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rate = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append(float(rate))
print(f"sandbox benchmark: 64 connections, wrk -t2, {sys.argv[3]} s a run, median of {sys.argv[2]} runs, release build")
print("| endpoint                 | requests/s | numbers/s |")
print("|--------------------------|-----------:|----------:|")
def numbers(name):
    return 100 if "100 numbers" in name else 1
worst = min(statistics.median(v) * numbers(k) for k, v in rows.items())
for name, values in rows.items():
    rate = statistics.median(values)
    print(f"| {name:<24} | {rate:>10,.0f} | {rate * numbers(name):>9,.0f} |")
print(f"target: a few thousand a second on every endpoint (numbers for Harmony's batches): "
      f"{'PASS' if worst >= 2000 else 'FAIL'} (slowest {worst:,.0f})")
PY
}

# write_wrk_script FILE METHOD "Header: value|Header: value" BODY
write_wrk_script() {
    local file="$1" method="$2" headers="$3" body="$4"
    {
        printf 'wrk.method = "%s"\n' "$method"
        printf 'wrk.headers["Content-Type"] = "application/json"\n'
        local header
        IFS='|' read -ra pairs <<< "$headers"
        for header in "${pairs[@]}"; do
            printf 'wrk.headers["%s"] = "%s"\n' "${header%%: *}" "${header#*: }"
        done
        if [ -n "$body" ]; then
            printf 'wrk.body = [[%s]]\n' "$body"
        fi
    } > "$file"
}
