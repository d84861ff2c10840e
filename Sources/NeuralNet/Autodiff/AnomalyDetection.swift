import Foundation

/// Opt-in detection of NaN and infinity during training, like PyTorch's `detect_anomaly`:
/// the first operation that turns finite values into NaN or ±∞ — in the forward pass or in its
/// derivative rule during `backward()` — stops the program with a message naming it.
///
/// ```swift
/// AnomalyDetection.run {
///     let loss = model.loss(batch)   // stops here if, say, `log` meets a 0
///     loss.backward()
/// }
/// ```
///
/// It is off by default (it reads every result); turn it on for a scope with ``run(_:)``, or
/// for a whole program with the environment variable `NEURALNET_DETECT_ANOMALIES=1`.
public enum AnomalyDetection {
    /// Whether checks are on here: scoped by ``run(_:)``, a task-local value, not global state.
    @TaskLocal public static var isEnabled: Bool =
        ProcessInfo.processInfo.environment["NEURALNET_DETECT_ANOMALIES"] == "1"

    /// Runs `body` with anomaly detection on, for every operation it records and for the
    /// derivative rules of those operations whenever they run.
    public static func run<Result>(_ body: () -> Result) -> Result {
        $isEnabled.withValue(true, operation: body)
    }

    /// Stops if `result` holds NaN or ±∞ although every input is finite.
    static func check<Scalar: TensorScalar>(
        _ operation: String, phase: String, inputs: [Tensor<Scalar>], result: Tensor<Scalar>
    ) {
        guard let bad = result.scalars.firstIndex(where: { !$0.isFinite }) else { return }
        guard inputs.allSatisfy({ $0.scalars.allSatisfy(\.isFinite) }) else { return }
        let value = result.scalars[bad]
        fatalError(
            "anomaly detection: \(operation) \(phase) produced \(value.isNaN ? "NaN" : "\(value)") "
                + "at element \(bad) of shape \(result.shape) from finite inputs of shapes "
                + "\(inputs.map(\.shape))")
    }
}
