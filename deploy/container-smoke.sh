#!/usr/bin/env bash
# Container smoke test for FormsService.
#
# Builds the image from the repo's Dockerfile, runs it the way production does (read-only root
# filesystem, tmpfs /tmp, the image's non-root user, all capabilities dropped), waits for
# /health/ready and for Docker's HEALTHCHECK to report healthy, and renders every
# forms/<formId>/<version>/example.json as PDF (expects 200 and the %PDF magic).
#
# Runs as root on a fresh Debian 12 machine: installs docker.io, iptables and debootstrap if they are
# missing, starts its own Docker engine when none answers, and, when no image registry is reachable,
# makes the two base images locally (debootstrap + docker import; the build image adds the host's
# .NET SDK). Base images are cached in the engine's data root, so a warm run only builds and runs.
#
# Exit status: 0 when the smoke passed, or when no Docker engine can run on this machine (a plain
# message says so); non-zero when making an image, the build, the run or a render fails.
#
# Settings (environment):
#   SMOKE_STATE_DIR     engine data root and rootfs cache   (default /var/lib/formsservice-smoke)
#   SMOKE_RUN_DIR       engine socket and pid file         (default /run/formsservice-smoke)
#   SMOKE_IMAGE         image tag to build                 (default formsservice:smoke)
#   SMOKE_PORT          loopback port for the container    (default: any free port)
#   SMOKE_API_KEY_HEADER  header carrying the API key      (default X-Api-Key)
#   SMOKE_KEEP_ENGINE=1 leave an engine this script started running
#   SMOKE_REBUILD_BASE=1 remake the local base images
#   BUILD_IMAGE / RUNTIME_IMAGE  use these base images as they are (skips making them)
#   DOCKER_HOST         use this engine
set -Eeuo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE_DIR=${SMOKE_STATE_DIR:-/var/lib/formsservice-smoke}
RUN_DIR=${SMOKE_RUN_DIR:-/run/formsservice-smoke}
IMAGE=${SMOKE_IMAGE:-formsservice:smoke}
PORT=${SMOKE_PORT:-}
KEY_HEADER=${SMOKE_API_KEY_HEADER:-X-Api-Key}
CONTAINER=formsservice-smoke-$$
LOG_DIR=$(mktemp -d /tmp/formsservice-smoke.XXXXXX)
OFFICIAL_BUILD=mcr.microsoft.com/dotnet/sdk:10.0
OFFICIAL_RUNTIME=mcr.microsoft.com/dotnet/runtime-deps:10.0
export DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false

say() { printf '[container-smoke] %s\n' "$*"; }
die() { say "FAILED: $*"; exit 1; }

