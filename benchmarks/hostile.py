"""What a hostile server costs us: client CPU and memory for the answers issue 8 names,
against a loopback server in a thread of this process (counted too; it only writes).

    python benchmarks/hostile.py           # about 20 seconds
    python benchmarks/hostile.py --fuzz    # also the hypothesis properties, 3,000 examples each

Each case must end in a result or an OpenAICompatError, in well under a second of client
CPU; the gzip bombs must stay under 100 MB of extra memory.
"""
import json
import os
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)

import openai_compat as oc  # noqa: E402


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


def gzip_bytes(data: bytes) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    return z.compress(data) + z.flush()


def pieces(data: bytes, size: int):
    return [data[i:i + size] for i in range(0, len(data), size)]


SSE = {"Content-Type": "text/event-stream"}
JSON = {"Content-Type": "application/json"}
LONG_LINE = pieces(b"data: " + b"x" * 40_000_000 + b"\n\n", 512)
FRAGMENTS = [b"data: %s\n\n" % json.dumps({"choices": [{"index": 0, "delta": {"tool_calls": [
    {"id": "call_%d" % i, "function": {"name": "f", "arguments": "{}"}}]}}]}).encode()
    for i in range(20_000)]
BOMB = gzip_bytes(b" " * 300_000_000)           # about 300 KB on the wire


CASES = [
    # name, stream, body parts, headers, status
    ("40 MB SSE line in 512-byte pieces", True, LONG_LINE, SSE, 200),
    ("20k index-less tool-call fragments", True, FRAGMENTS, SSE, 200),
    ("100 KB of '<' in a 502", False, [b"<" * 100_000], {"Content-Type": "text/html"}, 502),
    ("gzip bomb, plain call (%d KB)" % (len(BOMB) // 1000), False, pieces(BOMB, 16384),
     dict(JSON, **{"Content-Encoding": "gzip"}), 200),
    ("gzip bomb, stream", True, pieces(BOMB, 16384),
     dict(SSE, **{"Content-Encoding": "gzip"}), 200),
]


def call(stream, parts, headers, status) -> str:
    url = serve(parts, headers, status)
    try:
        result = oc.chat("hi", model="m", base_url=url, api_key="sk-hostile-0123456789",
                         stream=stream, max_retries=0)
        if stream:
            result.text()
        return "a result"
    except oc.OpenAICompatError as exc:
        return "%s: %s" % (type(exc).__name__, str(exc)[:60])


def run_case(*case):
    """CPU in one run, peak memory (tracemalloc, which slows allocations) in another."""
    cpu = time.process_time()
    outcome = call(*case)
    cpu = time.process_time() - cpu
    tracemalloc.start()
    call(*case)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return cpu, peak / 2**20, outcome


def main():
    print("openai_compat %s, hostile answers, %s, Python %s" % (
        oc.__version__, time.strftime("%Y-%m-%d"), sys.version.split()[0]))
    print()
    print("| %-36s | %9s | %9s | %-62s |" % ("case", "client CPU", "peak MiB", "outcome"))
    print("|%s|%s|%s|%s|" % ("-" * 38, "-" * 12, "-" * 11, "-" * 64))
    for name, stream, parts, headers, status in CASES:
        cpu, peak, outcome = run_case(stream, parts, headers, status)
        print("| %-36s | %8.3f s | %9.1f | %-62s |" % (name, cpu, peak, outcome))
    if "--fuzz" in sys.argv:
        env = dict(os.environ, OPENAI_COMPAT_FUZZ_EXAMPLES="3000")
        start = time.monotonic()
        out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              "-k", "never_the_key or clear_error_before_sending or "
                              "never_escape", os.path.join(ROOT, "test_openai_compat.py")],
                             env=env, capture_output=True, text=True, cwd=ROOT)
        print("\nhypothesis properties, 3,000 examples each: %s (%.0f s)"
              % (out.stdout.strip().splitlines()[-1], time.monotonic() - start))


if __name__ == "__main__":
    main()
