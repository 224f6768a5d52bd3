"""Memory of a 100,000-job batch: submitting it (the JSONL built and uploaded) and reading
its results back, against a loopback server in another process that answers like OpenAI's
files and batches endpoints.

    python benchmarks/batch_memory.py            # 100,000 jobs, about a minute
    python benchmarks/batch_memory.py 20000

Reports the client's peak Python allocations (tracemalloc) in each phase, and its peak
resident memory (ru_maxrss), against the size of the uploaded file.
"""
import json
import os
import resource
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


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(n)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    url = "http://127.0.0.1:%d/v1" % port
    jobs = ({"messages": "Summarise item %d in one line." % i, "temperature": 0}
            for i in range(n))                     # a generator: no list of jobs kept
    try:
        tracemalloc.start()
        start = time.perf_counter()
        batch = oc.submit_batch(jobs, model="gpt-4o-mini", base_url=url, api_key="sk-bench-0000")
        submit_peak = tracemalloc.get_traced_memory()[1] / 2**20
        submit_time = time.perf_counter() - start
        tracemalloc.reset_peak()
        start = time.perf_counter()
        results = batch.results()
        read_peak = tracemalloc.get_traced_memory()[1] / 2**20
        read_time = time.perf_counter() - start
        tracemalloc.stop()
    finally:
        proc.terminate()
    assert len(results) == n and results[-1].content == "The answer to job %d." % (n - 1)
    jsonl = sum(len(line) for line in oc._batch_lines(
        ({"messages": "Summarise item %d in one line." % i, "temperature": 0} for i in range(n)),
        "gpt-4o-mini", {"api_key": "sk-bench-0000", "base_url": url})) / 2**20
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("openai_compat %s, a batch of %d jobs, %s, Python %s" % (
        oc.__version__, n, time.strftime("%Y-%m-%d"), sys.version.split()[0]))
    print()
    print("| phase | peak Python allocations | time |")
    print("|---|---:|---:|")
    print("| submit (JSONL of %.1f MiB built and uploaded) | %.1f MiB | %.1f s |"
          % (jsonl, submit_peak, submit_time))
    print("| results (%d ChatResponse objects kept) | %.1f MiB | %.1f s |"
          % (n, read_peak, read_time))
    print("| peak resident memory of the whole process | %.0f MiB | |" % rss)


if __name__ == "__main__":
    main()
