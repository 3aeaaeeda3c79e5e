# Sums `vitest run --reporter=verbose` per-test durations by file: python3 scripts/vitest-file-times.py OUTPUT.txt
import re, sys, collections
s = collections.Counter(); c = collections.Counter(); fails = collections.Counter()
for line in open(sys.argv[1], encoding="utf8"):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    m = re.match(r"\s*([✓×↓]) (\S+\.test\.ts) > .*?(?: (\d+)ms)?$", line.rstrip())
    if not m: continue
    c[m[2]] += 1
    if m[1] != "✓": fails[m[2]] += 1
    if m[3]: s[m[2]] += int(m[3])
tot = 0
for f, ms in sorted(s.items(), key=lambda x: -x[1]):
    tot += ms
    print(f"{ms/1000:7.1f} s {c[f]:4d} tests {fails[f] or '':3} {f}")
print(f"total test time {tot/1000:.0f} s over {len(c)} files")
