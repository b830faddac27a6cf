using System.Formats.Asn1;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Finds the private key block of a PEM key file: PKCS#8 or traditional RSA/EC, never encrypted.</summary>
internal static class PrivateKeyFileReader
{
    public const string Pkcs8Label = "PRIVATE KEY";
    public const string RsaLabel = "RSA PRIVATE KEY";
    public const string EcLabel = "EC PRIVATE KEY";
    public const string EncryptedLabel = "ENCRYPTED PRIVATE KEY";
    private static readonly string[] KeyLabels = [Pkcs8Label, RsaLabel, EcLabel, EncryptedLabel];

    public static PrivateKeyData? Read(string path, string field, EntryErrors errors)
    {
        var text = PemText.ReadFile(path, field, errors);
        if (text is null)
        {
            return null;
        }

        var block = PemText.FindBlocks(text).FirstOrDefault(b => KeyLabels.Contains(b.Label));
        if (block is null)
        {
            ReportMissingBlock(text, path, field, errors);
            return null;
        }

        if (block.Label == EncryptedLabel)
        {
            errors.Error(field, $"'{path}' holds an encrypted private key ('{PemText.Begin(EncryptedLabel)}'), which is not supported; decrypt it with 'openssl pkey -in {path} -out {path}.decrypted' and point PrivateKeyFile at the result (readable only by the load balancer)");
            return null;
        }

        return Describe(block, path, field, errors);
    }

    private static void ReportMissingBlock(string text, string path, string field, EntryErrors errors)
    {
        if (KeyLabels.Any(label => PemText.CountBegins(text, label) > 0))
        {
            errors.Error(field, $"the private key block in '{path}' does not decode (damaged base64 or a missing END line); export the key again as PEM");
            return;
        }

        errors.Error(field, $"'{path}' has no private key block ('{PemText.Begin(Pkcs8Label)}', '{PemText.Begin(RsaLabel)}' or '{PemText.Begin(EcLabel)}'); PrivateKeyFile must be the certificate's PEM private key");
    }

    private static PrivateKeyData? Describe(PemBlock block, string path, string field, EntryErrors errors)
    {
        switch (block.Label)
        {
            case RsaLabel:
                return new PrivateKeyData(KeyKind.Rsa, "RSA", block.Label, block.Data);
            case EcLabel:
                return new PrivateKeyData(KeyKind.Ec, "ECC", block.Label, block.Data);
        }

        var oid = ReadPkcs8AlgorithmOid(block.Data);
        if (oid is null)
        {
            errors.Error(field, $"the '{PemText.Begin(Pkcs8Label)}' block in '{path}' does not decode as a PKCS#8 private key; export the key again as PEM");
            return null;
        }

        return new PrivateKeyData(KeyOids.KindOf(oid), KeyOids.Describe(oid), block.Label, block.Data);
    }

    /// <summary>PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }</summary>
    private static string? ReadPkcs8AlgorithmOid(byte[] der)
    {
        try
        {
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            _ = info.ReadInteger();
            return info.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
