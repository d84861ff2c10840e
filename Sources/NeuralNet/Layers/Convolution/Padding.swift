/// How a convolution or pooling window treats the border of its input.
public enum Padding: Sendable, Equatable {
    /// No padding: the window only visits positions where it fits entirely, so the output
    /// size is `⌊(n - k) / s⌋ + 1`.
    case valid
    /// Zero padding so that the output size is `⌈n / s⌉`, as TensorFlow defines it: the total
    /// padding `max((⌈n/s⌉ - 1)·s + k - n, 0)` is split with the odd unit at the bottom and
    /// right. For stride 1 the output has the input's size.
    case same
}
