using LoadBalancer.Tlcp.Handshake;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>The Certificate message: <c>uint24 list { uint24 len || DER }</c>, at most <see cref="HandshakeLimits.MaxCertificates"/>.</summary>
internal static class CertificateListMessage
{
    public static void Write(WireWriter writer, IEnumerable<byte[]> certificates)
    {
        var list = writer.StartVector(3);
        foreach (var der in certificates)
        {
            writer.WriteUInt24(der.Length);
            writer.WriteBytes(der);
        }

        writer.EndVector(list, 3);
    }

    public static List<X509Certificate> Parse(ReadOnlySpan<byte> body)
    {
        var reader = new WireReader(body, "Certificate");
        var list = new WireReader(reader.ReadVector24(0, 0xFFFFFF), "Certificate list");
        reader.EnsureEnd();
        var certificates = new List<X509Certificate>();
        while (!list.IsEmpty)
        {
            if (certificates.Count == HandshakeLimits.MaxCertificates)
            {
                throw new TlcpException(TlcpAlert.BadCertificate, $"more than {HandshakeLimits.MaxCertificates} certificates");
            }

            certificates.Add(ParseOne(list.ReadVector24(1, 0xFFFFFF)));
        }

        return certificates;
    }

    private static X509Certificate ParseOne(ReadOnlySpan<byte> der)
    {
        try
        {
            var certificate = new X509Certificate(der.ToArray());
            _ = certificate.SubjectDN;
            return certificate;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidCastException or InvalidOperationException
            or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            throw new TlcpException(TlcpAlert.BadCertificate, "a certificate does not decode", innerException: e);
        }
    }
}
