package org.portrait.oozie;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.FileInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.hadoop.util.Tool;
import org.junit.Test;
import org.portrait.jobs.PortraitTool;
import org.portrait.jobs.cli.PortraitMain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Oozie app (two workflows, two coordinators) is valid against Oozie's own schemas, every action follows the
 * house rules (retries from parameters, ok/error, capture-output, one kill node with the failing action's
 * message), every action runs a command of the job jar with options that command has, and every ${...} the app
 * uses is defined.
 */
public class WorkflowTest {
  static final File APP = new File(System.getProperty("portrait.project.dir", ".."), "oozie/app");
  static final List<String> WORKFLOWS = List.of("train-workflow.xml", "daily-workflow.xml");
  static final List<String> COORDINATORS = List.of("train-coordinator.xml", "daily-coordinator.xml");
  static final List<String> APP_FILES = List.of("train-workflow.xml", "daily-workflow.xml", "train-coordinator.xml",
      "daily-coordinator.xml");

  @Test
  public void workflowsAreValidOozieWorkflows() throws Exception {
    for (String wf : WORKFLOWS) {
      schema("oozie-workflow-1.0.xsd", "oozie-common-1.0.xsd").newValidator()
          .validate(new StreamSource(new File(APP, wf)));
    }
  }

  @Test
  public void coordinatorsAreValidOozieCoordinators() throws Exception {
    for (String c : COORDINATORS) {
      schema("oozie-coordinator-0.5.xsd").newValidator().validate(new StreamSource(new File(APP, c)));
    }
  }

