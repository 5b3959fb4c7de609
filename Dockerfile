# Netra worker image: `docker build -t netra .` (used by deploy/compose and deploy/k8s).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    # /metrics must be reachable from Prometheus in another container or pod.
    NETRA_METRICS_HOST=0.0.0.0 \
    NETRA_METRICS_PORT=29100 \
    NETRA_STATE=/var/lib/netra \
    # The rule pack the worker judges with (k8s mounts ConfigMaps over /etc/netra/rules).
    NETRA_RULE_PACK=/app/rules/packs/core \
    # The capture agent renders evidence and `netra case --bundle` prints PDFs with it.
    NETRA_CHROMIUM_PATH=/usr/bin/chromium

# Debian's Chromium (Playwright drives it; no browser is downloaded) and the fonts it renders with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY streams ./streams
COPY agents ./agents
COPY neutrality ./neutrality
COPY netra ./netra
COPY rules ./rules
# The worker reads the index template from deploy/elasticsearch and the shipped rules from rules/,
# both found next to the packages (streams/elastic.py, neutrality/engine.py): an editable install
# keeps the packages in /app so those paths resolve. A plain `pip install .` would move the
# packages into site-packages, away from those files.
COPY deploy/elasticsearch ./deploy/elasticsearch
RUN pip install -e . \
    && useradd --system --uid 10001 --home-dir /var/lib/netra --create-home netra

USER netra
EXPOSE 29100
CMD ["netra", "worker"]
