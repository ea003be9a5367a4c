# Multi-stage: build with the Swift toolchain and the -dev packages, run on slim Debian with
# only the shared libraries, as a non-root user. The Swift runtime is linked statically.
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Package manifest first: the dependency resolve is cached while sources change.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
# The API document is compiled into the binary by the EmbedOpenAPI plugin.
COPY Plugins ./Plugins
COPY openapi ./openapi
COPY Tests ./Tests
COPY migrations ./migrations
COPY pages ./pages
RUN swift build -c release --static-swift-stdlib --product dxserve \
    && install -D .build/release/dxserve /out/dxserve \
    && cp -r migrations /out/migrations \
    && cp -r pages /out/pages

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 zlib1g curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /var/lib/dxserve dxserve
COPY --from=build /out/dxserve /usr/local/bin/dxserve
COPY --from=build /out/migrations /usr/local/share/dxserve/migrations
# Found from /usr/local/bin/dxserve as ../share/dxserve/pages.
COPY --from=build /out/pages /usr/local/share/dxserve/pages
USER dxserve
WORKDIR /var/lib/dxserve
ENV DX_HOST=0.0.0.0 DX_PORT=8080 DX_DB=/var/lib/dxserve/data/dx.sqlite SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no
VOLUME /var/lib/dxserve/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dxserve"]
CMD ["serve", "--migrations", "/usr/local/share/dxserve/migrations"]
