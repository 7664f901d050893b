package io.github.ctakesdtn.model;

import java.util.List;

/**
 * What a transfer model's network is: the sharing scheme it was built with (e.g. {@code dtn},
 * {@code C+W}), the scheme it was trained as ({@code finetune} builds a {@code C+W} network), and
 * the source task's labels, which size the source task's parts of the network.
 */
public record TransferSpec(String graphScheme, String trainedAs, List<String> sourceLabels) {
  public TransferSpec {
    sourceLabels = List.copyOf(sourceLabels);
  }
}
