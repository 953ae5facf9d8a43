#!/usr/bin/env python3
"""Replays the attacks on the service (renders, batches, bodies, and the merge's hostile uploads) against it on loopback
and prints, for each: statuses, peak RSS, time.

    python3 tests/load/attacks.py                 # every attack, about 8 minutes on 2 cores
    python3 tests/load/attacks.py merge           # only attacks whose name starts with these words
    SHORT=1 python3 tests/load/attacks.py merge storm-timeout   # what CI runs: fewer rows, shorter waits
    NO_BUILD=1 python3 tests/load/attacks.py      # use the Release build already there
    DLL=/path/FormsService.Api.dll NO_BUILD=1 python3 tests/load/attacks.py   # another build (say, main's)
    BEFORE=/path/FormsService.Api.dll python3 tests/load/attacks.py   # each attack on that build, then on this one

Each attack starts its own service process (Release build, logging at Warning) with the settings it needs, runs for a
bounded time, waits for memory to settle, and stops the process. Loopback only; nothing leaves the machine. The
merge's attacks run the service as the pod does (deploy/kubernetes): its memory budget and the heap limit .NET sets
itself in a container of the pod's memory limit.

Bounds are asserted, and the script exits 1 when one breaks: every attack's peak RSS stays under the pod's memory
limit less 20 % (the limit read from deploy/kubernetes, POD_LIMIT_MB overrides), and within 30 s after the load RSS is
back within SETTLE_MARGIN_MB (64) of idle; the merge's attacks answer their 4xx (or 200), renders are served while
they run (90 % answered 200), slow bodies leave renders at least half their speed and a 50 B/s merge is 408, SIGTERM
during merges ends the process within the pod's grace period; a second after the last timed-out 600 dpi preview the
process uses at most 30 CPU ticks a second, not counting the JIT recompiling what the storm made hot. Idle is taken after one PDF and one small preview and the idle trim that
follows, as a pod in service is; the margin holds the output cache (32 MB of bodies at most) and the code the first
renders paged in. wrk (apt-get install wrk) drives the overload attack; the others use this file's own small client.
"""
import asyncio, csv, io, json, os, random, re, signal, socket, subprocess, sys, threading, time, zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.environ.get("DLL") or os.path.join(ROOT, "src/FormsService.Api/bin/Release/net10.0/linux-x64/FormsService.Api.dll")
PORT = int(os.environ.get("PORT", "5097"))
HOST = "127.0.0.1"
EXAMPLE = json.load(open(os.path.join(ROOT, "forms/referral-certificate/2025-733/example.json"), encoding="utf-8"))
RENDER = "/api/forms/referral-certificate/render?format=pdf"
TICKS = os.sysconf("SC_CLK_TCK")
DEPLOYMENT = open(os.path.join(ROOT, "deploy/kubernetes/deployment.yaml"), encoding="utf-8").read()
# The pod's memory limit and its grace period, from the manifest the service ships with (POD_LIMIT_MB overrides).
POD_LIMIT_MB = float(os.environ.get("POD_LIMIT_MB") or re.search(r"limits:\s*\n(?:\s+cpu:.*\n)?\s+memory:\s*(\d+)Mi", DEPLOYMENT).group(1))
GRACE_S = float(re.search(r"terminationGracePeriodSeconds:\s*(\d+)", DEPLOYMENT).group(1))
# What .NET sets itself in that pod: a heap hard limit of 75 % of the container's memory.
POD_SETTINGS = {"DOTNET_GCHeapHardLimit": hex(int(POD_LIMIT_MB * 0.75) * 1024 * 1024), "Rendering:MemoryBudgetMb": 256}
SHORT = bool(os.environ.get("SHORT"))  # CI: the same attacks with fewer requests and shorter waits
PEAK_BOUND_MB = POD_LIMIT_MB * 0.8
SETTLE_MARGIN_MB = float(os.environ.get("SETTLE_MARGIN_MB", "64"))
ROWS = []
BROKEN = []  # bounds that did not hold: (attack, what)
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
        deadline = time.time() + 180  # a loaded 2-core machine has taken over a minute to start it
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
        """Seconds of CPU the process has used, its ended threads' included."""
        return stat_ticks(f"/proc/{self.proc.pid}/stat")[1] / TICKS

    def jit_ticks(self):
        """CPU ticks so far of each live thread of the JIT's background compiler, by thread id."""
        ticks = {}
        for tid in os.listdir(f"/proc/{self.proc.pid}/task"):
            try:
                name, used = stat_ticks(f"/proc/{self.proc.pid}/task/{tid}/stat")
            except OSError:
                continue  # the thread ended
            if name.startswith(".NET Tiered"):
                ticks[tid] = used
        return ticks

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

    def sigterm(self, limit):
        """Sends SIGTERM and waits up to `limit` seconds: the seconds the process took to exit, or None."""
        start = time.time()
        self.proc.terminate()
        try:
            self.proc.wait(limit)
            return time.time() - start
        except subprocess.TimeoutExpired:
            return None

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
    last = time.time()
    # Quiet within a second of the last timed-out preview: the CPU ticks of the second after that second. The JIT's
    # background compiler is left out: a process this young recompiles the methods the storm made hot once the storm
    # stops, on that thread alone, for a second or two — warm-up a pod in service is long past, not work of abandoned
    # renders. Its ticks are reported beside.
    time.sleep(1.0)
    before, jit_before = s.cpu(), s.jit_ticks()
    time.sleep(1.0)
    after, jit_after = s.cpu(), s.jit_ticks()
    jit = sum(used - jit_before.get(tid, 0) for tid, used in jit_after.items())
    ticks = round((after - before) * TICKS) - jit
    idle = s.cpu_idle_after()
    name = "timeout 200 ms, 1 permit, no queue: 8 clients of distinct 600 dpi previews for 10 s"
    report(name, statuses(codes), s, last - t0,
           f"{ticks:.0f} CPU ticks in the second from 1 s after the last answer, and {jit} of the JIT's tiering; "
           f"CPU idle {1 + 1 + idle:.2f} s after it")
    bound(name, ticks <= 30, f"{ticks:.0f} CPU ticks a second, 1 s after the last timed-out preview (at most 30)")
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



