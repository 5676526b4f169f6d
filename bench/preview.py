"""How long the preview (`mkdocs serve`) takes to rebuild after a data file is saved.

Starts `python -m mkdocs serve --livereload` on a copy of the project, waits until it serves
and until its file watcher has seen a first save (untimed: MkDocs' polling watcher takes its
first look at the files some time after "Serving on", and a save before that look goes
unseen), then appends a newline to a data file and times, from the moment of the write, the
"Reloading browsers" log line: the browser reloads the page then. (Not "Documentation built
in": MkDocs drops a build log line that repeats an earlier one word for word, so that line is
missing whenever two rebuilds take the same hundredths of a second.) Each run appends one
more newline, so every save changes the file; the file is put back as it was at the end.
"""

from __future__ import annotations

import itertools
import queue
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

from common import PYTHON, BenchError, build_env

START_TIMEOUT_S = 120  # the first build, before "Serving on"
REBUILD_TIMEOUT_S = 120
SETTLE_S = 1.0  # after each rebuild, before the next write: the watcher is quiet again
FIRST_SAVE_WAIT_S = 20  # before saving again, while waiting for the watcher's first look
RELOADED = "Reloading browsers"
FAILED = "An error happened during the rebuild"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mkdocs serve` in project_dir, its log lines read as they come, each with the time it arrived."""

    def __init__(self, project_dir: Path) -> None:
        self.port = free_port()
        command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", "--livereload"]
        self.process = subprocess.Popen(
            command,
            cwd=project_dir,
            env=build_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[tuple[float, str | None]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line.rstrip()))
        self.lines.put((time.perf_counter(), None))  # the server has exited

    def wait_for(self, text: str, timeout_s: float) -> float:
        """The time the next log line containing `text` arrived; BenchError if the server fails or is slow."""
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                arrived, line = self.lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise BenchError(f"`mkdocs serve` printed no {text!r} in {timeout_s:.0f} s:\n" + self.tail()) from None
            if line is None:
                raise BenchError(f"`mkdocs serve` exited before {text!r}:\n" + self.tail())
            self.log.append(line)
            if FAILED in line:
                raise BenchError("`mkdocs serve` failed to rebuild:\n" + self.tail())
            if text in line:
                return arrived

    def drain(self) -> None:
        """Forget the lines that came so far (kept in the log), so the next wait sees only new ones."""
        while not self.lines.empty():
            arrived, line = self.lines.get_nowait()
            if line is None:  # the server has exited: leave that for the next wait to report
                self.lines.put((arrived, line))
                return
            self.log.append(line)

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log[-lines:])

    def stop(self) -> None:
        """Ctrl-C, as a person stops it; terminate, then kill, if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()


def time_rebuild(server: Server, data_file: Path, content: bytes) -> float:
    """Seconds from a save of data_file with `content` to the browser's reload."""
    start = time.perf_counter()
    data_file.write_bytes(content)
    reloaded = server.wait_for(RELOADED, REBUILD_TIMEOUT_S)
    time.sleep(SETTLE_S)
    return reloaded - start


def wait_until_watched(server: Server, data_file: Path, original: bytes) -> None:
    """Save data_file until a save is seen and rebuilt (untimed); the first look of the watcher may come late."""
    deadline = time.monotonic() + START_TIMEOUT_S
    for tries in itertools.count(1):
        data_file.write_bytes(original + b" " * tries + b"\n")
        try:
            server.wait_for(RELOADED, FIRST_SAVE_WAIT_S)
            time.sleep(SETTLE_S)
            server.drain()  # a second rebuild, if an earlier save was only slow to be seen
            return
        except BenchError:
            if time.monotonic() > deadline:
                raise


def measure_rebuilds(project_dir: Path, data_file: str, runs: int) -> list[float]:
    """Seconds to the reload for `runs` timed rebuilds of the preview of the project in project_dir (a copy)."""
    path = project_dir / data_file
    original = path.read_bytes()
    server = Server(project_dir)
    try:
        server.wait_for("Serving on", START_TIMEOUT_S)
        wait_until_watched(server, path, original)
        return [time_rebuild(server, path, original + b"\n" * run) for run in range(1, runs + 1)]
    finally:
        server.stop()
        path.write_bytes(original)
