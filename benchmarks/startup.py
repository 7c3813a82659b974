"""CLI start-up: `allied members` against a minimal click CLI, and where the time goes.

Every command runs in a fresh interpreter, all of them interleaved so that load on
the machine affects each alike; the wall times are medians. The phases are differences
between the fastest runs of commands that stop one step further along the path (the
fastest run is the least disturbed one, so its differences stay positive on a busy
machine, where differences of medians do not):

    python -c pass                      interpreter start-up
    + import click                      the peer's own cost
    + import allied                     the library: period, dataset, registry (the model's
                                        classes are created when first used)
    + import allied.cli                 the command group, options and rendering (a command's
                                        own module is imported when it runs)
    + load_dataset()                    check the cache's key (families are read when used)
    + Registry(...)                     read the families it indexes, build the indices
    = allied members nato --on ...      run the command and write its JSON

An installed package carries compiled bytecode (pip writes the `.pyc` files), but a
source checkout run with PYTHONDONTWRITEBYTECODE=1 would compile every module on
every run. So the package is compiled first (`python -m compileall`), and one warm-up
run fills the user's dataset cache, as any earlier call would have: the times are
those of a user's second call.

Wall times move with the load on the machine; where valgrind is installed, the
instructions each command executes (callgrind) are counted as well, a ratio that
stays put on a busy machine.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent
DAY = "2004-03-29"
#: `allied members …` may take at most this multiple of the minimal click CLI's wall time.
TARGET = 1.5


def wall_samples(commands: dict[str, list[str]], runs: int = 25) -> dict[str, list[float]]:
    """Wall times of each command in seconds, runs interleaved so load affects all alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            samples[name].append(time.perf_counter() - start)
    return samples


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


#: Each step of the path, as a command that stops right after it (see the module docstring).
PHASES: dict[str, list[str]] = {
    "interpreter": _python("pass"),
    "import click": _python("import click"),
    "import allied": _python("import click, allied"),
    "import allied.cli": _python("import allied.cli"),
    "parse the dataset": _python("import allied.cli; allied.load_dataset()"),
    "build the registry": _python("import allied.cli; allied.load()"),
    "run the command": [str(BIN / "allied"), "members", "nato", "--on", DAY, "--format", "json"],
}


def prepare() -> None:
    """Compile allied's bytecode and fill its dataset cache, as an installed package has."""
    package = Path(subprocess.run(
        _python("import allied, os; print(os.path.dirname(allied.__file__))"),
        check=True, capture_output=True, text=True,
    ).stdout.strip())  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    subprocess.run(PHASES["run the command"], check=True, stdout=subprocess.DEVNULL)


def instructions(argv: list[str]) -> int | None:
    """The instructions `argv` executes, counted by callgrind; `None` without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    done = subprocess.run(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def cli_startup(runs: int = 25) -> None:
    """Print the wall times, the ratio to the click peer, and the time of each phase."""
    prepare()
    samples = wall_samples(
        {"click hello": [sys.executable, str(HERE / "hello_click.py")], **PHASES}, runs=runs
    )
    times = {name: statistics.median(values) for name, values in samples.items()}
    ours, peer = times["run the command"], times["click hello"]
    ratio = ours / peer
    print(f"1. CLI wall time (median of {runs}, interleaved)")
    print(f"   python -c pass      {times['interpreter'] * 1000:7.1f} ms")
    print(f"   click hello         {peer * 1000:7.1f} ms")
    print(f"   allied members      {ours * 1000:7.1f} ms")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"   allied / click hello   = {ratio:5.2f}x  (target <= {TARGET}x: {verdict})")
    print(f"   allied / python -c pass = {ours / times['interpreter']:5.2f}x")
    print("   where allied members spends it (differences of the fastest runs):")
    before = 0.0
    for name in PHASES:
        fastest = min(samples[name])
        print(f"     {name:<20} {(fastest - before) * 1000:6.1f} ms")
        before = fastest
    print(f"     {'click hello':<20} {min(samples['click hello']) * 1000:6.1f} ms in all")
    counted = instructions(PHASES["run the command"])
    peer_counted = instructions([sys.executable, str(HERE / "hello_click.py")])
    if counted is not None and peer_counted is not None:
        print("   instructions executed (callgrind; steady under load)")
        print(f"   click hello         {peer_counted / 1e6:7.1f} M")
        print(f"   allied members      {counted / 1e6:7.1f} M")
        print(f"   allied / click hello   = {counted / peer_counted:5.2f}x")


if __name__ == "__main__":
    cli_startup()
