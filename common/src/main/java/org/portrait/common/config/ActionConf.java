package org.portrait.common.config;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Builds the starting {@link Configuration} of a command. Inside an Oozie java action the action's
 * {@code <configuration>} is not in {@code new Configuration()}: Oozie names it by the system property
 * {@value #OOZIE_ACTION_CONF_PROPERTY}, so it is added here explicitly.
 */
public final class ActionConf {
  /** System property Oozie sets to the action's configuration file. */
  public static final String OOZIE_ACTION_CONF_PROPERTY = "oozie.action.conf.xml";
  /** System property Oozie sets to the file a {@code <capture-output/>} action writes properties to. */
  public static final String OOZIE_OUTPUT_PROPERTIES_PROPERTY = "oozie.action.output.properties";

  private ActionConf() {}

  /** A fresh configuration plus the Oozie action configuration when running inside an Oozie action. */
  public static Configuration create() {
    Configuration conf = new Configuration();
    String actionXml = System.getProperty(OOZIE_ACTION_CONF_PROPERTY);
    if (actionXml != null && new File(actionXml).isFile()) {
      conf.addResource(new Path("file://" + new File(actionXml).getAbsolutePath()));
    }
    return conf;
  }
}
