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

        return Copy(() => leaf.CopyWithPrivateKey(rsa), keyPath, certificatePath, errors);
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

        return Copy(() => leaf.CopyWithPrivateKey(ecdsa), keyPath, certificatePath, errors);
    }

    /// <summary>CopyWithPrivateKey compares the public keys itself and throws ArgumentException when they differ.</summary>
    private static X509Certificate2? Copy(Func<X509Certificate2> copy, string keyPath, string certificatePath, EntryErrors errors)
    {
        try
        {
            return copy();
        }
        catch (ArgumentException)
        {
            errors.Error(Field, $"the private key does not belong to the certificate (public keys differ): '{keyPath}' does not match the leaf in '{certificatePath}'; use the key the certificate was issued for");
            return null;
        }
    }
}
