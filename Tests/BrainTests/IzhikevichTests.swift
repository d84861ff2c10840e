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
}
