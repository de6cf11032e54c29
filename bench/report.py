"""Turns the figures scripts/bench collected into the table and the goal lines of issue 7.
Exits 1 when a goal fails. The goals are ratios between contenders of the same run, or costs
far from the noise; never relax one here to make a run pass."""

import sys

results, report_path = sys.argv[1], sys.argv[2]
r = {}
for line in open(results):
    key, _, value = line.strip().partition(" ")
    r[key] = value


def f(key):
    return float(r[key])


lines = []


def out(text=""):
    print(text)
    lines.append(text)


out(f"machine: {r['cpu'].replace('_', ' ')}, {r['cores']} cores; PHP {r['php']}, "
    f"cURL {r['curl']}, Rust {r['rustc']}")
out()
out("| contender | calls/s | p50 µs | p99 µs |")
out("| --- | ---: | ---: | ---: |")
names = [
    ("makecall", "makeCall, PHP CLI"),
    ("curl_fresh", "cURL, fresh handle per call"),
    ("curl_reused", "cURL, one reused handle"),
    ("native", "native limit (async reqwest, calling thread)"),
    ("core", "click2dial-core make_call (no PHP)"),
    ("fpm2_makecall", "php-fpm 2 workers, makeCall page"),
    ("fpm4_makecall", "php-fpm 4 workers, makeCall page"),
    ("fpm2_curl", "php-fpm 2 workers, cURL page"),
    ("fpm4_curl", "php-fpm 4 workers, cURL page"),
]
for key, name in names:
    if f"{key}_rate" in r:
        out(f"| {name} | {f(key + '_rate'):.0f} | {f(key + '_p50_us'):.0f} | "
            f"{f(key + '_p99_us'):.0f} |")
out()

goals = []


def goal(text, measured, ok):
    goals.append(ok)
    out(f"{'PASS' if ok else 'FAIL'}  {text}: {measured}")


fresh = f("makecall_rate") / f("curl_fresh_rate")
goal("makeCall >= 5x fresh-handle cURL throughput", f"{fresh:.2f}x", fresh >= 5)
reused = f("makecall_rate") / f("curl_reused_rate")
goal("makeCall >= 1.0x reused-handle cURL throughput", f"{reused:.2f}x", reused >= 1.0)
per_call = f("native_rate") / f("makecall_rate")
goal("makeCall per-call time <= 1.25x the native limit's", f"{per_call:.2f}x", per_call <= 1.25)
goal("extension start-up overhead <= 1 ms", f"{f('startup_overhead_ms'):.2f} ms",
     f("startup_overhead_ms") <= 1)
extra = (f("rss_with_kb") - f("rss_without_kb")) / 1024
goal("extra php-fpm worker memory after 1,000 calls <= 8 MB", f"{extra:.1f} MB", extra <= 8)
goal("directory median lookup <= 1 µs (getUsernr through PHP)",
     f"{f('getusernr_median_us'):.2f} µs", f("getusernr_median_us") <= 1)
served = int(r["directory_served_meanwhile"])
goal("100,000-line directory reload <= 150 ms, lookups served meanwhile",
     f"{f('directory_reload_ms'):.0f} ms, {served} lookups meanwhile",
     f("directory_reload_ms") <= 150 and served > 0)
goal("normalizeNumber median <= 3 µs", f"{f('normalize_median_us'):.2f} µs",
     f("normalize_median_us") <= 3)
failed = sum(int(r[f"fpm{w}_{p}_failed"]) for w in (2, 4) for p in ("makecall", "curl"))
goal("php-fpm: zero failed requests", f"{failed} failed", failed == 0)
scale = f("fpm4_makecall_rate") / f("fpm2_makecall_rate")
goal("php-fpm makeCall: 4 workers >= 1.6x 2 workers", f"{scale:.2f}x", scale >= 1.6)
out()
out(f"{sum(goals)} goals passed, {len(goals) - sum(goals)} failed")
with open(report_path, "w") as report:
    report.write("\n".join(lines) + "\n")
sys.exit(0 if all(goals) else 1)
