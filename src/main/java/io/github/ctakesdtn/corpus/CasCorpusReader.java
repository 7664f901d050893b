package io.github.ctakesdtn.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ctakes.typesystem.type.textsem.IdentifiedAnnotation;
import org.apache.uima.UIMAException;
import org.apache.uima.cas.Type;
import org.apache.uima.cas.text.AnnotationFS;
import org.apache.uima.fit.factory.JCasFactory;
import org.apache.uima.fit.util.CasUtil;
import org.apache.uima.jcas.JCas;
import org.apache.uima.util.CasIOUtils;
import org.apache.uima.util.CasLoadMode;
import org.xml.sax.SAXParseException;

/**
 * Reads CAS files in any form {@link CasIOUtils} recognises (XMI, XCAS, UIMA's binary forms),
 * leniently (types this JVM does not know are skipped), into {@link Document}s: cTAKES sentences
 * and tokens, and as mentions the annotations of the selected types (by default every
 * {@code IdentifiedAnnotation}), labelled as {@link MentionLabels} says. Mentions are kept as
 * they are in the CAS: not fitted to tokens, overlaps allowed.
 */
public final class CasCorpusReader implements CorpusFormatReader {
  /** File name endings read from a folder. */
  public static final List<String> EXTENSIONS = List.of(".xmi", ".xcas", ".xml", ".bcas", ".bin");

  private final List<String> mentionTypes;
  private final LabelSelection labels;
  private final JCas jcas;

  /** @param mentionTypes full UIMA names of the mention types; empty means every IdentifiedAnnotation */
  public CasCorpusReader(List<String> mentionTypes) throws UIMAException {
    this(mentionTypes, LabelSelection.all());
  }

  /** @param labels the mention labels kept (and renamed); the others are counted and left out */
  public CasCorpusReader(List<String> mentionTypes, LabelSelection labels) throws UIMAException {
    this.labels = labels;
    this.jcas = JCasFactory.createJCas();
    this.mentionTypes = mentionTypes.isEmpty() ? List.of(IdentifiedAnnotation.class.getName()) : List.copyOf(mentionTypes);
    for (String name : this.mentionTypes) {
      if (jcas.getTypeSystem().getType(name) == null) {
        throw new IllegalArgumentException("unknown mention type '" + name + "' (give a full UIMA type name, e.g. "
            + LabelTypeMapping.TEXTSEM + "DiseaseDisorderMention)");
      }
    }
  }

  @Override
  public void read(Path input, DocumentSink sink, ConversionReport report) throws IOException {
    List<Path> files = casFiles(input);
    DocumentIds.requireUnique(input, files);
    for (Path file : files) {
      String id = DocumentIds.of(input, file);
      try {
        Document document = read(file, id);
        sink.accept(document.withMentions(labels.apply(document.mentions(), report)));
      } catch (CorpusFormatException e) {
        sink.failed(id, e.getMessage(), 0);
      }
    }
  }

  /** The CAS files of a folder (recursively, sorted), or the one file given. */
  public static List<Path> casFiles(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    return TextFiles.listFiles(input, "").stream()
        .filter(f -> EXTENSIONS.stream().anyMatch(f.getFileName().toString()::endsWith))
        .toList();
  }

  public Document read(Path file, String id) throws IOException {
    jcas.reset();
    load(file, jcas);
    String text = jcas.getDocumentText();
    if (text == null) {
      throw new CorpusFormatException(file, "", "the CAS has no document text");
    }
    List<Mention> mentions = new ArrayList<>();
    for (String typeName : mentionTypes) {
      Type type = jcas.getTypeSystem().getType(typeName);
      for (AnnotationFS annotation : CasUtil.select(jcas.getCas(), type)) {
        if (annotation.getEnd() > annotation.getBegin()) {
          mentions.add(new Mention(annotation.getBegin(), annotation.getEnd(), labelOf(annotation)));
        }
      }
    }
    return new Document(id, text, CasDocuments.sentencesOf(jcas), mentions.stream().distinct().toList());
  }

  private static String labelOf(AnnotationFS annotation) {
    return annotation instanceof IdentifiedAnnotation mention
        ? MentionLabels.labelOf(mention)
        : annotation.getType().getShortName();
  }

  /**
   * Loads a CAS file; a malformed file is refused with its name and, for XML, line and column.
   * XML forms are read leniently (unknown types skipped); UIMA refuses lenient mode for binary
   * forms, whose type-system checks are their own.
   */
  public static void load(Path file, JCas jcas) throws CorpusFormatException {
    try (InputStream in = Files.newInputStream(file)) {
      load(in, file.toString(), jcas);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new CorpusFormatException(file, "", "not a readable CAS file (" + rootMessage(e) + ")", e);
    }
  }

  /** {@link #load(Path, JCas)} for a stream from elsewhere (a Hadoop file system); {@code source} names it in errors. */
  public static void load(InputStream stream, String source, JCas jcas) throws CorpusFormatException {
    try (InputStream in = new BufferedInputStream(stream, HEAD)) {
      boolean xml = isXml(in);
      if (xml) {
        requireCasRoot(source, in);
      }
      CasIOUtils.load(in, null, jcas.getCas(), xml ? CasLoadMode.LENIENT : CasLoadMode.DEFAULT);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorpusFormatException(source, placeOf(e), "not a readable CAS file (" + rootMessage(e) + ")", e);
    }
  }

  /** Bytes looked at before loading: enough for an XML declaration, comments and the root tag. */
  private static final int HEAD = 8192;

  private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

  /**
   * Refuses XML that is not a CAS (a {@code config.xml} among the notes) with the root element
   * it found: UIMA's own message for it was "Cannot parse null string".
   */
  private static void requireCasRoot(String source, InputStream in) throws IOException {
    in.mark(HEAD);
    byte[] bytes = in.readNBytes(HEAD);
    in.reset();
    String head = new String(bytes, StandardCharsets.UTF_8)
        .replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", " ");
    Matcher root = ROOT.matcher(head);
    if (!root.find()) {
      return; // no tag in sight: let the parser say what is wrong, with line and column
    }
    String name = root.group(1);
    String local = name.substring(name.indexOf(':') + 1);
    if (!local.equals("XMI") && !name.equals("CAS")) {
      throw new CorpusFormatException(source, "", "not a CAS file: its root element is <" + name
          + ">, not <xmi:XMI> (XMI) or <CAS> (XCAS)", null);
    }
  }

  private static boolean isXml(InputStream in) throws IOException {
    in.mark(64);
    try {
      int c;
      do {
        c = in.read();
      } while (c == 0xEF || c == 0xBB || c == 0xBF || (c >= 0 && Character.isWhitespace(c)));
      return c == '<';
    } finally {
      in.reset();
    }
  }

  private static String placeOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SAXParseException sax) {
        return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber();
      }
    }
    return "";
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }
}
