"""The mix of ``make loadtest``: who uses the site, and what they do, in what proportion.

- leaders read the resolutions' dashboards and download the Excel of targets and the
  review reports (Word);
- agency reporters send figures, through the figure form of the pages and through the
  JSON API (draft, correction, submission);
- the province office reads the figures waiting for review and approves them;
- the public reads the public pages and the public API.

Each simulated user signs in once (POST /login/, as a browser does), so the login
lockout never sees a failure, and then works with little pause: one simulated user
stands for many officials. The requests pass as nginx passes them, with
``X-Forwarded-Proto: https``, so the server runs exactly as in production. The users
are Locust's FastHttpUser (geventhttpclient), which spends a fraction of the CPU of
the requests library per request: on a machine of two cores the load generator
must not take the server's share. Each step reports how the CPU was shared between
the web server, PostgreSQL, the background worker, Locust and the rest of the machine.

Run by bench/loadtest/run.py, which sets the LOADTEST_* variables; the steps of users
and the per-step figures are kept here (StepShape, StepStats) and written to
LOADTEST_RESULTS as JSON when Locust stops.
"""

from __future__ import annotations

import json
import os
import random
import re
import statistics
import subprocess
from collections import defaultdict
from http.cookiejar import DefaultCookiePolicy
from urllib.parse import urlsplit

import psutil
from locust import FastHttpUser, LoadTestShape, between, events, task
from public_pages import PUBLIC_PAGES

STEPS = [int(n) for n in os.environ.get("LOADTEST_STEPS", "1,8,32,64").split(",")]
DURATION = int(os.environ.get("LOADTEST_DURATION", "60"))
WARMUP = int(os.environ.get("LOADTEST_WARMUP", "60"))
PASSWORD = os.environ.get("LOADTEST_PASSWORD", "demo-nghiquyet-2024")
TOKENS = json.loads(os.environ.get("LOADTEST_TOKENS", "{}"))
#: A write refused with a clear message (400/409) is the site working as designed.
REFUSALS = {400, 409}
#: The processes whose CPU each step reports: name -> pid (run.py sets them).
WATCHED = json.loads(os.environ.get("LOADTEST_PROCESSES", "{}"))


