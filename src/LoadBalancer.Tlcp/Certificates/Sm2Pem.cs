using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tlcp.Certificates;

/// <summary>Reads and writes SM2 certificates and keys as PEM with BouncyCastle.</summary>
public static class Sm2Pem
{
    /// <summary>Every certificate in the text, in order.</summary>
    public static IReadOnlyList<X509Certificate> ReadCertificates(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var certificates = new List<X509Certificate>();
        foreach (var item in ReadObjects(pem))
        {
            if (item is X509Certificate certificate)
            {
                certificates.Add(certificate);
            }
        }

        return certificates;
    }

    /// <summary>The first private key in the text (PKCS#8 <c>PRIVATE KEY</c> or SEC1 <c>EC PRIVATE KEY</c>), or null.</summary>
    public static ECPrivateKeyParameters? ReadPrivateKey(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        foreach (var item in ReadObjects(pem))
        {
            switch (item)
            {
                case ECPrivateKeyParameters key:
                    return key;
                case AsymmetricCipherKeyPair { Private: ECPrivateKeyParameters key }:
                    return key;
            }
        }

        return null;
    }

    public static string Write(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return WriteObject(certificate);
    }

    /// <summary>The key as unencrypted PKCS#8 (<c>PRIVATE KEY</c>).</summary>
    public static string Write(ECPrivateKeyParameters privateKey) =>
        WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(privateKey).GetEncoded()));

    private static List<object> ReadObjects(string pem)
    {
        using var reader = new StringReader(pem);
        var pemReader = new PemReader(reader);
        var items = new List<object>();
        while (pemReader.ReadObject() is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    private static string WriteObject(object item)
    {
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(item);
        writer.Writer.Flush();
        return text.ToString();
    }
}
