import subprocess
import sys

from conftest import digest


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ningbo_openness", *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_build_command_on_a_copy(data_copy):
    done = run_cli("build", "--data-dir", str(data_copy))
    assert done.returncode == 0, done.stderr
    assert "built" in done.stdout and "audit" in done.stdout


def test_build_command_reports_bad_input_and_writes_nothing(data_copy):
    raw = data_copy / "raw" / "theory_page_2025.csv"
    raw.write_text(raw.read_text(encoding="utf-8").replace(",亿元,20.7,", ",亿卢布,20.7,"), encoding="utf-8")
    before = digest(data_copy / "processed")
    done = run_cli("build", "--data-dir", str(data_copy))
    assert done.returncode == 1
    assert "theory_page_2025.csv, line 6, column 'unit'" in done.stderr
    assert "nothing written" in done.stderr
    assert digest(data_copy / "processed") == before
