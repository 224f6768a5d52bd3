"""What a hostile server costs us: client time and memory for the answers issue 8 names and
those of the second adversarial pass (the tests' "Hostile input, second pass"), against
loopback servers in threads of this process (counted too; they only write).

    python benchmarks/hostile.py           # about 25 seconds
    python benchmarks/hostile.py --fuzz    # also the hypothesis properties, 3,000 examples each

Each case must end in a result or an OpenAICompatError. Each runs twice: once for wall time
and CPU (all threads of the process), once under tracemalloc for peak Python allocations
(the 100,000-line results file: once, in a child process; see its note).
The script exits 1, naming the case, when one goes over its limits: 1 s of wall time and
50 MiB, except where the table's notes say otherwise.
"""
import functools
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import openai_compat as oc  # noqa: E402

KEY = "sk-hostile-0123456789"
LIMIT_S, LIMIT_MIB = 1.0, 50.0


def serve(body_parts, headers, status=200):
    """A one-shot HTTP server on loopback: sends the head, then each part (chunked)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)

    def run():
        conn, _ = sock.accept()
        request = b""
        while b"\r\n\r\n" not in request:       # read the whole request, or closing resets
            request += conn.recv(65536)
        head, _, body = request.partition(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        while len(body) < length:
            body += conn.recv(65536)
        head = "HTTP/1.1 %d X\r\nTransfer-Encoding: chunked\r\n%s\r\n" % (
            status, "".join("%s: %s\r\n" % kv for kv in headers.items()))
        try:
            conn.sendall(head.encode())
            for part in body_parts:
                conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            conn.sendall(b"0\r\n\r\n")
        except OSError:
            pass          # the client gave up, as it should
        finally:
            conn.close()
            sock.close()
    threading.Thread(target=run, daemon=True).start()
    return "http://127.0.0.1:%d/v1" % sock.getsockname()[1]


class Scripted:
    """A loopback server that answers each request (keep-alive or not) with the next script:
    (status, headers, body), body sent at once or, with drip, one byte every drip seconds."""

    def __init__(self, *scripts):
        self.scripts, self.stop = list(scripts), threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d/v1" % self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn, conn.makefile("rb") as f:
            try:
                while self.scripts and not self.stop.is_set():
                    length = 0
                    line = f.readline()
                    while line.strip():
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":")[1])
                        line = f.readline()
                    if not line:
                        return                      # the client closed
                    f.read(length)
                    status, headers, body, drip = self.scripts.pop(0)
                    conn.sendall(("HTTP/1.1 %d X\r\nContent-Length: %d\r\n%s\r\n" % (
                        status, len(body), "".join("%s: %s\r\n" % kv for kv in headers.items())
                    )).encode())
                    if not drip:
                        conn.sendall(body)
                    for i in range(len(body) if drip else 0):
                        if self.stop.wait(drip):
                            return
                        conn.sendall(body[i:i + 1])
            except OSError:
                pass

    def close(self):
        self.stop.set()
        self.sock.close()


class HeaderStaller:
    """Reads one request, then stalls the response head: drips a header byte every 0.2 s,
    or sends `100 Continue` heads for ever, each well within the read timeout."""

    def __init__(self, mode):
        self.mode, self.stop = mode, threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = "http://127.0.0.1:%d/v1" % self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                if self.mode == "drip":
                    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                while not self.stop.wait(0.2):
                    conn.sendall(b"a" if self.mode == "drip" else
                                 b"HTTP/1.1 100 Continue\r\n\r\n")
            except OSError:
                pass          # the client shut the socket, as it should

    def close(self):
        self.stop.set()
        self.sock.close()


def gzip_bytes(data: bytes) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    return z.compress(data) + z.flush()


def pieces(data: bytes, size: int):
    return [data[i:i + size] for i in range(0, len(data), size)]


def completion(content, i=0):
    return {"id": "chatcmpl-%d" % i, "object": "chat.completion", "created": 1,
            "model": "gpt-4o-mini-2024-07-18", "choices": [{"index": 0, "message": {
                "role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 20, "completion_tokens": 7, "total_tokens": 27}}


def result_line(custom_id, i=0) -> bytes:
    return json.dumps({"id": "batch_req_%d" % i, "custom_id": custom_id, "error": None,
                       "response": {"status_code": 200, "request_id": "req_%d" % i,
                                    "body": completion("The answer to job %d." % i, i)}}
                      ).encode() + b"\n"


def batch_object(status, total=1, output=None):
    return json.dumps({"id": "batch_abc", "object": "batch", "status": status,
                       "endpoint": "/v1/chat/completions", "input_file_id": "file-in",
                       "output_file_id": output, "error_file_id": None, "created_at": 1,
                       "completion_window": "24h", "request_counts": {
                           "total": total, "completed": total if output else 0,
                           "failed": 0}}).encode()


def ok(body, drip=0.0):
    return 200, {"Content-Type": "application/json"}, body, drip


def outcome_of(fn):
    """Run fn; what it gave back (a short description) or the OpenAICompatError it raised."""
    try:
        return fn()
    except oc.OpenAICompatError as exc:
        return "%s: %s" % (type(exc).__name__, exc)


# -----------------------------------------------------------------------------
# The first pass (issue 8): chat() against a one-shot server.

SSE = {"Content-Type": "text/event-stream"}
JSON = {"Content-Type": "application/json"}
GZIP_JSON = dict(JSON, **{"Content-Encoding": "gzip"})
GZIP_SSE = dict(SSE, **{"Content-Encoding": "gzip"})


@functools.cache             # built on first use, once: not in a --child run that needs none
def long_line():
    return pieces(b"data: " + b"x" * 40_000_000 + b"\n\n", 512)


@functools.cache
def fragments():
    return [b"data: %s\n\n" % json.dumps({"choices": [{"index": 0, "delta": {"tool_calls": [
        {"id": "call_%d" % i, "function": {"name": "f", "arguments": "{}"}}]}}]}).encode()
        for i in range(20_000)]


@functools.cache
def bomb():
    """300 MB of spaces, gzipped: 291 KB on the wire, in 16 KB pieces."""
    return pieces(gzip_bytes(b" " * 300_000_000), 16384)


def chat_case(stream, parts, headers, status):
    def prepare():
        url = serve(parts() if callable(parts) else parts, headers, status)

        def run():
            result = oc.chat("hi", model="m", base_url=url, api_key=KEY, stream=stream,
                             max_retries=0)
            if stream:
                result.text()
            return "a result"
        return run, None
    return prepare


# -----------------------------------------------------------------------------
# The second pass: batches, the response head, json(), structured outputs, a big file.

def batch_results_case(total, custom_id):
    """get_batch() then results(): the batch object and the results file are the server's."""
    def prepare():
        server = Scripted(ok(batch_object("completed", total, "file-out")),
                          ok(result_line(custom_id)))

        def run():
            results = oc.get_batch("batch_abc", base_url=server.url, api_key=KEY,
                                   max_retries=0).results()
            kinds = ", ".join(sorted({type(r).__name__ for r in results}))
            return "%d entr%s: %s" % (len(results), "y" * (len(results) == 1) or "ies", kinds)
        return run, server.close
    return prepare


