"""Turns the figures testing/scripts/bench collected into the table and the goal lines of docs/benchmarks.md.
Exits 1 when a goal fails. The goals are ratios between contenders of the same run, or costs
far from the noise; never relax one here to make a run pass.

Figures of interleaved runs come as `rN.KEY` (round N); a figure is then the median over the
rounds, and a ratio between two contenders is taken within each round, then its median."""

import re
import statistics
import sys

results, report_path = sys.argv[1], sys.argv[2]
r = {}
rounds = {}
for line in open(results):
    key, _, value = line.strip().partition(" ")
    match = re.fullmatch(r"r(\d+)\.(.+)", key)
    if match:
        rounds.setdefault(int(match.group(1)), {})[match.group(2)] = float(value)
    else:
        r[key] = value
for key in {k for figures in rounds.values() for k in figures}:
    r[key] = statistics.median(figures[key] for figures in rounds.values() if key in figures)


def f(key):
    return float(r[key])


def ratio(top, bottom):
    """The median over the rounds of top / bottom within a round."""
    per_round = [fig[top] / fig[bottom] for fig in rounds.values() if top in fig and bottom in fig]
    return statistics.median(per_round) if per_round else f(top) / f(bottom)


def spread(top, bottom):
    per_round = sorted(fig[top] / fig[bottom] for fig in rounds.values()
                       if top in fig and bottom in fig)
    return f" (rounds {per_round[0]:.2f}-{per_round[-1]:.2f})" if len(per_round) > 1 else ""


def per_busy_core(name):
    """Requests a second per core busy during the run: its rate over busy share times cores,
    within each round, the median over the rounds."""
    cores = float(r["cores"])
    per_round = [fig[f"{name}_rate"] / (fig[f"{name}_cpu_busy_pct"] / 100 * cores)
                 for fig in rounds.values()
                 if f"{name}_rate" in fig and fig.get(f"{name}_cpu_busy_pct")]
    return statistics.median(per_round) if per_round else float("nan")


lines = []


def out(text=""):
    print(text)
    lines.append(text)


out(f"machine: {r['cpu'].replace('_', ' ')}, {r['cores']} cores; PHP {r['php']}, "
    f"cURL {r['curl']}, Rust {r['rustc']}; load average {r.get('load_before', '?')} before, "
    f"{r.get('load_after', '?')} after; {len(rounds)} rounds, medians over rounds")
