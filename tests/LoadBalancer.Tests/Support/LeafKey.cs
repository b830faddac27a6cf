using System.Security.Cryptography;

namespace LoadBalancer.Tests.Support;

/// <summary>The key a <see cref="TestPki"/> certificate gets: RSA of some size, ECDSA on some curve, or a given key.</summary>
public sealed class LeafKey
{
    private readonly Func<AsymmetricAlgorithm> _create;
    private readonly string _description;

    private LeafKey(Func<AsymmetricAlgorithm> create, string description)
    {
        _create = create;
        _description = description;
    }

    public static LeafKey EcP256 { get; } = Ec(ECCurve.NamedCurves.nistP256, "ECDSA P-256");

    public static LeafKey EcP384 { get; } = Ec(ECCurve.NamedCurves.nistP384, "ECDSA P-384");

    public static LeafKey EcP521 { get; } = Ec(ECCurve.NamedCurves.nistP521, "ECDSA P-521");

    public static LeafKey Rsa(int bits = 2048) => new(() => RSA.Create(bits), $"RSA {bits}");

    public static LeafKey Ec(ECCurve curve, string? description = null) =>
        new(() => ECDsa.Create(curve), description ?? $"ECDSA {curve.Oid.FriendlyName}");

    /// <summary>Reuse a key (RSA or ECDsa) for several certificates, or to make one whose key is known.</summary>
    public static LeafKey From(AsymmetricAlgorithm key) => new(() => key, $"given {key.SignatureAlgorithm} {key.KeySize}");

    internal AsymmetricAlgorithm Create() => _create();

    public override string ToString() => _description;
}
