"""Run an SDK-style script against a loopback server that plays canned HTTP responses.

    from harness import run_script
    stdout, requests = run_script("testdata/sdk_scripts/01_raw_response_headers.py", "openai")
    stdout, requests = run_script(path, "openai_compat")

Command line:
    python harness.py SCRIPT... [--module openai|openai_compat] [--write-expected] [--diff]

Everything runs in-process: one ThreadingHTTPServer on 127.0.0.1 (started once, reused; its
queue of responses is replaced per script), the script exec'd in a fresh namespace with
__name__ == "__main__", stdout captured with contextlib.redirect_stdout, time.sleep made a
no-op while the script runs (the SDK's retry waits; recorded in SLEEPS), and the SDK's
module-level client state reset before every script.

Responses file (NN_name.json next to the script): a JSON list of responses, played in order:
    {"status": 200,                      # default 200
     "headers": {"x-request-id": "..."}, # extra response headers
     "content_type": "application/json", # default: application/json for "json",
                                         #          text/event-stream for "sse", text/plain else
     "json": {...}                       # body as JSON, or
     "sse": "data: {...}\\n\\n..."       # body as raw SSE text, or
     "body": "raw text",                 # body as raw text
     "delay": 0.5}                       # optional: seconds to wait before answering
A request with no response left gets a 599 {"error": "no more canned responses"}.

Environment given to every script (as a user of that SDK would have it set):
    OPENAI_BASE_URL=http://127.0.0.1:PORT/v1, OPENAI_API_KEY=sk-test-...
and, for scripts that mention Azure (case-insensitive "azure" in the source), instead:
    AZURE_OPENAI_ENDPOINT=http://127.0.0.1:PORT, AZURE_OPENAI_API_KEY=azure-test-key-...,
    OPENAI_API_VERSION=2024-10-21   (OPENAI_API_KEY/OPENAI_BASE_URL unset: the SDK's module
    client refuses to guess when both kinds of credentials are present)

Import rewriting for module "openai_compat" (see rewrite_imports):
    import openai                   -> import openai_compat as openai
    from openai import X            -> from openai_compat import X
    from openai.types.chat import X -> from openai_compat import X   (flattened: openai_compat
    from openai.lib... import X     -> from openai_compat import X    is one module; these are
    import openai.types... / openai.X.Y in code is left alone         the paths it lacks)
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import threading
import time
import traceback
import types
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

MAIN = Path(__file__).resolve().parents[2]   # the repository
SCRIPTS = MAIN / "testdata" / "sdk_scripts"
API_KEY = "sk-test-0123456789abcdef"
AZURE_KEY = "azure-test-key-0123456789"
API_VERSION = "2024-10-21"


time_module_sleep = time.sleep     # the real one: run_script replaces time.sleep meanwhile


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):     # quiet
        pass

    def _handle(self):
        server: LoopbackServer = self.server.owner     # type: ignore[attr-defined]
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        record = {"method": self.command, "path": parts.path,
                  "query": dict(parse_qsl(parts.query, keep_blank_values=True)),
                  "headers": {k.lower(): v for k, v in self.headers.items()}, "json": body}
        with server.lock:
            server.requests.append(record)
            resp = server.queue.pop(0) if server.queue else {
                "status": 599, "json": {"error": "no more canned responses"}}
        if resp.get("delay"):
            time_module_sleep(resp["delay"])
        status = resp.get("status", 200)
        if "json" in resp:
            payload = json.dumps(resp["json"]).encode()
            ctype = "application/json"
        elif "sse" in resp:
            payload = resp["sse"].encode()
            ctype = "text/event-stream; charset=utf-8"
        else:
            payload = resp.get("body", "").encode()
            ctype = "text/plain; charset=utf-8"
        ctype = resp.get("content_type", ctype)
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(payload)))
        for k, v in (resp.get("headers") or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()

    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle


class LoopbackServer:
    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self          # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        self.url = "http://127.0.0.1:%d" % self.port
        self.lock = threading.Lock()
        self.queue: list[dict] = []
        self.requests: list[dict] = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def load(self, responses: list[dict]) -> None:
        with self.lock:
            self.queue = [dict(r) for r in responses]
            self.requests = []

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


_SERVER: LoopbackServer | None = None
SLEEPS: list[float] = []


def server() -> LoopbackServer:
    global _SERVER
    if _SERVER is None:
        _SERVER = LoopbackServer()
    return _SERVER


# --- import rewriting ----------------------------------------------------------------------

_FROM_SUB = re.compile(r"^(\s*)from openai\.([\w.]+) import ", re.M)
_FROM_TOP = re.compile(r"^(\s*)from openai import ", re.M)
_IMPORT_TOP = re.compile(r"^([ \t]*)import openai[ \t]*$", re.M)


def rewrite_imports(source: str) -> str:
    """The script as it would be ported to openai_compat: import lines only."""
    source = _FROM_SUB.sub(r"\1from openai_compat import ", source)
    source = _FROM_TOP.sub(r"\1from openai_compat import ", source)
    source = _IMPORT_TOP.sub(r"\1import openai_compat as openai", source)
    return source


def submodule_imports(source: str) -> list[str]:
    """`from openai.X import ...` lines: paths a single-module openai_compat cannot provide."""
    return [m.group(0).strip() for m in re.finditer(r"^\s*from openai\.[\w.]+ import .*$",
                                                    source, re.M)]


# --- environment and module state ------------------------------------------------------------

_ENV_NAMES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID",
              "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "OPENAI_API_VERSION",
              "AZURE_OPENAI_AD_TOKEN", "OPENAI_API_TYPE")


def script_env(source: str, srv: LoopbackServer) -> dict[str, str]:
    if "azure" in source.lower():
        return {"AZURE_OPENAI_ENDPOINT": srv.url, "AZURE_OPENAI_API_KEY": AZURE_KEY,
                "OPENAI_API_VERSION": API_VERSION}
    return {"OPENAI_BASE_URL": srv.url + "/v1", "OPENAI_API_KEY": API_KEY}


def reset_module_client(module_name: str) -> None:
    """Put the module-level client settings back as a fresh import (after env is set) has them."""
    mod = sys.modules.get(module_name)
    if mod is None:
        return
    if module_name == "openai":
        import openai
        from openai._constants import DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES
        openai._reset_client()
        openai.api_key = openai.admin_api_key = openai.organization = openai.project = None
        openai.webhook_secret = openai.base_url = None
        openai.timeout, openai.max_retries = DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES
        openai.default_headers = openai.default_query = openai.http_client = None
        openai.api_type = os.environ.get("OPENAI_API_TYPE")        # type: ignore[assignment]
        openai.api_version = os.environ.get("OPENAI_API_VERSION")
        openai.azure_endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT")
        openai.azure_ad_token = openai.azure_ad_token_provider = None
    else:                       # openai_compat: the same settings, the same way
        mod._reset_client()
        for name in ("api_key", "organization", "project", "base_url", "default_headers",
                     "default_query", "azure_ad_token", "azure_ad_token_provider"):
            setattr(mod, name, None)
        mod.timeout, mod.max_retries = mod.SDK_TIMEOUT, mod.SDK_MAX_RETRIES
        mod.api_type = os.environ.get("OPENAI_API_TYPE")
        mod.api_version = os.environ.get("OPENAI_API_VERSION")
        mod.azure_endpoint = os.environ.get("AZURE_OPENAI_ENDPOINT")


# --- running ------------------------------------------------------------------------------

def responses_for(script: Path) -> list[dict]:
    path = script.with_suffix(".json")
    return json.loads(path.read_text()) if path.exists() else []


def run_script(script: str | os.PathLike, module: str = "openai",
               responses: list[dict] | None = None) -> tuple[str, list[dict]]:
    """Run one script through `module` ("openai" or "openai_compat"); return (stdout, the
    requests the server saw). An exception escaping the script is printed to the captured
    stdout as its last line, "Traceback: ExcType: message", like a failing run would end."""
    script = Path(script)
    source = script.read_text()
    if module == "openai_compat":
        source = rewrite_imports(source)
        if str(MAIN) not in sys.path:
            sys.path.insert(0, str(MAIN))
    elif module != "openai":
        raise ValueError("module must be 'openai' or 'openai_compat'")
    srv = server()
    srv.load(responses if responses is not None else responses_for(script))
    env = script_env(source, srv)
    saved = {k: os.environ.get(k) for k in _ENV_NAMES}
    for k in _ENV_NAMES:
        os.environ.pop(k, None)
    os.environ.update(env)
    reset_module_client(module)
    out = io.StringIO()
    real_sleep = time.sleep
    time.sleep = lambda s: SLEEPS.append(s)          # the SDK's retry waits
    # A real module object as __main__, so pydantic/typing resolve the script's own names.
    main_module = types.ModuleType("__main__")
    main_module.__file__ = str(script)
    namespace = main_module.__dict__
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = main_module
    try:
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(source, str(script), "exec"), namespace)
            except SystemExit:
                pass
            except BaseException as e:      # noqa: BLE001 - reported as output
                tb = traceback.extract_tb(e.__traceback__)
                where = next((f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb)
                              if f.filename == str(script)), "?")
                print("Traceback (%s): %s: %s" % (where, type(e).__name__, e))
    finally:
        time.sleep = real_sleep
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        reset_module_client(module)
    with srv.lock:
        seen = list(srv.requests)
    return out.getvalue(), seen


def first_difference(expected: str, got: str) -> str | None:
    if expected == got:
        return None
    e, g = expected.splitlines(), got.splitlines()
    for i, (a, b) in enumerate(zip(e, g)):
        if a != b:
            return "line %d: expected %r\n          got      %r" % (i + 1, a[:300], b[:300])
    if len(e) > len(g):
        return "line %d: expected %r, got end of output" % (len(g) + 1, e[len(g)][:300])
    return "line %d: unexpected extra %r" % (len(e) + 1, g[len(e)][:300])


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("scripts", nargs="*")
    ap.add_argument("--module", default="openai")
    ap.add_argument("--write-expected", action="store_true")
    ap.add_argument("--diff", action="store_true", help="compare with NN.expected.txt")
    ap.add_argument("--show", action="store_true", help="print output and requests")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.scripts] or sorted(SCRIPTS.glob("[0-9]*.py"))
    failures = 0
    for p in paths:
        got, reqs = run_script(p, args.module)
        expected_path = p.with_suffix(".expected.txt")
        if args.write_expected:
            expected_path.write_text(got)
        if args.show:
            print("=====", p.name)
            print(got, end="")
            for r in reqs:
                print("  >>", r["method"], r["path"], r["query"] or "",
                      json.dumps(r["json"])[:200] if r["json"] else "")
        if args.diff:
            diff = first_difference(expected_path.read_text(), got)
            failures += diff is not None
            print("%-40s %s" % (p.name, "same" if diff is None else "DIFF " + diff))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
