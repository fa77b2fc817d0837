"""Subprocesses the harness starts (jifen serve, the ceiling app, the sandbox), always in their own process
group, so stopping one stops its workers too, and every group is killed on exit or Ctrl-C.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    log_path: Path
    started: float = field(default_factory=time.monotonic)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


_RUNNING: dict[int, Proc] = {}


def start(name: str, argv: list[str], env: dict[str, str], log_dir: Path, cwd: Path | None = None) -> Proc:
    """Start `argv` as the leader of a new session (its own process group); output goes to a log file."""
    log_path = log_dir / f"{name}.log"
    with open(log_path, "ab") as log:
        popen = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                 cwd=cwd, start_new_session=True)
    proc = Proc(name=name, popen=popen, log_path=log_path)
    _RUNNING[popen.pid] = proc
    return proc


def stop(proc: Proc, grace: float = 8.0) -> None:
    """SIGTERM the whole group, SIGKILL what is left after `grace` seconds."""
    _RUNNING.pop(proc.pid, None)
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2.0)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if proc.popen.poll() is not None and not _group_alive(proc.pid):
                return
            time.sleep(0.05)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def stop_all() -> None:
    for proc in list(_RUNNING.values()):
        stop(proc, grace=3.0)


def install_cleanup() -> None:
    """Kill every started group at interpreter exit and on SIGTERM/SIGINT (then exit)."""
    atexit.register(stop_all)

    def on_signal(signum: int, _frame: object) -> None:
        stop_all()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)


def wait_http(url: str, proc: Proc | None = None, timeout: float = 30.0) -> None:
    """Poll `url` until it answers < 500; fail early if the process died."""
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        if proc is not None and not proc.alive():
            raise RuntimeError(f"{proc.name} exited with {proc.popen.returncode}:\n{proc.log_tail()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
            last = exc
        except OSError as exc:
            last = exc
        time.sleep(0.2)
    tail = proc.log_tail() if proc else ""
    raise RuntimeError(f"{url} not ready after {timeout:.0f}s ({last})\n{tail}")


# -- process tree and memory -------------------------------------------------------------------------------
def children(pid: int) -> list[int]:
    out: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                out += [int(x) for x in (task / "children").read_text().split()]
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


_WORKER_RE = re.compile(r"Starting worker \[(\d+)\]")


def sanic_workers(proc: Proc) -> list[int]:
    """PIDs of the HTTP workers of a Sanic main process: the ones Sanic logged as started that are still
    its children (Sanic also spawns helper processes, which are not workers)."""
    kids = set(children(proc.pid))
    logged = [int(m) for m in _WORKER_RE.findall(proc.log_path.read_text(errors="replace"))]
    workers = [pid for pid in dict.fromkeys(logged) if pid in kids]
    if workers:
        return workers
    return [pid for pid in kids if "spawn_main" in cmdline(pid)]


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) in KiB from /proc/<pid>/status."""
    out: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    return out


def cpu_times(pid: int, with_children: bool = False) -> tuple[float, float]:
    """(user, system) CPU seconds of one process; `with_children` adds its reaped children's, which is how
    short-lived processes (a test run started and finished within a measurement) still get counted."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        tick = os.sysconf("SC_CLK_TCK")
        user, system = int(fields[11]), int(fields[12])
        if with_children:
            user, system = user + int(fields[13]), system + int(fields[14])
        return user / tick, system / tick
    except (OSError, IndexError, ValueError):
        return 0.0, 0.0


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, for the CPU split of a run."""
    return sum(cpu_times(pid))


@contextlib.contextmanager
def running(name: str, argv: list[str], env: dict[str, str], log_dir: Path, ready_url: str | None = None,
            timeout: float = 40.0) -> Iterator[Proc]:
    proc = start(name, argv, env, log_dir)
    try:
        if ready_url:
            wait_http(ready_url, proc, timeout)
        yield proc
    finally:
        stop(proc)


def pids_named(comm: str) -> list[int]:
    """Every process whose /proc/<pid>/comm is `comm` (e.g. the PostgreSQL backends, for the CPU split)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if (entry / "comm").read_text().strip() == comm:
                    out.append(int(entry.name))
    return out


def descendants(pid: int) -> set[int]:
    out: set[int] = set()
    todo = [pid]
    while todo:
        for kid in children(todo.pop()):
            if kid not in out:
                out.add(kid)
                todo.append(kid)
    return out


def foreign_pids() -> list[int]:
    """Processes that are not this benchmark's: not the harness or its descendants, not Redis, and of
    PostgreSQL only the backends serving other databases (e.g. another session's test suite). The postmaster
    and background processes are shared and left out: the postmaster also collects the CPU of every backend
    that exits (ours included) as its children's time."""
    ours = descendants(os.getpid()) | {os.getpid()}
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in ours:
            continue
        pid = int(entry.name)
        line = cmdline(pid)
        if not line or "redis-server" in line:
            continue
        try:
            comm = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if comm == "postgres" or line.startswith("postgres: "):
            # client backends read "postgres: <cluster>: <user> <database> <host> <state>"
            parts = line.split()
            if not line.startswith("postgres: ") or len(parts) < 5 or "jifen_bench" in line or parts[2] in (
                    "checkpointer", "background", "walwriter", "autovacuum", "logical", "archiver", "stats"):
                continue
        out.append(pid)
    return out


class CpuMeter:
    """CPU used by groups of processes over a run, as % of one core (200 % = both cores of this machine).

    "others" is everything that is not this benchmark (another session's test suite, say): the figures
    of a run with much of it are suspect, and the run records it.
    """

    def __init__(self, groups: dict[str, Callable[[], list[int]]]) -> None:
        """`groups` map a name to a function listing its PIDs, asked again at the end (new backends count)."""
        self.groups = {**groups, "others": foreign_pids}
        self.t0 = time.monotonic()
        self.before = {name: {p: cpu_times(p, name == "others") for p in pids()}
                       for name, pids in self.groups.items()}
        self.machine0 = _machine_busy()

    def stop(self) -> dict[str, float]:
        wall = max(time.monotonic() - self.t0, 1e-6)
        out = {}
        for name, pids in self.groups.items():
            user = system = 0.0
            for p in pids():
                u0, s0 = self.before[name].get(p, (0.0, 0.0))
                u1, s1 = cpu_times(p, name == "others")
                user, system = user + max(u1 - u0, 0.0), system + max(s1 - s0, 0.0)
            out[name] = round(100 * (user + system) / wall, 1)
            if name in ("server_workers", "postgres"):  # kernel share: round trips cost syscalls
                out[f"{name}_sys"] = round(100 * system / wall, 1)
        busy0, total0 = self.machine0
        busy1, total1 = _machine_busy()
        if total1 > total0:
            out["machine_busy_pct"] = round(100 * (busy1 - busy0) / (total1 - total0), 1)
        return out


def _machine_busy() -> tuple[float, float]:
    try:
        fields = [float(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)
    total = sum(fields[:8])
    return total - idle, total
