/// Broadcasting: repeating a tensor along dimensions to match a larger shape, and its inverse
/// for gradients, summing back down.
extension Tensor {
    /// This tensor repeated to `shape` by NumPy's broadcasting rules.
    ///
    /// `Tensor([1, 2]).broadcasted(to: [3, 2])` has three rows `[1, 2]`. Differentiable: the
    /// gradient is summed over the repeats.
    public func broadcasted(to shape: [Int]) -> Tensor {
        if shape == self.shape { return self }
        return Primitive.broadcast(self, to: shape)
    }

    /// This tensor, the gradient of a broadcast result, summed down to `shape`, the shape of
    /// the operand that was broadcast: over its missing leading dimensions and over every
    /// dimension where it had size 1.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func summed(toShape shape: [Int]) -> Tensor {
        if shape == self.shape { return self }
        let extra = rank - shape.count
        let axes = (0..<rank).filter { axis in
            axis < extra || (shape[axis - extra] == 1 && self.shape[axis] != 1)
        }
        guard requiresGradient else {
            // A gradient in a derivative rule: the same sums, without recording them.
            return ReductionKernel.sum(self, alongAxes: axes).withShape(shape)
        }
        return sum(alongAxes: axes, keepingDimensions: true).reshaped(to: shape)
    }
}
