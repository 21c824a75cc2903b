package org.portrait.common.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The n best (key, score) pairs seen so far, in O(n) memory: what each map task of an exact top-N keeps, and
 * what the single reducer merges. Order: higher score first, ties by key ascending, so the result does not
 * depend on the order the pairs arrive in (nor on the number of splits). Non-finite scores are refused.
 */
public final class TopN {
  /** One scored key. */
  public record Scored(String key, double score) {}

  /** Best first: score descending, then key ascending. */
  public static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::key);

  private final int n;
  // Worst at the head, so it is the one replaced.
  private final PriorityQueue<Scored> heap;

  public TopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    this.n = n;
    this.heap = new PriorityQueue<>(BEST_FIRST.reversed());
  }

  /** Offers a pair; returns whether it is (for now) among the best n. */
  public boolean offer(String key, double score) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, got " + score);
    }
    Scored s = new Scored(key, score);
    if (heap.size() < n) {
      heap.add(s);
      return true;
    }
    if (BEST_FIRST.compare(s, heap.peek()) < 0) {
      heap.poll();
      heap.add(s);
      return true;
    }
    return false;
  }

  public int size() {
    return heap.size();
  }

  /** The kept pairs, best first. */
  public List<Scored> sorted() {
    List<Scored> out = new ArrayList<>(heap);
    out.sort(BEST_FIRST);
    return out;
  }
}
