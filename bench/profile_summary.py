#!/usr/bin/env python3
"""Total a Chrome trace written by `i2v-bench pipeline --profile FILE` per op name: calls, total and
self-inclusive milliseconds, share of the run. Nested ops (aten::linear -> aten::addmm) are both
listed, so shares add up to more than 100 %.

    bench/profile_summary.py trace.json [--top 30]
"""
import argparse
import collections
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--top", type=int, default=30)
    a = ap.parse_args()
    with open(a.trace) as f:
        text = f.read().rstrip().rstrip(",")
    events = json.loads(text if text.endswith("]") else text + "]")
    events = [e for e in events if e.get("ph") == "X"]
    total = collections.defaultdict(float)
    calls = collections.Counter()
    for e in events:
        total[e["name"]] += e["dur"]
        calls[e["name"]] += 1
    span = max(e["ts"] + e["dur"] for e in events) - min(e["ts"] for e in events)
    print(f"run: {span / 1000:.1f} ms, {len(events)} op calls")
    print(f"{'op':40} {'calls':>7} {'ms':>9} {'share':>7}")
    for name, us in sorted(total.items(), key=lambda kv: -kv[1])[: a.top]:
        print(f"{name:40} {calls[name]:7d} {us / 1000:9.1f} {100 * us / span:6.1f}%")


if __name__ == "__main__":
    main()
