package org.portrait.jobs.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.junit.Test;

public class PortraitMainTest {
  @Test
  public void aCommandThatFailsToLoadIsAnErrorNotASkip() throws Exception {
    PortraitMain.COMMANDS.put("broken", "org.portrait.jobs.NoSuchDriver");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(1, PortraitMain.run(new Configuration(), new String[] {"broken", "--help"}));
    } finally {
      System.setErr(old);
      PortraitMain.COMMANDS.remove("broken");
    }
    String msg = err.toString(StandardCharsets.UTF_8);
    assertTrue(msg, msg.contains("command broken cannot be loaded"));
    assertTrue(msg, msg.contains("ClassNotFoundException"));
  }

  @Test
  public void everyListedCommandLoads() {
    for (String command : PortraitMain.COMMANDS.keySet()) {
      assertEquals(command, command, ((org.portrait.jobs.PortraitTool) PortraitMain.tool(command)).command());
    }
  }
}
