using LoadBalancer.Tests.Support;

namespace LoadBalancer.Tests.Hosting;

/// <summary>A test scenario with an ECC and an RSA certificate for www.example.com, made once for a test class.</summary>
public sealed class EccAndRsaScenario : IDisposable
{
    public EccAndRsaScenario()
    {
        Scenario.AddCertificate("cert-ecc", ["www.example.com"], LeafKey.EcP256);
        Scenario.AddCertificate("cert-rsa", ["www.example.com"], LeafKey.Rsa(2048));
    }

    internal TestScenario Scenario { get; } = new();

    public void Dispose() => Scenario.Dispose();
}
