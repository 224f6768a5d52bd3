"""Start or stop a Prism mock server on OpenAI's OpenAPI spec, for the conformance tests.

    python scripts/prism.py start [--port N]   # prints the base URL, e.g. http://127.0.0.1:4010
    python scripts/prism.py stop [--port N]    # stops the Prism that `start` recorded on N

N defaults to 4010; `start --port 0` picks a free port (the printed URL names it).

Stoplight Prism (https://stoplight.io/open-source/prism) serves an OpenAPI document as an HTTP
mock: it validates every request against the spec, answers 422 naming the offending field when
the request breaks it, and otherwise invents an answer from the spec's schemas and examples.
The conformance tests (`pytest -m conformance`) send the module's real requests to it.

What `start` does, needing only Node.js, npm and the registry:

1. Installs @stoplight/prism-cli and js-yaml, at pinned versions, with npm into a cache
   directory outside the repository (`$OPENAI_COMPAT_PRISM_CACHE`, default
   `${XDG_CACHE_HOME:-~/.cache}/openai-compat-prism`); only once per version.
   Prism 5.14.2 is the newest release that runs on Node 20 and 22: 5.15.x needs Node >= 24.14
   and 5.16 Node >= 24.18 (their package.json `engines`).
2. Derives the spec Prism serves from `testdata/openapi/openapi.yaml` (OpenAI's spec, unchanged;
   see testdata/openapi/README.md) and keeps it in the cache, named by a hash of the spec and of
   this script. Node (js-yaml) turns the YAML into JSON: Python's standard library reads no YAML,
   and Node is needed for Prism anyway, so the repository gains no test dependency. Python then
   applies the fix-ups below and writes the JSON Prism reads.
3. Starts `prism mock` on 127.0.0.1 only (never another address), in the background, logging to
   the cache directory; records its PID; waits until the port accepts connections; prints the
   base URL on stdout (everything else goes to stderr).

`stop` sends SIGTERM (SIGKILL after 10 s) to the recorded PID, and only if that PID is still a
Prism process (a stale PID file may name an unrelated process by now).

The fix-ups (without them Prism does not validate chat requests at all):

- `nullable: true` on a schema that has no `type`. The spec is OpenAPI 3.1 but still uses 3.0's
  `nullable` keyword, in places on a schema without `type` (`StopConfiguration`, the
  `prediction` parameter, ...: a `oneOf`/`anyOf`/`$ref` that may also be null). Prism compiles
  request-body schemas with AJV, whose `nullable` keyword requires `type` in the same schema;
  AJV throws `"nullable" cannot be used without "type"` while compiling, and Prism (its
  `validateAgainstSchema` wraps the compile in `O.tryCatch`) drops the error and reports no
  violation. So POST /chat/completions (and other operations) would accept any JSON body,
  e.g. `temperature: 5` or `messages: "Hi"`. Each such schema becomes the equivalent
  `{anyOf: [<the schema without nullable>, {type: "null"}]}`, its annotations (description,
  title, default, examples, deprecated, `x-*`) kept on the outer schema.
- `nullable: false` on a schema that has no `type` throws the same error; `false` is the
  default, so the keyword is removed.

`nullable` next to a `type` is left alone (AJV understands it), and so is everything that is
data rather than a schema: `example`, `examples`, `default`, `enum`, `const` values and the
`x-oaiMeta` documentation blocks. Nothing else in the spec is changed; the paths stay relative
to the spec's server, so the base URL is used as `base_url` without a `/v1`.

Standard library only; Python 3.10+; POSIX (the stop guard reads /proc where there is one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PRISM_VERSION = "5.14.2"        # newest that runs on Node < 24 (see the docstring)
JS_YAML_VERSION = "4.3.2"
HOST = "127.0.0.1"              # the only address Prism is bound to; no option changes it
DEFAULT_PORT = 4010

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "testdata" / "openapi" / "openapi.yaml"
CACHE = Path(os.environ.get("OPENAI_COMPAT_PRISM_CACHE")
             or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
             / "openai-compat-prism")

# Keywords whose values are data (examples, defaults, documentation), not schemas: never rewritten.
DATA_KEYWORDS = frozenset({"example", "examples", "default", "enum", "const", "x-oaiMeta"})
# Keywords that describe a schema without constraining it: they stay on the outer schema.
ANNOTATIONS = frozenset({"title", "description", "default", "example", "examples", "deprecated"})
# Keywords whose values map names to schemas.
NAME_MAPS = frozenset({"properties", "patternProperties", "$defs", "definitions", "schemas"})

# Node reads the YAML (js-yaml from the cache) and writes it as JSON to stdout.
YAML_TO_JSON = ("const fs = require('fs'), yaml = require('js-yaml');"
                "process.stdout.write(JSON.stringify(yaml.load(fs.readFileSync(process.argv[1],"
                " 'utf8'))));")


def log(message: str) -> None:
    print("[prism] " + message, file=sys.stderr, flush=True)


class PrismError(Exception):
    """A failure to report in one line (exit status 1)."""


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise PrismError("%s not found on PATH: Prism needs Node.js and npm" % program)
    return path


# -- 1. Installing Prism -----------------------------------------------------------------------

def installed_version(package: str) -> str | None:
    manifest = CACHE / "node_modules" / package / "package.json"
    try:
        return json.loads(manifest.read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None


def install() -> Path:
    """Install the pinned Prism and js-yaml into CACHE unless they are there; return Prism's bin."""
    wanted = {"@stoplight/prism-cli": PRISM_VERSION, "js-yaml": JS_YAML_VERSION}
    prism = CACHE / "node_modules" / ".bin" / "prism"
    if prism.exists() and all(installed_version(p) == v for p, v in wanted.items()):
        return prism
    npm = require("npm")
    CACHE.mkdir(parents=True, exist_ok=True)
    manifest = CACHE / "package.json"
    if not manifest.exists():         # makes CACHE npm's project root, so nothing lands elsewhere
        manifest.write_text('{"private": true}\n')
    specs = ["%s@%s" % item for item in wanted.items()]
    log("installing %s into %s" % (" ".join(specs), CACHE))
    done = subprocess.run([npm, "install", "--prefix", str(CACHE), "--save-exact", "--no-audit",
                           "--no-fund", "--loglevel=error", *specs], stdout=sys.stderr)
    if done.returncode != 0 or not prism.exists():
        raise PrismError("npm install failed (exit status %d)" % done.returncode)
    return prism


