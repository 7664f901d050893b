package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.LinearChainCrf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starts the target's private copies of a {@link io.github.ctakesdtn.model.TransferNetwork} from
 * what the source learned: each {@code target...} vertex takes the weights of the copy the source's
 * path ran through, the {@code shared...} copy where there is one (DTN) and the {@code source...}
 * copy otherwise (a private group of a static scheme). A copy whose shape differs (an output head
 * for other labels) keeps its own initialisation. The gates keep theirs.
 */
final class WarmStart {
  private static final String TARGET = "target";

  private WarmStart() {}

  /** Copies the weights into the target's vertices; returns the names of the vertices it copied into. */
  static List<String> copySourceWeights(ComputationGraph graph) {
    List<String> copied = new ArrayList<>();
    for (GraphVertex vertex : graph.getVertices()) {
      String name = vertex.getVertexName();
      if (!name.startsWith(TARGET) || !vertex.hasLayer() || vertex.paramTable(false).isEmpty()) {
        continue;
      }
      String rest = name.substring(TARGET.length());
      GraphVertex shared = graph.getVertex("shared" + rest);
      GraphVertex donor = shared != null ? shared : graph.getVertex("source" + rest);
      if (donor != null && sameShapes(donor.paramTable(false), vertex.paramTable(false))) {
        vertex.paramTable(false).forEach((key, values) -> values.assign(donor.paramTable(false).get(key)));
        copied.add(name);
      }
    }
    return copied;
  }

  /** The target CRF starts from the source's when both tag the same labels. */
  static boolean copyCrf(LinearChainCrf source, LinearChainCrf target) {
    if (source == target || !source.tags().labels().equals(target.tags().labels())) {
      return false;
    }
    CrfParameters.set(target, CrfParameters.of(source));
    return true;
  }

  private static boolean sameShapes(Map<String, INDArray> a, Map<String, INDArray> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.keySet().stream().allMatch(key -> Arrays.equals(a.get(key).shape(), b.get(key).shape()));
  }
}
