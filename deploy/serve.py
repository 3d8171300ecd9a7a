"""`make serve`: N replicas of the app behind Debian's nginx, sticky by cookie, on one machine.

    python deploy/serve.py [--port 8080] [--replicas N] [--entry streamlit_app.py] [--host 0.0.0.0]

The same topology as `compose.yaml` and `deploy/k8s/`, without a container runtime:

- N Streamlit processes (`deploy/replica.py`, which drains on SIGTERM) on free loopback
  ports, all with one `server.cookieSecret` (made here, passed in the environment);
- nginx in the foreground with a config generated into a temporary folder (no root needed,
  nothing written outside that folder). It serves Streamlit's own static files
  (`/static/...`: content-hashed names) itself, gzip-precompressed, with a one-year
  immutable cache header, and passes every other path (pages, `/_stcore/...`, `/media/...`,
  any route the app adds) to the replicas, websockets included.
- Affinity by cookie (`lme_replica`), not by client address: a lecture hall shares one
  campus NAT address. A reader without the cookie goes to the next replica in turn and the
  response sets the cookie to the replica that answered. A reader with it goes to that
  replica; when that replica is down, nginx passes the request to another, and that
  response sets the cookie to the new replica, so the session's later requests (its
  websocket, media, downloads) follow it there and stay there, even once the old replica
  is back.
- A replica that exits on its own is started again on its port. Ctrl-C or SIGTERM stops
  everything: the replicas drain first (their running scripts finish), then nginx. The
  temporary folder (config, logs) goes too, unless `LME_KEEP_RUN_DIR=1` is set.

`Stack` is also what the stack tests (`tests/stack/`) and the bench's lecture part start.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPLICA = ROOT / "deploy" / "replica.py"
COOKIE = "lme_replica"
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx", "/usr/local/sbin/nginx")
# Files worth compressing; fonts (woff2) and images are compressed already.
COMPRESS = {".js", ".css", ".svg", ".json", ".txt", ".map", ".ttf", ".otf", ".html"}
DRAIN_S = float(os.environ.get("LME_DRAIN_SECONDS", "20"))
RESTART_AFTER_S = 5.0


def find_nginx() -> str | None:
    """Debian's nginx (installed by `.ci/run`; `apt-get install nginx`), or None."""
    for name in NGINX_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def static_dir() -> Path:
    """Streamlit's own frontend files (index.html, static/js, static/css, static/media)."""
    from streamlit import file_util

    return Path(file_util.get_static_dir())


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def precompress(source: Path, target: Path) -> int:
    """Copy `source/static` to `target` with a `.gz` beside every compressible file.

    nginx's `gzip_static` then sends the `.gz` to browsers that accept gzip, at no CPU cost
    per request. Returns the number of files compressed.
    """
    count = 0
    for path in sorted((source / "static").rglob("*")):
        if not path.is_file():
            continue
        dest = target / path.relative_to(source / "static")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        if path.suffix in COMPRESS and path.stat().st_size > 1024:
            with path.open("rb") as raw, gzip.open(f"{dest}.gz", "wb", compresslevel=6) as out:
                shutil.copyfileobj(raw, out)
            count += 1
    return count


def _worker_user() -> str:
    """nginx's `user` line: started as root, its workers run as nobody (Debian: nogroup)."""
    if os.geteuid() != 0:
        return ""
    import grp
    import pwd

    nobody = pwd.getpwnam("nobody")
    return f"user nobody {grp.getgrgid(nobody.pw_gid).gr_name};"


@dataclass(frozen=True)
class Paths:
    """Where a generated nginx configuration puts its files."""

    static: str  # a copy of Streamlit's static/ folder, with .gz files beside (precompress)
    pid: str
    temp: str  # nginx's temporary files
    access_log: str
    error_log: str
    user: str = ""  # the `user ...;` line when nginx starts as root


