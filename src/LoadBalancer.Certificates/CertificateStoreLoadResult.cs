using LoadBalancer.Configuration;

namespace LoadBalancer.Certificates;

/// <summary>The loaded store and every problem found while loading it (warnings included).</summary>
public sealed record CertificateStoreLoadResult(CertificateStore Store, IReadOnlyList<ConfigError> Errors);
