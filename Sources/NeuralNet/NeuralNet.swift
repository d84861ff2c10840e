/// The network library. Its contents grow with issue 3.
public enum NeuralNet {}
