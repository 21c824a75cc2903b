package org.portrait.common.config;

/**
 * A mistake of the person running a command (bad option, missing input, bad setting, empty result that a
 * setting explains): printed as one line and exit code 2, never as a stack trace. Anything else that fails is
 * an internal error (exit 1, with its cause). Extends IllegalArgumentException so that callers that already
 * catch that keep working; but only this class, not every IllegalArgumentException (Hadoop's "Wrong FS" is
 * one), counts as a user error.
 */
public class UserError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
