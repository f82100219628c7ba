"""
Fuzzes every operation of the API's OpenAPI document with schemathesis, once per role, against
the real stack started the way `npm start` starts it (embedded PostgreSQL, Temporal dev server,
worker, API from dist/) in a throw-away DATA_DIR on free ports. Run it through
run-schemathesis.sh, which makes the venv and builds first.

  1. starts the stack and waits for /health; the first start seeds the demo projects
  2. signs in as each role (demo accounts, password "demo") and makes two guard projects in
     review: G-A of org-a (applicant) and G-B of org-b (applicant2); neither involves GAS
  3. writes a schemathesis.toml whose dictionaries hold real project ids, item codes, task ids,
     stages and agent names (plus hostile strings), bound to the path parameters with a
     probability, so about half the requests reach real projects and the rest are random
  4. runs `schemathesis run` per role with that role's bearer token; around the run of each
     role that may not touch a guard, snapshots the guard (report, timeline, delegations, its
     organisation's mandates, read as its owner) and requires it unchanged
  5. merges the JUnit reports, counts requests and statuses from the NDJSON event streams,
     writes bench/results/fuzz-schemathesis.{json,junit.xml,console.txt} and prints PASS/FAIL

Knobs: FUZZ_MAX_EXAMPLES (10), FUZZ_SEED (20260601), FUZZ_ROLES (comma list; default all),
FUZZ_WORKERS (2), FUZZ_KEEP_DATA=1 (keep the temp folder, with the stack's log).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = ROOT / "bench" / "results"
SCHEMATHESIS = HERE / ".venv" / "bin" / "schemathesis"
PASSWORD = "demo"

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "10"))
SEED = int(os.environ.get("FUZZ_SEED", "20260601"))
WORKERS = os.environ.get("FUZZ_WORKERS", "2")
KEEP_DATA = os.environ.get("FUZZ_KEEP_DATA") == "1"

# Checks that gate the run. Every operation declares 400, 401, 403, 404, 409 and 503 with the
# Error schema (apps/api/src/common/openapi.ts), so response_schema_conformance holds every error
# body to { statusCode, error, message }; the driver also requires that shape of every >= 400
# answer itself, and no 5xx at all (nothing here is down, so not even a 503).
CHECKS = [
    "not_a_server_error",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "missing_required_header",
    "ignored_auth",
]
# Run and reported, but not gating (summary: informational):
# - status_code_conformance: the document does not declare the 200 an idempotent repeat answers
#   (POST /api/projects with a known Idempotency-Key; POST /api/mandates and
#   POST /api/projects/{id}/delegations for a grant already in force answer 200, not 201).
# - negative_data_rejection: class-validator's @IsOptional() lets `null` through for optional
#   fields the document types as boolean/string/..., so e.g. PUT /api/calendar/years/{year} with
#   `"official": null` succeeds. A looseness between document and validation, not a crash.
# Both are worth reading after a run; neither is about 5xx or who may touch what.
INFO_CHECKS = ["status_code_conformance", "negative_data_rejection"]
# Left out on purpose, with the reason recorded in the summary.
EXCLUDED_CHECKS = {
    "positive_data_acceptance": (
        "expects 2xx for every schema-valid request; the schema cannot express the business "
        "rules (questionnaire answers, workflow state, who owns what), so schema-valid requests "
        "are rightly answered 400/403/404/409"
    ),
    "unsupported_method": (
        "sends TRACE/PATCH/... and expects 405 with Allow; Nest/Express answer 404 for a method "
        "without a route (still a JSON error, never a 5xx: the 5xx check covers it)"
    ),
    "allow_header_conformance": "same reason as unsupported_method (no 405 / Allow header)",
    "use_after_free": "stateful phase only; the document declares no links",
    "ensure_resource_availability": "stateful phase only; the document declares no links",
    "object_level_authorization": (
        "needs two auth contexts in one run; covered instead by the guard projects (step 4) and "
        "test/authorization-matrix.e2e-spec.ts"
    ),
}

# Questionnaire answers of a warehouse: PLAN items of DRC, NRP, ... and no GAS (utilities: []).
WAREHOUSE = {
    "projectType": "SOCIAL_INVESTMENT",
    "landAcquisition": "GRANT",
    "regionalAssessment": "YES",
    "eiaCategory": "REGISTRATION",
    "civilAirDefence": "NO",
    "fireSpecial": "NO",
    "belowPermitThreshold": "NO",
    "utilities": [],
    "municipalWorks": [],
    "culturalRelics": "NO",
}

GUARD_OWNERS = {"A": "applicant", "B": "applicant2"}

# (role label, demo account or None, guards the role may not touch). Order matters: the roles
# checked against a guard run before the ones that may legitimately change it (an applicant
# fuzzing POST /api/mandates may grant `agent` its organisation, a window officer accepts any
# stage, an admin's PUT /api/calendar/years moves every clock).
ROLES: list[tuple[str, str | None, list[str]]] = [
    ("anonymous", None, ["A", "B"]),
    ("agent", "agent", ["A"]),  # holds org-b's demo mandate: G-B is its to touch
    ("officer.GAS", "officer.GAS", ["A", "B"]),  # GAS is in neither guard
    ("head.GAS", "head.GAS", ["A", "B"]),
    ("supervisor", "supervisor", ["A", "B"]),  # reads everything, changes nothing
    ("applicant2", "applicant2", ["A"]),
    ("applicant", "applicant", ["B"]),
    ("window", "window", []),
    ("officer.DRC", "officer.DRC", []),
    ("head.DRC", "head.DRC", []),
    ("admin", "admin", []),
]

HOSTILE = [
    "../../health",
    "..%2F..%2Fhealth",
    "%00",
    "x" * 3000,
    "' OR '1'='1",
    "\u00e9\u5de5\u7a0b\U0001f3d7",
    "-1",
    "00000000-0000-0000-0000-000000000000",
]


def log(msg: str) -> None:
    print(f"[fuzz {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Api:
    def __init__(self, base: str) -> None:
        self.base = base
        self.tokens: dict[str, str] = {}

    def call(
        self,
        method: str,
        path: str,
        as_user: str | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, Any]:
        h = {"accept": "application/json", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["content-type"] = "application/json"
        if as_user is not None:
            h["authorization"] = f"Bearer {self.tokens[as_user]}"
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as res:
                status, raw = res.status, res.read()
        except urllib.error.HTTPError as err:
            status, raw = err.code, err.read()
        try:
            return status, json.loads(raw) if raw else None
        except ValueError:
            return status, raw.decode("utf-8", "replace")

    def ok(self, method: str, path: str, as_user: str | None = None, **kw: Any) -> Any:
        status, body = self.call(method, path, as_user, **kw)
        if status >= 300:
            raise RuntimeError(f"{method} {path} as {as_user}: {status} {json.dumps(body)[:300]}")
        return body

    def login(self, user: str) -> str:
        body = self.ok("POST", "/api/auth/login", body={"username": user, "password": PASSWORD})
        self.tokens[user] = body["accessToken"]
        return self.tokens[user]


class Stack:
    """`node dist/scripts/start.js` in its own process group, on free ports, in a temp folder."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="fuzz-schemathesis-"))
        # The embedded PostgreSQL runs as the postgres user when we are root: it must get in.
        os.chmod(self.dir, 0o755)
        self.log_path = self.dir / "stack.log"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "TEMPORAL_ADDRESS", "JWT_SECRET", "NODE_ENV")
        }
        env.update(
            PORT=str(self.port),
            HOST="127.0.0.1",
            EMBEDDED_PG_PORT=str(free_port()),
            TEMPORAL_PORT=str(free_port()),
            TEMPORAL_UI_PORT=str(free_port()),
            DATA_DIR=str(self.dir / "data"),
            LOG_LEVEL="warn",
            # Login is fuzzed too: the per-address limit (10/min) would answer 429.
            LOGIN_RATE_LIMIT="100000",
        )
        (self.dir / "data").mkdir()
        os.chmod(self.dir / "data", 0o755)
        out = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            ["node", "dist/scripts/start.js"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log(f"stack starting (pid {self.proc.pid}, API {self.base}, log {self.log_path})")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_text(self) -> str:
        try:
            return self.log_path.read_text("utf-8", "replace")
        except OSError:
            return ""

    def wait_healthy(self, timeout: float = 240) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if not self.alive():
                raise RuntimeError("the stack exited during start:\n" + self.log_text()[-3000:])
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=5) as res:
                    if res.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        raise RuntimeError(f"/health not 200 after {timeout}s:\n" + self.log_text()[-3000:])

    def wait_demo_seed(self, timeout: float = 180) -> str:
        marker = self.dir / "data" / "demo-seeded"
        deadline = time.time() + timeout
        while time.time() < deadline:
            if marker.exists():
                return "seeded"
            text = self.log_text()
            if "demo seed failed" in text:
                line = next(line for line in text.splitlines() if "demo seed failed" in line)
                return f"failed: {line.strip()}"
            if "Seeding demo projects" not in text and "Parallel approvals is running" in text:
                time.sleep(2)
                if "Seeding demo projects" not in self.log_text():
                    return "not run by this start"
            time.sleep(1)
        return f"not finished after {timeout}s"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                log("the stack did not stop in 60 s; killing its process group")
        if self.proc is not None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)  # leftovers of the group we started
            except ProcessLookupError:
                pass
            self.proc.wait()
        if KEEP_DATA:
            log(f"kept {self.dir}")
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


