package org.portrait.jobs.glove;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The glove-train progress line on stderr: round k of n, loss, updates/s and time left. On a terminal it is
 * one line rewritten in place (carriage return) so a long run does not scroll the screen; when stderr is not
 * a terminal (logs, pipes) every round is a plain line so nothing is lost to a log reader.
 */
final class GloveProgress {
  private final PrintStream out;
  private final boolean inPlace;
  private final int rounds;
  private double secs;
  private long updates;
  private int done;

  GloveProgress(PrintStream out, boolean inPlace, int rounds) {
    this.out = out;
    this.inPlace = inPlace;
    this.rounds = rounds;
  }

  /** On stderr, rewriting in place only when the JVM has a console (stdin and stdout on a terminal). */
  static GloveProgress stderr(int rounds) {
    return new GloveProgress(System.err, System.console() != null, rounds);
  }

  /** Records a finished round and prints the line; the time left is the mean round time so far x rounds left. */
  void round(int round, double loss, long roundUpdates, double roundSecs) {
    done++;
    secs += roundSecs;
    updates += roundUpdates;
    out.print((inPlace ? "\r" : "") + line(round, loss, roundUpdates / Math.max(roundSecs, 1e-9),
        secs / done * (rounds - round)) + (inPlace ? "\u001b[K" : System.lineSeparator()));
    out.flush();
  }

  /** Ends the in-place line so the next output starts on a fresh line. */
  void finish() {
    if (inPlace && done > 0) {
      out.println();
      out.flush();
    }
  }

  String line(int round, double loss, double updatesPerSec, double secsLeft) {
    return String.format(Locale.ROOT, "glove-train: round %d of %d, loss %.6f, %.2f M updates/s, %s left", round,
        rounds, loss, updatesPerSec / 1e6, clock(secsLeft));
  }

  static String clock(double secs) {
    long s = Math.max(0, Math.round(secs));
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
