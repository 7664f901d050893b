package io.github.ctakesdtn.spark;

import java.io.Serializable;

/**
 * One note for an executor: where it is (a Hadoop path or URI, whose ending says text or CAS), its
 * document id (its path under the input folder without the extension, as {@code annotate} names
 * it), and whether its XMI already exists (then its mentions are read back from that XMI instead).
 */
record NoteTask(String source, String documentId, boolean done) implements Serializable {}
