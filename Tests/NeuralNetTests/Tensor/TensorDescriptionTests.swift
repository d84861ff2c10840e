import Testing

@testable import NeuralNet

@Suite struct TensorDescriptionTests {
    @Test func scalarTensorIsABareNumber() {
        #expect(Tensor<Double>(scalar: 0.5).description == "0.5000")
        #expect(Tensor<Double>(scalar: -3).description == "-3.0000")
    }

    @Test func vectorIsOneBracketedRow() {
        // σ(-2), σ(-1), σ(0), σ(1), σ(2) written out by hand to 10 places.
        let x = Tensor<Double>([0.1192029220, 0.2689414214, 0.5, 0.7310585786, 0.8807970780])
        #expect(x.description == "[0.1192, 0.2689, 0.5000, 0.7311, 0.8808]")
        #expect(Tensor<Double>([7]).description == "[7.0000]")
    }

    @Test func negativeZeroPrintsWithoutSign() {
        let x = Tensor<Double>([-0.0, -0.00004, 0.0, -0.0000499])
        #expect(x.description == "[0.0000, 0.0000, 0.0000, 0.0000]")
        // -0.00005 is stored as -0.0000500000000000000024..., beyond the tie: it keeps its sign.
        #expect(Tensor<Double>([-0.00005]).description == "[-0.0001]")
        #expect(Tensor<Double>(scalar: -0.0).description == "0.0000")
        #expect(Tensor<Float>(scalar: -1e-9).description == "0.0000")
    }

    @Test func elementsArePaddedToTheWidestOne() {
        #expect(Tensor<Double>([1, -10]).description == "[  1.0000, -10.0000]")
        #expect(Tensor<Double>([-1, 10]).description == "[-1.0000, 10.0000]")
    }

    @Test func matrixRowsLineUp() {
        let x = Tensor<Double>([1, -0.5, 10, 0.25], shape: [2, 2])
        #expect(
            x.description == """
                [[ 1.0000, -0.5000],
                 [10.0000,  0.2500]]
                """)
    }

    @Test func higherRanksAreBlocksSeparatedByBlankLines() {
        let x = Tensor<Double>([1, 2, 3, 4, 5, 6, 7, 8], shape: [2, 2, 2])
        #expect(
            x.formatted(decimals: 0) == """
                [[[1, 2],
                  [3, 4]],

                 [[5, 6],
                  [7, 8]]]
                """)
    }

    @Test func decimalsCanBeChosen() {
        let x = Tensor<Double>([0.125, 2.0 / 3.0, -1.5])
        #expect(x.formatted(decimals: 2) == "[ 0.12,  0.67, -1.50]")
        #expect(x.formatted(decimals: 0) == "[ 0,  1, -2]")
        #expect(x.formatted(decimals: 6) == "[ 0.125000,  0.666667, -1.500000]")
        #expect(x.formatted() == x.description)
    }

    @Test func floatPrintsItsExactValueRounded() {
        // Float(0.1) is 0.100000001490116..., Float(0.7) is 0.699999988079071...
        #expect(Tensor<Float>([0.1, 0.7]).formatted(decimals: 8) == "[0.10000000, 0.69999999]")
        #expect(Tensor<Float>([0.1, 0.7]).description == "[0.1000, 0.7000]")
    }

    @Test func specialValuesAreWords() {
        let x = Tensor<Double>([.nan, .infinity, -.infinity, 1])
        #expect(x.description == "[   nan,    inf,   -inf, 1.0000]")
    }

    @Test func emptyTensors() {
        #expect(Tensor<Double>([]).description == "[]")
        #expect(Tensor<Double>.zeros(shape: [0, 3]).description == "[]")
        #expect(Tensor<Double>.zeros(shape: [2, 0]).description == "[[],\n []]")
    }

    @Test func printIsTheDescription() {
        var printed = ""
        print(Tensor<Double>([1, 2]), to: &printed)
        #expect(printed == "[1.0000, 2.0000]\n")
    }
}
