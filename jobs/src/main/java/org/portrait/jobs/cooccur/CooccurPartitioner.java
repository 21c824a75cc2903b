package org.portrait.jobs.cooccur;

import org.apache.hadoop.io.DoubleWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Partitioner;
import org.portrait.common.glove.PairCountMap;

/**
 * Partition p holds the rows i with i mod partitions == p, so a training task that reads a set of partitions
 * owns their word rows (only it updates them); that makes merging parallel tasks exact for W.
 */
public class CooccurPartitioner extends Partitioner<LongWritable, DoubleWritable> {
  @Override
  public int getPartition(LongWritable key, DoubleWritable value, int partitions) {
    return PairCountMap.row(key.get()) % partitions;
  }
}
