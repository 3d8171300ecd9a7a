"""The generated nginx configuration (deploy/serve.py), read as text: no nginx needed.

`test_stack.py` runs it through `nginx -t` and real traffic; these check its shape for any
number of replicas, and what `make serve` says without nginx.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from deploy import serve
from deploy.serve import COOKIE, Paths, nginx_config

PATHS = Paths("/s", "/r/pid", "/r/tmp", "/r/access.log", "/r/error.log")


def upstreams(config: str) -> dict[str, list[str]]:
    """Each upstream block's `server` lines, by upstream name."""
    blocks = re.findall(r"upstream (\S+) \{(.*?)\}", config, re.S)
    return {name: re.findall(r"server (.+?);", body) for name, body in blocks}


@given(ports=st.lists(st.integers(1024, 65535), min_size=1, max_size=8, unique=True))
def test_each_replica_has_its_pool_with_the_others_as_backups(ports: list[int]):
    replicas = [(f"r{i}", f"127.0.0.1:{port}") for i, port in enumerate(ports)]
    config = nginx_config("127.0.0.1:8080", replicas, PATHS)
    pools = upstreams(config)
    assert set(pools) == {f"pool_{name}" for name, _ in replicas} | {"pool_new"}
    for name, address in replicas:
        servers = pools[f"pool_{name}"]
        assert servers[0].split()[0] == address  # its own replica first, not a backup
        assert "backup" not in servers[0]
        assert sorted(s.split()[0] for s in servers[1:]) == sorted(
            a for n, a in replicas if n != name
        )
        assert all("backup" in s for s in servers[1:])
        # The cookie names the pool, and the answering address names the cookie.
        assert re.search(rf"^\s+{name} pool_{name};$", config, re.M)
        assert f'{re.escape(address)}$" {name};' in config
    assert sorted(s.split()[0] for s in pools["pool_new"]) == sorted(a for _, a in replicas)
    assert all("backup" not in s for s in pools["pool_new"])


def test_static_files_come_from_nginx_and_everything_else_from_the_replicas():
    config = nginx_config("8080", [("r0", "127.0.0.1:1"), ("r1", "127.0.0.1:2")], PATHS)
    locations = dict(re.findall(r"location (.+?) \{(.*?)\n        \}", config, re.S))
    assert set(locations) == {"/static/", "~ /_stcore/stream$", "/"}
    static = locations["/static/"]
    assert "alias /s/;" in static
    assert "gzip_static on;" in static
    assert "immutable" in static
    assert "proxy_pass" not in static
    for where in ("~ /_stcore/stream$", "/"):
        assert "proxy_pass http://$lme_pool;" in locations[where]
        assert "add_header Set-Cookie $lme_set_cookie always;" in locations[where]
        assert "proxy_set_header Host $http_host;" in locations[where]
    assert "proxy_set_header Upgrade $http_upgrade;" in locations["~ /_stcore/stream$"]
    assert "proxy_read_timeout 1h;" in locations["~ /_stcore/stream$"]
    assert f"map $cookie_{COOKIE} $lme_pool" in config
    assert "ip_hash" not in config  # never by address: a lecture hall shares one NAT address


def test_without_nginx_make_serve_says_how_to_get_it(monkeypatch, capsys):
    monkeypatch.setattr(serve, "find_nginx", lambda: None)
    monkeypatch.setattr(serve.signal, "signal", lambda *args: None)  # keep pytest's handlers
    assert serve.main(["--port", "1", "--replicas", "1"]) == 1
    assert "apt-get install nginx" in capsys.readouterr().err