def make_guard(api: Api, key: str, owner: str) -> dict[str, Any]:
    created = api.ok(
        "POST",
        "/api/projects",
        owner,
        body={"name": f"模糊测试守卫-{key}", "answers": WAREHOUSE},
        headers={"Idempotency-Key": f"fuzz-guard-{key}"},
    )
    pid = created["id"]
    api.ok("POST", f"/api/projects/{pid}/stages/PLAN/submission", owner, body={})
    report = api.ok(
        "POST", f"/api/projects/{pid}/stages/PLAN/acceptance", "window", body={"decision": "ACCEPT"}
    )
    depts = {i["department"] for s in report["stages"] for t in s["themes"] for i in t["items"]}
    if "GAS" in depts:
        raise RuntimeError(f"guard {key} involves GAS: the GAS roles could touch it")
    return {"key": key, "id": pid, "owner": owner, "organisation": created["ownerOrganisation"]}


def snapshot(api: Api, guard: dict[str, Any]) -> dict[str, Any]:
    pid, owner = guard["id"], guard["owner"]
    report = api.ok("GET", f"/api/projects/{pid}", owner)
    report.pop("asOf", None)
    timeline = api.ok("GET", f"/api/projects/{pid}/timeline", owner)["items"]
    return {
        "report": report,
        "timelineLength": len(timeline),
        "timeline": timeline,
        "delegations": api.ok("GET", f"/api/projects/{pid}/delegations", owner),
        "mandates": api.ok("GET", "/api/mandates", owner),
    }


