"""PHP start-up with and without the extension: `php -n -r ''` against the same with
`-d extension=click2dial.so`, alternating so that drift on a shared machine hits both alike.
The overhead is the difference of the medians."""

import statistics
import subprocess
import sys
import time

RUNS = 300


def timed(args):
    before = time.perf_counter()
    subprocess.run(args, check=True)
    return time.perf_counter() - before


extension = sys.argv[1]
bare = ["php", "-n", "-r", ""]
loaded = ["php", "-n", "-d", f"extension={extension}", "-r", ""]
for _ in range(20):
    timed(bare), timed(loaded)
without, with_ = [], []
for _ in range(RUNS):
    without.append(timed(bare))
    with_.append(timed(loaded))
a, b = statistics.median(without) * 1e3, statistics.median(with_) * 1e3
print(f"PHP start-up ({RUNS} runs each): {a:.2f} ms without, {b:.2f} ms with the extension")
print(f"result startup_without_ms {a:.3f}")
print(f"result startup_with_ms {b:.3f}")
print(f"result startup_overhead_ms {b - a:.3f}")
