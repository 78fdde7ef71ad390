#!/usr/bin/env python3
"""scripts/bench providers: how close phonebatch runs to a provider's rate limit, and what
it costs in CPU.

For each provider, against `phonebatch sandbox` in its own process:
  rate run   the sandbox adds 100 ms of latency to every request and accepts R requests a
             second (a one-second window); phonebatch is configured for R a second. The
             request rate achieved is counted from the job's request_log: requests that got
             an answer other than 429, per second from the first to the last, as a share of
             R (target: at least 95%). Numbers a second end to end is distinct numbers
             checked over the whole run's wall time (ingest and export included).
  cpu run    no latency, no limit, phonebatch unthrottled: user + system CPU seconds of the
             phonebatch process (and its workers), per number checked by the provider.
Each run is repeated --runs times; the table quotes medians.
"""
import argparse
import os
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import time

PROVIDERS = {
    # name: (numbers in the rate run, batch size, sandbox async seconds)
    "harmony": (60_000, 100, 1),
    "experian": (15_000, 100, 1),
    "delpha": (600, 1, 0.5),
    "accuauth": (800, 1, 0.5),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_input(path, count):
    # UK mobiles +44 7400 000000 onwards: valid, distinct, one per row.
    with open(path, "w") as out:
        out.write("id,phone\n")
        for i in range(count):
            out.write(f"{i},+447400{i:06d}\n")


def start_sandbox(binary, latency, rate, async_seconds):
    port = free_port()
    args = [binary, "sandbox", "--port", str(port), "--latency-ms", str(latency), "--async-seconds", str(async_seconds), "-q"]
    if rate:
        args += ["--rate-limit", str(rate), "--rate-window", "1"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("bench: the sandbox did not start")


def sandbox_env(binary, port):
    text = subprocess.run([binary, "sandbox", "--port", str(port), "--print-env"], capture_output=True, text=True,
                          check=True).stdout
    env = {}
    for line in text.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        env[name] = value
    return env


def run_once(binary, work, provider, rate, latency):
    count, batch, async_seconds = PROVIDERS[provider]
    if not rate:
        count = min(count, 20_000) if provider in ("harmony", "experian") else count
    inp = os.path.join(work, f"providers-{provider}-{count}.csv")
    if not os.path.exists(inp):
        write_input(inp, count)
    db = os.path.join(work, f"providers-{provider}.sqlite")
    out = os.path.join(work, f"providers-{provider}.checked.csv")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    proc, port = start_sandbox(binary, latency, rate, async_seconds)
    try:
        env = dict(os.environ)
        env.update(sandbox_env(binary, port))
        up = provider.upper()
        env[f"PHONEBATCH_{up}_BATCH_SIZE"] = str(batch)
        env[f"PHONEBATCH_{up}_REQUESTS_PER_SECOND"] = str(rate or 100_000)
        env[f"PHONEBATCH_{up}_MAX_IN_FLIGHT"] = "64"
        env[f"PHONEBATCH_{up}_POLL_SECONDS"] = str(async_seconds)
        env[f"PHONEBATCH_{up}_MAX_POLL_SECONDS"] = "2"
        env[f"PHONEBATCH_{up}_MAX_ATTEMPTS"] = "10"
        env[f"PHONEBATCH_{up}_RECHECK_SECONDS"] = "1"  # Accuauth: the sandbox's "try later" passes at once
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        result = subprocess.run([binary, "run", inp, "--provider", provider, "--db", db, "--out", out, "-q"], env=env,
                                capture_output=True, text=True)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        proc.terminate()
        proc.wait()
    if result.returncode != 0:
        sys.exit(f"bench: phonebatch run --provider {provider} failed ({result.returncode}): {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    con = sqlite3.connect(db)
    answered = con.execute("SELECT COUNT(*) FROM result").fetchone()[0]
    ok, span = con.execute("""SELECT COUNT(*), (julianday(MAX(at)) - julianday(MIN(at))) * 86400.0
                              FROM request_log WHERE http_status NOT IN (0, 429)""").fetchone()
    limited = con.execute("SELECT COUNT(*) FROM request_log WHERE http_status = 429").fetchone()[0]
    con.close()
    return {"wall": wall, "cpu": cpu, "answered": answered, "ok_rate": (ok - 1) / span if span else 0.0,
            "limited": limited, "numbers": count}


def main():
    p = argparse.ArgumentParser(prog="bench providers")
    p.add_argument("--binary", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--rate", type=int, default=50, help="R: requests a second the sandbox accepts")
    p.add_argument("--providers", default=",".join(PROVIDERS))
    args = p.parse_args()
    rows = []
    for provider in args.providers.split(","):
        rated, free = [], []
        for run in range(args.runs):
            print(f"bench: {provider} run {run + 1}/{args.runs}", file=sys.stderr)
            rated.append(run_once(args.binary, args.work, provider, args.rate, 100))
            free.append(run_once(args.binary, args.work, provider, None, 0))
        share = statistics.median(r["ok_rate"] for r in rated) / args.rate
        rows.append([
            provider,
            f"{statistics.median(r['ok_rate'] for r in rated):.1f}",
            f"{share * 100:.1f}%",
            "ok" if share >= 0.95 else "FAIL",
            f"{statistics.median(r['limited'] for r in rated):.0f}",
            f"{statistics.median(r['answered'] / r['wall'] for r in rated):,.0f}",
            f"{statistics.median(r['cpu'] / r['answered'] * 1e6 for r in free):,.0f}",
        ])
    head = ["provider", f"req/s (R={args.rate})", "share of R", ">=95%", "429s", "numbers/s", "CPU us/number (0 ms)"]
    widths = [max(len(str(c)) for c in col) for col in zip(head, *rows)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print(f"providers: sandbox at 100 ms latency and R = {args.rate} requests a second; medians of {args.runs} runs")
    print(line(head))
    for row in rows:
        print(line(row))


if __name__ == "__main__":
    main()
