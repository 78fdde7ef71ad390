#!/usr/bin/env python3
"""scripts/bench resume: what resuming a big job near its end costs.

The claim it measures: resuming costs time in proportion to the work left, not to the file.
A 1,000,000-row job (the ingest benchmark's export) is run against `phonebatch sandbox`
(Harmony, no latency, no limit) and SIGKILLed once the provider has answered all but about
--left-share of the numbers. The killed job's files are kept; each of --runs resumes starts
from a copy of them and runs `phonebatch resume DB` to the end. In the same run, as anchors:
  run to the kill   the killed run's own time (ingest and most of the provider work)
  export alone      `phonebatch export` of the finished job: the part of a resume that
                    must read every row, since the output holds every row
The table quotes medians.
"""
import argparse
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_providers import sandbox_env, start_sandbox  # noqa: E402

SUFFIXES = ("", "-wal", "-shm")


def remove_job(db):
    for suffix in SUFFIXES:
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def copy_job(source, target):
    remove_job(target)
    for suffix in SUFFIXES:
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)


def numbers_left(db):
    """(stage, numbers the provider has yet to answer, numbers it is asked about), or None."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            stage = con.execute("SELECT stage FROM job").fetchone()[0]
            left, queued = con.execute(
                "SELECT SUM(state IN ('pending', 'batched')), SUM(state <> 'local') FROM number").fetchone()
            return stage, left or 0, queued or 0
        finally:
            con.close()
    except sqlite3.Error:
        return None


def main():
    p = argparse.ArgumentParser(prog="bench resume")
    p.add_argument("--binary", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--input", required=True, help="the export to run (the ingest benchmark's 1,000,000 rows)")
    p.add_argument("--runs", type=lambda v: max(1, int(v)), default=3)
    p.add_argument("--left-share", type=float, default=0.02, help="kill when this share of the numbers is left (default 0.02)")
    args = p.parse_args()

    killed = os.path.join(args.work, "resume-killed.sqlite")
    db = os.path.join(args.work, "resume.sqlite")
    out = os.path.join(args.work, "resume.checked.csv")
    remove_job(killed)
    proc, port = start_sandbox(args.binary, 0, None, 1)
    try:
        env = dict(os.environ)
        env.update(sandbox_env(args.binary, port))
        env.update({"PHONEBATCH_HARMONY_BATCH_SIZE": "100", "PHONEBATCH_HARMONY_REQUESTS_PER_SECOND": "100000",
                    "PHONEBATCH_HARMONY_MAX_IN_FLIGHT": "16"})

        print("bench: resume: running the job until it is nearly done", file=sys.stderr)
        start = time.monotonic()
        run = subprocess.Popen([args.binary, "run", args.input, "--provider", "harmony", "--db", killed, "--out", out, "-q"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        at_kill = None
        while run.poll() is None:
            state = numbers_left(killed)
            if state and state[0] == "submit" and state[2] and state[1] <= args.left_share * state[2]:
                run.send_signal(signal.SIGKILL)
                run.wait()
                at_kill = state
                break
            time.sleep(0.2)
        run_seconds = time.monotonic() - start
        if at_kill is None:
            sys.exit(f"bench: resume: the run ended ({run.returncode}) before it could be killed near its end: "
                     f"{run.stderr.read().strip()}")
        # Read again: numbers settled between the last poll and the kill count too.
        stage, left_at_kill, queued = numbers_left(killed) or at_kill

        resumes, exports = [], []
        for attempt in range(args.runs):
            print(f"bench: resume: run {attempt + 1}/{args.runs}", file=sys.stderr)
            copy_job(killed, db)
            start = time.monotonic()
            result = subprocess.run([args.binary, "resume", db, "-q"], env=env, capture_output=True, text=True)
            resumes.append(time.monotonic() - start)
            if result.returncode != 0:
                sys.exit(f"bench: resume: phonebatch resume failed ({result.returncode}): {result.stderr.strip()}")
            con = sqlite3.connect(db)
            rows, answered = con.execute("SELECT (SELECT COUNT(*) FROM record), (SELECT COUNT(*) FROM result)").fetchone()
            con.close()
            if answered != queued:
                sys.exit(f"bench: resume: {answered} numbers answered after the resume, not {queued}")
            start = time.monotonic()
            result = subprocess.run([args.binary, "export", db, "--out", out, "-q"], capture_output=True, text=True)
            exports.append(time.monotonic() - start)
            if result.returncode != 0:
                sys.exit(f"bench: resume: phonebatch export failed ({result.returncode}): {result.stderr.strip()}")
    finally:
        proc.terminate()
        proc.wait()
        remove_job(db)

    resume = statistics.median(resumes)
    export = statistics.median(exports)
    table = [
        ("run to the kill (ingest + provider)", run_seconds, f"{queued - left_at_kill:,} numbers answered"),
        (f"resume to the end (median of {args.runs})", resume, f"{left_at_kill:,} numbers left, {rows:,} rows written"),
        (f"export alone (median of {args.runs})", export, f"{rows:,} rows written"),
    ]
    print(f"resume benchmark: {rows:,} rows, {queued:,} numbers for harmony (sandbox, no latency), "
          f"killed with {left_at_kill:,} left ({left_at_kill / queued:.1%})")
    print("| what                                   | seconds | notes")
    print("|----------------------------------------|--------:|------")
    for what, seconds, notes in table:
        print(f"| {what:<38} | {seconds:7.2f} | {notes}")
    print(f"resume / run to the kill: {resume / run_seconds:.1%}; resume beyond export alone: {resume - export:.2f} s "
          f"for {left_at_kill:,} numbers")


if __name__ == "__main__":
    main()