out()
out("| contender | calls/s | p50 µs | p99 µs |")
out("| --- | ---: | ---: | ---: |")
names = [
    ("makecall", "makeCall, PHP CLI"),
    ("curl_fresh", "cURL, fresh handle per call"),
    ("curl_reused", "cURL, one reused handle"),
    ("native", "native limit (async reqwest, calling thread)"),
    ("core", "click2dial-core make_call (no PHP)"),
    ("limits_folder", "makeCall, limits on, in the state folder"),
    ("limits_redis", "makeCall, limits on, in Redis (click2dial.shared_state)"),
    ("c2c_http", "makeCall, clicktocall HTTP interface"),
    ("c2c_xml", "makeCall, clicktocall XML interface (starts a follower)"),
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


fresh = ratio("makecall_rate", "curl_fresh_rate")
goal("makeCall >= 5x fresh-handle cURL throughput",
     f"{fresh:.2f}x{spread('makecall_rate', 'curl_fresh_rate')}", fresh >= 5)
reused = ratio("makecall_rate", "curl_reused_rate")
goal("makeCall >= 1.15x reused-handle cURL throughput",
     f"{reused:.2f}x{spread('makecall_rate', 'curl_reused_rate')}", reused >= 1.15)
goal("makeCall <= 60,000 instructions a call in the PHP process (callgrind)",
     f"{f('makecall_instructions'):,.0f} (reused cURL: {f('curl_reused_instructions'):,.0f})",
     f("makecall_instructions") <= 60_000)
per_call = ratio("native_rate", "makecall_rate")
goal("makeCall per-call time <= 1.25x the native limit's",
     f"{per_call:.2f}x{spread('native_rate', 'makecall_rate')}", per_call <= 1.25)
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
goal("normalizeNumber median <= 3 µs (through PHP)", f"{f('normalize_php_median_us'):.2f} µs",
     f("normalize_php_median_us") <= 3)
goal("findNumbers median <= 5 ms for a 100 KB mail thread (core)",
     f"{f('find_numbers_thread_median_ms'):.2f} ms (dense body: {f('find_numbers_dense_median_ms'):.2f} ms)",
     f("find_numbers_thread_median_ms") <= 5)
users, tabs = int(f("following_users")), int(f("following_tabs"))
for store in ("folder", "redis"):
    if f"following_{store}_pbx_requests_per_s" in r:
        per_user = f(f"following_{store}_pbx_requests_per_s") / users
        goal(f"call progress, {users} users x {tabs} tabs following ({store}): "
             f"<= 1.1 sipXconfig requests a second per user",
             f"{per_user:.2f} per user a second for {f(f'following_{store}_looks_per_s') / users:.2f} looks",
             per_user <= 1.1)
failed = sum(int(f(f"fpm{w}_{p}_failed")) for w in (2, 4) for p in ("makecall", "curl"))
goal("php-fpm: zero failed requests", f"{failed} failed", failed == 0)
# The pools' own CPU a request, the makeCall page's over the cURL page's, within each round.
cpu_shares = {}
for w in (2, 4):
    top, bottom = f"fpm{w}_makecall_cpu_fpm{w}_us", f"fpm{w}_curl_cpu_fpm{w}_us"
    cpu_shares[w] = (ratio(top, bottom), spread(top, bottom))
worst = max(share for share, _ in cpu_shares.values())
goal("php-fpm: a makeCall page <= 1/5 of the worker CPU a request of the cURL page",
     ", ".join(f"{share:.3f}{rounds_} with {w} workers" for w, (share, rounds_) in cpu_shares.items()),
     worst <= 0.2)
limits = ratio("limits_folder_rate", "limits_redis_rate")
goal("limits on: a call with click2dial.shared_state (Redis) <= 1.3x the time of one with the "
     "state folder", f"{limits:.2f}x{spread('limits_folder_rate', 'limits_redis_rate')}",
     limits <= 1.3)

out()
out(f"Also: PHP start-up {f('startup_without_ms'):.2f} ms without, {f('startup_with_ms'):.2f} ms "
    f"with the extension; normalizeNumber {f('normalize_median_us'):.2f} µs median in the core "
    f"alone; directory lookup {f('directory_median_us'):.2f} µs in the core, first load "
    f"{f('directory_load_ms'):.0f} ms ({f('getusernr_load_ms'):.0f} ms as getUsernr's first call).")
out()
out("Where the CPU time of a php-fpm request goes (µs of CPU per request, median over rounds; "
    "busy: all cores during the run; other: busy time none of these account for):")
out()
out("| run | ab | nginx | php-fpm | emulator | sum | all cores busy | other | requests/s per busy core |")
out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for w in (2, 4):
    for p in ("makecall", "curl"):
        n = f"fpm{w}_{p}"
        if f"{n}_cpu_load_us" not in r:
            continue
        parts = [f(f"{n}_cpu_{role}_us") for role in ("load", "nginx", f"fpm{w}", "emulator")]
        out(f"| {w} workers, {p} page | " + " | ".join(f"{v:.0f}" for v in parts)
            + f" | {sum(parts):.0f} | {f(n + '_cpu_busy_pct'):.0f} % | "
            f"{f(n + '_cpu_other_pct'):.0f} % | {per_busy_core(n):.0f} |")
out()
out("Requests a second per busy core: the run's requests a second over the cores the whole machine "
    "kept busy meanwhile (its busy share times its cores), the median over the rounds: "
    + "; ".join(f"{w} workers {per_busy_core(f'fpm{w}_makecall'):.0f} (makeCall page) against "
                f"{per_busy_core(f'fpm{w}_curl'):.0f} (cURL page)" for w in (2, 4)) + ".")
out()
out(f"{sum(goals)} goals passed, {len(goals) - sum(goals)} failed")
with open(report_path, "w") as report:
    report.write("\n".join(lines) + "\n")
sys.exit(0 if all(goals) else 1)
