import Foundation
import Testing

@testable import NeuralNet

@Suite struct ParameterArchiveTests {
    private func model<Scalar: TensorScalar>(_: Scalar.Type, seed: UInt64) -> Sequential<Scalar> {
        var generator = SeededGenerator(seed: seed)
        return Sequential<Scalar>(
            Conv2D(inputChannels: 1, filters: 2, kernelSize: (3, 3), using: &generator),
            Flatten(), Dense(inputSize: 8, outputSize: 3, using: &generator))
    }

    @Test func saveThenLoadIsBitExact() throws {
        let original = model(Float.self, seed: 1)
        var restored = model(Float.self, seed: 2)
        #expect(restored.parameters != original.parameters)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("layers-\(ProcessInfo.processInfo.processIdentifier).nnparams")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try original.saveParameters(to: path)
        try restored.loadParameters(from: path)
        for (a, b) in zip(original.parameters, restored.parameters) {
            #expect(a.shape == b.shape)
            #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
        }
    }

    @Test func specialValuesSurviveExactly() throws {
        let values: [Double] = [
            -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
            Double(nan: 0x1234, signaling: false), 0.1,
        ]
        let tensors = try ParameterArchive.decode(
            ParameterArchive.encode([Tensor(values, shape: [7, 1]), Tensor(scalar: 3)]),
            as: Double.self)
        #expect(tensors[0].scalars.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(tensors[0].shape == [7, 1] && tensors[1].shape == [] && tensors[1].scalar == 3)
    }

    @Test func headerFollowsTheDocumentedLayout() {
        let bytes = ParameterArchive.encode([Tensor<Float>([1.5], shape: [1, 1])])
        #expect(Array(bytes[0..<8]) == Array("NNPARAMS".utf8))
        #expect(Array(bytes[8..<20]) == [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])  // v1, Float32, 1
        #expect(Array(bytes[20..<24]) == [2, 0, 0, 0])  // rank 2
        #expect(Array(bytes[24..<40]) == [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[40...]) == [0x00, 0x00, 0xC0, 0x3F])  // 1.5 as binary32
    }

    @Test func mismatchedArchivesFailNamingTheDifference() {
        var target = model(Float.self, seed: 3)
        let before = target.parameters
        func failure(_ bytes: [UInt8]) -> ParameterArchiveError? {
            do {
                try target.loadParameters(fromArchive: bytes)
                return nil
            } catch {
                return error
            }
        }
        let good = model(Float.self, seed: 4).archivedParameters()
        var wrongVersion = good
        wrongVersion[8] = 2
        #expect(failure(wrongVersion) == .unsupportedVersion(found: 2, supported: 1))
        #expect(failure(Array("NOTPARAM".utf8) + good[8...]) == .notAnArchive)
        #expect(
            failure(model(Double.self, seed: 4).archivedParameters())
                == .scalarTypeMismatch(file: "Float64", model: "Float32"))
        var generator = SeededGenerator(seed: 5)
        let wider = Sequential<Float>(
            Conv2D(inputChannels: 1, filters: 2, kernelSize: (3, 3), using: &generator),
            Flatten(), Dense(inputSize: 8, outputSize: 4, using: &generator))
        #expect(
            failure(wider.archivedParameters())
                == .shapeMismatch(index: 2, file: [8, 4], model: [8, 3]))
        let fewer = ParameterArchive.encode(Array(before.prefix(3)))
        #expect(failure(fewer) == .parameterCountMismatch(file: 3, model: 4))
        #expect(
            failure(Array(good.dropLast(2)))
                == .truncated(needed: good.count, available: good.count - 2))
        #expect(failure(good + [0]) == .trailingBytes(count: 1))
        #expect(target.parameters == before)
        #expect(
            ParameterArchiveError.shapeMismatch(index: 2, file: [8, 4], model: [8, 3]).description
                == "parameter 2 has shape [8, 4] in the archive but [8, 3] in the model")
        #expect(
            ParameterArchiveError.unsupportedVersion(found: 2, supported: 1).description
                == "parameter archive version 2 is not supported; this library reads version 1")
    }

    @Test func corruptShapesFailWithoutAllocating() {
        var bytes = ParameterArchive.encode([Tensor<Float>([1], shape: [1])])
        for index in 24..<32 { bytes[index] = 0xFF }  // a dimension of 2⁶⁴ - 1
        #expect(throws: ParameterArchiveError.self) {
            try ParameterArchive.decode(bytes, as: Float.self)
        }
    }

    @Test func missingFileNamesThePath() {
        var target = model(Float.self, seed: 6)
        #expect(throws: ParameterArchiveError.self) {
            try target.loadParameters(from: "/nonexistent/weights.nnparams")
        }
        do {
            try target.loadParameters(from: "/nonexistent/weights.nnparams")
        } catch {
            #expect(error.description.hasPrefix("cannot access /nonexistent/weights.nnparams"))
        }
    }
}
