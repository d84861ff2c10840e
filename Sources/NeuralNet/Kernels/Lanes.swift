/// Eight scalars at once, or one: the step of an element-wise loop in the fused recurrent
/// kernels.
///
/// A loop body written once over `Lanes` runs on `SIMD8` for most of a row and on ``Lane`` for
/// the scalars left over. Either way each element gets the same multiplies, adds and subtracts
/// in the same order (Swift does not fuse them), so the results are the bits a plain scalar
/// loop gives, whatever the vector width of the build.
protocol Lanes {
    associatedtype Element: TensorScalar
    /// How many scalars one value holds.
    static var laneCount: Int { get }
    init(repeating value: Element)
    /// `laneCount` scalars from `pointer`, which need not be aligned.
    init(loading pointer: UnsafePointer<Element>)
    /// Writes the `laneCount` scalars to `pointer`, which need not be aligned.
    func store(to pointer: UnsafeMutablePointer<Element>)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
}

extension Lanes {
    /// Every lane 1.
    @inline(__always)
    static var one: Self { Self(repeating: 1) }

    /// `laneCount` scalars from `pointer`, for a mutable pointer.
    @inline(__always)
    init(loading pointer: UnsafeMutablePointer<Element>) {
        self.init(loading: UnsafePointer(pointer))
    }
}

/// A single scalar as ``Lanes``: the tail of a row whose length is not a multiple of eight.
struct Lane<Element: TensorScalar>: Lanes {
    var value: Element

    static var laneCount: Int { 1 }

    @inline(__always)
    init(repeating value: Element) { self.value = value }

    @inline(__always)
    init(loading pointer: UnsafePointer<Element>) { value = pointer.pointee }

    @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Element>) { pointer.pointee = value }

    @inline(__always)
    static func + (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value + rhs.value) }

    @inline(__always)
    static func - (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value - rhs.value) }

    @inline(__always)
    static func * (lhs: Self, rhs: Self) -> Self { Self(repeating: lhs.value * rhs.value) }
}

extension SIMD8: Lanes where Scalar: TensorScalar {
    typealias Element = Scalar

    static var laneCount: Int { 8 }

    @inline(__always)
    init(loading pointer: UnsafePointer<Scalar>) {
        self = UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Scalar>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
    }
}

/// An element-wise loop body written once over ``Lanes``: `run(_:at:)` handles elements
/// `j ..< j + L.laneCount`, and `run(count:)` calls it eight at a time, then one at a time.
protocol LaneLoop {
    associatedtype Element: TensorScalar
    func run<L: Lanes>(_: L.Type, at j: Int) where L.Element == Element
}

extension LaneLoop {
    /// Elements `0 ..< count`.
    @inline(__always)
    func run(count: Int) {
        let width = SIMD8<Element>.laneCount
        var j = 0
        while j + width <= count {
            run(SIMD8<Element>.self, at: j)
            j += width
        }
        while j < count {
            run(Lane<Element>.self, at: j)
            j += 1
        }
    }
}
