"""Type-check the SDK scripts as written and as ported to openai_compat; report new errors.

For each testdata/sdk_scripts/NN_name.py (written for the official `openai` SDK) this runs
pyright (basic mode) once over both sides, each in a folder of its own:
  sdk     the scripts as written; `openai` resolves in the environment of --pythonpath;
  compat  the scripts after harness.rewrite_imports; extraPaths = the repository root, so
          `import openai_compat` is this repository's openai_compat.py (extraPaths come
          before site-packages in pyright's import resolution).
An error on the compat side is "new" unless the same script's SDK side has an error with the
same rule on the same line (the port changes import lines only, line by line, so line
numbers match; this is checked). Prints the new errors, one a line, then a summary; exits 1
if any is new.

    python scripts/sdk_pyright.py [--pyright PATH] [--pythonpath PYTHON] [--json]

From a test: compare(pyright, python) returns the result as a dict.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "testdata" / "sdk_scripts"

Error = dict[str, Any]          # {"script", "line", "rule", "message"}


def load_rewrite() -> Callable[[str], str]:
    """harness.rewrite_imports, loaded from its file (testdata is not a package)."""
    spec = importlib.util.spec_from_file_location("sdk_harness", SCRIPTS / "harness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.rewrite_imports


def port(rewrite: Callable[[str], str], name: str, source: str) -> str:
    """The script ported line by line, so that every line keeps its number; checked to give
    rewrite_imports' whole-file result (but for blank lines) and to change import lines
    only."""
    lines = [rewrite(line) for line in source.splitlines()]
    ported = "\n".join(lines) + "\n"
    if nonblank(ported) != nonblank(rewrite(source)):
        raise RuntimeError(f"{name}: the line-by-line port differs from rewrite_imports")
    for number, (a, b) in enumerate(zip(source.splitlines(), lines, strict=True), 1):
        if a != b and not a.lstrip().startswith(("import ", "from ")):
            raise RuntimeError(f"{name}:{number}: rewrite_imports changed a non-import line")
    return ported


def nonblank(source: str) -> list[str]:
    return [line for line in source.splitlines() if line.strip()]


def write_sides(project: Path, sides: dict[str, dict[str, str]]) -> None:
    """One folder of scripts per side, under one pyrightconfig.json: pyright starts once.
    extraPaths is the repository (for openai_compat); it holds no `openai`, so the SDK
    side still resolves the installed SDK."""
    for side, sources in sides.items():
        (project / side).mkdir(parents=True)
        for name, source in sources.items():
            (project / side / name).write_text(source)
    config = {"typeCheckingMode": "basic",
              "pythonVersion": "{}.{}".format(*sys.version_info[:2]),
              "extraPaths": [str(ROOT)]}
    (project / "pyrightconfig.json").write_text(json.dumps(config))


def run_pyright(pyright: str, python: str, folder: Path) -> list[Error]:
    """The errors pyright finds in the project's scripts (warnings are left out), each with
    its side (the folder it is in)."""
    proc = subprocess.run([pyright, "--outputjson", "--pythonpath", python, "-p", str(folder)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):       # 2: fatal error, 3: bad config
        raise RuntimeError(f"pyright exited {proc.returncode}: {proc.stderr or proc.stdout}")
    report = json.loads(proc.stdout[proc.stdout.index("{"):])
    return [{"side": Path(d["file"]).parent.name, "script": Path(d["file"]).name,
             "line": d["range"]["start"]["line"] + 1,
             "rule": d.get("rule", ""), "message": d["message"]}
            for d in report["generalDiagnostics"] if d["severity"] == "error"]


def require_import(errors: list[Error], module: str, python: str) -> None:
    """Stop when pyright could not find the module: every comparison would then be noise."""
    for e in errors:
        if e["rule"] == "reportMissingImports" and f'"{module}' in e["message"]:
            raise RuntimeError(f"pyright cannot import {module} (python: {python}): "
                               f"{e['script']}:{e['line']} {e['message']}")


def new_errors(sdk: list[Error], compat: list[Error]) -> list[Error]:
    """compat errors with no SDK error of the same rule on the same line of the same script."""
    known = {(e["script"], e["line"], e["rule"]) for e in sdk}
    return [e for e in compat if (e["script"], e["line"], e["rule"]) not in known]


def compare(pyright: str, python: str) -> dict[str, Any]:
    """Run both sides; return counts, the new errors and both sides' errors."""
    rewrite = load_rewrite()
    originals = {p.name: p.read_text() for p in sorted(SCRIPTS.glob("[0-9]*.py"))}
    ported = {name: port(rewrite, name, source) for name, source in originals.items()}
    with tempfile.TemporaryDirectory() as tmp:
        write_sides(Path(tmp), {"sdk": originals, "compat": ported})
        errors = run_pyright(pyright, python, Path(tmp))
    sdk = [e for e in errors if e["side"] == "sdk"]
    compat = [e for e in errors if e["side"] == "compat"]
    require_import(sdk, "openai", python)
    require_import(compat, "openai_compat", python)
    new = new_errors(sdk, compat)
    return {"scripts": len(originals), "sdk_errors": len(sdk), "compat_errors": len(compat),
            "new_errors": len(new), "new": new, "sdk": sdk, "compat": compat}


def default_pyright() -> str:
    """The pyright beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).parent / "pyright"
    return str(beside) if beside.exists() else shutil.which("pyright") or "pyright"


def summary(result: dict[str, Any]) -> str:
    return ("{scripts} scripts, {sdk_errors} errors against the SDK, {compat_errors} against "
            "openai_compat, {new_errors} new".format(**result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="pyright on the SDK scripts, SDK vs port")
    parser.add_argument("--pyright", default=default_pyright(), help="pyright executable")
    parser.add_argument("--pythonpath", default=sys.executable,
                        help="the Python whose environment has `openai` (default: this one)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = compare(args.pyright, args.pythonpath)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for e in result["new"]:
            message = " ".join(e["message"].split())
            print(f"{e['script']}:{e['line']} {e['rule']} {message}")
        print(summary(result))
    return 1 if result["new_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