def nginx_config(listen: str, replicas: list[tuple[str, str]], paths: Paths) -> str:
    """The nginx configuration for `replicas` (name, "address:port") behind `listen`.

    `make serve` writes it into a temporary folder; `compose.yaml`'s balancer uses the same
    text, written by `python deploy/serve.py --compose-config` into deploy/nginx/.
    """
    names = [name for name, _ in replicas]
    pools = []
    for i, (name, address) in enumerate(replicas):
        # The replica first; the others only while it is down (nginx's `backup`).
        others = [a for _, a in replicas[i + 1 :] + replicas[:i]]
        servers = "\n".join(
            [f"        server {address} max_fails=1 fail_timeout=5s;"]
            + [f"        server {a} backup max_fails=1 fail_timeout=5s;" for a in others]
        )
        pools.append(f"    upstream pool_{name} {{\n{servers}\n        keepalive 16;\n    }}")
    every = "\n".join(f"        server {a} max_fails=1 fail_timeout=5s;" for _, a in replicas)
    pools.append(f"    upstream pool_new {{\n{every}\n        keepalive 16;\n    }}")
    cookie_to_pool = "\n".join(f"        {name} pool_{name};" for name in names)
    addr_to_name = "\n".join(
        f'        "~(^|\\s){re.escape(address)}$" {name};' for name, address in replicas
    )
    tmp = paths.temp
    return f"""# Generated by deploy/serve.py (nginx_config), which explains it: do not edit.
worker_processes auto;
daemon off;
pid {paths.pid};
error_log {paths.error_log} warn;
{paths.user}

events {{
    worker_connections 4096;
}}

http {{
    types {{
        text/html html;
        text/css css;
        application/javascript js mjs;
        application/json json map;
        image/svg+xml svg;
        image/png png;
        image/gif gif;
        image/x-icon ico;
        font/woff2 woff2;
        font/woff woff;
        font/ttf ttf;
        text/plain txt;
    }}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;

    log_format stack '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                     'cookie=$cookie_{COOKIE} upstream=$upstream_addr replica=$lme_served '
                     'rt=$request_time';
    access_log {paths.access_log} stack;

    gzip on;
    gzip_proxied any;
    gzip_comp_level 5;
    gzip_min_length 1024;
    gzip_vary on;
    gzip_types text/css application/javascript application/json image/svg+xml text/plain
               text/csv text/calendar;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" "";
    }}
    # The cookie names the reader's replica; without it (or with an unknown value), the
    # next replica in turn.
    map $cookie_{COOKIE} $lme_pool {{
{cookie_to_pool}
        default pool_new;
    }}
    # The replica that answered (the last address tried, after any failover).
    map $upstream_addr $lme_served {{
{addr_to_name}
        default "";
    }}
    # Set the cookie when the replica that answered is not the one it names.
    map "$cookie_{COOKIE}:$lme_served" $lme_set_cookie {{
        "~^(?<c>[^:]*):\\k<c>$" "";
        "~^[^:]*:(?<served>.+)$" "{COOKIE}=$served; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}

{chr(10).join(pools)}

    server {{
        listen {listen};
        # Phones on campus Wi-Fi: the HTML and the websocket are small, the static files
        # large and the same for every reader.

        location /static/ {{
            alias {paths.static}/;
            gzip_static on;
            add_header Cache-Control "public, max-age=31536000, immutable";
            access_log off;
        }}

        location ~ /_stcore/stream$ {{
            proxy_pass http://$lme_pool;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
            add_header Set-Cookie $lme_set_cookie always;
            add_header X-Replica $lme_served always;
        }}

        location / {{
            proxy_pass http://$lme_pool;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout http_502 http_503;
            add_header Set-Cookie $lme_set_cookie always;
            add_header X-Replica $lme_served always;
        }}
    }}
}}
"""


@dataclass
class Replica:
    """One Streamlit process of the stack, on a loopback port."""

    name: str
    port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    started_at: float = 0.0  # time.monotonic() of the last start

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False


