"""Client-side cost of openai_compat against raw requests (and the official openai SDK, when
installed), measured in one run against a loopback server in another process.

    python benchmarks/bench.py            # about a minute
    python benchmarks/bench.py --quick    # fewer rounds

Reports CPU time of this (client) process per call and per streamed chunk, import time,
and peak memory of a 100,000-chunk stream. Ratios are against raw requests in the same run:
these machines are noisy, so only ratios from one run mean anything.
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import requests  # noqa: E402

import openai_compat as oc  # noqa: E402

MODEL = "gpt-4o-mini"
MESSAGES = [{"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "Say hello to the world in two words."}]
HEADERS = {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py"), str(port)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc, "http://127.0.0.1:%d" % port


def cpu_per(fn, count: int) -> float:
    """CPU seconds of this process per unit of work (fn does `count` units)."""
    start = time.process_time()
    fn()
    return (time.process_time() - start) / count


# -- the contenders: each returns a function doing `n` units of work ---------------------------

def raw_calls(url, n):
    session = requests.Session()
    body = {"model": MODEL, "messages": MESSAGES}
    return lambda: [session.post(url + "/chat/completions", json=body,
                                 headers=HEADERS).json() for _ in range(n)]


def oc_calls(url, n):
    return lambda: [oc.chat(MESSAGES, model=MODEL, base_url=url, api_key="sk-bench")
                    for _ in range(n)]


def sdk_client(url):
    try:
        import openai
    except ImportError:
        return None
    return openai.OpenAI(base_url=url, api_key="sk-bench", max_retries=0)


def sdk_calls(url, n):
    client = sdk_client(url)
    return client and (lambda: [client.chat.completions.create(model=MODEL, messages=MESSAGES)
                                for _ in range(n)])


def raw_stream(url, chunks):
    """The floor for a requests-based client: iter_lines and json.loads on each data: line."""
    session = requests.Session()
    body = {"model": MODEL, "messages": MESSAGES, "stream": True, "max_tokens": chunks}

    def run():
        with session.post(url + "/chat/completions", json=body, headers=HEADERS,
                          stream=True) as resp:
            for line in resp.iter_lines():
                if line.startswith(b"data: "):
                    data = line[6:]
                    if data == b"[DONE]":
                        break
                    json.loads(data)
    return run


def oc_stream(url, chunks):
    def run():
        for chunk in oc.chat(MESSAGES, model=MODEL, base_url=url, api_key="sk-bench",
                             stream=True, max_tokens=chunks):
            _ = chunk.content
    return run


def sdk_stream(url, chunks):
    client = sdk_client(url)
    if client is None:
        return None

    def run():
        for chunk in client.chat.completions.create(model=MODEL, messages=MESSAGES,
                                                    stream=True, max_tokens=chunks):
            chunk.choices and chunk.choices[0].delta.content
    return run


# -- measurements --------------------------------------------------------------------------

def compare(makers, url, count, units, rounds):
    """Median CPU per unit for each contender, rounds interleaved so noise hits all alike."""
    runs = {name: make(url, count) for name, make in makers.items()}
    runs = {name: run for name, run in runs.items() if run}
    for run in runs.values():
        run()                                   # warm up: connections, caches
    samples = {name: [] for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            samples[name].append(cpu_per(run, units))
    return {name: statistics.median(s) for name, s in samples.items()}


def import_time(module: str, runs: int) -> float | None:
    code = ("import time; t = time.perf_counter(); import %s; "
            "print(time.perf_counter() - t)" % module)
    # From bytecode, as an installed package is imported: the first run writes the .pyc.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = []
    for _ in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT, env=env)
        if out.returncode:
            return None
        times.append(float(out.stdout))
    return min(times[1:])   # the least disturbed run is the truest


MEMORY_CODE = """
import json, sys, tracemalloc, requests
sys.path.insert(0, %r)
import openai_compat as oc
url, n, who = sys.argv[1], int(sys.argv[2]), sys.argv[3]
oc.chat("warm up", model="mock:echo", stream=True).text()    # imports and first-use caches
tracemalloc.start()
if who == "raw":
    body = {"model": "m", "messages": [{"role": "user", "content": "x"}], "stream": True,
            "max_tokens": n}
    with requests.post(url + "/chat/completions", json=body, stream=True) as r:
        for line in r.iter_lines():
            if line.startswith(b"data: ") and line != b"data: [DONE]":
                json.loads(line[6:])
else:
    stream = oc.chat("x", model="m", base_url=url, stream=True, max_tokens=n)
    for chunk in stream:
        pass
    assert stream.response.usage.completion_tokens == n
print(tracemalloc.get_traced_memory()[1])
""" % ROOT


def peak_growth_mb(url, n, who) -> float:
    """Peak of Python allocations while streaming n chunks (tracemalloc), in MiB."""
    out = subprocess.run([sys.executable, "-c", MEMORY_CODE, url, str(n), who],
                         capture_output=True, text=True, check=True)
    return int(out.stdout) / 2**20


def row(name, value, unit, floor):
    ratio = "%.2fx" % (value / floor) if floor else "-"
    return "| %-42s | %10.1f %-3s | %7s |" % (name, value, unit, ratio)


def main():
    quick = "--quick" in sys.argv
    rounds = 3 if quick else 7
    proc, url = start_server()
    try:
        calls = compare({"raw requests .post().json()": raw_calls, "openai_compat chat()": oc_calls,
                         "openai SDK": sdk_calls}, url, 200, 200, rounds)
        streams = compare({"raw requests + json.loads": raw_stream,
                           "openai_compat stream": oc_stream, "openai SDK stream": sdk_stream},
                          url, 1000, 1002, rounds)
        memory = {(who, n): peak_growth_mb(url, n, who)
                  for who in ("raw", "oc") for n in (10_000, 100_000)}
    finally:
        proc.terminate()
    imports = {m: import_time(m, 7 if quick else 15) for m in ("requests", "openai_compat",
                                                                  "openai")}
    cpus = os.cpu_count()
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print("openai_compat %s benchmarks, %s, Python %s, %d CPUs, %.0f GiB, requests %s"
          % (oc.__version__, time.strftime("%Y-%m-%d"), sys.version.split()[0], cpus, mem_gb,
             requests.__version__))
    print()
    print("| %-42s | %14s | %7s |" % ("measurement", "value", "ratio"))
    print("|%s|%s|%s|" % ("-" * 44, "-" * 16, "-" * 9))
    floor = calls["raw requests .post().json()"]
    for name, value in calls.items():
        print(row("CPU per call: " + name, value * 1e6, "us", floor * 1e6))
    floor = streams["raw requests + json.loads"]
    for name, value in streams.items():
        print(row("CPU per chunk: " + name, value * 1e6, "us", floor * 1e6))
    floor = imports["requests"]
    for name, value in imports.items():
        if value is not None:
            print(row("import " + name, value * 1e3, "ms", floor * 1e3))
    for (who, n), mb in memory.items():
        label = "raw requests" if who == "raw" else "openai_compat"
        print(row("peak memory, %s, %dk chunks" % (label, n // 1000), mb, "MiB", None))
    print()
    print("Ratios are against raw requests in this run. Peak memory: Python allocations while\n"
          "streaming (tracemalloc); the stream's bytes are not kept, only the joined text\n"
          "(about 0.6 MB for 100k chunks), which stream.response needs.")


if __name__ == "__main__":
    main()
