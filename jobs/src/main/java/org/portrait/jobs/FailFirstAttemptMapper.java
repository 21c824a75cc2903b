package org.portrait.jobs;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * Tests only: proves on a cluster that a task attempt which fails is retried and changes nothing. When
 * {@link #JOB_NAME_PART} names part of a job's name, {@link Jobs#runOrThrow} puts this mapper in front of the job's
 * own: the first attempt of map task 0 throws before reading a record, every other attempt runs the real mapper.
 */
public final class FailFirstAttemptMapper extends Mapper<Object, Object, Object, Object> {
  /** Tests only: part of a job name whose first map attempt must fail. Default: none (never). */
  public static final String JOB_NAME_PART = "portrait.test.fail-first-attempt";
  static final String REAL_MAPPER = "portrait.test.fail-first-attempt.mapper";

  /** Wraps the mapper of {@code job} when the setting names it; a no-op otherwise. */
  static void wrapIfAsked(Job job) throws IOException {
    String part = job.getConfiguration().getTrimmed(JOB_NAME_PART, "");
    if (part.isEmpty() || !job.getJobName().contains(part)) {
      return;
    }
    try {
      job.getConfiguration().setClass(REAL_MAPPER, job.getMapperClass(), Mapper.class);
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    }
    job.setMapperClass(FailFirstAttemptMapper.class);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void run(Context context) throws IOException, InterruptedException {
    if (context.getTaskAttemptID().getTaskID().getId() == 0 && context.getTaskAttemptID().getId() == 0) {
      throw new IOException("the first attempt of map task 0 fails, as " + JOB_NAME_PART + " asks");
    }
    Configuration conf = context.getConfiguration();
    Mapper real = ReflectionUtils.newInstance(conf.getClass(REAL_MAPPER, Mapper.class, Mapper.class), conf);
    real.run(context);
  }
}
