"""Loopback server for the benchmarks: answers chat completions as fast as it can, from
precomputed bytes, in its own process so its CPU is not counted as the client's.

    python benchmarks/server.py PORT

POST /chat/completions with "stream": true streams N chunks, N from the request's
"max_tokens" (default 1000), chunked transfer encoding, then [DONE]. Without "stream" it
answers one small JSON completion with Content-Length. Keep-alive throughout.
"""
import json
import socket
import socketserver
import sys

COMPLETION = json.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 1, "model": "gpt-4o-mini",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello, World!",
                                         "refusal": None},
                 "logprobs": None, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 17, "completion_tokens": 4, "total_tokens": 21},
}).encode()


def chunk(words: str, finish=None, usage=None) -> bytes:
    # Shaped like OpenAI's real chunks (see testdata/transcripts/), about 200 bytes each.
    body = {"id": "chatcmpl-bench", "object": "chat.completion.chunk", "created": 1,
            "model": "gpt-4o-mini", "system_fingerprint": "fp_bench",
            "choices": [] if usage else [{"index": 0, "delta": {} if finish else
                                          {"content": words},
                                          "logprobs": None, "finish_reason": finish}]}
    if usage:
        body["usage"] = usage
    return b"data: " + json.dumps(body).encode() + b"\n\n"


_streams = {}


def stream_body(n: int) -> bytes:
    """The whole SSE body as HTTP chunks, one event per chunk, as providers send them."""
    if n not in _streams:
        events = [chunk(" word%d" % (i % 10)) for i in range(n)]
        events += [chunk("", finish="stop"),
                   chunk("", usage={"prompt_tokens": 10, "completion_tokens": n,
                                    "total_tokens": n + 10}),
                   b"data: [DONE]\n\n"]
        _streams[n] = b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in events) + b"0\r\n\r\n"
    return _streams[n]


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            line = self.rfile.readline()
            if not line:
                return
            length = 0
            while True:
                h = self.rfile.readline()
                if h in (b"\r\n", b"\n", b""):
                    break
                if h.lower().startswith(b"content-length:"):
                    length = int(h.split(b":")[1])
            body = json.loads(self.rfile.read(length) or b"{}")
            if line.startswith(b"GET"):
                self.reply(b"application/json", json.dumps(
                    {"object": "list", "data": [{"id": "gpt-4o-mini"}]}).encode())
            elif body.get("stream"):
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                 b"Transfer-Encoding: chunked\r\n\r\n")
                self.wfile.write(stream_body(body.get("max_tokens") or 1000))
            else:
                self.reply(b"application/json", COMPLETION)
            self.wfile.flush()

    def reply(self, ctype: bytes, payload: bytes):
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s"
                         % (ctype, len(payload), payload))


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


if __name__ == "__main__":
    with Server(("127.0.0.1", int(sys.argv[1])), Handler) as srv:
        print("ready", flush=True)
        srv.serve_forever()
