using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Imports the private key, checks it belongs to the leaf, and returns the leaf carrying it.</summary>
internal static class PrivateKeyAttacher
{
    private const string Field = "PrivateKeyFile";

    /// <summary>
    /// Imports the key and checks it against the certificate's public key now (a byte comparison); returns the step
    /// that attaches it, run on first use. Null, with the error recorded, when the key is unusable or not the
    /// certificate's.
    /// </summary>
    public static Func<X509Certificate2>? Prepare(X509Certificate2 leaf, KeyKind leafKind, PrivateKeyData key, string keyPath, string certificatePath, EntryErrors errors)
    {
        if (key.Kind != leafKind)
        {
            errors.Error(Field, $"the private key in '{keyPath}' is an {key.AlgorithmName} key but the certificate in '{certificatePath}' has an {(leafKind == KeyKind.Rsa ? "RSA" : "ECC")} public key; use the key the certificate was issued for");
            return null;
        }

        AsymmetricAlgorithm imported;
        try
        {
            imported = leafKind == KeyKind.Rsa ? ImportRsa(key) : ImportEc(key);
        }
        catch (CryptographicException ex)
        {
            errors.Error(Field, $"the private key in '{keyPath}' does not decode ({ex.Message}); export the key again as PEM");
            return null;
        }

        if (!PublicKeyMatches(leaf, imported))
        {
            imported.Dispose();
            errors.Error(Field, $"the private key does not belong to the certificate (public keys differ): '{keyPath}' does not match the leaf in '{certificatePath}'; use the key the certificate was issued for");
            return null;
        }

        return () => Attach(leaf, imported);
    }

    private static RSA ImportRsa(PrivateKeyData key)
    {
        var rsa = RSA.Create();
        if (key.IsPkcs8)
        {
            rsa.ImportPkcs8PrivateKey(key.Der, out _);
        }
        else
        {
            rsa.ImportRSAPrivateKey(key.Der, out _);
        }

        return rsa;
    }

    private static ECDsa ImportEc(PrivateKeyData key)
    {
        var ecdsa = ECDsa.Create();
        if (key.IsPkcs8)
        {
            ecdsa.ImportPkcs8PrivateKey(key.Der, out _);
        }
        else
        {
            ecdsa.ImportECPrivateKey(key.Der, out _);
        }

        return ecdsa;
    }

    /// <summary>
    /// The certificate's subjectPublicKey bits against the key's public half: DER RSAPublicKey for RSA, the
    /// uncompressed point for ECC (a compressed point falls back to .NET's own comparison).
    /// </summary>
    private static bool PublicKeyMatches(X509Certificate2 leaf, AsymmetricAlgorithm key)
    {
        var expected = leaf.PublicKey.EncodedKeyValue.RawData;
        if (key is RSA rsa)
        {
            return expected.AsSpan().SequenceEqual(rsa.ExportRSAPublicKey());
        }

        var ecdsa = (ECDsa)key;
        if (expected.Length == 0 || expected[0] != 0x04)
        {
            return CopyAccepts(leaf, ecdsa);
        }

        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        return expected.Length == 1 + point.X!.Length + point.Y!.Length
            && expected.AsSpan(1, point.X.Length).SequenceEqual(point.X)
            && expected.AsSpan(1 + point.X.Length).SequenceEqual(point.Y);
    }

    /// <summary>CopyWithPrivateKey compares the public keys itself and throws ArgumentException when they differ.</summary>
    private static bool CopyAccepts(X509Certificate2 leaf, ECDsa key)
    {
        try
        {
            using var copy = leaf.CopyWithPrivateKey(key);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static X509Certificate2 Attach(X509Certificate2 leaf, AsymmetricAlgorithm key)
    {
        using (key)
        {
            return key is RSA rsa ? leaf.CopyWithPrivateKey(rsa) : leaf.CopyWithPrivateKey((ECDsa)key);
        }
    }
}
