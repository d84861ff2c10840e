import Foundation
import Testing

@testable import NeuralNet

@Suite struct MemoryPolicyTests {
    @Test func theFirstTensorAsksGlibcToKeepFreedMemory() {
        _ = Tensor<Float>.zeros(shape: [2])
        #if canImport(Glibc)
            #expect(MemoryPolicy.applied)
        #else
            #expect(!MemoryPolicy.applied)
        #endif
    }

    @Test func theEnvironmentCanKeepGlibcsDefaults() async {
        await #expect(processExitsWith: .success) {
            setenv("NEURALNET_SYSTEM_MALLOC", "1", 1)
            _ = Tensor<Float>.zeros(shape: [2])
            exit(MemoryPolicy.applied ? 1 : 0)
        }
    }
}
