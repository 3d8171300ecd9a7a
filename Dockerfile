# The app's container image (the default target) and compose.yaml's balancer (target
# `balancer`). Build: `make image` (docker build --build-arg ENTRY=$(ENTRY) -t ... .).
# Python 3.11 as in pyproject.toml; slim Debian 12, as the machines that test it.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
# Streamlit's own frontend files, gzipped once, for the balancer to serve (deploy/serve.py).
COPY deploy/serve.py deploy/serve.py
RUN python deploy/serve.py --precompress-to /static

# nginx in front of the replicas: Streamlit's static files from here, the rest passed on,
# sticky by cookie (deploy/nginx/compose.conf, written by deploy/serve.py). Runs as the
# unprivileged image's nginx user on port 8080.
FROM nginxinc/nginx-unprivileged:1.27-alpine AS balancer
COPY --from=base /static /usr/share/nginx/static
COPY deploy/nginx/compose.conf /etc/nginx/lme.conf
EXPOSE 8080
CMD ["nginx", "-c", "/etc/nginx/lme.conf"]

FROM base AS app
# The entry file, as in the Makefile's ENTRY (make image passes it).
ARG ENTRY=streamlit_app.py
RUN groupadd --gid 10001 app \
    && useradd --uid 10001 --gid 10001 --create-home --shell /usr/sbin/nologin app
# The code stays root's and read-only to the app's user.
COPY . .
USER 10001:10001
ENV ENTRY=${ENTRY} \
    LME_DRAIN_SECONDS=20 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
EXPOSE 8501
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2)"]
# deploy/replica.py is `streamlit run "$ENTRY"` that finishes running scripts on SIGTERM.
# Every replica needs the same STREAMLIT_SERVER_COOKIE_SECRET (compose and k8s pass one).
CMD ["sh", "-c", "exec python deploy/replica.py \"$ENTRY\""]
