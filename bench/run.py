"""`make bench`: build (or reuse) the dataset, serve it with gunicorn, load every page with wrk,
and measure submissions, memory, import, annual report, register export and backup.
See docs/performance.md.

    python -m bench.run              # everything
    python -m bench.run --rebuild    # build the dataset again even if the cached copy matches
    python -m bench.run --pages home,detail --reps 1 --skip-extra   # a quick look while tuning

The dataset is built once into the PostgreSQL database of BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/ppid_bench) and kept as a template database
`<name>_template` (with its media folder), stamped with a fingerprint of the dataset code and
the migrations; later runs copy the template (seconds) instead of building again (minutes).
Every run therefore starts from the same rows, whatever the previous run wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/ppid_bench"

WARMUP_SECONDS = 2
RUN_SECONDS = 10
CONNECTIONS = 8
THREADS = 2
SUBMISSIONS = 200
SUBMIT_THREADS = 8
UPLOAD_BYTES = 200 * 1024
IMPORT_ROWS = 10_000

# Pages whose anonymous GET the public page cache may answer; the others are measured once.
CACHEABLE = {
    "home",
    "dip_list_p1",
    "dip_list_p200",
    "dip_filtered",
    "detail",
    "search_rare",
    "search_common",
    "api_list",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ----------------------------------------------------------------------------- environment


def bench_env(db_url: str, media: Path, *, page_cache: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PPID_ENV_FILE="/dev/null",
        DEBUG="0",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # Plain http on localhost: no redirect to https (everything else stays as in production).
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=db_url,
        MEDIA_ROOT=str(media),
        STATIC_ROOT=str(DATA / "static"),
        LOG_LEVEL="WARNING",
        BENCH_PAGE_CACHE="1" if page_cache else "0",
        PYTHONHASHSEED="0",
    )
    # Local memory cache unless the benchmark is asked to measure with Redis.
    env.pop("REDIS_URL", None)
    if env.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = env["BENCH_REDIS_URL"]
    return env


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("wrk is not installed. Install it with: sudo apt-get install -y wrk")
    log("installing wrk (apt-get)")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-q"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def admin_conninfo(db_url: str) -> tuple[str, str]:
    parts = urlsplit(db_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    return admin, name


def db_conninfo(db_url: str) -> str:
    return db_url.replace("postgres://", "postgresql://", 1)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "bench").glob("*.py")):
        if path.name in ("dataset.py", "textgen.py", "pdfgen.py"):
            digest.update(path.read_bytes())
    for path in sorted(ROOT.glob("*/migrations/0*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return "ppid-bench " + digest.hexdigest()[:24]


def prepare_dataset(db_url: str, *, rebuild: bool) -> Path:
    """Make BENCH's database and media folder a fresh copy of the dataset; build it if the
    template is missing or stale."""
    admin, name = admin_conninfo(db_url)
    template = f"{name}_template"
    media_template = DATA / "media-template"
    media = DATA / "media"
    wanted = fingerprint()
    with psycopg.connect(admin, autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (template,),
        ).fetchone()
        fresh = row is not None and row[0] == wanted and media_template.is_dir()
        if rebuild or not fresh:
            log("building the dataset (the cached copy is missing or out of date)")
            conn.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
            shutil.rmtree(media_template, ignore_errors=True)
            media_template.mkdir(parents=True)
            env = bench_env(db_url, media_template)
            subprocess.run(
                [PYTHON, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
            )
            started = time.monotonic()
            subprocess.run([PYTHON, "-m", "bench.dataset", "build"], cwd=ROOT, env=env, check=True)
            log(f"dataset built in {time.monotonic() - started:.0f} s; keeping a template copy")
            conn.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
            conn.execute(f"COMMENT ON DATABASE \"{template}\" IS '{wanted}'")
        log("copying the dataset from its template")
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    shutil.rmtree(media, ignore_errors=True)
    shutil.copytree(media_template, media)
    with psycopg.connect(db_conninfo(db_url), autocommit=True) as conn:
        conn.execute("ANALYZE")
    return media


# ----------------------------------------------------------------------------- server


class Server:
    def __init__(self, env: dict[str, str], label: str, port: int):
        self.env = env
        self.label = label
        self.port = port
        self.proc: subprocess.Popen | None = None
        self.log_path = DATA / f"gunicorn-{label}.log"

    def __enter__(self):
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "--workers",
            "2",
            "--threads",
            "1",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--access-logfile",
            "/dev/null",
            "--max-requests",
            "0",
            "ppid_portal.wsgi",
        ]
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in __exit__
        self.proc = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _body, _headers = fetch(self.port, "/_bench/baseline/")
                if status == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                sys.exit(f"gunicorn stopped; see {self.log_path}")
            time.sleep(0.3)
        sys.exit(f"gunicorn did not answer; see {self.log_path}")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def memory(self) -> list[dict]:
        result = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.MULTILINE))
            result.append(
                {
                    "pid": pid,
                    "rss_mb": round(int(values["VmRSS"]) / 1024, 1),
                    "peak_rss_mb": round(int(values["VmHWM"]) / 1024, 1),
                }
            )
        return result

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log_file.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(
    port: int,
    path: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict | None = None,
):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read(), response.getheaders()
    finally:
        conn.close()


# ----------------------------------------------------------------------------- wrk


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * _UNITS[unit]


def wrk(port: int, path: str, seconds: int, cookie: str | None) -> dict:
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99_ms": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non_2xx": 0,
        "errors": 0,
    }
    non = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non:
        result["non_2xx"] = int(non.group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        result["errors"] = sum(int(x) for x in errors.groups())
    return result


BASELINE_PATH = "/_bench/baseline/"


def measure(port: int, name: str, path: str, cookie: str | None, reps: int) -> dict:
    status, body, headers = fetch(port, path, headers={"Cookie": cookie} if cookie else {})
    if status != 200:
        sys.exit(f"{name}: {path} answered {status}, not 200")
    wrk(port, path, WARMUP_SECONDS, cookie)
    # The machine is shared: the baseline is measured again right before each page, and the
    # page's ratio is to that neighbour rather than to a figure from minutes earlier.
    neighbour = (
        wrk(port, BASELINE_PATH, RUN_SECONDS, None)["rps"] if path != BASELINE_PATH else None
    )
    runs = [wrk(port, path, RUN_SECONDS, cookie) for _ in range(reps)]
    return {
        "baseline_rps": neighbour,
        # The machine's load average after the runs: other processes share the CPUs.
        "loadavg": Path("/proc/loadavg").read_text().split()[0],
        "path": path,
        "bytes": len(body),
        "rps": round(statistics.median(r["rps"] for r in runs), 1),
        "p50_ms": round(statistics.median(r["p50_ms"] for r in runs), 2),
        "p99_ms": round(statistics.median(r["p99_ms"] for r in runs), 2),
        "non_2xx": sum(r["non_2xx"] for r in runs),
        "socket_errors": sum(r["errors"] for r in runs),
        "runs": runs,
    }


def pages(fx: dict) -> list[tuple[str, str, str | None]]:
    staff = f"{fx['session_cookie']}={fx['staff_session']}"
    applicant = f"{fx['session_cookie']}={fx['applicant_session']}"
    return [
        ("baseline", BASELINE_PATH, None),
        ("home", "/", None),
        ("dip_list_p1", "/informasi/", None),
        ("dip_list_p200", "/informasi/?page=200", None),
        ("dip_filtered", f"/informasi/?kategori={fx['kategori']}&tahun={fx['tahun']}", None),
        ("detail", f"/informasi/dip/{fx['detail_id']}/", None),
        ("search_rare", f"/informasi/?q={fx['rare_term']}", None),
        ("search_common", f"/informasi/?q={fx['common_term']}", None),
        ("api_list", "/informasi/api/dip/", None),
        ("tracking", f"/permohonan/lacak/{fx['tracking_pk']}/", applicant),
        (
            "download_1mb",
            f"/informasi/dip/{fx['document_entry']}/dokumen/{fx['document_id']}/",
            None,
        ),
        ("staff_queue", "/permohonan/staf/antrean/desk-baru/", staff),
    ]


def run_pages(env, label: str, fx: dict, selected: set[str] | None, reps: int, *, cached: bool):
    port = free_port()
    results: dict[str, dict] = {}
    with Server(env, label, port) as server:
        for name, path, cookie in pages(fx):
            if selected and name not in selected and name != "baseline":
                continue
            if cached and name not in CACHEABLE and name != "baseline":
                continue
            log(f"{label}: {name} {path}")
            results[name] = measure(port, name, path, cookie, reps)
            r = results[name]
            base = (
                f", neighbouring baseline {r['baseline_rps']:.0f} req/s"
                if r["baseline_rps"]
                else ""
            )
            log(
                f"  {r['rps']:.0f} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, "
                f"non-2xx {r['non_2xx']}{base}"
            )
        extra = {}
        if cached:
            extra["submissions"] = submissions(port, env)
        extra["memory"] = server.memory()
    for result in results.values():
        base = result.get("baseline_rps") or results["baseline"]["rps"]
        result["ratio"] = round(result["rps"] / base, 3) if base else None
    return results, extra


# ----------------------------------------------------------------------------- submissions


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, str, bytes]]):
    boundary = "----ppidbench" + secrets.token_hex(8)
    out = bytearray()
    for key, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
        out += value.encode() + b"\r\n"
    for key, (filename, mime, data) in files.items():
        out += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
            f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'
        ).encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def _cookies(headers) -> dict[str, str]:
    jar = {}
    for key, value in headers:
        if key.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name] = rest.split(";", 1)[0]
    return jar


def submissions(port: int, env: dict) -> dict:
    """SUBMISSIONS online requests with a 200 KB identity scan from SUBMIT_THREADS threads,
    each like a browser: open the form (CSRF cookie and token), post it, follow to the receipt."""
    sys.path.insert(0, str(ROOT))
    from bench.pdfgen import pdf_bytes

    scan = pdf_bytes("Pindaian KTP pemohon uji beban", UPLOAD_BYTES, seed=7)
    db = db_conninfo(env["DATABASE_URL"])
    # The portal numbers by the year in the office's zone, not the machine's (UTC).
    year = datetime.now(ZoneInfo(os.environ.get("PPID_TIME_ZONE") or "Asia/Jakarta")).year
    with psycopg.connect(db) as conn:
        row = conn.execute(
            "SELECT terakhir FROM permohonan_nomorurut WHERE jenis = 'permohonan' AND tahun = %s",
            (year,),
        ).fetchone()
    before = row[0] if row else 0
    errors: list[str] = []
    durations: list[float] = []
    lock = threading.Lock()
    counter = iter(range(SUBMISSIONS))

    def one(index: int) -> None:
        started = time.monotonic()
        status, body, headers = fetch(port, "/permohonan/ajukan/")
        jar = _cookies(headers)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if status != 200 or not token:
            raise RuntimeError(f"form: {status}")
        fields = {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "jenis_pemohon": "perorangan",
            "nama": f"Pemohon Uji Beban {index:03d}",
            "nik": f"36040115089{index % 10}{index + 1:04d}",
            "alamat": "Jl. Raya Ciruas No. 10, Kecamatan Ciruas",
            "pekerjaan": "Wiraswasta",
            "telepon": "081234567890",
            "email": f"uji{index}@surel.contoh.id",
            "rincian_informasi": "Salinan laporan realisasi anggaran tahun 2025.",
            "tujuan_penggunaan": "Bahan penelitian.",
            "cara_memperoleh": "melihat",
            "cara_salinan": "",
            "persetujuan": "on",
            "situs_web": "",
        }
        body, content_type = _multipart(
            fields, {"berkas_identitas": ("ktp.pdf", "application/pdf", scan)}
        )
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        status, answer, headers = fetch(
            port,
            "/permohonan/ajukan/",
            method="POST",
            body=body,
            headers={
                "Content-Type": content_type,
                "Cookie": cookie,
                "Referer": f"http://127.0.0.1:{port}/permohonan/ajukan/",
            },
        )
        location = {k.lower(): v for k, v in headers}.get("location", "")
        if status != 302 or "/terkirim/" not in location:
            raise RuntimeError(f"submit: {status} {answer[:200]!r}")
        jar.update(_cookies(headers))
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        status, _page, _headers = fetch(port, location, headers={"Cookie": cookie})
        if status != 200:
            raise RuntimeError(f"receipt page: {status}")
        with lock:
            durations.append(time.monotonic() - started)

    def worker() -> None:
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            try:
                one(index)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(exc)[:300])

    log(f"submissions: {SUBMISSIONS} from {SUBMIT_THREADS} threads")
    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(SUBMIT_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    with psycopg.connect(db) as conn:
        numbers = [
            r[0]
            for r in conn.execute(
                "SELECT urut FROM permohonan_permohonan WHERE tahun = %s AND urut > %s "
                "ORDER BY urut",
                (year, before),
            )
        ]
        last = conn.execute(
            "SELECT terakhir FROM permohonan_nomorurut WHERE jenis = 'permohonan' AND tahun = %s",
            (year,),
        ).fetchone()[0]
    gapless = numbers == list(range(before + 1, before + 1 + len(numbers))) and last == (
        before + len(numbers)
    )
    result = {
        "count": SUBMISSIONS,
        "threads": SUBMIT_THREADS,
        "upload_bytes": UPLOAD_BYTES,
        "seconds": round(elapsed, 2),
        "per_second": round(SUBMISSIONS / elapsed, 1),
        "p50_ms": round(statistics.median(durations) * 1000, 1) if durations else None,
        "errors": len(errors),
        "error_samples": errors[:3],
        "created": len(numbers),
        "numbers_gapless": gapless,
    }
    log(
        f"  {result['per_second']} submissions/s, {len(errors)} errors, "
        f"{len(numbers)} created, gapless {gapless}"
    )
    return result


# ----------------------------------------------------------------------------- tasks


def task(env: dict, name: str) -> dict:
    """One measured task in its own process; a task that fails is reported as failed, and the
    run goes on (the pages measured so far are not lost)."""
    log(f"task: {name}")
    out = subprocess.run(
        [PYTHON, "-m", "bench.tasks", name],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        tail = (out.stderr or out.stdout).strip().splitlines()[-3:]
        result = {"error": f"exit {out.returncode}: {' | '.join(tail)}"}
        log(f"  {result}")
        return result
    result = json.loads(out.stdout.strip().splitlines()[-1])
    log(f"  {result}")
    return result


# ----------------------------------------------------------------------------- report


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    mem = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu.group(1).strip() if cpu else "?",
        "ram_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
    }


def table(results: dict, title: str) -> str:
    """The result table; `base req/s` is the baseline measured right before the page."""
    lines = [
        f"{title}",
        f"{'page':<15} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'base req/s':>11} "
        f"{'ratio':>7} {'non-2xx':>8}",
    ]
    for name, r in results.items():
        base = r.get("baseline_rps") or r["rps"]
        lines.append(
            f"{name:<15} {r['rps']:>9.1f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {base:>11.1f} "
            f"{r['ratio']:>7.3f} {r['non_2xx'] + r['socket_errors']:>8}"
        )
    return "\n".join(lines)


def targets(report: dict) -> list[tuple[str, str, bool | None]]:
    """Each target of issue 9 with the measured figure and whether it is met (None: not
    measured in this run)."""
    out: list[tuple[str, str, bool | None]] = []
    unc, cac = report.get("uncached", {}), report.get("cached", {})

    def ratio_check(results, names, minimum, p99=None, label=""):
        for name in names:
            r = results.get(name)
            if r is None:
                continue
            ok = r["ratio"] >= minimum and (p99 is None or r["p99_ms"] <= p99)
            text = f"ratio {r['ratio']:.3f} (≥ {minimum})"
            if p99 is not None:
                text += f", p99 {r['p99_ms']:.1f} ms (≤ {p99})"
            out.append((f"{label}{name}", text, ok))

    ratio_check(unc, ["home", "detail", "tracking"], 0.30, label="template page, uncached: ")
    ratio_check(unc, ["dip_list_p1", "dip_list_p200", "dip_filtered"], 0.20, 50, "DIP list: ")
    ratio_check(unc, ["search_rare"], 0.15, 60, "search: ")
    if "search_common" in unc:
        r = unc["search_common"]
        out.append(
            ("search: search_common", f"p99 {r['p99_ms']:.1f} ms (≤ 150)", r["p99_ms"] <= 150)
        )
    ratio_check(
        cac,
        ["home", "dip_list_p1", "dip_list_p200", "dip_filtered", "detail", "api_list"],
        0.60,
        label="cached: ",
    )
    bad = sum(r["non_2xx"] + r["socket_errors"] for res in (unc, cac) for r in res.values())
    out.append(("no non-2xx under load", f"{bad} non-2xx or socket errors", bad == 0))
    for key in ("uncached_server", "cached_server"):
        for worker in report.get(key, {}).get("memory", []):
            out.append(
                (
                    f"worker RSS ({key.split('_')[0]})",
                    f"peak {worker['peak_rss_mb']} MB (≤ 150)",
                    worker["peak_rss_mb"] <= 150,
                )
            )
    sub = report.get("cached_server", {}).get("submissions")
    if sub:
        out.append(
            (
                "200 submissions",
                f"{sub['per_second']}/s, {sub['errors']} errors, gapless {sub['numbers_gapless']}",
                sub["errors"] == 0 and sub["numbers_gapless"],
            )
        )
    imp = report.get("import")
    if imp:
        ok = "error" not in imp and imp["total_seconds"] <= 30 and imp["peak_rss_mb"] <= 500
        text = (
            f"{imp.get('total_seconds')} s, peak {imp.get('peak_rss_mb')} MB (≤ 30 s, ≤ 500 MB)"
            if "error" not in imp
            else imp["error"]
        )
        out.append(("import of 10,000 rows", text, ok))
    lap = report.get("laporan")
    if lap:
        ok = "error" not in lap and lap["total_seconds"] <= 2
        text = (
            f"{lap['requests_in_year']} requests of {lap['year']}: figures "
            f"{lap['figures_seconds']} s, approval with PDF/XLSX {lap['approve_seconds']} s, "
            f"total {lap['total_seconds']} s (≤ 2 s); peak {lap['peak_rss_mb']} MB"
            if "error" not in lap
            else lap["error"]
        )
        out.append(("annual report", text, ok))
    exp = report.get("register_export")
    if exp:
        out.append(
            (
                "register export (no target)",
                f"{exp['rows']} requests as XLSX in {exp['seconds']} s "
                f"(peak {exp['peak_rss_mb']} MB)",
                None,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--pages", default="", help="comma-separated page names")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--skip-extra", action="store_true", help="pages only")
    parser.add_argument("--no-uncached", action="store_true")
    parser.add_argument("--no-cached", action="store_true")
    parser.add_argument(
        "--tasks",
        default="import,laporan,export,backup",
        help="comma-separated one-off tasks to measure (import, laporan, export, backup)",
    )
    args = parser.parse_args()
    selected = {p for p in args.pages.split(",") if p} or None

    ensure_wrk()
    DATA.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    db_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    started = time.monotonic()
    media = prepare_dataset(db_url, rebuild=args.rebuild)
    env = bench_env(db_url, media)
    env_uncached = dict(env, BENCH_PAGE_CACHE="0")
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    fx = json.loads(
        subprocess.run(
            [PYTHON, "-m", "bench.dataset", "fixtures"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    report: dict = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "workers": 2,
            "threads": 1,
            "wrk_threads": THREADS,
            "connections": CONNECTIONS,
            "warmup_s": WARMUP_SECONDS,
            "run_s": RUN_SECONDS,
            "repetitions": args.reps,
        },
        "fixtures": {k: v for k, v in fx.items() if "session" not in k},
    }
    with psycopg.connect(db_conninfo(db_url)) as conn:
        report["machine"]["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
    if not args.no_uncached:
        report["uncached"], report["uncached_server"] = run_pages(
            env_uncached, "uncached", fx, selected, args.reps, cached=False
        )
    if not args.no_cached:
        report["cached"], report["cached_server"] = run_pages(
            env, "cached", fx, selected, args.reps, cached=True
        )
    if not args.skip_extra:
        chosen = {t for t in args.tasks.split(",") if t}
        for key, name in (
            ("import", "import"),
            ("laporan", "laporan"),
            ("register_export", "export"),
            ("backup", "backup"),
        ):
            if name in chosen:
                report[key] = task(env, name)
    report["total_seconds"] = round(time.monotonic() - started)
    report["targets"] = [{"target": t, "measured": m, "met": ok} for t, m, ok in targets(report)]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print()
    m = report["machine"]
    print(
        f"Machine: {m['nproc']} CPU ({m['cpu']}), {m['ram_gb']} GB RAM, "
        f"PostgreSQL {m['postgresql']}"
    )
    if "uncached" in report:
        print(table(report["uncached"], "Without the public page cache"))
        print()
    if "cached" in report:
        print(table(report["cached"], "With the public page cache"))
        print()
    for key in ("uncached_server", "cached_server"):
        if key in report:
            for k, v in report[key].items():
                print(f"{key} {k}: {v}")
    for key in ("import", "laporan", "register_export", "backup"):
        if key in report:
            print(f"{key}: {report[key]}")
    print("\nTargets")
    for item in report["targets"]:
        mark = {True: "met", False: "NOT met", None: "n/a"}[item["met"]]
        print(f"  [{mark}] {item['target']}: {item['measured']}")
    print(f"\nResults written to {path.relative_to(ROOT)} ({report['total_seconds']} s in all)")


if __name__ == "__main__":
    main()
