package org.portrait.oozie;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.hadoop.fs.Path;
import org.junit.Test;
import org.portrait.jobs.pipeline.PipelineDriver;
import org.portrait.jobs.pipeline.PipelineLayout;
import org.portrait.jobs.pipeline.PipelineStage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The Oozie app is valid against Oozie's own schemas and runs exactly the stages the local pipeline runs. */
public class WorkflowTest {
  static final File APP = new File(System.getProperty("portrait.project.dir", ".."), "oozie/app");

  @Test
  public void workflowIsValidOozieWorkflow() throws Exception {
    schema("oozie-workflow-1.0.xsd", "oozie-common-1.0.xsd").newValidator()
        .validate(new StreamSource(new File(APP, "workflow.xml")));
  }

  @Test
  public void coordinatorIsValidOozieCoordinator() throws Exception {
    schema("oozie-coordinator-0.5.xsd").newValidator().validate(new StreamSource(new File(APP, "coordinator.xml")));
  }

  @Test
  public void validationRejectsATypo() throws Exception {
    File broken = File.createTempFile("workflow", ".xml");
    broken.deleteOnExit();
    String xml = new String(java.nio.file.Files.readAllBytes(new File(APP, "workflow.xml").toPath()), "UTF-8");
    java.nio.file.Files.write(broken.toPath(), xml.replaceFirst("<main-class>", "<mainclass>")
        .replaceFirst("</main-class>", "</mainclass>").getBytes("UTF-8"));
    try {
      schema("oozie-workflow-1.0.xsd", "oozie-common-1.0.xsd").newValidator().validate(new StreamSource(broken));
      fail("a misspelt element must not validate");
    } catch (SAXException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("mainclass"));
    }
  }

  @Test
  public void actionsRunThePipelineStagesWithThePipelineArguments() throws Exception {
    Map<String, List<String>> actions = javaActions();
    PipelineLayout layout = new PipelineLayout(new Path("${portraitRoot}"), "${inputPath}", "${truthPath}",
        "${evalDir}", "${thresholdsPath}", "${dt}");
    List<String> expectedOrder = new ArrayList<>();
    for (PipelineStage stage : PipelineDriver.stages()) {
      expectedOrder.add(stage.name());
      List<String> args = actions.get(stage.name());
      assertNotNull("workflow has no action for stage " + stage.name(), args);
      List<String> expected = new ArrayList<>();
      expected.add(stage.command());
      expected.addAll(stage.arguments().apply(layout));
      assertEquals("arguments of action " + stage.name(), expected, args);
    }
    expectedOrder.add("publish");
    assertEquals(expectedOrder, new ArrayList<>(actions.keySet()));
    assertEquals(List.of("publish", "--work", "${portraitRoot}", "--dt", "${dt}", "--stages",
        "ingest,segment,vocab,cooccur,glove-train,profile,segments${truthPath ne '' ? ',metrics' : ''}"),
        actions.get("publish"));
  }

  @Test
  public void onlyTrainingIsRoutedToTheGpuLabel() throws Exception {
    Document doc = parse(new File(APP, "workflow.xml"));
    NodeList actions = doc.getElementsByTagName("action");
    int labelled = 0;
    for (int i = 0; i < actions.getLength(); i++) {
      Element action = (Element) actions.item(i);
      NodeList names = action.getElementsByTagName("name");
      for (int j = 0; j < names.getLength(); j++) {
        if (names.item(j).getTextContent().equals("mapreduce.job.node-label-expression")) {
          assertEquals("glove-train", action.getAttribute("name"));
          Element property = (Element) names.item(j).getParentNode();
          assertEquals("${gpuNodeLabel}", property.getElementsByTagName("value").item(0).getTextContent());
          labelled++;
        }
      }
    }
    assertEquals(1, labelled);
  }

  @Test
  public void everyActionHasOkErrorAndCleansItsOutput() throws Exception {
    Document doc = parse(new File(APP, "workflow.xml"));
    NodeList actions = doc.getElementsByTagName("action");
    for (int i = 0; i < actions.getLength(); i++) {
      Element action = (Element) actions.item(i);
      String name = action.getAttribute("name");
      assertEquals(name, 1, action.getElementsByTagName("ok").getLength());
      assertEquals(name, "fail", ((Element) action.getElementsByTagName("error").item(0)).getAttribute("to"));
      if (!name.equals("publish")) {
        Element delete = (Element) action.getElementsByTagName("delete").item(0);
        assertNotNull(name + " has no prepare/delete", delete);
        assertEquals("${nameNode}${portraitRoot}/staging/dt=${dt}/" + name, delete.getAttribute("path"));
      }
    }
    assertEquals(1, doc.getElementsByTagName("kill").getLength());
  }

  /** java actions in document order: name → [command, args...]. */
  private static Map<String, List<String>> javaActions() throws Exception {
    Document doc = parse(new File(APP, "workflow.xml"));
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
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
}
