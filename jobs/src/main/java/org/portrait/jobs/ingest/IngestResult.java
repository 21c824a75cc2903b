package org.portrait.jobs.ingest;

import java.util.EnumMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.portrait.common.ingest.RejectReason;
import org.portrait.common.text.PiiKind;

/** What an ingest run did: records read, accepted, rejected by reason, and where the output is. */
public final class IngestResult {
  public final Path output;
  public final long read;
  public final long accepted;
  public final long rejected;
  public final Map<RejectReason, Long> rejectedBy;
  /** Personal data masked, per kind (texts of accepted and rejected records). */
  public final Map<PiiKind, Long> piiMasked;
  public final Map<String, Long> counters;

  IngestResult(Path output, Map<String, Long> counters) {
    this.output = output;
    this.counters = counters;
    this.read = counters.get(IngestCounters.RECORDS_READ.name());
    this.accepted = counters.get(IngestCounters.ACCEPTED.name());
    this.rejected = counters.get(IngestCounters.REJECTED.name());
    this.rejectedBy = new EnumMap<>(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      rejectedBy.put(r, counters.get(IngestCounters.of(r).name()));
    }
    this.piiMasked = new EnumMap<>(PiiKind.class);
    for (PiiKind k : PiiKind.values()) {
      piiMasked.put(k, counters.getOrDefault(IngestCounters.of(k).name(), 0L));
    }
  }

  /** The reconciliation problem, or null when read = accepted + rejected and the reasons add up. */
  String reconciliationError() {
    long byReason = rejectedBy.values().stream().mapToLong(Long::longValue).sum();
    if (read != accepted + rejected) {
      return "records read " + read + " != accepted " + accepted + " + rejected " + rejected;
    }
    if (byReason != rejected) {
      return "rejected " + rejected + " != sum over reasons " + byReason;
    }
    return null;
  }

  /** Multi-line summary for the console. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("ingest: read ").append(read).append(", accepted ").append(accepted).append(", rejected ")
        .append(rejected).append(" -> ").append(output);
    for (Map.Entry<RejectReason, Long> e : rejectedBy.entrySet()) {
      if (e.getValue() > 0) {
        sb.append("\n  rejected ").append(e.getKey()).append(": ").append(e.getValue());
      }
    }
    StringBuilder pii = new StringBuilder();
    for (Map.Entry<PiiKind, Long> e : piiMasked.entrySet()) {
      if (e.getValue() > 0) {
        pii.append(pii.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      }
    }
    if (pii.length() > 0) {
      sb.append("\n  masked PII: ").append(pii);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
