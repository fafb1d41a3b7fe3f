"""Load test: gunicorn on PostgreSQL, driven by a second process over loopback with a mixed read/write load.

Usage:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc_load python benchmarks/load.py [--seconds 30]
        [--concurrency 8] [--staff 2000] [--workers 2]

Builds the demo province into the given database if it is empty, serves it with gunicorn on 127.0.0.1, then
runs a bounded load (time and request count) from a separate process and prints throughput, latency
percentiles and the error count. Exits non-zero if any request failed.
"""

import argparse
import http.client
import json
import multiprocessing
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEMO_PASSWORD_ENV = "LOAD_PASSWORD"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="backend.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="False",
        SECURE_HSTS_SECONDS="0",
        AUTH_THROTTLE_RATE="100000/minute",
        PUBLIC_THROTTLE_RATE="100000/minute",
        JWT_ACCESS_MINUTES="60",
    )
    return env


def create_database(database_url: str) -> None:
    import psycopg

    server_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(database_url: str, staff: int) -> None:
    env = server_env(database_url)
    create_database(database_url)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "seed_demo", "--if-empty", "--staff", str(staff)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # A known password for the load accounts, set through Django so it is hashed as usual.
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-v",
            "0",  # Django 5.2 shell otherwise prints its automatic imports on stdout
            "-c",
            "from hr.models import User, Role\n"
            f"import os\npw=os.environ['{DEMO_PASSWORD_ENV}']\n"
            "for u in [User.objects.filter(role=Role.PROVINCE_ADMIN).first(),"
            " User.objects.filter(role=Role.PERSONNEL_OFFICER).first()]:\n"
            "    u.set_password(pw); u.save(update_fields=['password'])\n"
            "    print(u.username)",
        ],
        cwd=ROOT,
        env={**env, DEMO_PASSWORD_ENV: "Load@Test-2026"},
        check=True,
        capture_output=True,
    )


class Client:
    """A keep-alive HTTP client for one worker thread."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.token = None

    def request(self, method: str, path: str, body=None) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = json.dumps(body).encode() if body is not None else None
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            raise

    def login(self, username: str, password: str) -> None:
        status, body = self.request("POST", "/api/v1/auth/jwt/create/", {"username": username, "password": password})
        if status != 200:
            raise RuntimeError(f"login failed for {username}: {status} {body[:200]!r}")
        self.token = json.loads(body)["access"]


# A search by a common Thai family name, percent-encoded as a client sends it.
SEARCH_PATH = f"/api/v1/employees/?search={quote('Lò')}&page_size=20"


def drive(port: int, usernames: list[str], seconds: float, concurrency: int, max_requests: int, queue) -> None:
    """Runs in a separate process: the load generator."""
    deadline = time.monotonic() + seconds
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    sent = [0]

    def worker(index: int) -> None:
        # A worker that dies is an error of the run, never a silently thinner load.
        try:
            work(index)
        except Exception as exc:
            print(f"worker {index} died: {exc!r}", file=sys.stderr)
            with lock:
                results.append(("crashed", 0, 0.0))

    def work(index: int) -> None:
        rng = random.Random(index)
        client = Client(port)
        client.login(usernames[index % len(usernames)], "Load@Test-2026")
        status, body = client.request("GET", "/api/v1/employees/?page_size=50")
        ids = [row["id"] for row in json.loads(body)["results"]] if status == 200 else []
        units = json.loads(client.request("GET", "/api/v1/units/?page_size=100")[1])["results"]
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    return
                sent[0] += 1
            roll = rng.random()
            if roll < 0.35:
                unit = rng.choice(units)["id"]
                kind, method, path, body = "list", "GET", f"/api/v1/employees/?unit={unit}&page_size=50", None
            elif roll < 0.60:
                kind, method, path, body = "detail", "GET", f"/api/v1/employees/{rng.choice(ids)}/", None
            elif roll < 0.70:
                kind, method, path, body = "search", "GET", SEARCH_PATH, None
            elif roll < 0.80:
                kind, method, path, body = "units", "GET", "/api/v1/units/?page_size=50", None
            elif roll < 0.85:
                kind, method, path, body = "me", "GET", "/api/v1/auth/users/me/", None
            else:
                ethnicity = rng.choice(["Thái", "Kinh", "Mường", "H'Mông", "Dao"])
                kind, method, path = "write", "PATCH", f"/api/v1/employees/{rng.choice(ids)}/"
                body = {"ethnicity": ethnicity}
            started = time.perf_counter()
            try:
                status, _ = client.request(method, path, body)
            except (http.client.HTTPException, OSError):
                status = 599
            elapsed = time.perf_counter() - started
            with lock:
                results.append((kind, status, elapsed))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((results, time.monotonic() - started))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--staff", type=int, default=2000)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/cchc_load")
        return 2

    prepare(database_url, args.staff)
    port = free_port()
    env = server_env(database_url)
    users = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-v",
            "0",  # Django 5.2 shell otherwise prints its automatic imports on stdout
            "-c",
            "from hr.models import User, Role\n"
            "print(User.objects.filter(role=Role.PROVINCE_ADMIN).first().username);"
            "print(User.objects.filter(role=Role.PERSONNEL_OFFICER).first().username)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "backend.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        queue = multiprocessing.Queue()
        load = multiprocessing.Process(
            target=drive, args=(port, users, args.seconds, args.concurrency, args.max_requests, queue)
        )
        load.start()
        results, elapsed = queue.get(timeout=args.seconds + 120)
        load.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    latencies = [r[2] * 1000 for r in results if r[0] != "crashed"]
    # Every request of the load is valid for its account: any 4xx/5xx or a dead worker is an error.
    errors = [r for r in results if r[1] >= 400 or r[0] == "crashed"]
    print(
        f"requests: {len(results)} in {elapsed:.1f} s  ->  {len(results) / elapsed:.1f} req/s "
        f"(gunicorn workers={args.workers}, client threads={args.concurrency})"
    )
    print(
        f"latency ms: p50={percentile(latencies, 0.5):.1f} p90={percentile(latencies, 0.9):.1f} "
        f"p99={percentile(latencies, 0.99):.1f} max={max(latencies, default=float('nan')):.1f}"
    )
    for kind in sorted({r[0] for r in results}):
        subset = [r[2] * 1000 for r in results if r[0] == kind]
        print(
            f"  {kind:7s} n={len(subset):6d} median={statistics.median(subset):7.1f} ms "
            f"p99={percentile(subset, 0.99):7.1f} ms"
        )
    print(f"errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
