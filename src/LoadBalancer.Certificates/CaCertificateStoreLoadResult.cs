using LoadBalancer.Configuration;

namespace LoadBalancer.Certificates;

/// <summary>The loaded CA store and every problem found while loading it.</summary>
public sealed record CaCertificateStoreLoadResult(CaCertificateStore Store, IReadOnlyList<ConfigError> Errors);