  @Test
  public void validationRejectsATypo() throws Exception {
    File broken = File.createTempFile("workflow", ".xml");
    broken.deleteOnExit();
    String xml = Files.readString(new File(APP, "daily-workflow.xml").toPath(), StandardCharsets.UTF_8);
    Files.writeString(broken.toPath(), xml.replaceFirst("<main-class>", "<mainclass>")
        .replaceFirst("</main-class>", "</mainclass>"), StandardCharsets.UTF_8);
    try {
      schema("oozie-workflow-1.0.xsd", "oozie-common-1.0.xsd").newValidator().validate(new StreamSource(broken));
      fail("a misspelt element must not validate");
    } catch (SAXException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("mainclass"));
    }
  }

  @Test
  public void everyActionRetriesReportsAndEndsAtTheOneKillNode() throws Exception {
    for (String wf : WORKFLOWS) {
      Document doc = parse(new File(APP, wf));
      // Two kill nodes: "fail" for an attempt that failed (retried first), "stopped" for a lifecycle action
      // that ended on a user error or a failed gate (its output names the reason; never retried).
      NodeList kills = doc.getElementsByTagName("kill");
      assertEquals(wf, 2, kills.getLength());
      String kill = ((Element) kills.item(0)).getAttribute("name");
      assertEquals(wf, "fail", kill);
      assertTrue(wf, kills.item(0).getTextContent().contains("${wf:errorMessage(wf:lastErrorNode())}"));
      assertEquals(wf, "stopped", ((Element) kills.item(1)).getAttribute("name"));
      String lifecycle = wf.startsWith("train") ? "train" : "daily";
      assertTrue(wf, kills.item(1).getTextContent().contains("${wf:actionData('" + lifecycle + "')['"
          + PortraitMain.STOPPED + "']}"));
      Element outcome = decision(doc, lifecycle + "-outcome");
      assertEquals(wf, lifecycle + "-outcome",
          ((Element) action(doc, lifecycle).getElementsByTagName("ok").item(0)).getAttribute("to"));
      assertEquals(wf, "stopped", ((Element) outcome.getElementsByTagName("case").item(0)).getAttribute("to"));
      assertEquals(wf, "${not empty wf:actionData('" + lifecycle + "')['" + PortraitMain.STOPPED + "']}",
          outcome.getElementsByTagName("case").item(0).getTextContent());
      NodeList actions = doc.getElementsByTagName("action");
      assertTrue(wf, actions.getLength() >= 2);
      for (int i = 0; i < actions.getLength(); i++) {
        Element action = (Element) actions.item(i);
        String name = wf + ":" + action.getAttribute("name");
        assertEquals(name, "${retryMax}", action.getAttribute("retry-max"));
        assertEquals(name, "${retryIntervalMinutes}", action.getAttribute("retry-interval"));
        assertEquals(name, 1, action.getElementsByTagName("ok").getLength());
        assertEquals(name, kill, ((Element) action.getElementsByTagName("error").item(0)).getAttribute("to"));
        assertEquals(name, 1, action.getElementsByTagName("capture-output").getLength());
        // A prepare/delete of a checkpoint or state folder would make a retried attempt start over.
        assertEquals(name, 0, action.getElementsByTagName("prepare").getLength());
      }
    }
  }

  @Test
  public void actionsRunJobJarCommandsWithOptionsTheyHave() throws Exception {
    Map<String, List<String>> train = javaActions("train-workflow.xml");
    Map<String, List<String>> daily = javaActions("daily-workflow.xml");
    assertEquals(List.of("train", "embedding-eval"), new ArrayList<>(train.keySet()));
    assertEquals(List.of("daily", "lookalike", "hive-partitions"), new ArrayList<>(daily.keySet()));
    assertEquals(List.of("train", "--input", "${trainInput}", "--work", "${portraitRoot}", "--dt", "${dt}",
        "--window-days", "${trainWindowDays}"), train.get("train"));
    assertEquals(List.of("daily", "--input", "${inputPath}", "--work", "${portraitRoot}", "--dt", "${dt}"),
        daily.get("daily"));
    for (Map<String, List<String>> wf : List.of(train, daily)) {
      for (List<String> args : wf.values()) {
        Tool tool = PortraitMain.tool(args.get(0));
        assertNotNull("no command " + args.get(0), tool);
        String usage = ((PortraitTool) tool).usage();
        for (int i = 1; i < args.size(); i += 2) {
          assertTrue(args + ": " + args.get(i) + " is not an option of " + args.get(0),
              args.get(i).startsWith("--") && usage.contains(args.get(i) + " "));
        }
      }
    }
  }

  @Test
  public void onlyTheGloveJobsAreRoutedToTheGpuLabel() throws Exception {
    for (String wf : WORKFLOWS) {
      String xml = Files.readString(new File(APP, wf).toPath(), StandardCharsets.UTF_8);
      // Set on an action, the job-wide key would label every job of the train run (and cannot label the launcher).
      assertFalse(wf, xml.contains("mapreduce.job.node-label-expression"));
    }
    Map<String, String> conf = actionConfiguration(parse(new File(APP, "train-workflow.xml")), "train");
    assertEquals("${gpuNodeLabel}", conf.get("portrait.glove.node-label"));
    assertEquals("${gpuQueueName}", conf.get("portrait.glove.queue"));
    assertEquals("gpu", configDefault().get("gpuNodeLabel"));
  }

  @Test
  public void embeddingEvalIsSkippedWithoutEvalSetsAndHivePartitionsComeLast() throws Exception {
    Document train = parse(new File(APP, "train-workflow.xml"));
    Element decision = decision(train, "has-eval-sets");
    assertEquals("embedding-eval", ((Element) decision.getElementsByTagName("case").item(0)).getAttribute("to"));
    assertEquals("${not empty wf:conf('evalDir')}", decision.getElementsByTagName("case").item(0).getTextContent());
    assertEquals("end", ((Element) decision.getElementsByTagName("default").item(0)).getAttribute("to"));
    assertEquals("", configDefault().get("evalDir"));
    assertEquals(decision.getAttribute("name"), ((Element) decision(train, "train-outcome")
        .getElementsByTagName("default").item(0)).getAttribute("to"));

    Document daily = parse(new File(APP, "daily-workflow.xml"));
    // the optional lookalike action runs only when lookalikeSeeds is set, before the partitions are listed
    assertEquals("has-lookalike-seeds", ((Element) decision(daily, "daily-outcome")
        .getElementsByTagName("default").item(0)).getAttribute("to"));
    Element la = decision(daily, "has-lookalike-seeds");
    assertEquals("${not empty wf:conf('lookalikeSeeds')}", la.getElementsByTagName("case").item(0).getTextContent());
    assertEquals("hive-partitions", ((Element) la.getElementsByTagName("default").item(0)).getAttribute("to"));
    assertEquals("", configDefault().get("lookalikeSeeds"));
    assertEquals("hive-partitions",
        ((Element) action(daily, "lookalike").getElementsByTagName("ok").item(0)).getAttribute("to"));
    assertEquals("end",
        ((Element) action(daily, "hive-partitions").getElementsByTagName("ok").item(0)).getAttribute("to"));
  }

  @Test
  public void everyVariableIsDefinedAndEveryParameterHasAValue() throws Exception {
    Properties job = new Properties();
    try (FileInputStream in = new FileInputStream(new File(APP, "job.properties"))) {
      job.load(in);
    }
    Set<String> defined = new TreeSet<>(configDefault().keySet());
    defined.addAll(job.stringPropertyNames());
    // Set by the coordinator in the workflow it starts; Oozie's own EL constants.
    defined.addAll(List.of("YEAR", "MONTH", "DAY", "trainFrequencyDays", "coordStart", "coordEnd"));
    Pattern el = Pattern.compile("\\$\\{([^}]*)}");
    Pattern name = Pattern.compile("(?<![\\w:'.])([A-Za-z_]\\w*)(?![\\w:(])");
    Set<String> keywords = Set.of("ne", "eq", "and", "or", "not", "true", "false", "empty", "lt", "gt", "le", "ge");
    int checked = 0;
    for (String f : APP_FILES) {
      String xml = Files.readString(new File(APP, f).toPath(), StandardCharsets.UTF_8);
      Matcher m = el.matcher(xml);
      while (m.find()) {
        String expr = m.group(1).replaceAll("'[^']*'", "''");
        Matcher n = name.matcher(expr);
        while (n.find()) {
          if (!keywords.contains(n.group(1))) {
            assertTrue(f + ": ${" + m.group(1) + "} uses " + n.group(1) + ", defined nowhere",
                defined.contains(n.group(1)));
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 30);
    for (String wf : WORKFLOWS) {
      NodeList props = ((Element) parse(new File(APP, wf)).getElementsByTagName("parameters").item(0))
          .getElementsByTagName("name");
      for (int i = 0; i < props.getLength(); i++) {
        String p = props.item(i).getTextContent();
        assertTrue(wf + " parameter " + p + " has no value in config-default.xml or job.properties",
            defined.contains(p));
      }
    }
  }

  @Test
  public void theJobJarClassesRunOnJava17() throws Exception {
    // The launcher and task JVMs run the cluster's Java; the jar must not need a newer one (class version 61).
    URL cls = PortraitMain.class.getResource("PortraitMain.class");
    try (java.io.InputStream in = cls.openStream()) {
      byte[] head = in.readNBytes(8);
      assertEquals(61, ((head[6] & 0xff) << 8) | (head[7] & 0xff));
    }
  }

  /** The name/value pairs of config-default.xml. */
  static Map<String, String> configDefault() throws Exception {
    Document doc = parse(new File(APP, "config-default.xml"));
    Map<String, String> out = new LinkedHashMap<>();
    NodeList props = doc.getElementsByTagName("property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      out.put(p.getElementsByTagName("name").item(0).getTextContent(),
          p.getElementsByTagName("value").item(0).getTextContent());
    }
    return out;
  }

  private static Element action(Document doc, String name) {
    NodeList actions = doc.getElementsByTagName("action");
    for (int i = 0; i < actions.getLength(); i++) {
      if (((Element) actions.item(i)).getAttribute("name").equals(name)) {
        return (Element) actions.item(i);
      }
    }
    throw new AssertionError("no action " + name);
  }

  private static Map<String, String> actionConfiguration(Document doc, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    Element java = (Element) action(doc, name).getElementsByTagName("java").item(0);
    for (Node c = java.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && e.getLocalName().equals("configuration")) {
        NodeList props = e.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
          Element p = (Element) props.item(i);
          out.put(p.getElementsByTagName("name").item(0).getTextContent(),
              p.getElementsByTagName("value").item(0).getTextContent());
        }
      }
    }
    return out;
  }

  /** java actions in document order: name → [command, args...]. */
  static Map<String, List<String>> javaActions(String workflow) throws Exception {
    Document doc = parse(new File(APP, workflow));
    Map<String, List<String>> out = new LinkedHashMap<>();
    NodeList actions = doc.getElementsByTagName("action");
    for (int i = 0; i < actions.getLength(); i++) {
      Element action = (Element) actions.item(i);
      Element java = (Element) action.getElementsByTagName("java").item(0);
      assertEquals("org.portrait.jobs.cli.PortraitMain",
          java.getElementsByTagName("main-class").item(0).getTextContent());
      List<String> args = new ArrayList<>();
      NodeList argNodes = java.getElementsByTagName("arg");
      for (int j = 0; j < argNodes.getLength(); j++) {
        args.add(argNodes.item(j).getTextContent());
      }
      out.put(action.getAttribute("name"), args);
    }
    return out;
  }

  static Document parse(File f) throws Exception {
    DocumentBuilderFactory f2 = DocumentBuilderFactory.newInstance();
    f2.setNamespaceAware(true);
    return f2.newDocumentBuilder().parse(f);
  }

  /** Oozie's XSDs from the root of oozie-client's jar, each with its system id so imports resolve. */
  private static Schema schema(String... xsds) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Source[] sources = new Source[xsds.length];
    for (int i = 0; i < xsds.length; i++) {
      URL url = WorkflowTest.class.getClassLoader().getResource(xsds[i]);
      assertNotNull(xsds[i] + " not on the classpath (oozie-client)", url);
      sources[i] = new StreamSource(url.openStream(), url.toExternalForm());
    }
    return factory.newSchema(sources);
  }

  static Element decision(Document doc, String name) {
    NodeList all = doc.getElementsByTagName("decision");
    for (int i = 0; i < all.getLength(); i++) {
      if (((Element) all.item(i)).getAttribute("name").equals(name)) {
        return (Element) all.item(i);
      }
    }
    throw new AssertionError("no decision " + name);
  }
}
