/// Why parameters could not be read or loaded: each case names what differs.
public enum ParameterArchiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes do not start with the magic `NNPARAMS`.
    case notAnArchive
    /// The file's format version is not one this library reads.
    case unsupportedVersion(found: UInt32, supported: UInt32)
    /// The file holds another scalar type than the model (such as `Float64` for `Float32`).
    case scalarTypeMismatch(file: String, model: String)
    /// The file holds a different number of tensors than the model has parameters.
    case parameterCountMismatch(file: Int, model: Int)
    /// A tensor's shape in the file differs from the model's parameter at that position.
    case shapeMismatch(index: Int, file: [Int], model: [Int])
    /// The bytes end before the header or a tensor does.
    case truncated(needed: Int, available: Int)
    /// Bytes follow the last tensor.
    case trailingBytes(count: Int)
    /// The file could not be read or written.
    case fileError(path: String, reason: String)

    /// A sentence saying what differs.
    public var description: String {
        switch self {
        case .notAnArchive:
            return "not a parameter archive: the first 8 bytes are not \"NNPARAMS\""
        case .unsupportedVersion(let found, let supported):
            return "parameter archive version \(found) is not supported; this library reads "
                + "version \(supported)"
        case .scalarTypeMismatch(let file, let model):
            return "the archive holds \(file) scalars but the model's parameters are \(model)"
        case .parameterCountMismatch(let file, let model):
            return "the archive holds \(file) tensors but the model has \(model) parameters"
        case .shapeMismatch(let index, let file, let model):
            return "parameter \(index) has shape \(file) in the archive but \(model) in the model"
        case .truncated(let needed, let available):
            return "the archive ends after \(available) bytes; at least \(needed) are needed"
        case .trailingBytes(let count):
            return "the archive has \(count) unexpected bytes after its last tensor"
        case .fileError(let path, let reason):
            return "cannot access \(path): \(reason)"
        }
    }
}
