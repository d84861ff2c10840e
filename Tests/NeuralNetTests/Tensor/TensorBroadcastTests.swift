import Testing

@testable import NeuralNet

@Suite struct TensorBroadcastTests {
    @Test func rowVectorIsAddedToEveryRow() {
        let matrix = Tensor<Double>([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let bias = Tensor<Double>([10, 20, 30])
        #expect((matrix + bias) == Tensor([11, 22, 33, 14, 25, 36], shape: [2, 3]))
        #expect((bias - matrix) == Tensor([9, 18, 27, 6, 15, 24], shape: [2, 3]))
    }

    @Test func columnAndRowMakeATable() {
        // [3, 1] · [1, 4] broadcast to [3, 4]: an outer product, checked by hand.
        let column = Tensor<Double>([1, 2, 3], shape: [3, 1])
        let row = Tensor<Double>([1, 10, 100, 1000], shape: [1, 4])
        let table = column * row
        #expect(table.shape == [3, 4])
        for i in 0..<3 {
            for j in 0..<4 {
                #expect(table.scalars[i * 4 + j] == column.scalars[i] * row.scalars[j])
            }
        }
    }

    @Test func middleAxisBroadcastsInRankThree() {
        let x = Tensor<Double>((0..<12).map(Double.init), shape: [2, 3, 2])
        let y = Tensor<Double>([100, 200, 300, 400], shape: [2, 1, 2])
        let sum = x + y
        // Element [b, i, j] = x[b, i, j] + y[b, 0, j].
        for b in 0..<2 {
            for i in 0..<3 {
                for j in 0..<2 {
                    let expected = x.scalars[b * 6 + i * 2 + j] + y.scalars[b * 2 + j]
                    #expect(sum.scalars[b * 6 + i * 2 + j] == expected)
                }
            }
        }
    }

    @Test func broadcastedToRepeatsRows() {
        let x = Tensor<Double>([1, 2]).broadcasted(to: [3, 2])
        #expect(x == Tensor([1, 2, 1, 2, 1, 2], shape: [3, 2]))
    }

    @Test func gradientsSumBackToEachOperandsShape() {
        let matrix = Tensor<Double>([1, -2, 3, 0.5, 4, -1], shape: [2, 3])
        let bias = Tensor<Double>([0.3, -0.7, 1.1])
        let column = Tensor<Double>([2, -3], shape: [2, 1])
        // Every binary operation, each operand broadcast in some direction.
        let function: (Tensor<Double>, Tensor<Double>, Tensor<Double>) -> Tensor<Double> = {
            m, b, c in ((m + b) * c - b / (c * c + 1) + m / (b * b + 2)).sum()
        }
        #expect(gradientCheck(at: matrix) { function($0, bias, column) }.passes())
        #expect(gradientCheck(at: bias) { function(matrix, $0, column) }.passes())
        #expect(gradientCheck(at: column) { function(matrix, bias, $0) }.passes())
        // The bias of a plain sum receives the number of rows it was added to.
        #expect(gradient(at: bias) { (matrix + $0).sum() }.scalars == [2, 2, 2])
    }

    @Test func scalarTensorBroadcastsAndReceivesTheTotal() {
        let x = Tensor<Double>([1, 2, 3])
        let slope = gradient(at: Tensor<Double>(scalar: 2)) { s in (x * s).sum() }
        #expect(slope.shape == [])
        #expect(slope.scalar == 6)
    }

    @Test func incompatibleShapesStopWithBothShapes() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            _ = Tensor<Double>.ones(shape: [2, 3]).broadcasted(to: [3, 3])
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "broadcasted(to:): shapes [2, 3] and [3, 3] cannot be broadcast together"))
    }
}