def stat_ticks(path):
    """A /proc stat file's name field and its user plus system CPU ticks."""
    with open(path) as f:
        stat = f.read()
    fields = stat.rsplit(")", 1)[1].split()
    return stat[stat.index("(") + 1:stat.rindex(")")], int(fields[11]) + int(fields[12])


def bound(name, ok, what):
    """A bound other than memory: recorded with the broken memory bounds when it does not hold."""
    if not ok:
        BROKEN.append((name + CURRENT[1], what))


# --- the merge's attacks ------------------------------------------------------------------------------------------
MERGE = "/api/forms/referral-certificate/merge"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def template_row():
    """The template's paths and its example row, from the service (CSV)."""
    _, _, body = http_sync("GET", "/api/forms/referral-certificate/versions/2025-733/template.csv", timeout=30)
    lines = body.decode("utf-8-sig").split("\r\n")
    return lines[1].split(","), next(csv.reader([lines[2]]))


def xml_escape(v):
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def row_xml(n, cells):
    return f'<row r="{n}">' + "".join(f'<c r="{column(i)}{n}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>' for i, v in enumerate(cells)) + "</row>"


def workbook(sheet, strings=None):
    """A minimal XLSX around a sheet (and a shared-string table), each written by a function given the part's stream."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        sst_type = '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if strings else ""
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' + sst_type + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        sst_rel = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if strings else ""
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' + sst_rel + "</Relationships>")
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            sheet(f)
        if strings:
            with z.open("xl/sharedStrings.xml", "w") as f:
                strings(f)
    return out.getvalue()


def far_cell(paths, values):
    """About 2 KB: 512 columns declared, the header and example rows, and one cell in row 1,048,576."""
    def sheet(f):
        f.write((f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="A1:SR1048576"/>'
                 '<cols><col min="1" max="512" width="12" customWidth="1"/></cols><sheetData>' + row_xml(1, paths) + row_xml(2, values) +
                 '<row r="1048576"><c r="SR1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>').encode())
    return workbook(sheet)


def long_string(paths, characters=95 * 1024 * 1024):
    """About 99 KB: one shared string of 95 MiB, used by cell A2."""
    def sheet(f):
        f.write(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{row_xml(1, paths)}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>'.encode())

    def strings(f):
        f.write(f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode())
        chunk = b"a" * (1024 * 1024)
        for _ in range(characters // len(chunk)):
            f.write(chunk)
        f.write(b"</t></si></sst>")
    return workbook(sheet, strings)


def many_strings(paths, count=3_400_000):
    """About 9 MB: a shared-string table of 3.4 million distinct strings."""
    def sheet(f):
        f.write(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{row_xml(1, paths)}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>'.encode())

    def strings(f):
        f.write(f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">'.encode())
        for start in range(0, count, 100_000):
            f.write("".join(f"<si><t>{i}</t></si>" for i in range(start, min(count, start + 100_000))).encode())
        f.write(b"</sst>")
    return workbook(sheet, strings)


def wide_csv(fields=5_000_000):
    """10 MB: one line of five million fields."""
    return b"1," * (fields - 1) + b"1\r\n"


def rows_csv(paths, values, rows):
    """`rows` valid rows: the example with a distinct surname each."""
    surname = paths.index("convict.surname")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(paths)
    for i in range(rows):
        v = list(values)
        v[surname] = f"Әбенов{chr(0x430 + i % 32)}{chr(0x430 + i // 32 % 32)}"
        w.writerow(v)
    return out.getvalue().encode("utf-8")


RENDERED = [0]


def distinct_example():
    """The example with a surname of its own: the output cache answers none of these renders."""
    RENDERED[0] += 1
    p = json.loads(json.dumps(EXAMPLE))
    n = RENDERED[0]
    p["convict"]["surname"] = "Әбенов" + "".join(chr(0x430 + (n >> (5 * k)) % 32) for k in range(4))
    return json.dumps(p, ensure_ascii=False).encode()


async def renders_while(stop, codes, times):
    """Distinct renders one after another until `stop`: what a clerk printing one document meets during the attack."""
    while not stop.is_set():
        st, _, _, t = await request("POST", RENDER, distinct_example(), timeout=30)
        codes.append(st); times.append(t)


def render_summary(codes, times):
    if not codes:
        return "no render tried"
    ordered = sorted(times)
    return f"renders during: {statuses(codes)}, p50 {ordered[len(ordered) // 2]:.2f} s, max {ordered[-1]:.2f} s"


def renders_served(name, codes):
    ok = sum(1 for c in codes if c == 200)
    bound(name, codes and ok >= 0.9 * len(codes), f"renders during the attack: {statuses(codes)} (at least 90 % must be 200)")


async def merge_files(name, make, expected, media=XLSX, copies=4, timeout=120):
    """`copies` concurrent merges of the same hostile file, renders one after another meanwhile."""
    s = Service(POD_SETTINGS)
    paths, values = template_row()
    file = make(paths, values)
    stop, codes, times = asyncio.Event(), [], []
    renders = asyncio.create_task(renders_while(stop, codes, times))
    await asyncio.sleep(0.5)
    t0 = time.time()
    results = await asyncio.gather(*[request("POST", MERGE, file, {"Content-Type": media}, timeout=timeout) for _ in range(copies)])
    took = time.time() - t0
    await asyncio.sleep(0.5)
    stop.set(); await renders
    said = "; ".join(sorted({problem_code(r[2]) for r in results}))
    report(f"{name} ({len(file) / 1024:.0f} KB) × {copies}", f"{statuses(r[0] for r in results)} {said}; max {max(r[3] for r in results):.1f} s", s, took,
           render_summary(codes, times))
    # A merge past the door's wait may be told to retry (503 with Retry-After); anything else is the file's own answer.
    told = [r for r in results if r[0] == 503 and r[1].get("retry-after")]
    bound(name, all(r[0] == expected for r in results if r not in told) and len(told) < len(results),
          f"merges answered {statuses(r[0] for r in results)}, not {expected} (or 503 with Retry-After for some)")
    renders_served(name, codes)
    s.stop()


def problem_code(body):
    try:
        return ",".join(json.loads(body).get("codes", {}).get("$", []) or [json.loads(body).get("title", "")])
    except (ValueError, AttributeError):
        return ""


async def merge_far_cell():
    await merge_files("merge: XLSX with a cell at row 1,048,576 and 512 columns", far_cell, 200)


async def merge_long_string():
    await merge_files("merge: XLSX with a 95 MiB string", lambda p, v: long_string(p), 413, copies=3)


async def merge_many_strings():
    await merge_files("merge: XLSX with 3.4 M shared strings", lambda p, v: many_strings(p), 413)


async def merge_wide_csv():
    await merge_files("merge: CSV of 5 M fields", lambda p, v: wide_csv(), 413, media="text/csv")


async def merge_eight():
    rows = int(os.environ.get("MERGE_ROWS", "250" if SHORT else "1000"))
    await merge_files(f"merge: {rows}-row CSV, output=single", lambda p, v: rows_csv(p, v, rows), 200, media="text/csv", copies=8, timeout=600)


async def merge_slow_bodies():
    """Ten bodies at 1.5 KB/s (above the minimum rate), half on /validate, half on the merge; one merge at 50 B/s."""
    s = Service(POD_SETTINGS)
    name = "merge: 10 slow bodies at 1.5 KB/s, one at 50 B/s"

    async def rate(seconds):
        n, end = 0, time.time() + seconds
        codes = []
        while time.time() < end:
            st, *_ = await request("POST", RENDER, distinct_example(), timeout=30)
            codes.append(st); n += st == 200
        return n / seconds, codes

    async def trickle(path, media, length, per_second, hold):
        """(status, seconds): the answer to a body sent at `per_second`, or -1 when it was still held after `hold` s."""
        start = time.time()
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT)
        except OSError:
            return 0, 0.0
        answer = asyncio.create_task(reader.read(-1))
        try:
            writer.write(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: {media}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n".encode())
            step = max(1, per_second // 10)
            while time.time() - start < hold and not answer.done():
                try:
                    writer.write(b"a" * step); await writer.drain()
                except OSError:
                    break  # the service closed its side: its answer is in the reader
                await asyncio.wait([answer], timeout=0.1)
            if not answer.done() and time.time() - start >= hold:
                answer.cancel(); writer.transport.abort()
                return -1, time.time() - start
            data = await asyncio.wait_for(answer, 5)
            return parse(data)[0], time.time() - start
        except (OSError, ValueError, IndexError, asyncio.TimeoutError):
            return 0, time.time() - start
        finally:
            writer.close()

    seconds = 3 if SHORT else 5
    before, _ = await rate(seconds)
    t0 = time.time()
    slow = [asyncio.create_task(trickle(RENDER.replace("render?format=pdf", "validate") if i % 2 == 0 else MERGE, "application/json" if i % 2 == 0 else "text/csv",
                                        1_000_000, 1536, seconds + 3)) for i in range(10)]
    crawl = asyncio.create_task(trickle(MERGE, "text/csv", 100_000, 50, 30))
    await asyncio.sleep(1.5)
    during, codes = await rate(seconds)
    crawled = await crawl
    held = await asyncio.gather(*slow)
    report(name, f"50 B/s merge {statuses([crawled[0]])} after {crawled[1]:.1f} s; 1.5 KB/s bodies {statuses(h[0] for h in held)} (timeout: still sending)", s, time.time() - t0,
           f"renders/s {before:.1f} before → {during:.1f} during ({during / before if before else 0:.0%}); {statuses(codes)}")
    bound(name, crawled[0] == 408, f"the 50 B/s merge answered {statuses([crawled[0]])}, not 408")
    bound(name, before and during >= 0.5 * before, f"renders/s {before:.1f} before, {during:.1f} during the slow bodies (at least half)")
    s.stop()


async def merge_sigterm():
    """SIGTERM while four far-cell merges and four 250-row merges run: the process exits within the pod's grace period."""
    s = Service(POD_SETTINGS)
    paths, values = template_row()
    far, rows = far_cell(paths, values), rows_csv(paths, values, 250)
    tasks = [asyncio.create_task(request("POST", MERGE, far, {"Content-Type": XLSX}, timeout=60)) for _ in range(4)]
    tasks += [asyncio.create_task(request("POST", MERGE + "?output=single", rows, {"Content-Type": "text/csv"}, timeout=60)) for _ in range(4)]
    await asyncio.sleep(1.5)
    loop = asyncio.get_running_loop()
    exited = await loop.run_in_executor(None, s.sigterm, GRACE_S + 5)
    results = await asyncio.gather(*tasks)
    name = "merge: SIGTERM during 4 far-cell and 4 250-row merges"
    report(name, f"merges {statuses(r[0] for r in results)}", None, exited or GRACE_S + 5,
           f"exited {exited:.1f} s after SIGTERM" if exited is not None else f"still running {GRACE_S + 5:.0f} s after SIGTERM")
    bound(name, exited is not None and exited <= GRACE_S, f"exit {exited} s after SIGTERM (grace period {GRACE_S:.0f} s)")
    s.stop()


ATTACKS = [("batch40", batch_40_at_600dpi), ("batch-timeout", batch_under_200ms_timeout), ("batch4x20", four_batches_of_20),
           ("storm-timeout", timed_out_storm), ("previews", forty_previews_at_600dpi), ("cache", output_cache_growth),
           ("broken", broken_bodies), ("validate", validate_flood), ("overload", overload), ("text", text), ("http", small_http),
           ("merge-far", merge_far_cell), ("merge-long", merge_long_string), ("merge-strings", merge_many_strings), ("merge-csv", merge_wide_csv),
           ("merge-slow", merge_slow_bodies), ("merge-eight", merge_eight), ("merge-sigterm", merge_sigterm)]


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
        print(f"bound broken: {attack}: {what}", file=sys.stderr)
    if BROKEN:
        sys.exit(1)
    print(f"bounds held: every peak under {PEAK_BOUND_MB:.0f} MB, every attack back within {SETTLE_MARGIN_MB:.0f} MB of idle within 30 s, "
          "and each attack's own bound")


if __name__ == "__main__":
    main()
