"""PHP start-up with and without the extension: `php -n -r ''` against the same with
`-d extension=click2dial.so`, in alternation, so that drift on a shared machine hits both alike.
The overhead is the median of the differences within each pair (a pair runs within some 30 ms,
so slower drift cancels out); the difference of the two medians is printed too."""

import statistics
import subprocess
import sys
import time

RUNS = 500


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
for i in range(RUNS):
    # Which of the two goes first alternates too.
    if i % 2:
        without.append(timed(bare))
        with_.append(timed(loaded))
    else:
        with_.append(timed(loaded))
        without.append(timed(bare))
a, b = statistics.median(without) * 1e3, statistics.median(with_) * 1e3
paired = statistics.median(w - o for w, o in zip(with_, without)) * 1e3
print(f"PHP start-up ({RUNS} pairs): {a:.2f} ms without, {b:.2f} ms with the extension; "
      f"overhead {paired:.2f} ms (median of pairs), {b - a:.2f} ms (difference of medians)")
print(f"result startup_without_ms {a:.3f}")
print(f"result startup_with_ms {b:.3f}")
print(f"result startup_overhead_ms {paired:.3f}")
print(f"result startup_overhead_of_medians_ms {b - a:.3f}")