@dataclass
class Stack:
    """nginx in front of `replicas` Streamlit processes running `entry`; a context manager."""

    entry: str = "streamlit_app.py"
    replicas: int = os.cpu_count() or 1
    port: int = 8080
    host: str = "0.0.0.0"
    env: dict[str, str] = field(default_factory=dict)
    quiet: bool = False
    run_dir: Path = field(init=False)
    members: list[Replica] = field(default_factory=list, init=False)
    nginx: subprocess.Popen[bytes] | None = field(default=None, init=False)
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), init=False)
    _stopping: threading.Event = field(default_factory=threading.Event, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _stop_lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _stopped: bool = field(default=False, init=False)
    failed: bool = field(default=False, init=False)  # nginx died under a running stack
    _watcher: threading.Thread | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    def say(self, message: str) -> None:
        if not self.quiet:
            print(f"serve: {message}", flush=True)

    def start(self) -> None:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError(
                "nginx not found: install Debian's nginx (sudo apt-get install nginx)"
            )
        if self.replicas < 1:
            raise ValueError("at least one replica is needed")
        if not (ROOT / self.entry).is_file():
            raise FileNotFoundError(f"no entry file {self.entry} in {ROOT}")
        self.run_dir = Path(tempfile.mkdtemp(prefix="lme-serve-"))
        # nginx's workers (nobody, when started as root) read the static copy.
        self.run_dir.chmod(0o755)
        (self.run_dir / "tmp").mkdir()
        try:
            for i in range(self.replicas):
                name = f"r{i}"
                self.members.append(Replica(name, free_port(), self.run_dir / f"{name}.log"))
                self._launch(self.members[-1])
            static = self.run_dir / "static"
            t = time.perf_counter()
            count = precompress(static_dir(), static)
            for path in static.rglob("*"):
                path.chmod(0o755 if path.is_dir() else 0o644)
            self.say(f"{count} static files gzipped in {time.perf_counter() - t:.1f} s")
            config = self.run_dir / "nginx.conf"
            config.write_text(
                nginx_config(
                    f"{self.host}:{self.port}" if self.host else str(self.port),
                    [(r.name, f"127.0.0.1:{r.port}") for r in self.members],
                    Paths(
                        static=str(static),
                        pid=str(self.run_dir / "nginx.pid"),
                        temp=str(self.run_dir / "tmp"),
                        access_log=str(self.run_dir / "access.log"),
                        error_log=str(self.run_dir / "error.log"),
                        user=_worker_user(),
                    ),
                ),
                encoding="utf-8",
            )
            command = [nginx, "-p", str(self.run_dir), "-c", str(config), "-e", "stderr"]
            check = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
            if check.returncode:
                raise RuntimeError(f"nginx refused its configuration:\n{check.stderr}")
            self._wait_healthy(self.members)
            nginx_log = (self.run_dir / "nginx.log").open("ab")
            self.nginx = subprocess.Popen(
                command, stdout=nginx_log, stderr=subprocess.STDOUT, start_new_session=True
            )
            nginx_log.close()
            deadline = time.monotonic() + 30
            while not _healthy(self.url):
                if self.nginx.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "nginx did not start:\n"
                        + (self.run_dir / "nginx.log").read_text(errors="replace")
                    )
                time.sleep(0.1)
        except BaseException:
            self.stop()
            raise
        self._watcher = threading.Thread(target=self._watch, name="serve-watch", daemon=True)
        self._watcher.start()

    def _launch(self, replica: Replica) -> None:
        command = [
            sys.executable, str(REPLICA), self.entry,
            "--server.headless", "true",
            "--server.port", str(replica.port),
            "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        env = {
            **os.environ,
            **self.env,
            # One secret for every replica: Streamlit's cookies (XSRF) validate on any of them.
            "STREAMLIT_SERVER_COOKIE_SECRET": self.secret,
            "LME_REPLICA": replica.name,
            "LME_DRAIN_SECONDS": str(DRAIN_S),
        }
        with replica.log.open("ab") as out:
            replica.process = subprocess.Popen(
                command,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # Ctrl-C reaches this launcher, which drains them
            )
        replica.starts += 1
        replica.started_at = time.monotonic()

    def _wait_healthy(self, replicas: list[Replica], timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(replicas)
        while waiting:
            for replica in list(waiting):
                if _healthy(replica.url):
                    waiting.remove(replica)
                elif replica.process is None or replica.process.poll() is not None:
                    raise RuntimeError(
                        f"replica {replica.name} did not start:\n"
                        + replica.log.read_text(errors="replace")[-3000:]
                    )
            if time.monotonic() > deadline:
                raise RuntimeError(f"replicas not healthy in {timeout:.0f} s: {waiting}")
            time.sleep(0.1)

    def _watch(self) -> None:
        """Start again any replica that exits while the stack runs; stop if nginx dies."""
        while not self._stopping.wait(0.5):
            if self.nginx is not None and self.nginx.poll() is not None:
                self.say(f"nginx exited ({self.nginx.returncode}); stopping")
                self.failed = True
                threading.Thread(target=self.stop, daemon=True).start()
                return
            for replica in self.members:
                with self._lock:
                    process = replica.process
                    if self._stopping.is_set() or process is None or process.poll() is None:
                        continue
                    if time.monotonic() - replica.started_at < RESTART_AFTER_S:
                        continue  # one that fails at once is tried again every few seconds
                    self.say(
                        f"replica {replica.name} exited ({process.returncode}); starting it again"
                    )
                    self._launch(replica)

    def stop(self) -> None:
        """Drain and stop the replicas (SIGTERM), then nginx (graceful, then fast).

        Safe to call from several threads: the others wait until the first has finished.
        """
        self._stopping.set()  # the watcher starts nothing again from now on
        with self._stop_lock:
            if not self._stopped:
                self._stop()
                self._stopped = True

    def _stop(self) -> None:
        with self._lock:
            running = [r.process for r in self.members if r.process and r.process.poll() is None]
            for process in running:
                process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + DRAIN_S + 15
            for process in running:
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                self.nginx.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.nginx.terminate()
                try:
                    self.nginx.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.nginx.kill()
                    self.nginx.wait(timeout=5)
        if hasattr(self, "run_dir") and not os.environ.get("LME_KEEP_RUN_DIR"):
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def replica(self, name: str) -> Replica:
        return next(r for r in self.members if r.name == name)

    def access_log(self) -> str:
        """nginx's access log so far (flushed every second; the stack format above)."""
        path = self.run_dir / "access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


# compose.yaml's balancer: two replicas at fixed addresses on the compose network (nginx
# names the replica that answered by its address), the static copy the image made.
COMPOSE_CONFIG = ROOT / "deploy" / "nginx" / "compose.conf"
COMPOSE_REPLICAS = [("r1", "172.28.0.11:8501"), ("r2", "172.28.0.12:8501")]
COMPOSE_PATHS = Paths(
    static="/usr/share/nginx/static",
    pid="/tmp/nginx.pid",
    temp="/tmp",
    access_log="/dev/stdout",
    error_log="/dev/stderr",
)


def compose_config() -> str:
    return nginx_config("8080", COMPOSE_REPLICAS, COMPOSE_PATHS)


def lan_addresses() -> list[str]:
    """This machine's own addresses, for the URL to show a class (read locally, no traffic)."""
    found: set[str] = set()
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        # Debian's `hostname -I`: every address of every interface.
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=5)
        found |= {a for a in out.stdout.split() if ":" not in a}
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    return sorted(a for a in found if not a.startswith("127."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/serve.py", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--entry", default="streamlit_app.py", help="the app's entry file (make's ENTRY)"
    )
    parser.add_argument("--port", type=int, default=8080, help="where nginx listens")
    parser.add_argument(
        "--host", default="0.0.0.0", help="address nginx listens on (default: every address)"
    )
    parser.add_argument(
        "--replicas",
        type=int,
        default=os.cpu_count() or 1,
        help="Streamlit processes (default: one per core)",
    )
    parser.add_argument(
        "--compose-config",
        action="store_true",
        help=f"write compose's balancer config ({COMPOSE_CONFIG.relative_to(ROOT)}) and exit",
    )
    parser.add_argument(
        "--precompress-to",
        metavar="DIR",
        help="copy Streamlit's static files with .gz beside them into DIR and exit (Dockerfile)",
    )
    args = parser.parse_args(argv)
    if args.compose_config:
        COMPOSE_CONFIG.parent.mkdir(parents=True, exist_ok=True)
        COMPOSE_CONFIG.write_text(compose_config(), encoding="utf-8")
        print(f"wrote {COMPOSE_CONFIG}")
        return 0
    if args.precompress_to:
        count = precompress(static_dir(), Path(args.precompress_to))
        print(f"{count} files gzipped into {args.precompress_to}")
        return 0

    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    stack = Stack(args.entry, args.replicas, args.port, args.host)
    try:
        stack.start()
    except (RuntimeError, FileNotFoundError, ValueError) as exc:
        print(f"serve: {exc}", file=sys.stderr)
        return 1
    stack.say(f"{args.entry} on {stack.url} ({args.replicas} replicas behind nginx)")
    if args.host in ("0.0.0.0", ""):
        for address in lan_addresses():
            stack.say(f"on this network: http://{address}:{args.port}")
    stack.say(f"logs in {stack.run_dir}; Ctrl-C stops everything")
    while not stop.wait(0.5):
        if stack._stopping.is_set():  # nginx died: the watcher is stopping the stack
            break
    stack.say("stopping: the replicas finish their running scripts, then nginx stops")
    stack.stop()
    stack.say("stopped")
    return 1 if stack.failed else 0


if __name__ == "__main__":
    sys.exit(main())
