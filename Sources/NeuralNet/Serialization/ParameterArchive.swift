/// The file format in which a model's parameters are saved: a small header, then every
/// tensor's shape and scalars, all little-endian.
///
/// | Bytes        | Field                                                         |
/// |--------------|---------------------------------------------------------------|
/// | 8            | magic, the ASCII text `NNPARAMS`                              |
/// | 4            | format version, `UInt32`, currently 1                         |
/// | 4            | scalar type, `UInt32`: 1 = IEEE 754 binary32 (`Float`), 2 = binary64 (`Double`) |
/// | 4            | tensor count `N`, `UInt32`                                    |
/// | per tensor   | rank `r` (`UInt32`), `r` dimensions (`UInt64` each), then the product-of-dimensions scalars in row-major order (4 or 8 bytes each) |
///
/// Nothing follows the last tensor. Scalars are stored as their exact bit patterns, so a
/// round trip is bit-exact (NaN payloads, signed zeros and subnormals included). Reading checks
/// every field and throws a ``ParameterArchiveError`` naming the first that differs.
public enum ParameterArchive {
    /// The first eight bytes of every archive: `NNPARAMS`.
    public static let magic: [UInt8] = Array("NNPARAMS".utf8)
    /// The format version this library writes and reads.
    public static let version: UInt32 = 1

    /// The archive of `parameters`.
    public static func encode<Scalar: TensorScalar>(_ parameters: [Tensor<Scalar>]) -> [UInt8] {
        let code = scalarCode(Scalar.self)
        var bytes = magic
        append(version, to: &bytes)
        append(code, to: &bytes)
        append(UInt32(parameters.count), to: &bytes)
        for tensor in parameters {
            append(UInt32(tensor.rank), to: &bytes)
            for dimension in tensor.shape { append(UInt64(dimension), to: &bytes) }
            for scalar in tensor.scalars {
                if code == 1 {
                    append(Float(scalar).bitPattern, to: &bytes)
                } else {
                    append(Double(scalar).bitPattern, to: &bytes)
                }
            }
        }
        return bytes
    }

    /// The tensors an archive holds, read as `Scalar`s.
    public static func decode<Scalar: TensorScalar>(_ bytes: [UInt8], as _: Scalar.Type)
        throws(ParameterArchiveError) -> [Tensor<Scalar>]
    {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw .notAnArchive
        }
        reader.offset = magic.count
        let found: UInt32 = try reader.read()
        guard found == version else { throw .unsupportedVersion(found: found, supported: version) }
        let code: UInt32 = try reader.read()
        let expected = scalarCode(Scalar.self)
        guard code == expected else {
            throw .scalarTypeMismatch(file: scalarName(code), model: scalarName(expected))
        }
        let count: UInt32 = try reader.read()
        var tensors: [Tensor<Scalar>] = []
        for _ in 0..<count {
            let rank: UInt32 = try reader.read()
            var shape: [Int] = []
            for _ in 0..<rank {
                let dimension: UInt64 = try reader.read()
                shape.append(Int(clamping: dimension))
            }
            // A corrupt shape could claim more bytes than exist: check before reserving.
            let width = code == 1 ? 4 : 8
            var byteCount = width
            for dimension in shape {
                let (product, overflow) = byteCount.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw .truncated(needed: Int.max, available: bytes.count) }
                byteCount = product
            }
            try reader.require(byteCount)
            let scalarCount = byteCount / width
            var scalars: [Scalar] = []
            scalars.reserveCapacity(scalarCount)
            for _ in 0..<scalarCount {
                if code == 1 {
                    scalars.append(Scalar(Float(bitPattern: try reader.read())))
                } else {
                    scalars.append(Scalar(Double(bitPattern: try reader.read())))
                }
            }
            tensors.append(Tensor(scalars, shape: shape))
        }
        guard reader.offset == bytes.count else {
            throw .trailingBytes(count: bytes.count - reader.offset)
        }
        return tensors
    }

    /// The scalar-type code of `Scalar`: 1 for 32-bit, 2 for 64-bit floating point.
    static func scalarCode<Scalar: TensorScalar>(_: Scalar.Type) -> UInt32 {
        switch Scalar.significandBitCount {
        case Float.significandBitCount: return 1
        case Double.significandBitCount: return 2
        default:
            fatalError("ParameterArchive: only Float and Double parameters can be saved")
        }
    }

    /// The name of a scalar-type code, for error messages.
    static func scalarName(_ code: UInt32) -> String {
        switch code {
        case 1: return "Float32"
        case 2: return "Float64"
        default: return "unknown scalar type \(code)"
        }
    }

    /// Appends `value` in little-endian byte order.
    private static func append<Integer: FixedWidthInteger>(
        _ value: Integer, to bytes: inout [UInt8]
    ) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads little-endian integers from an array of bytes, checking it does not run out.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    /// Throws unless `count` more bytes remain.
    func require(_ count: Int) throws(ParameterArchiveError) {
        guard count >= 0, bytes.count - offset >= count else {
            throw .truncated(needed: offset + Swift.max(count, 0), available: bytes.count)
        }
    }

    /// The next integer of type `Integer`.
    mutating func read<Integer: FixedWidthInteger>() throws(ParameterArchiveError) -> Integer {
        let size = MemoryLayout<Integer>.size
        try require(size)
        var value: Integer = 0
        for index in 0..<size {
            value |= Integer(bytes[offset + index]) << (8 * index)
        }
        offset += size
        return value
    }
}
