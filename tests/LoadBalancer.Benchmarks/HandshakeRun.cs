namespace LoadBalancer.Benchmarks;

/// <summary>The figures of one certificate count: start-up, and handshakes with cold and with warm certificate contexts.</summary>
internal sealed record HandshakeRun(int Certificates, StartupTimings Startup, HandshakeLoad.Result Cold, TimeSpan Warming, HandshakeLoad.Result Warm);