# ---- timing -------------------------------------------------------------------------------------
declare -a PHASES=()
PHASE_NAME="" PHASE_T0=0
now() { date +%s.%N; }
phase() {   # phase NAME: ends the running phase (if any) and starts NAME
    phase_end
    PHASE_NAME=$1 PHASE_T0=$(now)
    say "== $PHASE_NAME"
}
phase_end() {
    if [[ -n $PHASE_NAME ]]; then
        local dt; dt=$(awk -v a="$PHASE_T0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
        PHASES+=("$(printf '%-28s %7ss' "$PHASE_NAME" "$dt")")
        say "   $PHASE_NAME took ${dt}s"
        PHASE_NAME=""
    fi
}
T_START=$(now)
print_timings() {
    phase_end
    ((${#PHASES[@]})) || return 0
    say "timings:"
    local p; for p in "${PHASES[@]}"; do say "  $p"; done
    say "  $(printf '%-28s %7ss' total "$(awk -v a="$T_START" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')")"
}

# ---- cleanup ------------------------------------------------------------------------------------
STARTED_DOCKERD_PID=""
cleanup() {
    local rc=$?
    set +e
    if [[ -n ${DOCKER_READY:-} ]]; then
        docker rm -f "$CONTAINER" >/dev/null 2>&1
    fi
    if [[ -n $STARTED_DOCKERD_PID && ${SMOKE_KEEP_ENGINE:-0} != 1 ]]; then
        kill "$STARTED_DOCKERD_PID" 2>/dev/null
        for _ in $(seq 1 60); do kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
        umount "$RUN_DIR/exec/netns/default" 2>/dev/null   # dockerd leaves this mount behind
    fi
    print_timings
    if ((rc == 0)); then rm -rf "$LOG_DIR"; else say "logs kept in $LOG_DIR"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

skip() {   # no Docker engine possible here: say so plainly and succeed
    say "SKIPPED: $*"
    say "No Docker engine can run on this machine, so the container smoke test did not run."
    exit 0
}

# ---- 1. tools -----------------------------------------------------------------------------------
phase "tools"
[[ $(id -u) == 0 ]] || { command -v docker >/dev/null && docker version >/dev/null 2>&1 \
    || skip "not root and no Docker engine answers"; }
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker >/dev/null || missing+=(docker.io)
command -v iptables >/dev/null || missing+=(iptables)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v curl >/dev/null || missing+=(curl ca-certificates)
if ((${#missing[@]})); then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    say "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"; } \
            >"$LOG_DIR/apt.log" 2>&1; then
        tail -n 20 "$LOG_DIR/apt.log"
        command -v dockerd >/dev/null || skip "could not install docker.io"
        die "could not install ${missing[*]}"
    fi
fi

# ---- 2. engine ----------------------------------------------------------------------------------
phase "engine"
engine_answers() { timeout 15 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
if [[ -z ${DOCKER_HOST:-} ]] && ! engine_answers; then
    export DOCKER_HOST=unix://$RUN_DIR/docker.sock
fi
if ! engine_answers; then
    mkdir -p "$STATE_DIR/docker" "$RUN_DIR"
    start_dockerd() {   # start_dockerd [extra dockerd flags...]
        rm -f "$RUN_DIR/docker.sock" "$RUN_DIR/dockerd.pid"
        dockerd --data-root "$STATE_DIR/docker" --host "unix://$RUN_DIR/docker.sock" \
            --pidfile "$RUN_DIR/dockerd.pid" --exec-root "$RUN_DIR/exec" "$@" \
            >"$LOG_DIR/dockerd.log" 2>&1 </dev/null &
        STARTED_DOCKERD_PID=$!
        for _ in $(seq 1 120); do
            engine_answers && return 0
            kill -0 "$STARTED_DOCKERD_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill "$STARTED_DOCKERD_PID" 2>/dev/null; wait "$STARTED_DOCKERD_PID" 2>/dev/null
        STARTED_DOCKERD_PID=""
        return 1
    }
    export DOCKER_HOST=unix://$RUN_DIR/docker.sock
    NET_MODE=bridge
    if ! start_dockerd; then
        say "dockerd did not come up with its default network; trying without iptables and bridge"
        tail -n 5 "$LOG_DIR/dockerd.log" | sed 's/^/    /'
        if start_dockerd --iptables=false --bridge=none; then
            NET_MODE=host
        else
            tail -n 15 "$LOG_DIR/dockerd.log" | sed 's/^/    /'
            skip "dockerd could not start (see the lines above)"
        fi
    fi
    say "started dockerd (pid $STARTED_DOCKERD_PID, $DOCKER_HOST, data root $STATE_DIR/docker)"
else
    NET_MODE=bridge
    say "using the engine at ${DOCKER_HOST:-the default socket}"
fi
DOCKER_READY=1
say "engine $(docker version --format '{{.Server.Version}}'), network mode for the run: $NET_MODE"

# ---- 3. base images -----------------------------------------------------------------------------
phase "base images"
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")

debian_mirror() {   # the host's Debian mirror (deb822 sources first, then sources.list)
    local f uri=""
    for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
        [[ -r $f ]] || continue
        uri=$(awk -v s="$suite" '
            /^[[:space:]]*$/ { if (u != "" && ok) { print u; exit } u=""; ok=0; next }
            tolower($1) == "uris:" { u=$2 }
            tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == s) ok=1 }
            END { if (u != "" && ok) print u }' "$f" | head -n 1)
        [[ -n $uri ]] && break
    done
    if [[ -z $uri && -r /etc/apt/sources.list ]]; then
        uri=$(awk -v s="$suite" '$1 == "deb" && $0 ~ " " s " " { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
            /etc/apt/sources.list)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

if [[ -n ${BUILD_IMAGE:-} && -n ${RUNTIME_IMAGE:-} ]]; then
    say "using the given base images $BUILD_IMAGE and $RUNTIME_IMAGE"
elif have_image "$OFFICIAL_BUILD" && have_image "$OFFICIAL_RUNTIME"; then
    BUILD_IMAGE=$OFFICIAL_BUILD RUNTIME_IMAGE=$OFFICIAL_RUNTIME
    say "using the official base images already present"
else
    command -v dotnet >/dev/null || die "no .NET SDK on the host to make the build image from"
    sdk_version=$(cd / && dotnet --version)
    dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
    # The host's trusted CA bundle goes into the build image, so that a restore through a
    # TLS-inspecting egress proxy trusts what the host trusts; its hash is part of the tag.
    ca_bundle=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
    [[ -r $ca_bundle ]] || ca_bundle=/etc/ssl/certs/ca-certificates.crt
    ca_hash=$(sha256sum "$ca_bundle" 2>/dev/null | cut -c1-10 || echo none)
    RUNTIME_IMAGE=local/formsservice-runtime-deps:$suite
    BUILD_IMAGE=local/formsservice-dotnet-sdk:$sdk_version-$suite-ca$ca_hash
    if [[ ${SMOKE_REBUILD_BASE:-0} != 1 ]] && have_image "$BUILD_IMAGE" && have_image "$RUNTIME_IMAGE"; then
        say "cached: $RUNTIME_IMAGE, $BUILD_IMAGE"
    elif [[ ${SMOKE_REBUILD_BASE:-0} != 1 ]] \
         && timeout 60 docker pull -q "$OFFICIAL_RUNTIME" >"$LOG_DIR/pull.log" 2>&1 \
         && timeout 300 docker pull -q "$OFFICIAL_BUILD" >>"$LOG_DIR/pull.log" 2>&1; then
        BUILD_IMAGE=$OFFICIAL_BUILD RUNTIME_IMAGE=$OFFICIAL_RUNTIME
        say "pulled the official base images"
    else
        say "no registry image: making the base images locally"
        if [[ ${SMOKE_REBUILD_BASE:-0} == 1 ]] || ! have_image "$RUNTIME_IMAGE"; then
            mirror=$(debian_mirror)
            rootfs=$STATE_DIR/rootfs-$suite
            rm -rf "$rootfs"
            say "debootstrap --variant=minbase $suite from $mirror"
            # The packages of the official runtime-deps image: TLS roots, OpenSSL, ICU, time zones.
            debootstrap --variant=minbase --include=ca-certificates,libssl3,libicu72,tzdata \
                "$suite" "$rootfs" "$mirror" >"$LOG_DIR/debootstrap.log" 2>&1 \
                || { tail -n 20 "$LOG_DIR/debootstrap.log"; die "debootstrap failed"; }
            rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
                "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
            tar -C "$rootfs" -c . | docker import \
                --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
                --change 'CMD ["bash"]' - "$RUNTIME_IMAGE" >/dev/null
            rm -rf "$rootfs"
            say "made $RUNTIME_IMAGE"
        fi
        # The build image: runtime-deps plus the host's .NET SDK, as the official sdk image is built
        # on runtime-deps. The context is a hard-linked copy of the SDK folder and the CA bundle.
        ctx=$STATE_DIR/sdk-context
        rm -rf "$ctx" && mkdir -p "$ctx"
        cp -al "$dotnet_root" "$ctx/dotnet" 2>/dev/null || cp -a "$dotnet_root" "$ctx/dotnet"
        cp "$ca_bundle" "$ctx/ca-certificates.crt"
        docker build -q -t "$BUILD_IMAGE" --build-arg BASE="$RUNTIME_IMAGE" -f - "$ctx" \
            >"$LOG_DIR/sdk-image.log" 2>&1 <<'EOF' || { tail -n 20 "$LOG_DIR/sdk-image.log"; die "making the build image failed"; }
ARG BASE
FROM ${BASE}
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY dotnet/ /usr/share/dotnet/
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --version
ENV DOTNET_ROOT=/usr/share/dotnet SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
EOF
        rm -rf "$ctx"
        # Older build images (another SDK or CA bundle) are no longer needed.
        docker image ls --format '{{.Repository}}:{{.Tag}}' local/formsservice-dotnet-sdk \
            | grep -vxF "$BUILD_IMAGE" | xargs -r docker rmi >/dev/null 2>&1 || true
        say "made $BUILD_IMAGE ($(docker image inspect -f '{{.Size}}' "$BUILD_IMAGE" | awk '{printf "%d MB", $1/1e6}'))"
    fi
fi

# ---- 4. build -----------------------------------------------------------------------------------
phase "image build"
build_args=(--build-arg "BUILD_IMAGE=$BUILD_IMAGE" --build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")
# Pass the host's NuGet and proxy settings by name only (values are never printed).
for v in NUGET_CERT_REVOCATION_MODE HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy; do
    [[ -n ${!v:-} ]] && build_args+=(--build-arg "$v")
done
# A NuGet.Config: the repo's own travels in the context; otherwise the host's user or machine config,
# when it names a source other than nuget.org (a local proxy, say), is handed over for the restore.
if [[ ! -e $REPO/NuGet.Config && ! -e $REPO/nuget.config ]]; then
    for cfg in "${NUGET_CONFIG:-}" "$HOME/.nuget/NuGet/NuGet.Config" /etc/nuget/NuGet.Config /etc/NuGet/NuGet.Config; do
        [[ -n $cfg && -r $cfg ]] || continue
        if grep -qiE '<add[^>]+value="[^"]+"' "$cfg" \
           && grep -iE '<add[^>]+value="https?://' "$cfg" | grep -viq 'api\.nuget\.org/v3/index\.json'; then
            build_args+=(--build-arg "NUGET_CONFIG_B64=$(base64 -w0 "$cfg")")
            say "handing $cfg to the restore (content not shown)"
        fi
        break
    done
fi
# The build stage is tagged too (first build, --target build): its layers, the NuGet restore among
# them, then stay cached for the next run while the prune below drops untagged leftovers.
for target in build runtime; do
    tag=$IMAGE; [[ $target == build ]] && tag=$IMAGE-build-stage
    if ! docker build --network host "${build_args[@]}" --label formsservice.smoke=1 \
            --target "$target" -t "$tag" "$REPO" \
            >>"$LOG_DIR/build.log" 2>&1; then
        tail -n 40 "$LOG_DIR/build.log"
        die "docker build failed"
    fi
done
say "built $IMAGE ($(grep -cE '^ ---> Using cache' "$LOG_DIR/build.log" || true) steps from cache), $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1e6}')"
docker image prune -f --filter label=formsservice.smoke=1 >/dev/null 2>&1 || true   # leftovers of earlier smoke builds

image_user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
[[ -n $image_user && ${image_user%%:*} != 0 && ${image_user%%:*} != root ]] \
    || die "the image runs as root (USER is '${image_user}')"

# ---- 5. run -------------------------------------------------------------------------------------
phase "start until ready"
api_key=smoke-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
run_args=(--detach --name "$CONTAINER" --read-only --tmpfs /tmp:rw,nosuid,nodev,size=64m
    --cap-drop ALL --security-opt no-new-privileges
    --health-interval 1s --health-start-period 60s
    --env "Auth__ApiKeys__0=$api_key")
if [[ $NET_MODE == host ]]; then
    PORT=${PORT:-18080}
    run_args+=(--network host --env "ASPNETCORE_HTTP_PORTS=$PORT")
else
    run_args+=(--publish "127.0.0.1:${PORT}:8080")   # an empty PORT: Docker picks a free one
fi
docker rm -f "$CONTAINER" >/dev/null 2>&1 || true
docker run "${run_args[@]}" "$IMAGE" >/dev/null || die "docker run failed"
[[ -n $PORT ]] || PORT=$(docker port "$CONTAINER" 8080/tcp | sed -n 's/^127\.0\.0\.1://p' | head -n 1)
[[ -n $PORT ]] || die "could not find the container's published port"
base=http://127.0.0.1:$PORT
ready=""
for _ in $(seq 1 120); do
    if [[ $(docker inspect -f '{{.State.Running}}' "$CONTAINER" 2>/dev/null) != true ]]; then
        docker logs --tail 60 "$CONTAINER" 2>&1 | sed 's/^/    /'
        die "the container stopped (exit code $(docker inspect -f '{{.State.ExitCode}}' "$CONTAINER"))"
    fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health/ready") == 200 ]]; then
        ready=1; break
    fi
    sleep 0.5
done
[[ -n $ready ]] || { docker logs --tail 60 "$CONTAINER" 2>&1 | sed 's/^/    /'; die "/health/ready never answered 200"; }
say "ready: $(docker exec "$CONTAINER" id 2>/dev/null || echo "user $image_user"), root filesystem read-only"
live=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health/live")
[[ $live == 200 ]] || die "/health/live answered $live"
health=""
for _ in $(seq 1 30); do
    health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$CONTAINER")
    [[ $health == healthy ]] && break
    sleep 0.5
done
[[ $health == healthy ]] || { docker inspect -f '{{json .State.Health}}' "$CONTAINER"; die "HEALTHCHECK says '$health'"; }
say "Docker HEALTHCHECK: healthy"

# ---- 6. renders ---------------------------------------------------------------------------------
phase "renders"
shopt -s nullglob
rendered=0 failures=0
for ex in "$REPO"/forms/*/*/example.json; do
    form_id=$(basename "$(dirname "$(dirname "$ex")")")
    version=$(basename "$(dirname "$ex")")
    [[ $form_id == _* ]] && continue   # folders such as forms/_calendar hold no form
    out=$LOG_DIR/$form_id-$version.pdf
    read -r code secs size < <(curl -s -o "$out" -w '%{http_code} %{time_total} %{size_download}\n' \
        --max-time 60 -X POST -H 'Content-Type: application/json' -H "$KEY_HEADER: $api_key" \
        --data-binary "@$ex" "$base/api/forms/$form_id/render?format=pdf&version=$version" || true)
    magic=$(head -c 4 "$out" 2>/dev/null || true)
    if [[ $code == 200 && $magic == '%PDF' ]]; then
        say "  $form_id ($version): 200, $size bytes, ${secs}s"
        rendered=$((rendered + 1))
    else
        say "  $form_id ($version): HTTP ${code:-none}, body starts with $(printf '%q' "$magic") - FAILED"
        head -c 400 "$out" 2>/dev/null | sed 's/^/    /'; echo
        failures=$((failures + 1))
    fi
done
if ((failures)); then
    docker logs --tail 40 "$CONTAINER" 2>&1 | sed 's/^/    /'
    die "$failures of $((rendered + failures)) renders failed"
fi
((rendered)) || say "no forms/<formId>/<version>/example.json in the repo yet: only the health routes were checked"
docker stats --no-stream --format 'memory after the renders: {{.MemUsage}}' "$CONTAINER" 2>/dev/null \
    | sed 's/^/[container-smoke] /' || true

phase "cleanup"
docker rm -f "$CONTAINER" >/dev/null
say "OK: $IMAGE built, ran read-only as user $image_user, ready and healthy, $rendered PDF render(s) passed"
