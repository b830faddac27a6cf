using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Reads the certificates of a PEM file in file order (for a server certificate: leaf first, then intermediates).</summary>
internal static class CertificateFileReader
{
    private const string Label = "CERTIFICATE";

    public static List<X509Certificate2>? Read(string path, string field, EntryErrors errors)
    {
        var text = PemText.ReadFile(path, field, errors);
        if (text is null)
        {
            return null;
        }

        var blocks = PemText.FindBlocks(text).Where(b => b.Label == Label).ToList();
        var begins = PemText.CountBegins(text, Label);
        if (begins == 0)
        {
            errors.Error(field, $"'{path}' has no '{PemText.Begin(Label)}' block; it must be a PEM certificate file (convert a DER file with 'openssl x509 -inform der -in FILE -out FILE.pem')");
            return null;
        }

        if (blocks.Count < begins)
        {
            errors.Error(field, $"a '{PemText.Begin(Label)}' block in '{path}' does not decode (damaged base64 or a missing END line); export the certificate again as PEM");
            return null;
        }

        return Decode(blocks, path, field, errors);
    }

    private static List<X509Certificate2>? Decode(List<PemBlock> blocks, string path, string field, EntryErrors errors)
    {
        var certificates = new List<X509Certificate2>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(blocks[i].Data));
            }
            catch (CryptographicException ex)
            {
                errors.Error(field, $"certificate {i + 1} in '{path}' does not decode as an X.509 certificate ({ex.Message}); export the certificate again as PEM");
                return null;
            }
        }

        return certificates;
    }
}
