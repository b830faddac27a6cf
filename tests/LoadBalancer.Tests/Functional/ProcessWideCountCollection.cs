namespace LoadBalancer.Tests.Functional;

/// <summary>
/// Tests that count something across the whole process (OpenSSL contexts made) run on their own, after the parallel
/// tests, so that other tests' handshakes do not show up in their count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCountCollection
{
    public const string Name = "Process-wide counts";
}
