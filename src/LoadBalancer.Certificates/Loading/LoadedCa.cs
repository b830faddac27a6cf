using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Certificates.Loading;

/// <summary>One loaded <c>CaCertificates</c> entry: its CA certificates and the CRLs of its optional <c>CrlFile</c>.</summary>
internal sealed record LoadedCa(X509Certificate2Collection Certificates, IReadOnlyList<X509Crl> Crls);
