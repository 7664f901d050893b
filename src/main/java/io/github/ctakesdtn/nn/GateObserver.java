package io.github.ctakesdtn.nn;

/** Sees the values of a DTN gate as tagging computes them (1 = shared, 0 = private), e.g. to average them. */
public interface GateObserver {
  GateObserver NONE = (group, values) -> {};

  /** @param group the parameter group the gate mixes ({@link GateLayer#group}) */
  void observe(String group, float[] values);
}
