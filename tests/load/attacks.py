#!/usr/bin/env python3
"""Replays issue 15's attacks against the service on loopback and prints, for each: statuses, peak RSS, time.

    python3 tests/load/attacks.py                 # every attack, about 4 minutes on 2 cores
    python3 tests/load/attacks.py batch broken    # only attacks whose name starts with these words
    NO_BUILD=1 python3 tests/load/attacks.py      # use the Release build already there
    DLL=/path/FormsService.Api.dll NO_BUILD=1 python3 tests/load/attacks.py   # another build (say, main's)
    BEFORE=/path/FormsService.Api.dll python3 tests/load/attacks.py   # each attack on that build, then on this one

Each attack starts its own service process (Release build, logging at Warning) with the settings it needs, runs for a
bounded time, waits for memory to settle, and stops the process. Loopback only; nothing leaves the machine.

Memory is asserted, and the script exits 1 when a bound breaks: every attack's peak RSS stays under the pod's memory
limit less 20 % headroom (POD_LIMIT_MB, 512 like deploy/kubernetes), and within 30 s after the load RSS is back within
SETTLE_MARGIN_MB (64) of idle. Idle is taken after one PDF and one small preview and the idle trim that follows, as a
pod in service is; the margin holds the output cache (32 MB of bodies at most) and the code the first renders paged in.
wrk (apt-get install wrk) drives the overload attack; the others use this file's own small HTTP client.
"""
import asyncio, io, json, os, random, re, socket, subprocess, sys, threading, time, zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.environ.get("DLL") or os.path.join(ROOT, "src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll")
PORT = int(os.environ.get("PORT", "5097"))
HOST = "127.0.0.1"
EXAMPLE = json.load(open(os.path.join(ROOT, "forms/referral-certificate/2025-733/example.json"), encoding="utf-8"))
RENDER = "/api/forms/referral-certificate/render?format=pdf"
TICKS = os.sysconf("SC_CLK_TCK")
POD_LIMIT_MB = float(os.environ.get("POD_LIMIT_MB", "512"))
PEAK_BOUND_MB = POD_LIMIT_MB * 0.8
SETTLE_MARGIN_MB = float(os.environ.get("SETTLE_MARGIN_MB", "64"))
ROWS = []
BROKEN = []  # memory bounds that did not hold: (attack, what)
CURRENT = [DLL, ""]  # the build under attack, and its label in the table