def diff(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    out = []
    for k in before:
        if before[k] != after[k]:
            if k == "timeline":
                new = after[k][len(before[k]) :] if len(after[k]) > len(before[k]) else after[k]
                out.append(f"timeline: {json.dumps(new, ensure_ascii=False)[:600]}")
            else:
                out.append(
                    f"{k}: {json.dumps(before[k], ensure_ascii=False)[:300]} -> "
                    f"{json.dumps(after[k], ensure_ascii=False)[:300]}"
                )
    return out


def settle(api: Api, guard: dict[str, Any], timeout: float = 30) -> dict[str, Any]:
    """Waits until the guard's read model stops moving (the workflow finishes its start)."""
    prev = snapshot(api, guard)
    deadline = time.time() + timeout
    while time.time() < deadline:
        time.sleep(0.7)
        cur = snapshot(api, guard)
        if cur == prev:
            return cur
        prev = cur
    raise RuntimeError(f"guard {guard['key']} kept changing for {timeout}s")


def dictionaries(api: Api, guards: list[dict[str, Any]]) -> dict[str, list[str]]:
    listing = api.ok("GET", "/api/projects?pageSize=100", "admin")
    ids = [g["id"] for g in guards] + [p["id"] for p in listing["items"]]
    ids = list(dict.fromkeys(ids))
    items: list[str] = []
    tasks: list[str] = []
    for pid in ids:
        report = api.ok("GET", f"/api/projects/{pid}", "admin")
        for s in report["stages"]:
            for t in s["themes"]:
                for i in t["items"]:
                    items.append(i["code"])
                    if i.get("taskId"):
                        tasks.append(i["taskId"])
    return {
        "projects": ids + HOSTILE,
        "items": list(dict.fromkeys(items)) + HOSTILE,
        "tasks": list(dict.fromkeys(tasks))[:60] + [f"{ids[0]}:../{items[0]}"] + HOSTILE,
        "stages": ["PLAN", "START_PERMIT", "COMPLETION", "plan", "PLAN ", "STAGE"],
        "agents": ["agent", "applicant", "applicant2", "window", "admin", "no-such-agent"],
    }


def toml_str(s: str) -> str:
    # A JSON string without \uD8xx surrogates is a valid TOML basic string.
    return json.dumps(s, ensure_ascii=False)


def write_config(path: Path, dicts: dict[str, list[str]]) -> None:
    lines = ["# Written by bench/fuzz/run_schemathesis.py for one run.", ""]
    for name, values in dicts.items():
        lines.append(f"[dictionaries.{name}]")
        lines.append("values = [" + ", ".join(toml_str(v) for v in values) + "]")
        lines.append("")
    bindings = {
        "path.id": ("projects", 0.6),
        "path.itemCode": ("items", 0.6),
        "path.taskId": ("tasks", 0.6),
        "path.stage": ("stages", 0.6),
        "path.agentUsername": ("agents", 0.5),
        "query.projectId": ("projects", 0.4),
        "body.agentUsername": ("agents", 0.5),
    }
    lines.append("[parameters]")
    for key, (name, p) in bindings.items():
        lines.append(f'"{key}" = {{ dictionary = "{name}", probability = {p} }}')
    path.write_text("\n".join(lines) + "\n", "utf-8")


def patch_document(doc: dict[str, Any]) -> list[str]:
    """
    The one change made to the served document before schemathesis reads it. Nest documents a
    handler's `@Headers('idempotency-key')` argument as a second, *required* header parameter
    `idempotency-key` next to the optional `Idempotency-Key` the API declares (header names are
    case-insensitive: it is one header, and it is optional). Left in, negative_data_rejection and
    missing_required_header fail every command that rightly succeeds without the key. The defect
    is reported (summary: documentPatches); the patch only drops the duplicate.
    """
    patched = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            params = op.get("parameters") or []
            headers = [p for p in params if p.get("in") == "header"]
            for p in headers:
                twins = [q for q in headers if q is not p and q["name"].lower() == p["name"].lower()]
                if twins and p.get("required") and not any(q.get("required") for q in twins):
                    params.remove(p)
                    patched.append(
                        f"{method.upper()} {path}: dropped required header `{p['name']}` "
                        f"(duplicate of optional `{twins[0]['name']}`)"
                    )
    return patched


def decode(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, dict) and "$base64" in content:
        return base64.b64decode(content["$base64"]).decode("utf-8", "replace")
    return str(content)


def error_shape_ok(text: str) -> bool:
    try:
        body = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(body, dict)
        and isinstance(body.get("statusCode"), int)
        and isinstance(body.get("error"), str)
        and isinstance(body.get("message"), (str, list))
    )


