using System.Buffers;
using BenchmarkDotNet.Attributes;
using LoadBalancer.Certificates.Selection;
using LoadBalancer.Tls.ClientHello;

namespace LoadBalancer.Benchmarks;

/// <summary>
/// What a handshake costs before TLS starts: read the ClientHello, then choose the certificate, on a listener with
/// 1, 100 or 10,000 certificates (each its own DNS name; the last one is a wildcard). The SNI hits an exact name,
/// the wildcard, or nothing (the default certificate answers).
/// </summary>
[MemoryDiagnoser]
public class ClientHelloSelectionBenchmark
{
    private const string WildcardSuffix = "wild.bench.test";

    private CertificateSelector _selector = null!;
    private ReadOnlySequence<byte> _exactHello;
    private ReadOnlySequence<byte> _wildcardHello;
    private ReadOnlySequence<byte> _missHello;

    [Params(1, 100, 10_000)]
    public int Certificates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var names = Enumerable.Range(0, Certificates).Select(i => $"site{i}.bench.test").ToList();
        names[^1] = "*." + WildcardSuffix;
        var certificates = SelfSignedCertificates.Create(names);
        _selector = CertificateSelector.Create(certificates[0], certificates[1..]);
        var template = ClientHelloParsingBenchmark.OpensslTls13Hello;
        var exactName = Certificates == 1 ? "www.example.com" : $"site{Certificates / 2}.bench.test";
        _exactHello = new(ClientHelloBuilder.WithServerName(template, exactName));
        _wildcardHello = new(ClientHelloBuilder.WithServerName(template, "api." + WildcardSuffix));
        _missHello = new(ClientHelloBuilder.WithServerName(template, "nothing.example.org"));
        Expect(Exact(), Certificates == 1 ? SelectionCriterion.DefaultNoMatch : SelectionCriterion.OnlyCandidate);
        Expect(Wildcard(), SelectionCriterion.OnlyCandidate);
        Expect(Miss(), SelectionCriterion.DefaultNoMatch);
    }

    /// <summary>With one certificate there is no exact name besides the wildcard default: this is a miss too.</summary>
    [Benchmark(Baseline = true)]
    public CertificateSelection Exact() => ParseAndSelect(_exactHello);

    [Benchmark]
    public CertificateSelection Wildcard() => ParseAndSelect(_wildcardHello);

    [Benchmark]
    public CertificateSelection Miss() => ParseAndSelect(_missHello);

    private CertificateSelection ParseAndSelect(in ReadOnlySequence<byte> hello)
    {
        ClientHelloReader.TryRead(hello, out var info, out _);
        return _selector.Select(info!.ServerName, info.SupportsEcdsa);
    }

    private static void Expect(CertificateSelection selection, SelectionCriterion criterion)
    {
        if (selection.Criterion != criterion)
        {
            throw new InvalidOperationException($"benchmark setup: expected {criterion}, got {selection.Criterion} ({selection.Certificate})");
        }
    }
}
