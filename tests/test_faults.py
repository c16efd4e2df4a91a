"""Environment faults and interruptions: one line, a distinct exit code, the outputs as
they were (or, after a build killed outright, made whole again by the next build or
load), and no file left behind.

Faults are made real where this machine allows it (a small tmpfs for a full disk, a
read-only bind mount, signals to a running build, a process killed between two renames)
and otherwise by making the write raise, so that every case runs everywhere.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import bench
import filelock
import pytest

from conftest import snapshot
from ningbo_openness import cli, paths
from ningbo_openness.errors import shown
from ningbo_openness.ingest import transaction
from ningbo_openness.ingest.build import run

ASEAN_LOCATOR = ",lines 88-90,"


def build_cli(data: Path, capsys) -> tuple[int, list[str], str]:
    """The build command in-process: exit code, stderr lines, stdout."""
    code = cli.main(["build", "--data-dir", str(data)])
    captured = capsys.readouterr()
    return code, captured.err.splitlines(), captured.out


def change_a_locator(data: Path) -> None:
    """Edit one raw locator, so that a build's indicator table and audit both differ from the committed ones."""
    path = data / "raw" / "theory_page_2025.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count(ASEAN_LOCATOR) == 1
    path.write_text(text.replace(ASEAN_LOCATOR, ",lines 88-90 (edited),"), encoding="utf-8")


def expected_outputs(data: Path) -> dict[str, str]:
    return run(data).outputs()


def on_disk(data: Path, names) -> dict[str, str]:
    return {name: (data / name).read_text(encoding="utf-8") for name in names}


def assert_stopped(code: int, err: list[str], wanted_code: int, text: str) -> None:
    assert code == wanted_code, "\n".join(err)
    assert len(err) == 1 and err[0].startswith("build stopped, nothing written: ") and text in err[0], "\n".join(err)


# -- environment faults, made by raising -----------------------------------------------

