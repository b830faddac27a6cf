namespace LoadBalancer.Benchmarks.Compare;

/// <summary>A proxy under comparison: writes its configuration for a setup and starts as its own process.</summary>
internal interface IProxy
{
    string Name { get; }

    /// <summary>Starts the proxy and returns once every port of the setup accepts connections.</summary>
    Task<ChildProcess> StartAsync(ProxySetup setup);
}