def drip_download():
    """results() only: the batch object was read at full speed."""
    server = Scripted(ok(batch_object("completed", 1, "file-out")),
                      ok(result_line("job-0"), drip=0.3))
    batch = oc.get_batch("batch_abc", base_url=server.url, api_key=KEY,
                         timeout=(0.5, 0.5), max_retries=0)
    return lambda: "%d entries" % len(batch.results()), server.close


def wait_on_503():
    """wait(timeout=1) only, with get_batch's default retries (3); real sleeps."""
    busy = (503, {"Content-Type": "application/json", "Retry-After": "5"},
            b'{"error": {"message": "busy"}}', 0.0)
    server = Scripted(ok(batch_object("in_progress", 3)), *[busy] * 20)
    batch = oc.get_batch("batch_abc", base_url=server.url, api_key=KEY)
    return lambda: "returned, status %s" % batch.wait(poll_interval=0.1, timeout=1).status, \
        server.close


def stalled_head(mode):
    def prepare():
        staller = HeaderStaller(mode)

        def run():
            oc.chat("hi", model="m", base_url=staller.url, api_key=KEY, timeout=(0.5, 0.5),
                    max_retries=0)
            return "a result"
        return run, staller.close
    return prepare


PROSE = ('Fill in {"name": the customer\'s name} and send the form back before the end of '
         'the working day, please. ') * 10_000          # 1 MB, 10,000 "{" that never parse


def json_case(text):
    def prepare():
        resp = oc.chat(text, model="mock:echo")          # the mock echoes the prompt back

        def run():
            return "a value: %.40r" % (resp.json(),)
        return run, None
    return prepare


def catastrophic_pattern():
    fmt = {"type": "json_schema", "json_schema": {"name": "s", "schema": {
        "type": "string", "pattern": "(a+)+$"}}}
    url = serve([json.dumps(completion(json.dumps("a" * 40 + "!"))).encode()], JSON)

    def run():
        resp = oc.chat("hi", model="gpt-4o", base_url=url, api_key=KEY, response_format=fmt,
                       max_retries=0)
        parsed = resp.choices[0].message.parsed
        return "a result: parsed %r, the pattern unchecked" % (parsed[:3] + "..." + parsed[-2:],)
    return run, None


try:
    from importlib.metadata import version
    VALIDATOR = "jsonschema " + version("jsonschema")