def fail_second_staged_write(monkeypatch, fault) -> list[Path]:
    """Make the second staged file stop half-written with ``fault(path)``; returns the paths written."""
    real = transaction._write_synced
    calls = []

    def write(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 2:
            real(path, text[: len(text) // 2])
            raise fault(path)
        real(path, text)

    monkeypatch.setattr(transaction, "_write_synced", write)
    return calls


def test_full_disk_while_staging(data_copy, capsys, monkeypatch):
    change_a_locator(data_copy)
    before = snapshot(data_copy)
    calls = fail_second_staged_write(monkeypatch, lambda path: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path)))
    code, err, _ = build_cli(data_copy, capsys)
    assert_stopped(code, err, cli.EXIT_ENVIRONMENT, f"cannot write {shown(calls[1])}: No space left on device")
    assert snapshot(data_copy) == before


def test_interrupt_while_staging_removes_the_staged_files(data_copy, capsys, monkeypatch):
    before = snapshot(data_copy)
    fail_second_staged_write(monkeypatch, lambda path: cli.Interrupted(signal.SIGTERM))
    code, err, _ = build_cli(data_copy, capsys)
    assert_stopped(code, err, cli.EXIT_SIGNAL_BASE + signal.SIGTERM, "interrupted (SIGTERM)")
    assert snapshot(data_copy) == before


@pytest.mark.parametrize("exc, wanted_code, text", [
    (PermissionError(errno.EACCES, "Permission denied"), cli.EXIT_ENVIRONMENT, "cannot replace"),
    (KeyboardInterrupt(), cli.EXIT_SIGNAL_BASE + signal.SIGINT, "interrupted (SIGINT)"),
    (cli.Interrupted(signal.SIGTERM), cli.EXIT_SIGNAL_BASE + signal.SIGTERM, "interrupted (SIGTERM)"),
], ids=["read-only target", "Ctrl-C", "SIGTERM"])
def test_failure_between_renames_puts_the_old_files_back(data_copy, capsys, monkeypatch, exc, wanted_code, text):
    change_a_locator(data_copy)
    before = snapshot(data_copy)
    real = os.replace
    renames = []

    def fail_third(src, dst):
        if Path(dst).parent != data_copy / transaction.STAGING:  # the journal's own rename is not counted
            renames.append(dst)
            if len(renames) == 3:
                raise exc
        real(src, dst)

    monkeypatch.setattr(transaction.os, "replace", fail_third)
    code, err, _ = build_cli(data_copy, capsys)
    assert len(renames) > 3  # two switched, one failed, then the old ones renamed back
    assert_stopped(code, err, wanted_code, text)
    assert snapshot(data_copy) == before


def test_unreadable_input(data_copy, capsys, monkeypatch):
    before = snapshot(data_copy)
    target = data_copy / "raw" / "trade.csv"
    real = Path.read_bytes

    def deny(self):
        if self == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, err, _ = build_cli(data_copy, capsys)
    monkeypatch.undo()
    assert_stopped(code, err, cli.EXIT_ENVIRONMENT, f"cannot read {shown(target)}: Permission denied")
    assert snapshot(data_copy) == before


def test_missing_data_folder(tmp_path, capsys):
    code, err, _ = build_cli(tmp_path / "nowhere", capsys)
    assert_stopped(code, err, cli.EXIT_ENVIRONMENT, "nowhere: no such folder")


def test_relative_data_folder(data_copy, capsys, monkeypatch):
    monkeypatch.chdir(data_copy.parent)
    code, err, out = build_cli(Path("data"), capsys)
    assert code == 0, err
    assert "read data/raw/trade.csv: " in out


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_outputs_take_the_mode_of_a_normal_write(data_copy, capsys, umask, mode):
    old = os.umask(umask)
    try:
        code, err, _ = build_cli(data_copy, capsys)
    finally:
        os.umask(old)
    assert code == 0, err
    for name in run(data_copy).outputs():
        assert (data_copy / name).stat().st_mode & 0o777 == mode, name


# -- real faults: a small disk, a read-only mount -----------------------------------------

def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@pytest.fixture
def disk(tmp_path, request):
    """A tmpfs holding a copy of data/ with ``request.param`` bytes to spare (skipped where mounting is not allowed).

    tmpfs stores each file in whole pages, so every file counts rounded up to a page."""
    point = tmp_path / "disk"
    point.mkdir()
    page = os.sysconf("SC_PAGE_SIZE")
    size = sum(-(-p.stat().st_size // page) * page for p in paths.DATA.rglob("*") if p.is_file()) + request.param
    if shutil.which("mount") is None or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copytree(paths.DATA, point / "data", ignore=shutil.ignore_patterns(transaction.LOCK, transaction.STAGING))
        yield point / "data"
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


SMALL, ROOMY = 64 * 1024, 16 * 1024 * 1024


@pytest.mark.parametrize("disk", [SMALL], indirect=True)
def test_really_full_disk(disk, capsys):
    change_a_locator(disk)
    before = snapshot(disk)
    code, err, _ = build_cli(disk, capsys)
    assert_stopped(code, err, cli.EXIT_ENVIRONMENT, "No space left on device")
    assert snapshot(disk) == before
    code, err, _ = build_cli(disk, capsys)  # a retry adds nothing either
    assert code == cli.EXIT_ENVIRONMENT and snapshot(disk) == before


@pytest.mark.parametrize("disk", [ROOMY], indirect=True)
def test_really_read_only_output_folder(disk, capsys):
    change_a_locator(disk)
    processed = disk / "processed"
    assert _mount("--bind", str(processed), str(processed))
    try:
        assert _mount("-o", "remount,bind,ro", str(processed))
        before = snapshot(disk)
        code, err, _ = build_cli(disk, capsys)
        assert_stopped(code, err, cli.EXIT_ENVIRONMENT, "Read-only file system")
        assert snapshot(disk) == before
    finally:
        subprocess.run(["umount", str(processed)], check=False)


@pytest.mark.parametrize("disk", [ROOMY], indirect=True)
def test_really_read_only_data_folder(disk, capsys):
    before = snapshot(disk)
    assert _mount("-o", "remount,ro", str(disk.parent))
    code, err, _ = build_cli(disk, capsys)
    assert_stopped(code, err, cli.EXIT_ENVIRONMENT, "Read-only file system")
    assert snapshot(disk) == before


# -- processes: signals, a kill between two renames, two builds at once -------------------

@pytest.fixture(scope="module")
def large_data(tmp_path_factory) -> Path:
    """Synthetic raw rows (as the benchmark makes them) that take about two seconds to build,
    with the committed processed files in place."""
    data = bench.synthetic_data(100_000, tmp_path_factory.mktemp("large"))
    shutil.copytree(paths.PROCESSED, data / "processed")
    shutil.copy(paths.DATA / "datapackage.json", data / "datapackage.json")
    return data


def _default_sigint() -> None:
    """In the child: SIGINT as in a terminal, even where this run's parent ignores it (a job started with ``&``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_build(data: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ningbo_openness", "build", "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)


def wait_for_lock_holder(data: Path, process: subprocess.Popen) -> None:
    """Return once ``process`` holds the build lock of ``data``."""
    lock = filelock.FileLock(data / transaction.LOCK)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            lock.acquire(timeout=0)
            lock.release()
        except filelock.Timeout:
            return
        time.sleep(0.01)
    raise AssertionError("the build never took the lock")


def start_build_mid_run(data: Path, seconds: float) -> subprocess.Popen:
    """A build that has been running for ``seconds`` on ``data``: it is started while this
    process holds the lock, so that it is imported and waiting, then let go."""
    lock = filelock.FileLock(data / transaction.LOCK)
    with lock:
        process = start_build(data)
        assert "waiting for another build" in process.stdout.readline()
    time.sleep(seconds)
    return process


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_to_a_running_build(large_data, signum):
    before = snapshot(large_data)
    process = start_build_mid_run(large_data, 0.5)
    process.send_signal(signum)
    out, err = process.communicate(timeout=120)
    assert_stopped(process.returncode, err.splitlines(), cli.EXIT_SIGNAL_BASE + signum,
                   f"interrupted ({signal.Signals(signum).name})")
    assert snapshot(large_data) == before


def test_signal_to_a_build_waiting_for_the_lock(data_copy):
    before = snapshot(data_copy)
    with filelock.FileLock(data_copy / transaction.LOCK):
        process = start_build(data_copy)
        assert "waiting for another build" in process.stdout.readline()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert_stopped(process.returncode, err.splitlines(), cli.EXIT_SIGNAL_BASE + signal.SIGTERM, "interrupted (SIGTERM)")
    assert snapshot(data_copy) == before


def test_killed_build_changes_nothing(large_data):
    before = snapshot(large_data)
    process = start_build_mid_run(large_data, 0.5)
    process.kill()
    process.wait(timeout=60)
    assert snapshot(large_data) == before


KILL_AT_SECOND_STAGED_WRITE = """
import os, sys
from ningbo_openness import cli
from ningbo_openness.ingest import transaction
real, count = transaction._write_synced, [0]
def write(path, text):
    count[0] += 1
    if count[0] == 2:
        os._exit(9)
    real(path, text)
transaction._write_synced = write
cli.main(["build", "--data-dir", sys.argv[1]])
"""


def test_next_build_clears_what_a_killed_build_staged(data_copy, capsys):
    change_a_locator(data_copy)
    before = snapshot(data_copy)
    done = subprocess.run([sys.executable, "-c", KILL_AT_SECOND_STAGED_WRITE, str(data_copy)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 9, done.stderr
    left = set(snapshot(data_copy)) - set(before)
    assert left and all(f"{transaction.STAGING}/" in name for name in left)
    assert {k: v for k, v in snapshot(data_copy).items() if k in before} == before  # the outputs as they were
    code, err, _ = build_cli(data_copy, capsys)
    assert code == 0, err
    assert not list(data_copy.rglob(transaction.STAGING))
    assert on_disk(data_copy, expected_outputs(data_copy)) == expected_outputs(data_copy)


KILL_AT_SECOND_RENAME = """
import os, sys
from pathlib import Path
from ningbo_openness import cli
from ningbo_openness.ingest import transaction
real, count = os.replace, [0]
def replace(src, dst):
    if Path(dst).parent.name != transaction.STAGING:
        count[0] += 1
        if count[0] == 2:
            os._exit(9)
    real(src, dst)
transaction.os.replace = replace
cli.main(["build", "--data-dir", sys.argv[1]])
"""


def killed_between_renames(data: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILL_AT_SECOND_RENAME, str(data)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 9, done.stderr
    assert (data / transaction.STAGING / transaction.JOURNAL).exists()


@pytest.mark.parametrize("finisher", ["next build", "loader"])
def test_kill_between_two_renames_is_finished_from_the_journal(data_copy, finisher, monkeypatch):
    change_a_locator(data_copy)
    wanted = expected_outputs(data_copy)
    killed_between_renames(data_copy)
    assert on_disk(data_copy, wanted) != wanted  # one table new, the others old
    if finisher == "next build":
        done = subprocess.run([sys.executable, "-m", "ningbo_openness", "build", "--data-dir", str(data_copy)],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    else:
        import ningbo_openness.load as load

        monkeypatch.setattr(paths, "DATA", data_copy)
        monkeypatch.setattr(paths, "INDICATORS_PROCESSED", data_copy / "processed" / "indicators.csv")
        load.load_indicators()
    assert on_disk(data_copy, wanted) == wanted
    assert not (data_copy / transaction.STAGING).exists()


def test_two_builds_run_one_after_the_other(large_data, tmp_path):
    """Two builds started together wait for the lock, run one after the other, and the one
    that runs second reads an input edited while the first runs."""
    data = tmp_path / "data"
    shutil.copytree(large_data, data, ignore=shutil.ignore_patterns(transaction.LOCK))
    with filelock.FileLock(data / transaction.LOCK):
        builds = [start_build(data), start_build(data)]
        for process in builds:
            assert "waiting for another build" in process.stdout.readline()
    raw = data / "raw" / "synthetic.csv"  # edited by a rename, so a build reads the old file or the new one
    edited = data.parent / "edited.tmp"
    edited.write_text(raw.read_text(encoding="utf-8")
                      + "trade_total,ningbo,world,2020,1.0,亿元,,exact,,theory_page_2025,added later,1.0,\n", encoding="utf-8")
    os.replace(edited, raw)
    results = [process.communicate(timeout=300) for process in builds]
    assert [process.returncode for process in builds] == [0, 0], results
    assert "added later" in (data / "processed" / "indicators.csv").read_text(encoding="utf-8")
    assert not list(data.rglob(transaction.STAGING))
