"""Long parallel runs against per-minute rate limits: how close chat_many() comes to the
least time the limits allow, how many jobs it loses, how many 429s it causes.

    python benchmarks/long_runs.py            # 1,000 jobs, 600 RPM / 60,000 TPM (~15 min)
    python benchmarks/long_runs.py --quick    # 200 jobs, limits scaled: ~20 s a run

Each run starts benchmarks/ratelimit_server.py in its own process, in one enforcement
style (bucket: full-minute token buckets; window: 1-second windows of limit/60), with
OpenAI's x-ratelimit-* headers or without them, and calls chat_many "untold" (no limits
given) and "told" (requests_per_minute=, plus tokens_per_minute= when the installed
chat_many accepts it). --client FILE runs another client instead: FILE defines
run(jobs, base_url, max_tokens, rpm, tpm) -> list of results (exceptions for lost jobs),
rpm/tpm None when untold.

The minimum: with C_r requests and C_t tokens available at the start and refill rates
r_r, r_t a second, sending N requests and T tokens takes at least
max(0, (N - C_r)/r_r, (T - C_t)/r_t), plus one latency for the last answer. Bucket style
starts with a full minute (C = the limit); window style with one window's worth.
"""
import argparse
import importlib.util
import inspect
import json
import math
import os
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import requests  # noqa: E402

import openai_compat as oc  # noqa: E402

import logging  # noqa: E402
logging.getLogger(oc.__name__).setLevel(logging.ERROR)   # its retry warnings: thousands

MODEL = "gpt-4o-mini"
# Per style: (jobs, rpm, tpm). Tokens a job: ~70 of prompt + 40 of max_tokens = 110, so in
# the full run the tokens bind (110,000 T against 60,000 TPM) a little more than requests.
FULL = {"bucket": (1000, 600, 60000), "window": (1000, 600, 60000)}
QUICK = {"bucket": (200, 150, 16000), "window": (200, 600, 66000)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(rpm, tpm, style, headers, latency, window=1.0):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, os.path.join(HERE, "ratelimit_server.py"), str(port), "--rpm",
         str(rpm), "--tpm", str(tpm), "--style", style, "--headers", headers,
         "--latency", str(latency), "--window", str(window)],
        stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc, "http://127.0.0.1:%d/v1" % port


def make_jobs(n: int) -> list:
    # ~280 characters each (70 tokens by the server's count), all different
    return ["Job %05d. " % i + ("Summarise the following in one short sentence: the quick "
                                "brown fox jumps over the lazy dog. " * 4)[:269]
            for i in range(n)]


def job_tokens(prompt: str, max_tokens: int) -> int:
    return math.ceil(len(prompt) / 4) + max_tokens    # as ratelimit_server counts


def minimum_seconds(n, tokens, rpm, tpm, style, latency, window=1.0) -> float:
    start = 1.0 if style == "bucket" else window / 60.0   # share of a minute there at start
    c_r, c_t = rpm * start, tpm * start
    return max(0.0, (n - c_r) / (rpm / 60.0), (tokens - c_t) / (tpm / 60.0)) + latency


def chat_many_client(jobs, base_url, max_tokens, rpm, tpm):
    kwargs = {}
    if rpm:
        kwargs["requests_per_minute"] = rpm
    if tpm and "tokens_per_minute" in inspect.signature(oc.chat_many).parameters:
        kwargs["tokens_per_minute"] = tpm
    return oc.chat_many(jobs, model=MODEL, base_url=base_url, api_key="sk-bench-long-runs",
                        max_tokens=max_tokens, **kwargs)


def load_client(path):
    spec = importlib.util.spec_from_file_location("long_runs_client", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.run


def one_run(client, style, headers, told, n, rpm, tpm, latency, max_tokens, window):
    jobs = make_jobs(n)
    tokens = sum(job_tokens(j, max_tokens) for j in jobs)
    proc, url = start_server(rpm, tpm, style, headers, latency, window)
    try:
        start = time.monotonic()
        results = client(jobs, url, max_tokens, rpm if told else None, tpm if told else None)
        wall = time.monotonic() - start
        stats = requests.get(url + "/stats", timeout=5).json()
    finally:
        proc.terminate()
        proc.wait()
    lost = sum(isinstance(r, Exception) for r in results)
    best = minimum_seconds(n, tokens, rpm, tpm, style, latency, window)
    return {"style": style, "headers": headers, "told": told, "jobs": n, "rpm": rpm,
            "tpm": tpm, "wall": wall, "minimum": best, "ratio": wall / best, "lost": lost,
            "sent": stats["requests"], "429": stats["429"],
            "share_429": stats["429"] / max(1, stats["requests"]),
            "errors": sorted({type(r).__name__ for r in results if isinstance(r, Exception)})}


def print_table(rows, title):
    print("\n" + title)
    print("%-7s %-7s %-6s %5s %10s %8s %8s %6s %5s %6s %6s" % (
        "style", "headers", "limits", "jobs", "rpm/tpm", "wall s", "min s", "ratio", "lost",
        "sent", "429%"))
    for r in rows:
        print("%-7s %-7s %-6s %5d %10s %8.1f %8.1f %6.2f %5d %6d %5.1f%%" % (
            r["style"], r["headers"], "told" if r["told"] else "untold", r["jobs"],
            "%d/%dk" % (r["rpm"], r["tpm"] // 1000), r["wall"], r["minimum"], r["ratio"],
            r["lost"], r["sent"], 100 * r["share_429"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="200 jobs, ~20 s a run")
    ap.add_argument("--jobs", type=int, help="jobs a run (default: 1000, or 200 --quick)")
    ap.add_argument("--rpm", type=float)
    ap.add_argument("--tpm", type=float)
    ap.add_argument("--styles", default="bucket,window")
    ap.add_argument("--headers", default="all,none",
                    help="comma list of all (x-ratelimit-* and retry-after), retry, none")
    ap.add_argument("--limits", default="untold,told")
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--window", type=float, default=1.0)
    ap.add_argument("--max-tokens", type=int, default=40)
    ap.add_argument("--client", help="a .py file defining run(jobs, base_url, max_tokens, "
                                     "rpm, tpm); default: openai_compat.chat_many")
    ap.add_argument("--json", help="also write the rows to this file")
    a = ap.parse_args(argv)
    client = load_client(a.client) if a.client else chat_many_client
    shapes = QUICK if a.quick else FULL
    rows = []
    for style in a.styles.split(","):
        n, rpm, tpm = shapes[style]
        n, rpm, tpm = a.jobs or n, a.rpm or rpm, a.tpm or tpm
        for headers in a.headers.split(","):
            for told in a.limits.split(","):
                row = one_run(client, style, headers, told == "told", n, rpm, tpm,
                              a.latency, a.max_tokens, a.window)
                rows.append(row)
                print_table([row], "run %d:" % len(rows))
                sys.stdout.flush()
    print_table(rows, "client: %s" % (a.client or "openai_compat.chat_many (signature: %s)"
                                      % ", ".join(inspect.signature(oc.chat_many).parameters)))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