class BehindTls(DefaultCookiePolicy):
    """Sends the Secure session and CSRF cookies on the plain link to gunicorn, as the
    browser sends them to nginx over HTTPS."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


def _cpu_seconds(pid: int) -> float:
    """CPU used by a process and all its children, the exited ones included."""
    try:
        parent = psutil.Process(pid)
        times = parent.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in parent.children(recursive=True):
            with_child = child.cpu_times()
            total += with_child.user + with_child.system
        return total
    except psutil.NoSuchProcess:
        return 0.0


def cpu_snapshot() -> dict[str, float]:
    """CPU seconds used so far by each watched process, Locust and the whole machine."""
    machine = psutil.cpu_times()
    snapshot = {name: _cpu_seconds(pid) for name, pid in WATCHED.items()}
    snapshot["locust"] = _cpu_seconds(os.getpid())
    snapshot["machine"] = sum(machine) - machine.idle - getattr(machine, "iowait", 0.0)
    return snapshot


class StepStats:
    """Response times and outcomes per step and request kind, outside the warm-ups."""

    def __init__(self) -> None:
        self.measuring: int | None = None
        self.ready = 0
        self.seconds: dict[int, float] = {}
        self.times: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        self.errors: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.refused: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.load: dict[int, str] = {}
        self.cpu: dict[int, dict[str, float]] = {}

    def record(self, name: str, response_time: float, exception) -> None:
        step = self.measuring
        if step is None or name == "login":
            return
        self.times[step][name].append(response_time)
        if exception is not None:
            self.errors[step][name] += 1

    def refuse(self, name: str) -> None:
        if self.measuring is not None:
            self.refused[self.measuring][name] += 1

    def summary(self) -> dict:
        steps = []
        for index, users in enumerate(STEPS):
            kinds = {}
            for name, times in self.times[index].items():
                cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
                kinds[name] = {
                    "count": len(times),
                    "p50": cuts[49],
                    "p95": cuts[94],
                    "p99": cuts[98],
                    "errors": self.errors[index][name],
                    "refused": self.refused[index][name],
                }
            steps.append(
                {
                    "users": users,
                    "seconds": self.seconds.get(index, 0),
                    "kinds": kinds,
                    "load": self.load.get(index, ""),
                    "cpu": self.cpu.get(index, {}),
                }
            )
        return {"steps": steps}


STATS = StepStats()


class StepShape(LoadTestShape):
    """Each step adds users, waits until every one has signed in and looked up what it
    works on (at most WARMUP seconds), then measures DURATION seconds. Users only ever
    join, so each signs in once, and no sign-in falls in a measured window."""

    index = 0
    measuring_since: float | None = None
    warming_since = 0.0
    cpu_at_start: dict[str, float] = {}

    def tick(self):
        now = self.get_run_time()
        if self.index >= len(STEPS):
            return None
        users = STEPS[self.index]
        if self.measuring_since is None:
            if STATS.ready >= users or now - self.warming_since > WARMUP:
                self.measuring_since = now
                self.cpu_at_start = cpu_snapshot()
                STATS.measuring = self.index
        elif now - self.measuring_since >= DURATION:
            STATS.measuring = None
            STATS.seconds[self.index] = now - self.measuring_since
            STATS.load[self.index] = _uptime()
            at_end = cpu_snapshot()
            STATS.cpu[self.index] = {
                name: at_end[name] - self.cpu_at_start.get(name, 0.0) for name in at_end
            }
            self.index += 1
            self.measuring_since, self.warming_since = None, now
            if self.index >= len(STEPS):
                return None
            users = STEPS[self.index]
        return users, users


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception, **kwargs) -> None:
    STATS.record(name, response_time, exception)


@events.quitting.add_listener
def _write_results(environment, **kwargs) -> None:
    if path := os.environ.get("LOADTEST_RESULTS"):
        with open(path, "w") as out:
            json.dump(STATS.summary(), out)


class SiteUser(FastHttpUser):
    """A user of the site: requests pass as nginx passes them."""

    abstract = True
    wait_time = between(0.05, 0.5)
    username = ""

    def on_start(self) -> None:
        self.client.cookiejar.set_policy(BehindTls())
        origin = "https://" + urlsplit(self.host).netloc
        self.client.client.default_headers.update(
            {"X-Forwarded-Proto": "https", "Origin": origin, "Accept-Language": "vi"}
        )
        if self.username:
            self.sign_in()
        self.set_up()
        # Signed in and set up: the step starts measuring once every user is.
        STATS.ready += 1

    def set_up(self) -> None:
        """What the user looks up once before working (nothing, unless said otherwise)."""

    def sign_in(self) -> None:
        self.client.get("/login/", name="login")
        answer = self.client.post(
            "/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.csrf_token(),
            },
            name="login",
            allow_redirects=False,
        )
        if answer.status_code != 302:
            raise RuntimeError(f"{self.username} could not sign in: {answer.status_code}")

    def csrf_token(self) -> str:
        return next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")

    def form_post(self, path: str, data: dict, name: str):
        """A form sent as a browser sends it, with the CSRF token of the cookie."""
        token = self.csrf_token()
        return self.client.post(
            path,
            data={**data, "csrfmiddlewaretoken": token},
            name=name,
            allow_redirects=False,
            catch_response=True,
        )

    def api(self, method: str, path: str, user: str, name: str, body: dict | None = None):
        headers = {"Authorization": f"Bearer {TOKENS[user]}"}
        return self.client.request(
            method, path, json=body, headers=headers, name=name, catch_response=True
        )

    def judge(self, response, expected: set[int], name: str) -> None:
        """Success, a clear refusal, or an error; refusals are counted apart."""
        with response:
            if response.status_code in expected:
                response.success()
            elif response.status_code in REFUSALS:
                STATS.refuse(name)
                response.success()
            else:
                response.failure(f"answered {response.status_code}")


def _ids(pattern: str, text: str) -> list[int]:
    return sorted({int(found) for found in re.findall(pattern, text)})


class Leader(SiteUser):
    """The province's leadership: dashboards, target lists, downloads."""

    weight = 3
    username = "dongthap_leader"

    def set_up(self) -> None:
        listing = self.client.get("/targets/", name="leader: resolutions").text
        self.dashboards = _ids(r"/targets/documents/(\d+)/", listing) or [0]
        reports = self.client.get("/reports/", name="leader: reports").text
        self.reports = _ids(r"/reports/(\d+)/", reports)

    @task(10)
    def dashboard(self) -> None:
        document = random.choice(self.dashboards)
        self.client.get(f"/targets/documents/{document}/", name="leader: dashboard")

    @task(3)
    def resolutions(self) -> None:
        self.client.get("/targets/", name="leader: resolutions")

    @task(2)
    def home(self) -> None:
        self.client.get("/", name="leader: home (worklist)")

    @task(1)
    def excel(self) -> None:
        document = random.choice(self.dashboards)
        self.client.get(f"/targets/documents/{document}/excel/", name="leader: download .xlsx")

    @task(1)
    def report(self) -> None:
        if self.reports:
            report = random.choice(self.reports)
            self.client.get(f"/reports/{report}/file.docx", name="leader: download report .docx")


