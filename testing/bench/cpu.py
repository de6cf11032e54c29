"""Runs a load command and says where the machine's CPU time went meanwhile.

    python3 cpu.py NAME ROLE=PID[,PID...] ... -- COMMAND...

Each ROLE is a set of long-lived processes (their threads and child processes count too, e.g. a
php-fpm master with its workers); the command itself (the load tool) is the role "load". Prints
`result NAME_cpu_ROLE_us X`: CPU microseconds per request of each role, where the number of
requests is read from the command's output (ab's "Complete requests"), and
`result NAME_cpu_busy_pct X`: how busy all cores were during the run, and `..._other_pct`: the
share of that which none of the roles account for (other sessions on a shared machine).
"""

import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def tree(pid):
    """The pid and all its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(c) for c in children.read().split())
        except OSError:
            pass
    return found


def cpu_seconds(pids):
    """User plus system time of the processes (all their threads), in seconds."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total / TICK


def machine():
    """(busy, total) jiffies of all cores."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return sum(values) - idle, sum(values)


def main():
    name, args = sys.argv[1], sys.argv[2:]
    split = args.index("--")
    roles = {}
    for spec in args[:split]:
        role, _, pids = spec.partition("=")
        roles[role] = [p for pid in pids.split(",") for p in tree(int(pid))]
    command = args[split + 1:]

    before = {role: cpu_seconds(pids) for role, pids in roles.items()}
    busy0, total0 = machine()
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    busy1, total1 = machine()
    spent = {role: cpu_seconds(pids) - before[role] for role, pids in roles.items()}
    spent["load"] = usage.ru_utime + usage.ru_stime
    sys.stdout.write(output)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(os.waitstatus_to_exitcode(status))

    requests = int(re.search(r"Complete requests:\s*(\d+)", output).group(1))
    busy_pct = 100 * (busy1 - busy0) / max(total1 - total0, 1)
    ours = sum(spent.values())
    cores = os.cpu_count()
    other_pct = max(0.0, busy_pct - 100 * ours / (wall * cores))
    for role, seconds in spent.items():
        print(f"result {name}_cpu_{role}_us {seconds / requests * 1e6:.1f}")
    print(f"result {name}_cpu_busy_pct {busy_pct:.1f}")
    print(f"result {name}_cpu_other_pct {other_pct:.1f}")


main()