except Exception:                           # noqa: BLE001 - not installed: the built-in one
    VALIDATOR = "no jsonschema: the module's own checker"

RESULTS_LINES = 100_000


def results_file():
    """A results file of 100,000 lines, for job-0 ... job-99999, read back: run in a child
    process (see in_child), which writes the file first."""
    path = os.path.join(tempfile.mkdtemp(prefix="hostile-"), "results.jsonl")
    with open(path, "wb") as f:
        for start in range(0, RESULTS_LINES, 1000):
            f.write(b"".join(result_line("job-%d" % i, i)
                             for i in range(start, min(start + 1000, RESULTS_LINES))))

    def run():
        results = oc.read_batch_results(path)
        return "%d entries (MAX_BATCH_JOBS), last: %.20r" % (len(results), results[-1].content)

    def cleanup():
        os.remove(path)
        os.rmdir(os.path.dirname(path))
    return run, cleanup


DEADLINE = 1.5     # a case whose own deadline is 1 s: timeout=(0.5, 0.5), or wait(timeout=1)
FILE = (15.0, 150.0)

CASES = [
    # name, prepare() -> (run, cleanup), (seconds, MiB) limits if not the default, note
    ("40 MB SSE line in 512-byte pieces", chat_case(True, long_line, SSE, 200), None, ""),
    ("20k index-less tool-call fragments", chat_case(True, fragments, SSE, 200), None, ""),
    ("100 KB of '<' in a 502", chat_case(False, [b"<" * 100_000],
                                         {"Content-Type": "text/html"}, 502), None, ""),
    ("gzip bomb, plain call (291 KB)", chat_case(False, bomb, GZIP_JSON, 200), None, ""),
    ("gzip bomb, stream", chat_case(True, bomb, GZIP_SSE, 200), None, ""),
    ("batch: custom_id job-<30 digits>", batch_results_case(1, "job-" + "7" * 30), None, ""),
    ("batch: request_counts.total 10**9", batch_results_case(10**9, "job-0"), None, ""),
    ("batch: results drip 1 B/0.3 s", drip_download, (DEADLINE, LIMIT_MIB), "a"),
    ("batch: wait(timeout=1), 503 RA 5", wait_on_503, (DEADLINE, LIMIT_MIB), "b"),
    ("chat: head drips 1 B/0.2 s", stalled_head("drip"), (DEADLINE, LIMIT_MIB), "a"),
    ("chat: 100 Continue for ever", stalled_head("continue"), (DEADLINE, LIMIT_MIB), "a"),
    ("json(): ``` + 40,000 spaces", json_case("```" + " " * 40_000), None, ""),
    ("json(): '[' * 100,000", json_case("[" * 100_000), None, ""),
    ("json(): 1 MB prose, 10,000 '{'", json_case(PROSE), None, ""),
    ("schema pattern (a+)+$, a*40 + '!'", catastrophic_pattern, None, "c"),
    ("read_batch_results: 100,000 lines", results_file, FILE, "d"),
]
IN_CHILD = {"read_batch_results: 100,000 lines"}    # tracemalloc would take 30 s

NOTES = {
    "a": "timeout=(0.5, 0.5): the call's own deadline is 1 s, so its limit is %.1f s"
         % DEADLINE,
    "b": "wait(timeout=1): its own deadline is 1 s, so its limit is %.1f s" % DEADLINE,
    "c": "validated with %s" % VALIDATOR,
    "d": "limits %.0f s and %.0f MiB, not 1 s and 50 MiB: the work is linear in the file, "
         "about 60 us a line; the 50,000 lines past MAX_BATCH_JOBS are skipped, a warning "
         "each. Run once, in a child process: peak is the growth of its resident memory "
         "(VmHWM), not tracemalloc's" % FILE,
}