def parse_ndjson(path: Path, role: str) -> dict[str, Any]:
    statuses: Counter[str] = Counter()
    by_op: dict[str, Counter[str]] = {}
    failures: Counter[str] = Counter()
    failed_ops: dict[str, set[str]] = {}
    seen: set[str] = set()
    operations: set[str] = set()
    server_errors: list[dict[str, Any]] = []
    bad_bodies: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for line in path.read_text("utf-8").splitlines():
        ev = json.loads(line)
        for kind in ("NonFatalError", "FatalError"):
            if kind in ev:
                text = json.dumps(ev[kind], ensure_ascii=False)
                network = re.search(
                    r"Connection|Timeout|timed out|RemoteDisconnected|refused|reset by peer", text
                )
                errors.append(
                    {
                        "kind": kind,
                        "operation": ev[kind].get("label"),
                        "phase": ev[kind].get("phase"),
                        # The API not answering fails the run; anything else is schemathesis's
                        # own trouble (e.g. CPython 3.11's "AST constructor recursion depth
                        # mismatch" when two workers build strategies at once).
                        "apiUnreachable": bool(network) or kind == "FatalError",
                        "text": text[:600],
                    }
                )
        if "ScenarioFinished" not in ev:
            continue
        rec = ev["ScenarioFinished"]["recorder"]
        label = rec.get("label", "?")
        for cid, inter in (rec.get("interactions") or {}).items():
            if cid in seen:
                continue
            seen.add(cid)
            operations.add(label)
            res = inter.get("response")
            if not res:
                statuses["no response"] += 1
                continue
            code = int(res["status_code"])
            statuses[str(code)] += 1
            by_op.setdefault(label, Counter())[str(code)] += 1
            req = inter.get("request", {})
            text = decode(res.get("content"))
            sample = {
                "role": role,
                "operation": label,
                "method": req.get("method"),
                "uri": req.get("uri"),
                "requestBody": decode(req.get("body"))[:500],
                "status": code,
                "response": text[:300],
            }
            if code >= 500:
                server_errors.append(sample)
            elif code >= 400 and not error_shape_ok(text):
                bad_bodies.append(sample)
        for checks in (rec.get("checks") or {}).values():
            for c in checks:
                if c.get("status") == "failure":
                    failures[c["name"]] += 1
                    failed_ops.setdefault(c["name"], set()).add(label)
    return {
        "operationsWithRequests": len(operations),
        "requests": sum(statuses.values()),
        "statuses": dict(sorted(statuses.items())),
        "statusesByOperation": {k: dict(sorted(v.items())) for k, v in sorted(by_op.items())},
        "checkFailures": dict(failures),
        "failedOperations": {k: sorted(v) for k, v in failed_ops.items()},
        "serverErrors": server_errors,
        "badErrorBodies": bad_bodies,
        "errors": errors,
    }


