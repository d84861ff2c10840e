/// The address of a buffer's first element, for kernels that compute offsets from it.
///
/// `baseAddress` is documented as possibly nil for an empty buffer, so forcing it could trap
/// on a zero-size tensor. For an empty buffer these give a non-null, well-aligned address
/// instead, which a loop over no elements never dereferences.
extension UnsafeBufferPointer {
    /// `baseAddress`, or an aligned placeholder when the buffer may have none.
    @inline(__always)
    var start: UnsafePointer<Element> {
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

extension UnsafeMutableBufferPointer {
    /// `baseAddress`, or an aligned placeholder when the buffer may have none.
    @inline(__always)
    var start: UnsafeMutablePointer<Element> {
        baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}