# -- 2. The spec Prism serves ------------------------------------------------------------------

def fix_nullable(node: object, names: bool = False) -> tuple[object, int]:
    """Return `node` with the fix-ups of the module docstring applied, and how many were made.

    `names` is true for a mapping from names to schemas (`properties`, `components.schemas`):
    there a key such as `default` or `nullable` is a name, not a keyword."""
    if isinstance(node, list):
        items = [fix_nullable(item) for item in node]
        return [item for item, _ in items], sum(count for _, count in items)
    if not isinstance(node, dict):
        return node, 0
    fixed = 0
    schema = {}
    for key, value in node.items():
        if names or key not in DATA_KEYWORDS:
            value, count = fix_nullable(value, names=not names and key in NAME_MAPS)
            fixed += count
        schema[key] = value
    if names or "nullable" not in schema or "type" in schema:
        return schema, fixed
    if schema.pop("nullable") is not True:
        return schema, fixed + 1                      # `nullable: false`: the default, dropped
    outer = {k: v for k, v in schema.items() if k in ANNOTATIONS or k.startswith("x-")}
    inner = {k: v for k, v in schema.items() if k not in outer}
    outer["anyOf"] = [inner, {"type": "null"}]
    return outer, fixed + 1


def served_spec() -> Path:
    """Write (once) and return the JSON spec Prism serves, derived from SPEC."""
    digest = hashlib.sha256(SPEC.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
    path = CACHE / "spec" / ("openapi.%s.json" % digest)
    if path.exists():
        return path
    converted = subprocess.run([require("node"), "-e", YAML_TO_JSON, str(SPEC)],
                               capture_output=True, env=dict(os.environ,
                               NODE_PATH=str(CACHE / "node_modules")))
    if converted.returncode != 0:
        raise PrismError("could not read %s as YAML: %s"
                         % (SPEC, converted.stderr.decode(errors="replace")[-2000:]))
    spec, fixed = fix_nullable(json.loads(converted.stdout))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(spec, separators=(",", ":")))
    partial.replace(path)
    log("derived %s: %d nullable keyword(s) without a type rewritten" % (path, fixed))
    return path


