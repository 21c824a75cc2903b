package org.portrait.common.io;

import java.io.IOException;

/**
 * Called before every file-system step of an install or a publish, with the step's name; a test makes it throw
 * at one chosen step to prove that a failure there leaves a consistent state. Production code uses {@link #NONE}.
 */
@FunctionalInterface
public interface FaultInjector {
  FaultInjector NONE = step -> { };

  /** Throws to simulate a crash or an I/O failure just before {@code step}. */
  void before(String step) throws IOException;
}