# --- the service --------------------------------------------------------------------------------------------------
class Service:
    def __init__(self, settings=None):
        try:
            http_sync("GET", "/health/live", timeout=1)
            raise SystemExit(f"port {PORT} already answers: stop that service first")
        except OSError:
            pass
        env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Logging__LogLevel__Default="Warning",
                   **{"Logging__LogLevel__Microsoft.AspNetCore": "Warning"})
        for k, v in (settings or {}).items():
            env[k.replace(":", "__")] = str(v)
        self.log = open(f"/tmp/formsservice-attacks-{PORT}.log", "ab")
        self.log_start = self.log.tell()
        self.proc = subprocess.Popen(["dotnet", CURRENT[0], "--urls", f"http://{HOST}:{PORT}"], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.peak = 0.0
        self._stop = False
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if http_sync("GET", "/health/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        else:
            self.proc.kill()
            raise SystemExit("the service did not start")
        self.cold = self.rss()
        # Warm, then let the idle trim (two seconds after the last request) run: the idle a pod in service returns to.
        http_sync("POST", RENDER, json.dumps(EXAMPLE).encode(), timeout=30)
        http_sync("GET", "/api/forms/vest-specimen/preview?dpi=96&letteringScale=0.999", timeout=30)
        time.sleep(3.5)
        self.idle = self.rss()
        threading.Thread(target=self._sample, daemon=True).start()

    def rss(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def cpu(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def _sample(self):
        while not self._stop:
            self.peak = max(self.peak, self.rss())
            time.sleep(0.02)

    def settle(self, seconds=30):
        """RSS once it is back near idle (idle + SETTLE_MARGIN_MB), or after `seconds`: (MB, seconds waited)."""
        start = time.time()
        while time.time() - start < seconds:
            if self.rss() <= self.idle + SETTLE_MARGIN_MB:
                break
            time.sleep(0.5)
        return self.rss(), time.time() - start

    def cpu_idle_after(self, limit=10):
        """Seconds until the process uses under 5 % of a core over 100 ms."""
        start = time.time()
        while time.time() - start < limit:
            a = self.cpu(); time.sleep(0.1)
            if self.cpu() - a < 0.005:
                return time.time() - start
        return limit

    def stop(self):
        self._stop = True
        alive = self.proc.poll() is None
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        return alive


# --- a small HTTP/1.1 client ---------------------------------------------------------------------------------------
def http_sync(method, path, body=b"", headers=None, timeout=5):
    with socket.create_connection((HOST, PORT), timeout=timeout) as s:
        s.sendall(head(method, path, body, headers) + body)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return parse(data)


def head(method, path, body, headers):
    h = {"Host": f"{HOST}:{PORT}", "Connection": "close"}
    if body or method == "POST":
        h["Content-Length"] = str(len(body)); h["Content-Type"] = "application/json"
    h.update(headers or {})
    return (f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items() if v is not None) + "\r\n").encode()


def parse(data):
    if not data:
        return 0, {}, b""
    top, _, body = data.partition(b"\r\n\r\n")
    lines = top.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    if headers.get("transfer-encoding") == "chunked":
        out, rest = b"", body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size, 16)
            if n == 0:
                break
            out += rest[:n]; rest = rest[n + 2:]
        body = out
    return status, headers, body


async def request(method, path, body=b"", headers=None, timeout=30, raw=None):
    """(status, headers, body, seconds); status 0 when the connection failed, -1 on a client time-out."""
    start = time.time()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), timeout)
    except (OSError, asyncio.TimeoutError):
        return 0, {}, b"", time.time() - start
    try:
        writer.write(raw if raw is not None else head(method, path, body, headers) + body)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(-1), timeout)
        status, h, b = parse(data)
        return status, h, b, time.time() - start
    except asyncio.TimeoutError:
        return -1, {}, b"", time.time() - start
    except (OSError, ValueError, IndexError):
        return 0, {}, b"", time.time() - start
    finally:
        writer.close()


async def probes(stop, latencies, every=0.25):
    """Health probes from a process of their own (curl), so that this script's busy event loop does not delay them."""
    script = (f"while :; do curl -s -o /dev/null -m 5 -w '%{{time_total}}\\n' http://{HOST}:{PORT}/health/ready || echo 5; sleep {every}; done")
    proc = await asyncio.create_subprocess_exec("bash", "-c", script, stdout=asyncio.subprocess.PIPE)
    try:
        while not stop.is_set():
            try:
                line = await asyncio.wait_for(proc.stdout.readline(), 0.5)
            except asyncio.TimeoutError:
                continue
            if line.strip():
                latencies.append(float(line))
    finally:
        proc.kill()
        await proc.wait()


def statuses(codes):
    counts = {}
    for c in codes:
        counts[c] = counts.get(c, 0) + 1
    return " ".join(f"{k if k > 0 else ('timeout' if k == -1 else 'conn-fail')}×{v}" for k, v in sorted(counts.items()))


def report(name, status_text, service, seconds, extra=""):
    settled, waited = service.settle() if service else (0, 0)
    row = (name + CURRENT[1], status_text, f"{service.peak:.0f} MB" if service else "-",
           f"{settled:.0f} MB after {waited:.0f} s (idle {service.idle:.0f})" if service else "-", f"{seconds:.1f} s", extra)
    ROWS.append(row)
    print(" | ".join(row), flush=True)
    if service:
        if service.peak >= PEAK_BOUND_MB:
            BROKEN.append((name + CURRENT[1], f"peak {service.peak:.0f} MB ≥ {PEAK_BOUND_MB:.0f} MB (pod limit {POD_LIMIT_MB:.0f} less 20 %)"))
        if settled > service.idle + SETTLE_MARGIN_MB:
            BROKEN.append((name + CURRENT[1], f"{settled:.0f} MB {waited:.0f} s after the load > idle {service.idle:.0f} + {SETTLE_MARGIN_MB:.0f} MB"))


def vest_item(dpi, **extra):
    return {"formId": "vest-specimen", "format": "png", "payload": dict(dpi=dpi, **extra)}


