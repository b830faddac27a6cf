namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>
/// The scanner tests start hundreds of openssl and sslscan processes; they run on their own, after the parallel
/// tests, so that they never slow down another test's timing bound (a reload within 2 s, an idle timeout).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExternalScannerCollection
{
    public const string Name = "External scanners";
}
