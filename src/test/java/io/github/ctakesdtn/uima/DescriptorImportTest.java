package io.github.ctakesdtn.uima;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.uima.UIMAFramework;
import org.apache.uima.analysis_engine.AnalysisEngineDescription;
import org.apache.uima.resource.ResourceManager;
import org.apache.uima.resource.ResourceSpecifier;
import org.apache.uima.resource.metadata.impl.Import_impl;
import org.apache.uima.util.XMLInputSource;
import org.junit.Test;

/**
 * The descriptors of desc/analysis_engine are packaged as classpath resources, so a UIMA user
 * imports them by name, as the README shows; this holds that name to the packaged files.
 */
public class DescriptorImportTest {
  static final String PACKAGE = "io.github.ctakesdtn.desc.";

  @Test
  public void theAnnotatorDescriptorResolvesByNameFromTheClasspath() throws Exception {
    Import_impl byName = new Import_impl();
    byName.setName(PACKAGE + "DtnNerAnnotator");
    URL url = byName.findAbsoluteUrl(UIMAFramework.newDefaultResourceManager());
    assertNotNull(url);
    AnalysisEngineDescription annotator =
        UIMAFramework.getXMLParser().parseAnalysisEngineDescription(new XMLInputSource(url));
    assertEquals(DtnNerAnnotator.class.getName(), annotator.getAnnotatorImplementationName());
    ResourceManager resources = UIMAFramework.newDefaultResourceManager();
    annotator.getAnalysisEngineMetaData().resolveImports(resources);
    assertNotNull("the cTAKES type system import resolves",
        annotator.getAnalysisEngineMetaData().getTypeSystem().getType(
            "org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation"));
  }

  @Test
  public void anAggregateImportingTheAggregateByNameReachesEveryDelegate() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<analysisEngineDescription xmlns=\"http://uima.apache.org/resourceSpecifier\">\n"
        + "  <frameworkImplementation>org.apache.uima.java</frameworkImplementation>\n"
        + "  <primitive>false</primitive>\n"
        + "  <delegateAnalysisEngineSpecifiers>\n"
        + "    <delegateAnalysisEngine key=\"ner\"><import name=\"" + PACKAGE + "DtnNerAggregate\"/></delegateAnalysisEngine>\n"
        + "  </delegateAnalysisEngineSpecifiers>\n"
        + "  <analysisEngineMetaData><name>UserPipeline</name></analysisEngineMetaData>\n"
        + "</analysisEngineDescription>\n";
    AnalysisEngineDescription user = UIMAFramework.getXMLParser().parseAnalysisEngineDescription(
        new XMLInputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null));
    Map<String, ResourceSpecifier> delegates = user.getDelegateAnalysisEngineSpecifiers();
    AnalysisEngineDescription aggregate = (AnalysisEngineDescription) delegates.get("ner");
    Map<String, ResourceSpecifier> inner = aggregate.getDelegateAnalysisEngineSpecifiers();
    assertEquals(Set.of("SimpleSegmentAnnotator", "SentenceDetector", "TokenizerAnnotatorPTB", "DtnNerAnnotator"),
        inner.keySet());
    assertEquals(DtnNerAnnotator.class.getName(),
        ((AnalysisEngineDescription) inner.get("DtnNerAnnotator")).getAnnotatorImplementationName());
  }
}