def reproductions(console: str) -> list[str]:
    """The `curl ...` lines schemathesis prints under 'Reproduce with:' (tokens filtered)."""
    return [m.strip() for m in re.findall(r"^\s+(curl .+)$", console, flags=re.M)]


def run_role(
    api: Api, label: str, user: str | None, cfg: Path, schema: Path, work: Path
) -> tuple[dict[str, Any], str, Path | None]:
    out_dir = work / label
    out_dir.mkdir()
    cmd = [
        str(SCHEMATHESIS),
        "--config-file",
        str(cfg),
        "run",
        str(schema),
        "--url",
        api.base,
        "--checks",
        ",".join(CHECKS + INFO_CHECKS),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        WORKERS,
        "--request-timeout",
        "30",
        "--generation-database",
        "none",
        "--report",
        "junit,ndjson",
        "--report-dir",
        str(out_dir),
        "--report-junit-path",
        str(out_dir / "junit.xml"),
        "--report-ndjson-path",
        str(out_dir / "events.ndjson"),
        "--no-color",
    ]
    if user is not None:
        cmd[7:7] = ["--header", f"Authorization: Bearer {api.tokens[user]}"]
    started = time.time()
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True, errors="replace")
    elapsed = time.time() - started
    console = proc.stdout + proc.stderr
    ndjson = out_dir / "events.ndjson"
    parsed = parse_ndjson(ndjson, label) if ndjson.exists() else {}
    m = re.search(r"(\d+) generated", console)
    result = {
        "role": label,
        "account": user,
        "exitCode": proc.returncode,
        "seconds": round(elapsed, 1),
        "testCasesGenerated": int(m.group(1)) if m else None,
        **parsed,
        "reproductions": reproductions(console),
    }
    junit = out_dir / "junit.xml"
    return result, console, junit if junit.exists() else None