def batch_body(items):
    return json.dumps({"items": items}).encode()


def manifest(body):
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return json.loads(z.read("manifest.json"))["items"]
    except Exception:
        return None


def problem_title(body):
    try:
        p = json.loads(body)
        return f"{p.get('title')}: {p.get('detail')}"
    except ValueError:
        return "not a problem"


def outcome(items):
    return statuses(i["status"] for i in items) if items is not None else "no manifest"


# --- the attacks ---------------------------------------------------------------------------------------------------
async def batch_40_at_600dpi():
    s = Service()
    t0 = time.time()
    st, h, b, t = await request("POST", "/api/render/batch", batch_body([vest_item(600, letteringScale=1 + i / 1000) for i in range(40)]), timeout=180)
    said = f"items {outcome(manifest(b))}" if st == 200 else f"problem: {problem_title(b)}"
    report("batch of 40 vest PNGs at 600 dpi", f"{statuses([st])}; {said}", s, time.time() - t0)
    s.stop()


async def batch_under_200ms_timeout():
    s = Service({"Rendering:TimeoutMilliseconds": 200})
    t0 = time.time()
    single = await request("GET", "/api/forms/vest-specimen/preview?dpi=600", timeout=30)
    st, h, b, t = await request("POST", "/api/render/batch", batch_body([vest_item(600, letteringScale=1 + i / 1000) for i in range(12)]), timeout=60)
    report("timeout 200 ms: one 600 dpi render, then a batch of 12", f"single {statuses([single[0]])}; batch {statuses([st])} after {t:.1f} s, items {outcome(manifest(b))}",
           s, time.time() - t0)
    s.stop()


async def four_batches_of_20():
    s = Service()
    stop, lat = asyncio.Event(), []
    p = asyncio.create_task(probes(stop, lat))
    t0 = time.time()
    results = await asyncio.gather(*[request("POST", "/api/render/batch",
                                             batch_body([vest_item(600, letteringScale=1 + (k * 20 + i) / 1000) for i in range(20)]), timeout=240) for k in range(4)])
    took = time.time() - t0
    stop.set(); await p
    report("4 concurrent batches of 20 at 600 dpi", f"{statuses(r[0] for r in results)}; items {outcome(sum((manifest(r[2]) or [] for r in results), []))}",
           s, took, f"health max {max(lat):.2f} s over {len(lat)} probes")
    s.stop()


async def timed_out_storm():
    s = Service({"Rendering:TimeoutMilliseconds": 200, "Rendering:MaxConcurrentRenders": 1, "Rendering:QueueLimit": 0})
    codes, end, n = [], time.time() + 10, [0]

    async def client(k):
        while time.time() < end:
            n[0] += 1
            st, *_ = await request("GET", f"/api/forms/vest-specimen/preview?dpi=600&letteringScale={0.6 + (n[0] % 4000) / 10000:.4f}&stripeWidthMm={50 + k}", timeout=15)
            codes.append(st)

    t0 = time.time()
    await asyncio.gather(*[client(k) for k in range(8)])
    idle = s.cpu_idle_after()
    report("timeout 200 ms, 1 permit, no queue: 8 clients of distinct 600 dpi previews for 10 s", statuses(codes), s, time.time() - t0,
           f"CPU idle {idle:.2f} s after the last request")
    s.stop()


async def forty_previews_at_600dpi():
    s = Service()
    t0 = time.time()
    results = await asyncio.gather(*[request("GET", f"/api/forms/vest-specimen/preview?dpi=600&letteringScale={1 + i / 1000}", timeout=60) for i in range(40)])
    report("40 concurrent distinct 600 dpi previews", statuses(r[0] for r in results), s, time.time() - t0)
    s.stop()


async def output_cache_growth():
    s = Service()
    codes, queue = [], list(range(3000))

    async def client():
        while queue and time.time() < t0 + 25:
            i = queue.pop()
            st, *_ = await request("GET", f"/api/forms/vest-specimen/preview?dpi={150 + i % 50}&letteringScale={0.6 + i / 10000:.4f}", timeout=15)
            codes.append(st)

    t0 = time.time()
    await asyncio.gather(*[client() for _ in range(4)])
    report(f"{len(codes)} distinct preview queries (output cache)", statuses(codes), s, time.time() - t0)
    s.stop()


