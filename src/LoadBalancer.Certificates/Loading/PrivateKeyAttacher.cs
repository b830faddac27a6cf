using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Imports the private key, checks it belongs to the leaf, and returns the leaf carrying it.</summary>
internal static class PrivateKeyAttacher
{
    private const string Field = "PrivateKeyFile";

    public static X509Certificate2? Attach(X509Certificate2 leaf, KeyKind leafKind, PrivateKeyData key, string keyPath, string certificatePath, EntryErrors errors)
    {
        if (key.Kind != leafKind)
        {
            errors.Error(Field, $"the private key in '{keyPath}' is an {key.AlgorithmName} key but the certificate in '{certificatePath}' has an {(leafKind == KeyKind.Rsa ? "RSA" : "ECC")} public key; use the key the certificate was issued for");
            return null;
        }

        try
        {
            return leafKind == KeyKind.Rsa ? AttachRsa(leaf, key, keyPath, certificatePath, errors) : AttachEc(leaf, key, keyPath, certificatePath, errors);
        }
        catch (CryptographicException ex)
        {
            errors.Error(Field, $"the private key in '{keyPath}' does not decode ({ex.Message}); export the key again as PEM");
            return null;
        }
    }

    private static X509Certificate2? AttachRsa(X509Certificate2 leaf, PrivateKeyData key, string keyPath, string certificatePath, EntryErrors errors)
    {
        using var rsa = RSA.Create();
        if (key.IsPkcs8)
        {
            rsa.ImportPkcs8PrivateKey(key.Der, out _);
        }
        else
        {
            rsa.ImportRSAPrivateKey(key.Der, out _);
        }

        using var certificateKey = leaf.GetRSAPublicKey()!;
        var ours = rsa.ExportParameters(includePrivateParameters: false);
        var theirs = certificateKey.ExportParameters(includePrivateParameters: false);
        var same = ours.Modulus.AsSpan().SequenceEqual(theirs.Modulus) && ours.Exponent.AsSpan().SequenceEqual(theirs.Exponent);
        return same ? leaf.CopyWithPrivateKey(rsa) : Mismatch(keyPath, certificatePath, errors);
    }

    private static X509Certificate2? AttachEc(X509Certificate2 leaf, PrivateKeyData key, string keyPath, string certificatePath, EntryErrors errors)
    {
        using var ecdsa = ECDsa.Create();
        if (key.IsPkcs8)
        {
            ecdsa.ImportPkcs8PrivateKey(key.Der, out _);
        }
        else
        {
            ecdsa.ImportECPrivateKey(key.Der, out _);
        }

        using var certificateKey = leaf.GetECDsaPublicKey()!;
        var ours = ecdsa.ExportParameters(includePrivateParameters: false);
        var theirs = certificateKey.ExportParameters(includePrivateParameters: false);
        var same = ecdsa.KeySize == certificateKey.KeySize
            && ours.Q.X.AsSpan().SequenceEqual(theirs.Q.X) && ours.Q.Y.AsSpan().SequenceEqual(theirs.Q.Y);
        return same ? leaf.CopyWithPrivateKey(ecdsa) : Mismatch(keyPath, certificatePath, errors);
    }

    private static X509Certificate2? Mismatch(string keyPath, string certificatePath, EntryErrors errors)
    {
        errors.Error(Field, $"the private key does not belong to the certificate (public keys differ): '{keyPath}' does not match the leaf in '{certificatePath}'; use the key the certificate was issued for");
        return null;
    }
}
