/// The inverse of max pooling on the positions it chose (PyTorch's `max_unpool2d`): a tensor
/// of `shape`, zero everywhere except `y[indices[k]] = values[k]`.
///
/// `indices` are those of ``MaxPool2D/callAsFunction(returningIndices:)``, flat row-major
/// positions in a tensor of `shape` (usually the pooled input's), one per element of `values`.
/// Where overlapping windows chose the same element, the last one is kept (their values are
/// equal). Differentiable in `values`: `∂L/∂values[k] = ∂L/∂y[indices[k]]`.
///
/// ```swift
/// let pool = MaxPool2D<Float>(poolSize: (2, 2))
/// let (pooled, indices) = pool(returningIndices: images)  // [n, h/2, w/2, c]
/// let restored = maxUnpool(pooled, indices: indices, shape: images.shape)
/// ```
public func maxUnpool<Scalar>(_ values: Tensor<Scalar>, indices: [Int], shape: [Int])
    -> Tensor<Scalar>
{
    Primitive.maxUnpool(values, indices: indices, shape: shape)
}
