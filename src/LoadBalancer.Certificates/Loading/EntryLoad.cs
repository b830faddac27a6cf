using LoadBalancer.Configuration;

namespace LoadBalancer.Certificates.Loading;

/// <summary>What loading one store entry gave: the value (null when it failed) and every problem found.</summary>
internal sealed record EntryLoad<T>(string? Id, T? Value, IReadOnlyList<ConfigError> Errors)
    where T : class;
