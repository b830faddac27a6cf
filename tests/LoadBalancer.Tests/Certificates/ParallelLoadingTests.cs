using System.Security.Cryptography;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Certificates;

public sealed class ParallelLoadingTests : IDisposable
{
    private const int Count = 2000;
    private readonly CertificateTestContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void LoadsTwoThousandCertificates()
    {
        using var sharedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var entries = Enumerable.Range(0, Count).Select(i => WriteEntry(i, sharedKey)).ToList();

        var result = _context.Load([.. entries]);

        Assert.Empty(result.Errors);
        Assert.Equal(Count, result.Store.ById.Count);
        Assert.All(Enumerable.Range(0, Count), i => Assert.Equal(i, result.Store.ById[$"cert-{i}"].FileOrder));
        Assert.Equal(["host-1999.example.com"], result.Store.ById["cert-1999"].Facts.DnsNames);
    }

    private CertificateConfig WriteEntry(int i, ECDsa key)
    {
        var leaf = _context.Pki.IssueLeaf(_context.Intermediate, [$"host-{i}.example.com"], LeafKey.From(key));
        return CertificateTestContext.Entry($"cert-{i}", _context.Pki.Write(leaf, $"host-{i}"));
    }
}
