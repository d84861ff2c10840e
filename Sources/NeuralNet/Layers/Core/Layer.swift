/// A module that maps one tensor to another: the contract every layer adopts.
///
/// A layer computes its output with `callAsFunction(_:)`. A layer that behaves differently
/// while training (``Dropout``) also implements ``callAsFunction(_:context:)``, which receives
/// whether this is a training pass and the seeded generator its randomness comes from; every
/// other layer gets that method for free, ignoring the context.
///
/// ```swift
/// var generator = SeededGenerator(seed: 1)
/// let layer = Dense<Float>(inputSize: 64, outputSize: 10, using: &generator)
/// let logits = layer(Tensor<Float>.zeros(shape: [32, 64]))  // shape [32, 10]
/// ```
public protocol Layer<Scalar>: Module {
    /// The output for `input`, as at inference time.
    func callAsFunction(_ input: Tensor<Scalar>) -> Tensor<Scalar>
    /// The output for `input` in a forward pass described by `context`.
    func callAsFunction(_ input: Tensor<Scalar>, context: inout ForwardContext) -> Tensor<Scalar>
}

extension Layer {
    /// The inference output: layers without training behaviour ignore the context.
    public func callAsFunction(_ input: Tensor<Scalar>, context: inout ForwardContext)
        -> Tensor<Scalar>
    {
        callAsFunction(input)
    }
}
