"""The container and cluster files agree with `make serve` and with each other.

(`make lint` runs hadolint on the Dockerfile and kubernetes-validate on deploy/k8s; these
check what no linter knows: the same entry file, cookie, port, health path and drain.)
"""

from __future__ import annotations

import re

import yaml

from deploy.serve import (
    COMPOSE_CONFIG,
    COMPOSE_PATHS,
    COMPOSE_REPLICAS,
    COOKIE,
    ROOT,
    compose_config,
)

HEALTH = "/_stcore/health"


def makefile_entry() -> str:
    found = re.search(r"^ENTRY\s*\?=\s*(\S+)", (ROOT / "Makefile").read_text(), re.M)
    assert found
    return found.group(1)


def k8s(name: str) -> dict:
    return yaml.safe_load((ROOT / "deploy" / "k8s" / f"{name}.yaml").read_text())


def test_one_entry_file_everywhere():
    """The Makefile's ENTRY is the image's default, compose's default and what make passes."""
    entry = makefile_entry()
    assert (ROOT / entry).is_file()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f"ARG ENTRY={entry}\n" in dockerfile
    assert 'deploy/replica.py \\"$ENTRY\\"' in dockerfile
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert compose["x-app"]["build"]["args"]["ENTRY"] == f"${{ENTRY:-{entry}}}"
    makefile = (ROOT / "Makefile").read_text()
    assert "streamlit run $(ENTRY)" in makefile
    assert "serve.py --entry $(ENTRY)" in makefile
    assert "--build-arg ENTRY=$(ENTRY)" in makefile
    # The pods run the image's command (deploy/replica.py "$ENTRY"): no entry of their own.
    container = k8s("deployment")["spec"]["template"]["spec"]["containers"][0]
    assert "command" not in container
    assert "args" not in container


def test_compose_balancer_config_is_the_generated_one():
    """deploy/nginx/compose.conf is what the tested generator writes."""
    assert COMPOSE_CONFIG.read_text(encoding="utf-8") == compose_config(), (
        "run `python deploy/serve.py --compose-config`"
    )
    assert COOKIE in COMPOSE_CONFIG.read_text()


def test_compose_replicas_are_the_balancer_s_and_share_a_secret():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    apps = {name: s for name, s in services.items() if name != "balancer"}
    addresses = {s["networks"]["lme"]["ipv4_address"] + ":8501" for s in apps.values()}
    assert addresses == {address for _, address in COMPOSE_REPLICAS}
    for service in apps.values():
        assert service["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"].startswith(
            "${LME_COOKIE_SECRET:?"
        )
        assert service["build"]["target"] == "app"
        assert HEALTH in " ".join(service["healthcheck"]["test"])
    balancer = services["balancer"]
    assert balancer["build"]["target"] == "balancer"
    assert set(balancer["depends_on"]) == set(apps)
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f"COPY --from=base /static {COMPOSE_PATHS.static}" in dockerfile
    assert "--precompress-to /static" in dockerfile


def test_the_image_is_non_root_and_checks_its_health():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:\S*slim|^ARG PYTHON_IMAGE=python:\S*-slim", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users
    assert users[-1].split(":")[0] not in {"0", "root"}
    assert re.search(rf"^HEALTHCHECK .*\n?.*{re.escape(HEALTH)}", dockerfile, re.M)
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    ignored = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert {".git", ".venv", "tests", "bench"} <= set(ignored)
    assert ".streamlit" not in ignored
    assert "content" not in ignored


def test_pods_probe_health_drain_and_are_pinned_by_the_same_cookie():
    deployment = k8s("deployment")
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH
    assert container["resources"]["requests"]["cpu"]
    assert container["resources"]["limits"]["memory"]
    secret = next(e for e in container["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET")
    assert secret["valueFrom"]["secretKeyRef"]["name"]
    drain = float(next(e["value"] for e in container["env"] if e["name"] == "LME_DRAIN_SECONDS"))
    pre_stop = float(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert pod["terminationGracePeriodSeconds"] > drain + pre_stop
    assert pod["securityContext"]["runAsNonRoot"] is True

    ingress = k8s("ingress")["metadata"]["annotations"]
    assert ingress["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert ingress["nginx.ingress.kubernetes.io/session-cookie-name"] == COOKIE
    assert int(ingress["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600

    selector = deployment["spec"]["selector"]["matchLabels"]
    assert k8s("service")["spec"]["selector"] == selector
    assert k8s("pdb")["spec"]["selector"]["matchLabels"] == selector
    hpa = k8s("hpa")["spec"]
    assert hpa["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert hpa["metrics"][0]["resource"]["name"] == "cpu"