class Warnings(logging.Handler):
    """Counts what the module logs (a hostile file can log once a line) instead of
    printing it."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


WARNINGS = Warnings()
logging.getLogger("openai_compat").addHandler(WARNINGS)


ESCAPED = "ESCAPED, not an OpenAICompatError:"


def bounded(fn, limit):
    """fn() in a daemon thread, waited for at most `limit` s: a hang cannot stall the run.
    Returns (outcome, wall seconds), or (None, None) when fn is still running."""
    box = {}

    def run():
        start = time.perf_counter()
        try:
            box["outcome"] = outcome_of(fn)
        except BaseException as exc:      # noqa: BLE001 - the case failed: reported
            box["outcome"] = "%s %s: %s" % (ESCAPED, type(exc).__name__, exc)
        box["wall"] = time.perf_counter() - start
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    return box.get("outcome"), box.get("wall")


def timed(prepare, cap, memory=None):
    """One run of a case: (outcome, wall, CPU, peak MiB, warnings logged). The servers and
    inputs are prepared first and not counted. memory: None (not measured), "tracemalloc"
    (peak Python allocations; it slows them) or "rss" (growth of the peak resident memory,
    VmHWM, Linux: for a fresh process)."""
    run, cleanup = prepare()
    WARNINGS.count = 0
    peak = None
    if memory == "tracemalloc":
        tracemalloc.start()
    elif memory == "rss":
        before = peak_rss()
    cpu = time.process_time()
    try:
        outcome, wall = bounded(run, cap)
    finally:
        cpu = time.process_time() - cpu
        if memory == "tracemalloc":
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        elif memory == "rss":
            peak = peak_rss() - before
        if cleanup:
            cleanup()
    if outcome is None:
        return "still running after %.0f s" % cap, None, cpu, None, WARNINGS.count
    return outcome, wall, cpu, peak, WARNINGS.count


def run_case(name, prepare, limit_s):
    """Wall time and CPU in one run, peak memory under tracemalloc in another; or both in
    one run of a child process (IN_CHILD: tracemalloc would slow it too much)."""
    cap = max(10.0, 3 * limit_s)
    if name in IN_CHILD:
        try:
            out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", name,
                                  str(cap)], capture_output=True, text=True, timeout=cap + 30)
        except subprocess.TimeoutExpired:
            return "the child still running after %.0f s" % (cap + 30), None, 0.0, None, 0
        if out.returncode:
            return "the child failed: %s" % out.stderr.strip()[-200:], None, 0.0, None, 0
        return json.loads(out.stdout)
    outcome, wall, cpu, _, warnings = timed(prepare, cap)
    if wall is None:
        return outcome, wall, cpu, None, warnings
    traced, _, _, peak, _ = timed(prepare, cap, "tracemalloc")
    return outcome, wall, cpu, None if traced.startswith("still") else peak, warnings


def peak_rss() -> float:
    """This process's peak resident memory in MiB (VmHWM, Linux)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM"))


def in_child(name):
    """The --child run of one case: prints [outcome, wall, CPU, peak MiB, warnings]."""
    prepare = next(case[1] for case in CASES if case[0] == name)
    print(json.dumps(timed(prepare, float(sys.argv[-1]), "rss")))


def main():
    if "--child" in sys.argv:
        return in_child(sys.argv[sys.argv.index("--child") + 1])
    print("openai_compat %s, hostile answers, %s, Python %s" % (
        oc.__version__, time.strftime("%Y-%m-%d"), sys.version.split()[0]))
    print()
    print("| %-38s | %8s | %10s | %8s | %-15s | %-62s |" % (
        "case", "wall", "client CPU", "peak MiB", "limits", "outcome"))
    print("|%s|%s|%s|%s|%s|%s|" % ("-" * 40, "-" * 10, "-" * 12, "-" * 10, "-" * 17, "-" * 64))
    failures = []
    for name, prepare, limits, note in CASES:
        limit_s, limit_mib = limits or (LIMIT_S, LIMIT_MIB)
        outcome, wall, cpu, peak, warnings = run_case(name, prepare, limit_s)
        if warnings:
            outcome = "%d warning%s logged; %s" % (warnings, "s" * (warnings > 1), outcome)
        outcome = " ".join(outcome.split())
        print("| %-38s | %6s s | %8.3f s | %8s | %-15s | %-62s |" % (
            name + (" (%s)" % note if note else ""),
            "-" if wall is None else "%.3f" % wall, cpu,
            "-" if peak is None else "%.1f" % peak,
            "%.1f s, %.0f MiB" % (limit_s, limit_mib),
            outcome if len(outcome) <= 62 else outcome[:59] + "..."), flush=True)
        if wall is None or peak is None or outcome.startswith(ESCAPED):
            failures.append("%s: %s" % (name, outcome))
        elif wall > limit_s or peak > limit_mib:
            failures.append("%s: %.3f s and %.1f MiB, over its limits of %.1f s and %.0f MiB"
                            % (name, wall, peak, limit_s, limit_mib))
    print()
    for key, text in NOTES.items():
        print("(%s) %s." % (key, text))
    print("Client CPU counts every thread of the process: the loopback servers' too.")
    if "--fuzz" in sys.argv:
        env = dict(os.environ, OPENAI_COMPAT_FUZZ_EXAMPLES="3000")
        start = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              "-k", "never_the_key or clear_error_before_sending or "
                              "never_escape", os.path.join(ROOT, "test_openai_compat.py")],
                             env=env, capture_output=True, text=True, cwd=ROOT)
        print("\nhypothesis properties, 3,000 examples each: %s (%.0f s)"
              % (out.stdout.strip().splitlines()[-1], time.monotonic() - start))
    for failure in failures:
        print("FAIL %s" % failure, file=sys.stderr)
    if failures:
        sys.exit(1)
    print("\nall %d cases within their limits" % len(CASES))


if __name__ == "__main__":
    main()
