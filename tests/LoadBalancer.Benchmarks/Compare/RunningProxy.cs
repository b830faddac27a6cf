namespace LoadBalancer.Benchmarks.Compare;

/// <summary>A proxy that is up: its process (tree) and the setup it was started with.</summary>
internal sealed record RunningProxy(string Name, ChildProcess Process, ProxySetup Setup);
