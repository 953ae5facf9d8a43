# FormsService container image.
#
#   docker build -t formsservice .
#   docker run --read-only --tmpfs /tmp -p 8080:8080 -e Auth__ApiKeys__0=... formsservice
#
# Both base images are build arguments so that a machine without registry access can build from
# locally made images (deploy/container-smoke.sh makes them and builds with DOCKER_BUILDKIT=0).
# Keep this file free of BuildKit-only syntax (no `# syntax=` line, no RUN --mount): the classic
# builder must be able to read it.
ARG BUILD_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

# ---------------------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build

# Optional, for restores behind a local NuGet proxy or offline revocation checks:
#  - NUGET_CERT_REVOCATION_MODE (e.g. offline) is seen by `dotnet restore` as an environment variable;
#  - NUGET_CONFIG_B64 is a base64 NuGet.Config that is used for the restore only and deleted in the same
#    step (it never lands in a layer; this stage is not shipped anyway).
# HTTP_PROXY / HTTPS_PROXY / NO_PROXY are Docker's predefined build arguments and need no declaration.
ARG NUGET_CERT_REVOCATION_MODE
ARG NUGET_CONFIG_B64=

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1

WORKDIR /src

# Restore first, from the project files alone, so that the (slow) restore layer stays cached while
# only source files change. A new project referenced by FormsService.Api needs its .csproj listed here.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/FormsService.Core/FormsService.Core.csproj src/FormsService.Core/
COPY src/FormsService.Api/FormsService.Api.csproj src/FormsService.Api/
RUN set -eu; \
    cfg=""; \
    if [ -n "${NUGET_CONFIG_B64}" ]; then \
        cfg=/tmp/nuget-restore.config; \
        printf '%s' "${NUGET_CONFIG_B64}" | base64 -d > "$cfg"; \
    fi; \
    dotnet restore src/FormsService.Api/FormsService.Api.csproj \
        -r linux-x64 -p:SelfContained=true ${cfg:+--configfile "$cfg"}; \
    rm -f /tmp/nuget-restore.config

COPY src/ src/
COPY forms/ forms/
COPY fonts/ fonts/
RUN dotnet publish src/FormsService.Api/FormsService.Api.csproj \
        -c Release -r linux-x64 --self-contained true --no-restore \
        -p:SelfContained=true -o /app \
    && test -x /app/FormsService.Api \
    && test -d /app/fonts

# ---------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# A fixed non-root user; Kubernetes runs the pod as the same uid (deploy/kubernetes/deployment.yaml).
RUN groupadd --system --gid 10001 formsservice \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin formsservice

WORKDIR /app
# Owned by root and not writable by the service: the root filesystem can be mounted read-only.
COPY --from=build /app/ /app/

ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1 \
    TMPDIR=/tmp

USER 10001:10001
EXPOSE 8080

# No curl in the image: bash's /dev/tcp sends a plain HTTP/1.0 request for /health/ready and the check
# passes on a 200 status line. The port is the first of ASPNETCORE_HTTP_PORTS (8080 unless overridden).
# (Needs bash, which Debian and Ubuntu based images have.)
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "port=${ASPNETCORE_HTTP_PORTS:-8080}; port=${port%%[;,]*}; exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r -t 3 status <&3 && [[ $status == *' 200 '* ]]"]

ENTRYPOINT ["/app/FormsService.Api"]