# -- 3. Starting and stopping ------------------------------------------------------------------

def pid_file(port: int) -> Path:
    return CACHE / "run" / ("prism-%d.pid" % port)


def listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def alive(pid: int) -> bool:
    """Whether process `pid` exists and has not finished exiting (a zombie has)."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):    # gone, or someone else's: not ours
        return False
    try:
        stat = Path("/proc/%d/stat" % pid).read_text()
    except OSError:
        return not Path("/proc/self").exists()       # no /proc here: trust os.kill
    return stat.rpartition(")")[2].split()[0] != "Z"


def running_prism(pid: int) -> bool:
    """Whether `pid` is alive and, where /proc tells, a Prism process."""
    if not alive(pid):
        return False
    try:
        return b"prism" in Path("/proc/%d/cmdline" % pid).read_bytes()
    except OSError:
        return not Path("/proc/self").exists()


def recorded_pid(port: int) -> int | None:
    try:
        return int(pid_file(port).read_text().strip())
    except (OSError, ValueError):
        return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start(port: int, timeout: float) -> str:
    if port == 0:
        port = free_port()
    url = "http://%s:%d" % (HOST, port)
    pid = recorded_pid(port)
    if pid is not None and running_prism(pid):
        log("already running on %s (pid %d)" % (url, pid))
        return url
    pid_file(port).unlink(missing_ok=True)
    if listening(port):
        raise PrismError("port %d on %s is in use by another program; choose --port" % (port, HOST))
    require("node")
    prism = install()
    spec = served_spec()
    pid_file(port).parent.mkdir(parents=True, exist_ok=True)
    log_path = CACHE / "run" / ("prism-%d.log" % port)
    with open(log_path, "wb") as out:
        process = subprocess.Popen([str(prism), "mock", "--host", HOST, "--port", str(port),
                                    str(spec)], stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    pid_file(port).write_text("%d\n" % process.pid)
    started = time.monotonic()
    while not listening(port):
        if process.poll() is not None or time.monotonic() - started > timeout:
            reason = ("exited with status %s" % process.returncode if process.returncode
                      is not None else "was not listening after %g s" % timeout)
            stop(port)
            tail = log_path.read_text(errors="replace")[-3000:]
            raise PrismError("Prism %s; its log (%s) ends:\n%s" % (reason, log_path, tail))
        time.sleep(0.2)
    log("listening on %s after %.1f s (pid %d, log %s)"
        % (url, time.monotonic() - started, process.pid, log_path))
    return url


def stop(port: int) -> None:
    pid = recorded_pid(port)
    if pid is None:
        log("no Prism recorded for port %d (%s)" % (port, pid_file(port)))
        return
    if running_prism(pid):
        os.kill(pid, signal.SIGTERM)
        # Wait for the exit to finish, not only to begin: an exiting process loses its cmdline
        # before it closes its listening socket.
        deadline = time.monotonic() + 10
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if alive(pid):
            log("pid %d still running after 10 s; sending SIGKILL" % pid)
            os.kill(pid, signal.SIGKILL)
            while alive(pid) and time.monotonic() < deadline + 5:
                time.sleep(0.1)
        log("stopped pid %d" % pid)
    else:
        log("pid %d is not a running Prism; removing its stale record" % pid)
    pid_file(port).unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start or stop a Prism mock server on "
                                     "OpenAI's OpenAPI spec (see the module docstring).")
    parser.add_argument("command", choices=["start", "stop"])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="port on 127.0.0.1 (default %d; `start --port 0`: any free port, "
                             "read it from the URL)" % DEFAULT_PORT)
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds `start` waits for Prism to listen (default 180)")
    args = parser.parse_args(argv)
    if not 0 <= args.port < 65536 or (args.port == 0 and args.command == "stop"):
        parser.error("--port must be between 1 and 65535 (or 0 to start on any free port)")
    try:
        if args.command == "start":
            print(start(args.port, args.timeout), flush=True)
        else:
            stop(args.port)
    except PrismError as e:
        log(str(e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
