import Foundation

/// Saving and loading a module's parameters in the ``ParameterArchive`` format.
///
/// ```swift
/// try model.saveParameters(to: "digits-mlp.nnparams")
/// var restored = makeModel()  // the same architecture
/// try restored.loadParameters(from: "digits-mlp.nnparams")
/// ```
///
/// Loading never adapts: a file with another version, scalar type, number of tensors or any
/// shape than the model's throws a ``ParameterArchiveError`` that names the difference, and
/// leaves the model unchanged.
extension Module {
    /// The parameters as the bytes of an archive.
    public func archivedParameters() -> [UInt8] {
        ParameterArchive.encode(parameters)
    }

    /// Replaces the parameters with those of an archive whose tensors match them in number and
    /// shape. A parameter that required a gradient still does.
    public mutating func loadParameters(fromArchive bytes: [UInt8]) throws(ParameterArchiveError) {
        let tensors = try ParameterArchive.decode(bytes, as: Scalar.self)
        let current = parameters
        guard tensors.count == current.count else {
            throw .parameterCountMismatch(file: tensors.count, model: current.count)
        }
        for (index, (loaded, parameter)) in zip(tensors, current).enumerated()
        where loaded.shape != parameter.shape {
            throw .shapeMismatch(index: index, file: loaded.shape, model: parameter.shape)
        }
        parameters = zip(current, tensors).map { $0.replaced(by: $1) }
    }

    /// Writes the parameters to the file at `path`, replacing it.
    public func saveParameters(to path: String) throws(ParameterArchiveError) {
        do {
            try Data(archivedParameters()).write(to: URL(fileURLWithPath: path))
        } catch {
            throw .fileError(path: path, reason: "\(error)")
        }
    }

    /// Reads the parameters from the file at `path`; see ``loadParameters(fromArchive:)``.
    public mutating func loadParameters(from path: String) throws(ParameterArchiveError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .fileError(path: path, reason: "\(error)")
        }
        try loadParameters(fromArchive: [UInt8](data))
    }
}
