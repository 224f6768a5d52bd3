"""Memory of a 50,000-job batch (OpenAI's most): submitting it (the JSONL built and
uploaded) and reading its results back, against a loopback server in another process that
answers like OpenAI's files and batches endpoints.

    python benchmarks/batch_memory.py            # 50,000 jobs, about half a minute
    python benchmarks/batch_memory.py 20000

Reports the client's peak Python allocations (tracemalloc) in each phase, and, from a run
without tracemalloc, its peak resident memory (VmHWM, Linux) over what importing took.
"""
import os
import socket
import subprocess
import sys
import time
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import openai_compat as oc  # noqa: E402

SERVER = r'''
import http.server, json, sys
N = int(sys.argv[2])

def line(i):
    body = {"id": "chatcmpl-%d" % i, "object": "chat.completion", "created": 1,
            "model": "gpt-4o-mini-2024-07-18", "choices": [{"index": 0, "finish_reason": "stop",
            "message": {"role": "assistant", "content": "The answer to job %d." % i}}],
            "usage": {"prompt_tokens": 20, "completion_tokens": 7, "total_tokens": 27}}
    return json.dumps({"id": "r%d" % i, "custom_id": "job-%d" % i, "error": None,
                       "response": {"status_code": 200, "body": body}}).encode() + b"\n"

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def reply(self, obj):
        data = json.dumps(obj).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_POST(self):
        length = int(self.headers["Content-Length"])
        got = 0
        while got < length:                       # read the upload, keep nothing
            got += len(self.rfile.read(min(1 << 20, length - got)))
        if self.path.endswith("/files"):
            self.server.uploaded = length
            return self.reply({"id": "file-in", "object": "file", "bytes": length})
        return self.reply({"id": "batch_1", "object": "batch", "status": "completed",
                           "output_file_id": "file-out",
                           "request_counts": {"total": N, "completed": N, "failed": 0}})
    def do_GET(self):
        if "/content" not in self.path:
            return self.reply({"id": "batch_1", "object": "batch", "status": "completed",
                               "output_file_id": "file-out",
                               "request_counts": {"total": N, "completed": N, "failed": 0}})
        self.send_response(200)
        self.send_header("Content-Type", "application/jsonl")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, N, 1000):
            chunk = b"".join(line(i) for i in range(start, min(start + 1000, N)))
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

srv = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H)
print("ready", flush=True)
srv.serve_forever()
'''


def run(n: int, url: str, traced: bool) -> tuple:
    jobs = ({"messages": "Summarise item %d in one line." % i, "temperature": 0}
            for i in range(n))                     # a generator: no list of jobs kept
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    batch = oc.submit_batch(jobs, model="gpt-4o-mini", base_url=url, api_key="sk-bench-0000")
    submit = (tracemalloc.get_traced_memory()[1] / 2**20, time.perf_counter() - start)
    if traced:
        tracemalloc.reset_peak()
    start = time.perf_counter()
    results = batch.results()
    read = (tracemalloc.get_traced_memory()[1] / 2**20, time.perf_counter() - start)
    tracemalloc.stop()
    assert len(results) == n and results[-1].content == "The answer to job %d." % (n - 1)
    return submit, read


def peak_rss() -> int:
    """This process's peak resident memory in MiB (VmHWM; ru_maxrss would include the
    parent's, as Linux keeps it across fork and exec)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmHWM"))


def serve(n: int):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(n)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc, "http://127.0.0.1:%d/v1" % port


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000   # OpenAI: 50,000 requests a batch
    proc, url = serve(n)
    try:
        if "--rss" in sys.argv:                    # the child run: no tracemalloc overhead
            before = peak_rss()
            run(n, url, traced=False)
            return print(before, peak_rss())
        (submit_peak, submit_time), (read_peak, read_time) = run(n, url, traced=True)
    finally:
        proc.terminate()
    before, after = map(int, subprocess.run(
        [sys.executable, __file__, str(n), "--rss"], capture_output=True, text=True,
        check=True).stdout.split())
    jsonl = sum(len(line) for line in oc._batch_lines(
        ({"messages": "Summarise item %d in one line." % i, "temperature": 0} for i in range(n)),
        "gpt-4o-mini", {"api_key": "sk-bench-0000", "base_url": url})) / 2**20
    print("openai_compat %s, a batch of %d jobs, %s, Python %s" % (
        oc.__version__, n, time.strftime("%Y-%m-%d"), sys.version.split()[0]))
    print()
    print("| phase | peak Python allocations | time |")
    print("|---|---:|---:|")
    print("| submit (JSONL of %.1f MiB built and uploaded) | %.1f MiB | %.1f s |"
          % (jsonl, submit_peak, submit_time))
    print("| results (%d ChatResponse objects kept) | %.1f MiB | %.1f s |"
          % (n, read_peak, read_time))
    print("| resident memory: %d MiB after import, %d MiB at the end (peak) | +%d MiB | |"
          % (before, after, after - before))


if __name__ == "__main__":
    main()
