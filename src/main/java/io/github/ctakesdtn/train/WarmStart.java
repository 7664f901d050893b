package io.github.ctakesdtn.train;

import io.github.ctakesdtn.model.LinearChainCrf;
import io.github.ctakesdtn.model.Network;
import io.github.ctakesdtn.model.Routing;
import io.github.ctakesdtn.model.Task;
import io.github.ctakesdtn.nn.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the target's private copies of a transfer network from what the source learned: each
 * group the target has a copy of takes the weights of the copy the source's path ran through, the
 * shared copy where there is one (DTN) and the source's own copy otherwise (a private group of a
 * static scheme). A copy whose shapes differ (an output head for other labels) keeps its own
 * initialisation, and so do the gates.
 */
final class WarmStart {
  private WarmStart() {}

  /** Copies the weights into the target's copies; returns the groups it copied (chars, words, emissions). */
  static List<String> copySourceWeights(Network network) {
    List<String> copied = new ArrayList<>();
    for (Routing.Group group : Routing.Group.values()) {
      Routing.Mode mode = network.routing().mode(group);
      if (mode == Routing.Mode.SHARED) {
        continue;
      }
      List<Param> target = network.copyParams(group, Task.TARGET.copy());
      List<Param> donor = network.copyParams(group,
          mode == Routing.Mode.GATED ? Routing.SHARED_COPY : Task.SOURCE.copy());
      if (sameShapes(donor, target)) {
        for (int i = 0; i < target.size(); i++) {
          float[][] from = donor.get(i).value();
          float[][] to = target.get(i).value();
          for (int r = 0; r < to.length; r++) {
            System.arraycopy(from[r], 0, to[r], 0, to[r].length);
          }
        }
        copied.add(group.label);
      }
    }
    network.refresh();
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

  private static boolean sameShapes(List<Param> a, List<Param> b) {
    if (a.size() != b.size() || a.isEmpty()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).rows() != b.get(i).rows() || a.get(i).columns() != b.get(i).columns()) {
        return false;
      }
    }
    return true;
  }
}
