/// The times at which a neuron fired, in milliseconds, during a simulation of known length.
public struct SpikeTrain: Sendable, Equatable {
    /// The spike times, in ms, in increasing order.
    public var times: [Double]
    /// How long the simulation ran, in ms.
    public var duration: Double

    /// A train of the given spike times over a simulation of `duration` ms.
    public init(times: [Double], duration: Double) {
        self.times = times
        self.duration = duration
    }

    /// The number of spikes.
    public var count: Int { times.count }

    /// Mean firing rate over the whole simulation, in spikes per second.
    public var rate: Double { duration > 0 ? Double(times.count) * 1000 / duration : 0 }

    /// Intervals between consecutive spikes, in ms.
    public var intervals: [Double] { zip(times.dropFirst(), times).map { $0 - $1 } }
}