class Reporter(SiteUser):
    """An agency's reporter: figures through the form page and through the API."""

    weight = 3
    username = "dongthap_reporter"
    token_user = "dongthap_reporter"

    def set_up(self) -> None:
        bodies = self.api("GET", "/api/orgs/bodies?limit=1000", self.token_user, "reporter API")
        with bodies:
            agency = next(
                b["id"] for b in bodies.json() if b["name"] == "Sở Tài chính tỉnh Đồng Tháp"
            )
        targets = self.api(
            "GET",
            f"/api/targets/targets?owner_id={agency}&limit=1000",
            self.token_user,
            "reporter API: targets",
        )
        with targets:
            self.targets = [t["id"] for t in targets.json() if t["period"] == "2026"]

    @task(3)
    def figure_page(self) -> None:
        target = random.choice(self.targets)
        self.client.get(f"/targets/{target}/", name="reporter: target page")

    @task(2)
    def figure_by_form(self) -> None:
        target = random.choice(self.targets)
        self.client.get(f"/targets/{target}/report/", name="reporter: figure form")
        name = "reporter: send figure (form)"
        answer = self.form_post(
            f"/targets/{target}/report/",
            {"period": "2026-Q4", "value": f"{random.randint(5000, 7000)},5"},
            name,
        )
        # The form answers 302 when saved, 200 with the reason when refused.
        self.judge(answer, {302, 200}, name)

    @task(4)
    def figure_by_api(self) -> None:
        target = random.choice(self.targets)
        listed = self.api(
            "GET", f"/api/targets/targets/{target}/actuals", self.token_user, "reporter API: list"
        )
        with listed:
            open_ = [a for a in listed.json() if a["status"] in {"draft", "returned"}]
        value = str(random.randint(5000, 7000))
        if open_:
            name = "reporter API: correct + submit"
            answer = self.api(
                "PATCH",
                f"/api/targets/actuals/{open_[0]['id']}",
                self.token_user,
                name,
                {"value": value, "submit": True},
            )
            self.judge(answer, {200}, name)
        else:
            name = "reporter API: new draft"
            answer = self.api(
                "POST",
                f"/api/targets/targets/{target}/actuals",
                self.token_user,
                name,
                {"period": "2026-Q4", "value": value},
            )
            self.judge(answer, {201}, name)


class Office(SiteUser):
    """The province office: the figures waiting for review, approved one by one."""

    weight = 1
    username = "dongthap_office"

    @task(3)
    def review(self) -> None:
        page = self.client.get("/targets/review/", name="office: review list")
        waiting = _ids(r"/targets/actuals/(\d+)/approve/", page.text)
        if waiting:
            name = "office: approve figure"
            answer = self.form_post(f"/targets/actuals/{random.choice(waiting)}/approve/", {}, name)
            self.judge(answer, {302}, name)

    @task(1)
    def timeliness(self) -> None:
        self.client.get("/targets/timeliness/", name="office: timeliness")


class Public(SiteUser):
    """Anyone on the Internet: the public pages and the public API, without signing in."""

    weight = 3

    def set_up(self) -> None:
        listed = self.client.get("/api/documents/?limit=1000", name="public API: documents")
        self.documents = [d["id"] for d in listed.json()] or [0]

    @task
    def read(self) -> None:
        name, path = random.choice(PUBLIC_PAGES)
        self.client.get(path.format(document=random.choice(self.documents)), name=name)
