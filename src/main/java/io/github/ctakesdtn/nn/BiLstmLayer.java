package io.github.ctakesdtn.nn;

/**
 * A BiLSTM for training, as the DL4J graph builds it: a forward LSTM and a reverse-LSTM-reverse,
 * outputs concatenated [forward; backward].
 */
public final class BiLstmLayer implements SequenceLayer {
  private final LstmLayer forward;
  private final LstmLayer backward;

  /** Vertices {@code prefix + "Forward"} and {@code prefix + "BackwardReversed"}. */
  public BiLstmLayer(Params params, String prefix, int in, int hidden) {
    this.forward = new LstmLayer(params, prefix + "Forward", in, hidden);
    this.backward = new LstmLayer(params, prefix + "BackwardReversed", in, hidden);
  }

  @Override
  public int size() {
    return 2 * forward.hidden;
  }

  @Override
  public void refresh() {
    forward.refresh();
    backward.refresh();
  }

  private record BiTrace(LstmLayer.Trace forward, LstmLayer.Trace backward, float[][] output) implements Trace {}

  @Override
  public Trace forward(float[][] x) {
    LstmLayer.Trace f = forward.forward(x, false);
    LstmLayer.Trace b = backward.forward(x, true);
    int h = forward.hidden;
    float[][] out = new float[x.length][2 * h];
    for (int t = 0; t < x.length; t++) {
      System.arraycopy(f.h[t], 0, out[t], 0, h);
      System.arraycopy(b.h[t], 0, out[t], h, h);
    }
    return new BiTrace(f, b, out);
  }

  @Override
  public void backward(Trace trace, float[][] dh, float[][] dx, Gradients grads) {
    BiTrace t = (BiTrace) trace;
    int h = forward.hidden;
    float[][] dForward = new float[dh.length][];
    float[][] dBackward = new float[dh.length][];
    for (int i = 0; i < dh.length; i++) {
      dForward[i] = java.util.Arrays.copyOfRange(dh[i], 0, h);
      dBackward[i] = java.util.Arrays.copyOfRange(dh[i], h, 2 * h);
    }
    forward.backward(t.forward, dForward, dx, grads);
    backward.backward(t.backward, dBackward, dx, grads);
  }
}
