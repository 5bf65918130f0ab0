# Newsroom: build a static release binary with the official Swift image, run it on a slim base.
#   docker build -t newsroom .
#   docker run -p 8080:8080 -e NEWSROOM_API_TOKEN=change-me -v newsroom-data:/app/data newsroom

# ---- build ----
FROM swift:6.3.1-noble AS build
# zlib's headers for the CZlib system-library target (gzip bodies).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Manifest first: the dependency-free resolve is cached across source edits.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product newsroom \
    && install -D "$(swift build -c release --static-swift-stdlib --show-bin-path)/newsroom" /out/newsroom

# ---- run ----
FROM ubuntu:24.04
# The binary links the Swift runtime and Foundation statically; libc, libstdc++ and zlib remain
# (zlib1g is part of the base image already; it is named so that stays true).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libstdc++6 libgcc-s1 zlib1g ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 newsroom \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin newsroom \
    && mkdir -p /app/data \
    && chown 10001:10001 /app/data
COPY --from=build /out/newsroom /usr/local/bin/newsroom
WORKDIR /app
COPY seeds ./seeds
COPY config ./config
COPY Public ./Public
ENV NEWSROOM_HOST=0.0.0.0 \
    NEWSROOM_PORT=8080 \
    NEWSROOM_DATA_DIR=/app/data
USER 10001:10001
VOLUME ["/app/data"]
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["newsroom", "healthcheck"]
ENTRYPOINT ["newsroom"]
CMD ["serve"]
