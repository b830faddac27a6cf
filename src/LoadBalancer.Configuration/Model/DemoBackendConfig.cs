namespace LoadBalancer.Configuration.Model;

/// <summary>
/// An echo backend started by this process: it answers every request with JSON describing the request it
/// received (method, path, headers), so a newcomer sees what a backend gets.
/// </summary>
public sealed record DemoBackendConfig
{
    public string? DemoBackendId { get; init; }
    public string Address { get; init; } = "127.0.0.1";
    public int Port { get; init; }
}
