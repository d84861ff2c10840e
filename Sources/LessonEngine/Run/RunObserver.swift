/// Hears what a chapter run does, as it happens (the `lessons run` terminal display).
public protocol RunObserver {
    func willCompile(_ chapter: Chapter, showing blocks: [CodeBlock], programs: Int)
    func didCompile(seconds: Double)
    func blockStarted(_ block: CodeBlock)
    func blockPrinted(_ block: CodeBlock, _ text: String)
    func blockFinished(_ result: BlockResult)
}

extension RunObserver {
    public func willCompile(_ chapter: Chapter, showing blocks: [CodeBlock], programs: Int) {}
    public func didCompile(seconds: Double) {}
    public func blockStarted(_ block: CodeBlock) {}
    public func blockPrinted(_ block: CodeBlock, _ text: String) {}
    public func blockFinished(_ result: BlockResult) {}
}
