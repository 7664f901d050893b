package io.github.ctakesdtn.uima;

import io.github.ctakesdtn.corpus.CorpusFormatException;
import io.github.ctakesdtn.corpus.TextFiles;
import io.github.ctakesdtn.corpus.XmlChars;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.ctakes.core.cr.AbstractFileTreeReader;
import org.apache.ctakes.core.pipeline.PipeBitInfo;
import org.apache.uima.fit.descriptor.ResourceMetaData;
import org.apache.uima.jcas.JCas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * cTAKES' file-tree reader for plain-text notes, made safe for XMI output: characters XML 1.0
 * forbids (form feeds and other controls, common in clinical exports) become spaces, one for one,
 * so offsets still match the file; each note that held some is logged with the count. Without
 * this, cTAKES' XMI writer fails on such a note and the piper run stops. Notes are read as UTF-8;
 * a note that is not is logged with the first bad byte and read with replacement characters, as
 * cTAKES' own reader would.
 */
@PipeBitInfo(
    name = "ctakes-dtn note reader",
    description = "Reads plain-text notes from a folder tree, replacing characters XML 1.0 forbids by spaces.",
    role = PipeBitInfo.Role.READER,
    products = {PipeBitInfo.TypeProduct.DOCUMENT_ID})
@ResourceMetaData(name = "NoteTreeReader", description = "Plain-text notes, safe for XMI output")
public final class NoteTreeReader extends AbstractFileTreeReader {
  private static final Logger LOGGER = LoggerFactory.getLogger(NoteTreeReader.class);

  @Override
  protected void readFile(JCas jcas, File file) throws IOException {
    String text;
    try {
      text = TextFiles.readUtf8(file.toPath());
    } catch (CorpusFormatException e) {
      LOGGER.warn("{}; read with replacement characters", e.getMessage());
      text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
    }
    text = handleTextEol(handleQuotedDoc(text));
    int forbidden = XmlChars.countForbidden(text);
    if (forbidden > 0) {
      LOGGER.warn("{}: {} characters XML 1.0 forbids (e.g. form feeds) replaced by spaces, offsets kept", file,
          forbidden);
    }
    jcas.setDocumentText(XmlChars.replaceForbidden(text));
  }
}
