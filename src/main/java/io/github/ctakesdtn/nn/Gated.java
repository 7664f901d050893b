package io.github.ctakesdtn.nn;

/**
 * DTN's mix of a shared and a task's private copy of a parameter group: both run, and a
 * {@link GateLayer} mixes their outputs row by row. One wrapper per kind of group, each with its
 * training and its tagging form.
 */
public final class Gated {
  private Gated() {}

  /** The C group gated. */
  public static CharLayer chars(CharLayer shared, CharLayer own, GateLayer gate) {
    record GatedTrace(CharLayer.Trace shared, CharLayer.Trace own, GateLayer.Trace gate) implements CharLayer.Trace {
      @Override
      public float[] features() {
        return gate.output();
      }
    }
    return new CharLayer() {
      @Override
      public int size() {
        return own.size();
      }

      @Override
      public CharLayer.Trace forward(int[] chars, int n) {
        CharLayer.Trace s = shared.forward(chars, n);
        CharLayer.Trace p = own.forward(chars, n);
        return new GatedTrace(s, p, gate.forward(s.features(), p.features()));
      }

      @Override
      public void backward(CharLayer.Trace trace, float[] dFeatures, Gradients grads) {
        GatedTrace t = (GatedTrace) trace;
        float[] dShared = new float[size()];
        float[] dOwn = new float[size()];
        gate.backward(t.gate, dFeatures, dShared, dOwn, grads);
        shared.backward(t.shared, dShared, grads);
        own.backward(t.own, dOwn, grads);
      }

      @Override
      public void refresh() {
        shared.refresh();
        own.refresh();
        gate.refresh();
      }

      @Override
      public Encoder inference(GateObserver gates) {
        Encoder s = shared.inference(gates);
        Encoder p = own.inference(gates);
        return (chars, n) -> gate.mix(s.encode(chars, n), p.encode(chars, n), gates);
      }
    };
  }

  /** The W group gated, position by position. */
  public static SequenceLayer sequence(SequenceLayer shared, SequenceLayer own, GateLayer gate) {
    record GatedTrace(SequenceLayer.Trace shared, SequenceLayer.Trace own, GateLayer.Trace[] gates, float[][] output)
        implements SequenceLayer.Trace {}
    return new SequenceLayer() {
      @Override
      public int size() {
        return own.size();
      }

      @Override
      public SequenceLayer.Trace forward(float[][] x) {
        SequenceLayer.Trace s = shared.forward(x);
        SequenceLayer.Trace p = own.forward(x);
        GateLayer.Trace[] gates = new GateLayer.Trace[x.length];
        float[][] out = new float[x.length][];
        for (int t = 0; t < x.length; t++) {
          gates[t] = gate.forward(s.output()[t], p.output()[t]);
          out[t] = gates[t].output();
        }
        return new GatedTrace(s, p, gates, out);
      }

      @Override
      public void backward(SequenceLayer.Trace trace, float[][] dh, float[][] dx, Gradients grads) {
        GatedTrace t = (GatedTrace) trace;
        float[][] dShared = new float[dh.length][size()];
        float[][] dOwn = new float[dh.length][size()];
        for (int i = 0; i < dh.length; i++) {
          gate.backward(t.gates[i], dh[i], dShared[i], dOwn[i], grads);
        }
        shared.backward(t.shared, dShared, dx, grads);
        own.backward(t.own, dOwn, dx, grads);
      }

      @Override
      public void refresh() {
        shared.refresh();
        own.refresh();
        gate.refresh();
      }

      @Override
      public Encoder inference(float[][] wordEmbedding, GateObserver gates) {
        Encoder s = shared.inference(wordEmbedding, gates);
        Encoder p = own.inference(wordEmbedding, gates);
        return words -> {
          Projected sp = s.project(words);
          Projected pp = p.project(words);
          return (tokenRows, n) -> {
            float[][] a = sp.run(tokenRows, n);
            float[][] b = pp.run(tokenRows, n);
            float[][] mixed = new float[n][];
            for (int t = 0; t < n; t++) {
              mixed[t] = gate.mix(a[t], b[t], gates);
            }
            return mixed;
          };
        };
      }
    };
  }

  /** The O group gated. */
  public static RowLayer row(RowLayer shared, RowLayer own, GateLayer gate) {
    record GatedTrace(RowLayer.Trace shared, RowLayer.Trace own, GateLayer.Trace gate) implements RowLayer.Trace {
      @Override
      public float[] output() {
        return gate.output();
      }
    }
    return new RowLayer() {
      @Override
      public int size() {
        return own.size();
      }

      @Override
      public RowLayer.Trace forward(float[] x) {
        RowLayer.Trace s = shared.forward(x);
        RowLayer.Trace p = own.forward(x);
        return new GatedTrace(s, p, gate.forward(s.output(), p.output()));
      }

      @Override
      public void backward(RowLayer.Trace trace, float[] dy, float[] dx, Gradients grads) {
        GatedTrace t = (GatedTrace) trace;
        float[] dShared = new float[size()];
        float[] dOwn = new float[size()];
        gate.backward(t.gate, dy, dShared, dOwn, grads);
        shared.backward(t.shared, dShared, dx, grads);
        own.backward(t.own, dOwn, dx, grads);
      }

      @Override
      public void refresh() {
        shared.refresh();
        own.refresh();
        gate.refresh();
      }

      @Override
      public Function inference(GateObserver gates) {
        Function s = shared.inference(gates);
        Function p = own.inference(gates);
        return x -> gate.mix(s.apply(x), p.apply(x), gates);
      }
    };
  }
}
