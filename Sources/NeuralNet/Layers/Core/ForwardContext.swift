/// Whether a forward pass trains or infers, and the seeded generator training draws from.
///
/// Passed `inout` through ``Layer/callAsFunction(_:context:)``, so the generator advances from
/// one layer and one step to the next, and a seed fixes every dropout mask of a training run.
/// There is no global "learning phase": the caller says which pass this is.
public struct ForwardContext: Sendable {
    /// Whether layers should behave as in training (``Dropout`` drops units).
    public var isTraining: Bool
    /// Where training-time randomness comes from.
    public var generator: SeededGenerator

    /// A context for a training pass (`isTraining` true) or an inference pass.
    public init(isTraining: Bool, seed: UInt64 = 0) {
        self.isTraining = isTraining
        self.generator = SeededGenerator(seed: seed)
    }

    /// A context for inference: no unit is dropped.
    public static var inference: ForwardContext { ForwardContext(isTraining: false) }

    /// A context for training whose randomness is fixed by `seed`.
    public static func training(seed: UInt64) -> ForwardContext {
        ForwardContext(isTraining: true, seed: seed)
    }
}
