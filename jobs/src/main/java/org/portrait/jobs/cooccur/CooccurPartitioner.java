package org.portrait.jobs.cooccur;

import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapreduce.Partitioner;

/**
 * Partition p holds the rows i with i mod partitions == p, so a training task that reads a set of partitions
 * owns their word rows (only it updates them); that makes merging parallel tasks exact for W.
 */
public class CooccurPartitioner extends Partitioner<IntWritable, BytesWritable> {
  @Override
  public int getPartition(IntWritable row, BytesWritable stripe, int partitions) {
    return row.get() % partitions;
  }
}
