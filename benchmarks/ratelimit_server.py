"""Loopback chat server that enforces OpenAI-style per-minute limits, for long_runs.py.

    python benchmarks/ratelimit_server.py PORT [--rpm 600] [--tpm 60000]
        [--style bucket|window] [--window 1.0] [--headers all|retry|none] [--latency 0.2]

POST /v1/chat/completions (or /chat/completions) answers a small chat.completion after a
fixed latency, unless a limit refuses it: then 429 with OpenAI's error body. GET /stats
gives the counts as JSON; POST /reset zeroes them and refills the limits. 127.0.0.1 only.

Styles:
  bucket  a token bucket per limit: capacity = the per-minute limit, refilling continuously
          (limit/60 a second). A fresh server lets a whole minute's worth through at once.
  window  the minute divided into fixed windows (--window seconds, 1 by default): at most
          limit * window / 60 in each, as OpenAI warns ("60,000 requests/minute may be
          enforced as 1,000 requests/second"). The headers still speak of the minute: they
          report a full-minute bucket, as a client reading them would see at OpenAI.

Tokens are counted as OpenAI's docs describe: the prompt estimated from its characters
(~4 a token) plus max_tokens / max_completion_tokens (times n), at the request's start.
A refused request uses nothing.

Headers (--headers all, on 200 and 429): x-ratelimit-limit-requests / -tokens (per minute),
-remaining-requests / -tokens, -reset-requests / -tokens (Go-style durations: "6m0s", "1s",
"20ms": the time until that limit is whole again). A 429 carries retry-after-ms (and
retry-after, whole seconds) with the time until the refused request would fit.
--headers retry: only retry-after(-ms) on 429s; --headers none: no rate-limit headers at all.

Prints "ready" on stdout once it listens (the pattern of bench.py's start_server).
"""
import argparse
import json
import math
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def go_duration(seconds: float) -> str:
    """Seconds as OpenAI writes them (Go's time.Duration): 6m0s, 1.5s, 20ms, 0s."""
    if seconds <= 0:
        return "0s"
    if seconds < 1:
        return "%dms" % max(1, round(seconds * 1000))
    minutes, rest = divmod(seconds, 60)
    text = ("%.3f" % rest).rstrip("0").rstrip(".") + "s"
    return ("%dm" % minutes + text) if minutes else text


class Bucket:
    """Capacity `per_minute`, refilling per_minute/60 a second."""

    def __init__(self, per_minute: float):
        self.cap, self.rate = float(per_minute), per_minute / 60.0
        self.level, self.at = self.cap, time.monotonic()

    def refill(self, now: float) -> None:
        self.level = min(self.cap, self.level + (now - self.at) * self.rate)
        self.at = now

    def wait_for(self, amount: float) -> float:
        return max(0.0, (amount - self.level) / self.rate)

    def reset_in(self) -> float:
        return (self.cap - self.level) / self.rate


class Window:
    """At most per_minute * size / 60 in each fixed window of `size` seconds."""

    def __init__(self, per_minute: float, size: float):
        self.cap, self.size = per_minute * size / 60.0, size
        self.start, self.used = time.monotonic(), 0.0

    def refill(self, now: float) -> None:
        if now >= self.start + self.size:
            self.start += self.size * math.floor((now - self.start) / self.size)
            self.used = 0.0

    @property
    def level(self) -> float:
        return self.cap - self.used

    def wait_for(self, amount: float) -> float:
        if amount <= self.level:
            return 0.0
        # the next window; a request bigger than a window's worth never fits: say so anyway
        return self.start + self.size - time.monotonic()


