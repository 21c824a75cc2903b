#!/usr/bin/env python3
"""Repeats a make-users reviews.csv N times for ingest benchmarks: copy k gets review ids "<id>-k" and user ids
"<user>-k", so every copy is new data (no duplicates) rather than N times the same users.

usage: scripts/make-nx.py REVIEWS.csv OUT.csv [N=10]
"""
import csv
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    rid, uid = header.index("review_id"), header.index("user_id")
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for k in range(n):
            for r in body:
                r = list(r)
                r[rid] = "%s-%d" % (r[rid], k)
                r[uid] = "%s-%d" % (r[uid], k)
                w.writerow(r)
    print("%s: %d rows x %d = %d rows" % (dst, len(body), n, len(body) * n))


if __name__ == "__main__":
    main()