def merge_junit(parts: list[tuple[str, Path]], dest: Path) -> None:
    root = ET.Element("testsuites")
    totals = Counter[str]()
    for label, path in parts:
        for suite in ET.parse(path).getroot().iter("testsuite"):
            suite.set("name", f"schemathesis as {label}")
            for el in suite.iter():
                if el.text and len(el.text) > 4000:  # tracebacks quoting whole source files
                    el.text = el.text[:4000] + " [truncated]"
                if len(el.get("message", "")) > 1000:
                    el.set("message", el.get("message", "")[:1000] + " [truncated]")
            for k in ("tests", "failures", "errors", "skipped"):
                totals[k] += int(suite.get(k, "0"))
            root.append(suite)
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    ET.ElementTree(root).write(dest, encoding="utf-8", xml_declaration=True)


def main() -> int:
    selected = [r.strip() for r in os.environ.get("FUZZ_ROLES", "").split(",") if r.strip()]
    roles = [r for r in ROLES if not selected or r[0] in selected]
    unknown = set(selected) - {r[0] for r in ROLES}
    if unknown:
        log(f"unknown FUZZ_ROLES {sorted(unknown)}; roles are {[r[0] for r in ROLES]}")
        return 2
    version = subprocess.run(
        [str(SCHEMATHESIS), "--version"], capture_output=True, text=True
    ).stdout.strip()
    t0 = time.time()
    stack = Stack()

    def on_term(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_term)
    reasons: list[str] = []
    results: list[dict[str, Any]] = []
    guard_checks: list[dict[str, Any]] = []
    consoles: list[str] = []
    junits: list[tuple[str, Path]] = []
    summary: dict[str, Any] = {}
    work = Path(tempfile.mkdtemp(prefix="fuzz-schemathesis-work-"))
    try:
        stack.start()
        stack.wait_healthy()
        log(f"API healthy after {time.time() - t0:.0f}s")
        seed_state = stack.wait_demo_seed()
        log(f"demo seed: {seed_state}")
        api = Api(stack.base)
        accounts = {u for _, u, _ in ROLES if u} | set(GUARD_OWNERS.values()) | {"window", "admin"}
        for user in sorted(accounts):
            api.login(user)
        guards = {k: make_guard(api, k, owner) for k, owner in GUARD_OWNERS.items()}
        for g in guards.values():
            settle(api, g)
        log("guards: " + ", ".join(f"G-{k} {g['id']} ({g['organisation']})" for k, g in guards.items()))
        dicts = dictionaries(api, list(guards.values()))
        cfg = work / "schemathesis.toml"
        write_config(cfg, dicts)
        doc = api.ok("GET", "/docs/openapi.json")
        ops = [f"{m.upper()} {p}" for p, ms in doc["paths"].items() for m in ms]
        patches = patch_document(doc)
        schema = work / "openapi.json"
        schema.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        log(f"document: {len(patches)} duplicate required idempotency-key headers dropped")
        log(
            f"{len(ops)} operations, {len(dicts['projects']) - len(HOSTILE)} projects, "
            f"{len(dicts['tasks']) - len(HOSTILE) - 1} task ids in the dictionaries; "
            f"{len(roles)} roles, {MAX_EXAMPLES} examples per operation, seed {SEED}"
        )
        for label, user, untouchable in roles:
            before = {k: settle(api, guards[k]) for k in untouchable}
            result, console, junit = run_role(api, label, user, cfg, schema, work)
            consoles.append(f"{'=' * 30} schemathesis as {label} {'=' * 30}\n{console}")
            if junit:
                junits.append((label, junit))
            changes: dict[str, list[str]] = {}
            for k in untouchable:
                try:  # a command's effects may land a moment later: wait for quiet first
                    after = settle(api, guards[k])
                except RuntimeError:
                    after = snapshot(api, guards[k])
                d = diff(before[k], after)
                guard_checks.append(
                    {
                        "role": label,
                        "guard": f"G-{k}",
                        "project": guards[k]["id"],
                        "timelineLength": [before[k]["timelineLength"], after["timelineLength"]],
                        "unchanged": not d,
                        "changes": d,
                    }
                )
                if d:
                    changes[f"G-{k}"] = d
            result["guardsChecked"] = [f"G-{k}" for k in untouchable]
            result["guardChanges"] = changes
            results.append(result)
            log(
                f"{label}: exit {result['exitCode']} in {result['seconds']}s, "
                f"{result.get('requests', 0)} requests, statuses {result.get('statuses')}, "
                f"check failures {result.get('checkFailures')}, "
                f"{len(result.get('errors', []))} schemathesis errors, "
                f"guards {'unchanged' if not changes else 'CHANGED ' + json.dumps(changes, ensure_ascii=False)[:500]}"
            )
            if result["exitCode"] not in (0, 1) or "requests" not in result:
                reasons.append(f"schemathesis as {label} did not complete (exit {result['exitCode']})")
                print(console[-3000:])
            gating = [k for k in result.get("checkFailures", {}) if k not in INFO_CHECKS]
            if gating:
                reasons.append(
                    f"{label}: failed checks "
                    + "; ".join(f"{k} on {', '.join(result['failedOperations'][k])}" for k in gating)
                )
            unreachable = [e for e in result.get("errors", []) if e["apiUnreachable"]]
            if unreachable:
                reasons.append(
                    f"{label}: schemathesis could not complete {len(unreachable)} scenarios: "
                    + "; ".join(f"{e['operation']}: {e['text'][:200]}" for e in unreachable[:3])
                )
            if result.get("serverErrors"):
                reasons.append(f"{label}: {len(result['serverErrors'])} responses 5xx")
            if result.get("badErrorBodies"):
                reasons.append(
                    f"{label}: {len(result['badErrorBodies'])} error responses not "
                    "{statusCode, error, message}"
                )
            if changes:
                reasons.append(f"{label} changed {', '.join(changes)} (may not touch it)")
            if not stack.alive():
                reasons.append(f"the stack exited during the run as {label}")
                break
        healthy = False
        try:
            with urllib.request.urlopen(stack.base + "/health", timeout=10) as res:
                healthy = res.status == 200
        except (urllib.error.URLError, OSError):
            pass
        if not healthy:
            reasons.append("GET /health was not 200 after the run")
        api_errors = [
            line for line in stack.log_text().splitlines() if '"level":"error"' in line
        ]
        statuses: Counter[str] = Counter()
        by_op: dict[str, Counter[str]] = {}
        for r in results:
            statuses.update(r.get("statuses", {}))
            for op, counts in r.get("statusesByOperation", {}).items():
                by_op.setdefault(op, Counter()).update(counts)
        unique_5xx: dict[str, dict[str, Any]] = {}
        for r in results:
            for e in r.get("serverErrors", []):
                unique_5xx.setdefault(f"{e['operation']} {e['status']}", e)
        summary = {
            "tool": version,
            "command": "npm run fuzz:schemathesis",
            "startedAt": datetime.fromtimestamp(t0, timezone.utc).isoformat(timespec="seconds"),
            "seconds": round(time.time() - t0, 1),
            "seed": SEED,
            "maxExamplesPerOperation": MAX_EXAMPLES,
            "workers": WORKERS,
            "phases": "examples, coverage, fuzzing (stateful: no links in the document)",
            "checks": CHECKS,
            "informationalChecks": INFO_CHECKS,
            "excludedChecks": EXCLUDED_CHECKS,
            "demoSeed": seed_state,
            "documentPatches": patches,
            "operations": len(ops),
            "roles": [r[0] for r in roles],
            "guards": {f"G-{k}": g for k, g in guards.items()},
            "totals": {
                "requests": sum(r.get("requests", 0) for r in results),
                "testCasesGenerated": sum(r.get("testCasesGenerated") or 0 for r in results),
                "statuses": dict(sorted(statuses.items())),
                "checkFailures": sum(
                    n
                    for r in results
                    for k, n in r.get("checkFailures", {}).items()
                    if k not in INFO_CHECKS
                ),
                "informationalCheckFailures": sum(
                    n
                    for r in results
                    for k, n in r.get("checkFailures", {}).items()
                    if k in INFO_CHECKS
                ),
                "serverErrors": sum(len(r.get("serverErrors", [])) for r in results),
                "badErrorBodies": sum(len(r.get("badErrorBodies", [])) for r in results),
                "toolErrors": sum(
                    1 for r in results for e in r.get("errors", []) if not e["apiUnreachable"]
                ),
                "guardChecks": len(guard_checks),
                "guardChecksChanged": sum(1 for g in guard_checks if not g["unchanged"]),
            },
            "statusesByOperation": {k: dict(sorted(v.items())) for k, v in sorted(by_op.items())},
            "serverErrorsByOperation": list(unique_5xx.values()),
            "informational": {
                k: sorted({op for r in results for op in r.get("failedOperations", {}).get(k, [])})
                for k in INFO_CHECKS
            },
            "apiErrorLogLines": len(api_errors),
            "apiErrorLogSamples": [line[:600] for line in api_errors[:10]],
            "guardChecks": guard_checks,
            "perRole": [
                {
                    **{
                        k: v
                        for k, v in r.items()
                        if k not in ("serverErrors", "badErrorBodies", "statusesByOperation")
                    },
                    "serverErrors": len(r.get("serverErrors", [])),
                    "badErrorBodies": r.get("badErrorBodies", [])[:5],
                }
                for r in results
            ],
        }
    except BaseException as err:  # noqa: BLE001 - report whatever stopped the run, then clean up
        reasons.append(f"the run stopped: {type(err).__name__}: {err}")
        log(reasons[-1])
    finally:
        log("stopping the stack")
        stack.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary["result"] = "FAIL" if reasons else "PASS"
    summary["reasons"] = reasons
    (RESULTS / "fuzz-schemathesis.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", "utf-8"
    )
    console_lines = "\n".join(consoles).splitlines()
    (RESULTS / "fuzz-schemathesis.console.txt").write_text(
        "\n".join(line if len(line) <= 2000 else line[:2000] + " [truncated]" for line in console_lines)
        + "\n",
        "utf-8",
    )
    if junits:
        merge_junit(junits, RESULTS / "fuzz-schemathesis.junit.xml")
    if KEEP_DATA:
        log(f"kept {work} (schemathesis.toml, per-role reports)")
    else:
        shutil.rmtree(work, ignore_errors=True)
    t = summary.get("totals", {})
    log(
        f"{summary.get('operations', '?')} operations x {len(results)} roles: "
        f"{t.get('requests', 0)} requests, statuses {t.get('statuses', {})}, "
        f"{t.get('checkFailures', 0)} check failures, {t.get('serverErrors', 0)} 5xx, "
        f"guards changed {t.get('guardChecksChanged', 0)}/{t.get('guardChecks', 0)}; "
        f"report bench/results/fuzz-schemathesis.{{json,junit.xml,console.txt}}"
    )
    for e in summary.get("serverErrorsByOperation", []):
        log(f"5xx: {e['method']} {e['uri']} as {e['role']} -> {e['status']} {e['response']}")
    for r in reasons:
        log(f"FAIL: {r}")
    print("PASS" if not reasons else "FAIL", flush=True)
    return 0 if not reasons else 1


if __name__ == "__main__":
    sys.exit(main())