async def broken_bodies():
    s = Service()
    body = json.dumps(EXAMPLE).encode()
    t0 = time.time()

    async def slow():
        start = time.time()
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT)
            writer.write(head("POST", RENDER, body, None)); await writer.drain()
            for i in range(0, len(body), 2):
                if reader.at_eof() or time.time() - start > 20:
                    break
                writer.write(body[i:i + 2]); await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(-1), 1.0)
                    return parse(data)[0], time.time() - start
                except asyncio.TimeoutError:
                    continue
            data = await asyncio.wait_for(reader.read(-1), 10)
            return parse(data)[0], time.time() - start
        except (OSError, asyncio.TimeoutError, ValueError, IndexError):
            return 0, time.time() - start

    short_raw = head("POST", RENDER, b"x" * (len(body) + 500), None) + body
    chunked_raw = (f"POST {RENDER} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                   "zz\r\n{}\r\n0\r\n\r\n").encode()
    slow_result, short, chunked = await asyncio.gather(slow(), request("POST", RENDER, raw=short_raw, timeout=40),
                                                       request("POST", RENDER, raw=chunked_raw, timeout=10))

    async def gone():
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT)
            writer.write(head("POST", RENDER, body, None) + body[: len(body) // 2]); await writer.drain()
            await asyncio.sleep(0.2)
            writer.transport.abort()
        except OSError:
            pass

    await asyncio.gather(*[gone() for _ in range(50)])
    await asyncio.sleep(1.5)
    metrics = (await request("GET", "/metrics"))[2].decode("utf-8", "replace")
    fivexx = sum(float(m.group(1)) for m in re.finditer(r'http_server_request_duration_seconds_count\{[^}]*http_response_status_code="5\d\d"[^}]*\} (\S+)', metrics))
    with open(s.log.name, "rb") as f:
        f.seek(s.log_start)
        log = f.read().decode("utf-8", "replace")
    traces = log.count("   at ")
    report("broken bodies", f"slow 2 B/s {statuses([slow_result[0]])} after {slow_result[1]:.1f} s; short {statuses([short[0]])} after {short[3]:.1f} s; "
                            f"bad chunking {statuses([chunked[0]])} after {chunked[3]:.1f} s; 50 clients gone mid-body → 5xx in /metrics: {fivexx:.0f}",
           s, time.time() - t0, f"stack-trace lines in the log: {traces}")
    s.stop()


async def validate_flood():
    s = Service()
    big = dict(EXAMPLE)
    # A body just under the 1 MB limit: the example with a long unknown field the rules refuse only after parsing.
    big["padding"] = "а" * (1024 * 1024 // 2 - 4096)
    body = json.dumps(big, ensure_ascii=False).encode()
    stop, lat, codes, times = asyncio.Event(), [], [], []
    p = asyncio.create_task(probes(stop, lat))
    end = time.time() + 10

    async def client():
        while time.time() < end:
            st, _, _, t = await request("POST", "/api/forms/referral-certificate/validate", body, timeout=5)
            codes.append(st); times.append(t)

    t0 = time.time()
    await asyncio.gather(*[client() for _ in range(256)])
    stop.set(); await p
    times.sort()
    report("256 connections of 1 MB bodies on /validate for 10 s", statuses(codes), s, time.time() - t0,
           f"p50 {times[len(times) // 2]:.2f} s; health max {max(lat):.2f} s, {sum(1 for x in lat if x >= 5)} probe time-outs")
    s.stop()


def wrk(connections, seconds):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", os.path.join(ROOT, "tests/load/storm.lua"),
                          f"http://{HOST}:{PORT}"], capture_output=True, text=True, cwd=ROOT).stdout
    m = re.search(r"answers: 200=(\d+) 503/429=(\d+) other=(\d+)", out)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (0, 0, 0)


async def overload():
    s = Service()
    wrk(16, 3)  # warm-up
    ok16, busy16, other16 = wrk(16, 10)
    ok256, busy256, other256 = wrk(256, 10)
    ratio = ok256 / ok16 if ok16 else 0
    report("PDF route, 16 then 256 connections, 10 s each (wrk)",
           f"16: 200×{ok16} 503×{busy16} other×{other16}; 256: 200×{ok256} 503×{busy256} other×{other256}", s, 23,
           f"documents/s {ok16 / 10:.0f} → {ok256 / 10:.0f} ({ratio:.0%})")
    s.stop()


async def text():
    s = Service()

    def with_surname(surname):
        p = json.loads(json.dumps(EXAMPLE)); p["convict"]["surname"] = surname
        return json.dumps(p, ensure_ascii=False).encode()

    cases = [("decomposed Й", "И\u0306маш"), ("Hebrew", "שלום"), ("only U+0301", "\u0301"), ("with U+034F", "Сейт\u034fқалиев"),
             ("Arabic", "محمد"), ("mark on a digit", "1\u0301")]
    t0 = time.time()
    results = [(n, (await request("POST", "/api/forms/referral-certificate/validate", with_surname(v)))[0]) for n, v in cases]
    report("text that prints wrongly (validate)", "; ".join(f"{n} {c}" for n, c in results), s, time.time() - t0)
    s.stop()


async def small_http():
    s = Service()
    t0 = time.time()
    upper = (await request("GET", "/api/forms/vest-specimen/preview?DPI=100"))[0]
    lower = (await request("GET", "/api/forms/vest-specimen/preview?dpi=100"))[0]
    upper2 = (await request("GET", "/api/forms/vest-specimen/preview?DPI=100"))[0]
    star = (await request("POST", RENDER, json.dumps(EXAMPLE).encode(), {"If-None-Match": "*"}))[0]
    head_ = (await request("HEAD", "/api/forms"))[0]
    bom = (await request("POST", RENDER, b"\xef\xbb\xbf" + json.dumps(EXAMPLE).encode()))[0]
    items = [{"formId": "referral-certificate", "asOf": "20-10-2025", "payload": EXAMPLE}, {"formId": 7, "payload": EXAMPLE},
             {"formId": "referral-certificate", "payload": EXAMPLE, "colour": "red"}]
    st, _, b, _ = await request("POST", "/api/render/batch", batch_body(items))
    msgs = [json.dumps(i.get("errors") or i.get("detail"), ensure_ascii=False) for i in (manifest(b) or [])]
    report("smaller HTTP", f"DPI=100 cold {upper}, dpi=100 {lower}, DPI=100 again {upper2}; If-None-Match * on POST {star}; HEAD /api/forms {head_}; BOM {bom}; "
                           f"batch manifest: {' | '.join(msgs)}", s, time.time() - t0)
    s.stop()


ATTACKS = [("batch40", batch_40_at_600dpi), ("batch-timeout", batch_under_200ms_timeout), ("batch4x20", four_batches_of_20),
           ("storm-timeout", timed_out_storm), ("previews", forty_previews_at_600dpi), ("cache", output_cache_growth),
           ("broken", broken_bodies), ("validate", validate_flood), ("overload", overload), ("text", text), ("http", small_http)]


def main():
    wanted = sys.argv[1:]
    if not os.environ.get("NO_BUILD"):
        subprocess.run(["dotnet", "build", "src/FormsService.Api", "-c", "Release", "-nologo", "-v", "q"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if subprocess.run(["which", "wrk"], capture_output=True).returncode != 0:
        print("wrk is missing: apt-get install wrk (the overload attack needs it)", file=sys.stderr)
    print("attack | statuses | peak RSS | RSS after | time | notes", flush=True)
    builds = [(os.environ["BEFORE"], " (before)"), (DLL, " (after)")] if os.environ.get("BEFORE") else [(DLL, "")]
    for name, attack in ATTACKS:
        if not wanted or any(name.startswith(w) for w in wanted):
            for build in builds:
                CURRENT[:] = build
                asyncio.run(attack())
    print()
    print("| attack | statuses | peak RSS | RSS after | time | notes |")
    print("|---|---|---|---|---|---|")
    for row in ROWS:
        print("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    print()
    for attack, what in BROKEN:
        print(f"memory bound broken: {attack}: {what}", file=sys.stderr)
    if BROKEN:
        sys.exit(1)
    print(f"memory bounds held: every peak under {PEAK_BOUND_MB:.0f} MB, every attack back within {SETTLE_MARGIN_MB:.0f} MB of idle within 30 s")


if __name__ == "__main__":
    main()
