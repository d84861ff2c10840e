import Testing

@testable import Brain

@Suite struct IzhikevichTests {
    @Test func regularSpikingAdaptsAndFastSpikingDoesNot() {
        let regular = Izhikevich.regularSpiking.simulate(duration: 500) { _ in 10 }.spikes
        let fast = Izhikevich.fastSpiking.simulate(duration: 500) { _ in 10 }.spikes
        #expect(regular.count > 3)
        #expect(fast.count > 2 * regular.count)
        #expect(regular.intervals.last! > 1.5 * regular.intervals.first!, "\(regular.intervals)")
        // Fast spiking settles within three spikes, then keeps a steady beat (±1 step of 0.1 ms).
        let steady = fast.intervals.dropFirst(3)
        #expect(steady.max()! - steady.min()! <= 0.3 + 1e-9, "\(fast.intervals)")
    }

    @Test func chatteringFiresInBursts() {
        let spikes = Izhikevich.chattering.simulate(duration: 300) { _ in 10 }.spikes
        let intervals = spikes.intervals
        #expect(intervals.contains { $0 < 8 }, "short intervals inside bursts")
        #expect(intervals.contains { $0 > 20 }, "long pauses between bursts")
    }

    @Test func withoutInputItRests() {
        #expect(Izhikevich.regularSpiking.simulate(duration: 200) { _ in 0 }.spikes.count == 0)
    }

    /// The spike's stamp and the threshold comparison are parameters, as for the other models:
    /// a start-of-step stamp is the end-of-step one less a step, an interpolated one lies
    /// inside its step where the line from `v₀` to `v₁` meets 30 mV, and the defaults keep
    /// the model's own rule (`v ≥ 30`, stamped at the step's end).
    @Test func spikeStampAndComparisonAreParameters() {
        let model = Izhikevich.regularSpiking
        let drive: (Double) -> Double = { _ in 10 }
        let dt = 0.1
        let end = model.simulate(duration: 300, step: dt, current: drive)
        let byDefault = model.simulate(
            duration: 300, step: dt, detection: SpikeDetection(), current: drive)
        #expect(byDefault.spikes == end.spikes)
        let start = model.simulate(
            duration: 300, step: dt, detection: SpikeDetection(stamp: .startOfStep),
            current: drive)
        #expect(start.spikes.times.count == end.spikes.times.count)
        #expect(end.spikes.times.count > 3)
        for (early, late) in zip(start.spikes.times, end.spikes.times) {
            #expect(abs(late - early - dt) < 1e-9)
        }
        let interpolated = model.simulate(
            duration: 300, step: dt, detection: SpikeDetection(stamp: .interpolated),
            current: drive)
        for (time, late) in zip(interpolated.spikes.times, end.spikes.times) {
            #expect(time > late - dt && time < late)
        }
    }
}