class Limits:
    def __init__(self, rpm, tpm, style, window):
        self.rpm, self.tpm, self.style, self.window = rpm, tpm, style, window
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            # The headers always describe full-minute buckets (what OpenAI reports).
            self.show = {"requests": Bucket(self.rpm), "tokens": Bucket(self.tpm)}
            if self.style == "bucket":
                self.enforce = self.show
            else:
                self.enforce = {"requests": Window(self.rpm, self.window),
                                "tokens": Window(self.tpm, self.window)}
            self.stats = {"requests": 0, "ok": 0, "429": 0, "429_requests": 0,
                          "429_tokens": 0, "tokens": 0, "first": None, "last": None}

    def take(self, tokens: int):
        """(None, headers) when the request may go, else (kind refused, headers)."""
        now = time.monotonic()
        need = {"requests": 1, "tokens": tokens}
        with self.lock:
            s = self.stats
            s["requests"] += 1
            s["first"] = s["first"] or time.time()
            s["last"] = time.time()
            for group in (self.show, self.enforce):
                for b in group.values():
                    b.refill(now)
            waits = {k: self.enforce[k].wait_for(need[k]) for k in need}
            refused = next((k for k in ("requests", "tokens") if waits[k] > 0), None)
            if refused is None:
                for k in need:
                    self._use(self.enforce[k], need[k])
                    if self.show is not self.enforce:
                        self._use(self.show[k], need[k])
                s["ok"] += 1
                s["tokens"] += tokens
            else:
                s["429"] += 1
                s["429_" + refused] += 1
            headers = {}
            for k, limit in (("requests", self.rpm), ("tokens", self.tpm)):
                b = self.show[k]
                headers["x-ratelimit-limit-" + k] = "%d" % limit
                headers["x-ratelimit-remaining-" + k] = "%d" % max(0, math.floor(b.level))
                headers["x-ratelimit-reset-" + k] = go_duration(b.reset_in())
            if refused:
                wait = max(waits.values())
                headers["retry-after-ms"] = "%d" % math.ceil(wait * 1000)
                headers["retry-after"] = "%d" % math.ceil(wait)
            return refused, headers

    @staticmethod
    def _use(b, amount):
        if isinstance(b, Bucket):
            b.level -= amount
        else:
            b.used += amount


def estimate_tokens(body: dict) -> int:
    chars = 0
    for m in body.get("messages") or []:
        content = m.get("content") if isinstance(m, dict) else m
        if isinstance(content, list):
            content = " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
        chars += len(str(content or ""))
    out = body.get("max_completion_tokens") or body.get("max_tokens") or 0
    return math.ceil(chars / 4) + int(out) * int(body.get("n") or 1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"      # keep-alive, as the real APIs
    limits: Limits
    latency: float
    header_mode: str

    def log_message(self, *args):       # quiet
        pass

    def send_json(self, status, obj, headers=()):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path.rstrip("/").endswith("/stats"):
            return self.send_json(200, self.limits.stats)
        self.send_json(404, {"error": {"message": "not found"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if self.path.rstrip("/").endswith("/reset"):
            self.limits.reset()
            return self.send_json(200, {"ok": True})
        if not self.path.split("?")[0].endswith("/chat/completions"):
            return self.send_json(404, {"error": {"message": "not found"}})
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return self.send_json(400, {"error": {"message": "bad json"}})
        tokens = estimate_tokens(body)
        refused, headers = self.limits.take(tokens)
        if self.header_mode == "retry":
            headers = {k: v for k, v in headers.items() if k.startswith("retry-after")}
        elif self.header_mode == "none":
            headers = {}
        if refused:
            lim = self.limits.rpm if refused == "requests" else self.limits.tpm
            msg = ("Rate limit reached for gpt-4o-mini in organization org-bench on %s per "
                   "min (%s): Limit %d, Requested %d. Please try again in %sms."
                   % (refused, "RPM" if refused == "requests" else "TPM", lim,
                      1 if refused == "requests" else tokens,
                      headers.get("retry-after-ms", "?")))
            return self.send_json(429, {"error": {"message": msg, "type": refused,
                                                  "param": None,
                                                  "code": "rate_limit_exceeded"}},
                                  headers.items())
        time.sleep(self.latency)
        prompt = math.ceil(tokens - int(body.get("max_tokens") or
                                        body.get("max_completion_tokens") or 0))
        self.send_json(200, {
            "id": "chatcmpl-rl", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model", "gpt-4o-mini"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": 1,
                      "total_tokens": prompt + 1}}, headers.items())


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256            # many clients connecting at once


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("port", type=int)
    ap.add_argument("--rpm", type=float, default=600)
    ap.add_argument("--tpm", type=float, default=60000)
    ap.add_argument("--style", choices=("bucket", "window"), default="bucket")
    ap.add_argument("--window", type=float, default=1.0, help="seconds per window")
    ap.add_argument("--headers", choices=("all", "retry", "none"), default="all")
    ap.add_argument("--latency", type=float, default=0.2)
    a = ap.parse_args(argv)
    Handler.limits = Limits(a.rpm, a.tpm, a.style, a.window)
    Handler.latency, Handler.header_mode = a.latency, a.headers
    server = Server(("127.0.0.1", a.port), Handler)
    print("ready", flush=True)
    try:
        server.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
