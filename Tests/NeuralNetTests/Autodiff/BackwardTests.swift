import Testing

@testable import NeuralNet

@Suite struct BackwardTests {
    /// The example from the documentation, with σ'(x) = σ(x)(1 - σ(x)) worked out separately.
    @Test func sigmoidSumExample() {
        let x = Tensor<Double>([-2, -1, 0, 1, 2], requiresGradient: true)
        let y = sigmoid(x).sum()
        y.backward()
        let expected = x.scalars.map { v in
            let s = 1 / (1 + Double.exp(-v))
            return s * (1 - s)
        }
        expectClose(x.gradient!.scalars, expected)
        #expect(x.gradient!.description == "[0.1050, 0.1966, 0.2500, 0.1966, 0.1050]")
    }

    @Test func gradientsAccumulateAcrossBackwardCalls() {
        let x = Tensor<Double>([1, 2, 3], requiresGradient: true)
        let y = (x * x).sum()
        y.backward()
        #expect(x.gradient!.scalars == [2, 4, 6])
        y.backward()
        #expect(x.gradient!.scalars == [4, 8, 12])
        // A second graph over the same leaf adds to it as well.
        (x * 10).sum().backward()
        #expect(x.gradient!.scalars == [14, 18, 22])
    }

    @Test func clearGradientForgets() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        (x * x).sum().backward()
        x.clearGradient()
        #expect(x.gradient == nil)
        (x * x).sum().backward()
        #expect(x.gradient!.scalars == [2, 4])
    }

    /// x·x + x uses x three times; its derivative is 2x + 1.
    @Test func sharedSubexpressionsSumTheirContributions() {
        let x = Tensor<Double>([-1.5, 0, 2], requiresGradient: true)
        (x * x + x).sum().backward()
        #expect(x.gradient!.scalars == [-2, 1, 5])
    }

    /// A diamond: y = a·b feeds both branches of z = y·a + exp(y).
    @Test func diamondGraphMatchesFiniteDifferences() {
        let b = Tensor<Double>([0.5, -0.25])
        let f: (Tensor<Double>) -> Tensor<Double> = { a in
            let y = a * b
            return (y * a + exp(y)).sum()
        }
        let check = gradientCheck(at: Tensor([1.2, -0.7]), in: f)
        #expect(check.passes())
        // Closed form: dz/da = 2ab + b·e^(ab).
        let closedForm = zip([1.2, -0.7], b.scalars).map { a, b in 2 * a * b + b * Double.exp(a * b)
        }
        expectClose(check.automatic.scalars, closedForm)
    }

    @Test func intermediateResultsHoldTheirGradients() {
        let a = Tensor<Double>([2, 3], requiresGradient: true)
        let b = Tensor<Double>([4, 5], requiresGradient: true)
        let product = a * b
        let loss = (product * 3).sum()
        loss.backward()
        #expect(product.gradient!.scalars == [3, 3])
        #expect(a.gradient!.scalars == [12, 15])
        #expect(b.gradient!.scalars == [6, 9])
        #expect(loss.gradient!.scalars == [1])
    }

    @Test func constantsGetNoGradient() {
        let weight = Tensor<Double>([2, 3], requiresGradient: true)
        let input = Tensor<Double>([4, 5])
        (weight * input).sum().backward()
        #expect(weight.gradient!.scalars == [4, 5])
        #expect(input.gradient == nil)
        #expect(!input.requiresGradient)
    }

    @Test func backwardOnAScalarShapedOne() {
        let x = Tensor<Double>([3], requiresGradient: true)
        let y = x * x
        y.backward()
        #expect(x.gradient!.shape == [1])
        #expect(x.gradient!.scalars == [6])
    }

    @Test func gradientsAreConstants() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        (x * x).sum().backward()
        #expect(!x.gradient!.requiresGradient)
    }

    @Test func detachedAndRequiringGradientCutTheGraph() {
        let x = Tensor<Double>([1, 2], requiresGradient: true)
        let y = x * 3
        #expect(!y.detached().requiresGradient)
        #expect(y.detached().scalars == [3, 6])
        let leaf = y.requiringGradient()
        (leaf * leaf).sum().backward()
        #expect(leaf.gradient!.scalars == [6, 12])
        #expect(x.gradient == nil)
    }

    /// A training step in the documented style moves the weight downhill.
    @Test func gradientDescentStepLowersTheLoss() {
        let target = Tensor<Double>([1, -2])
        var weight = Tensor<Double>([0, 0], requiresGradient: true)
        func loss(_ weight: Tensor<Double>) -> Tensor<Double> { pow(weight - target, 2).sum() }
        let before = loss(weight)
        before.backward()
        weight = (weight - 0.25 * weight.gradient!).requiringGradient()
        #expect(weight.scalars == [0.5, -1])
        #expect(loss(weight).scalar < before.scalar)
        #expect(weight.gradient == nil)
    }

    /// The sort keeps its own stack, so a long chain cannot overflow the call stack.
    @Test func longChainsWork() {
        let x = Tensor<Double>([1], requiresGradient: true)
        var y = x
        for _ in 0..<5000 {
            y = y * 1.0001
        }
        y.sum().backward()
        expectClose(x.gradient!.scalars, [Double.pow(1.0001, 5000)], tolerance: 1e-9)
    }

    @Test func nonScalarBackwardStops() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            Tensor<Double>([1, 2], requiresGradient: true).backward()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("backward(): needs a tensor holding one scalar"))
        #expect(message.contains("shape [2]"))
    }

    @Test func backwardOnAConstantStops() async {
        let result = await #expect(
            processExitsWith: .failure, observing: [\.standardErrorContent]
        ) {
            Tensor<Double>([1, 2]).sum().backward()
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("does not depend on any tensor made with requiresGradient"))
    }

    @Test func tensorsCanCrossIntoTasks() async {
        let x = Tensor<Double>([1, 2, 3], requiresGradient: true)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { (x * x).sum().backward() }
            }
        }
        #expect(x.gradient!.scalars == [16, 32, 48])
    }
}
