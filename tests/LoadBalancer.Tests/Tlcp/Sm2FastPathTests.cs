using LoadBalancer.Tlcp.Crypto;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>The precomputed SM2 paths agree with BouncyCastle's SM2Signer and SM2Engine, whatever curve instance a key came on.</summary>
public sealed class Sm2FastPathTests
{
    private static readonly SecureRandom Random = new();

    [Fact]
    public void DomainIsTheCustomCurveWithTheStandardParameters()
    {
        var generic = GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);

        Assert.Equal("SM2P256V1Curve", Sm2.Domain.Curve.GetType().Name);
        Assert.True(Sm2.Domain.Curve.Equals(generic.Curve));
        Assert.Equal(generic.N, Sm2.Domain.N);
        Assert.Equal(generic.G.GetEncoded(false), Sm2.Domain.G.GetEncoded(false));
    }

    [Fact]
    public void PrecomputedSignaturesVerifyWithSm2Signer()
    {
        var key = (ECPrivateKeyParameters)Sm2.GenerateKeyPair(Random).Private;
        var signing = new Sm2SigningKey(key);
        var message = Random.GenerateSeed(300);
        for (var i = 0; i < 20; i++)
        {
            var signature = signing.Sign(message, Random);

            Assert.True(BouncyCastleVerify(signing.PublicKey, message, signature));
            Assert.True(Sm2Signature.Verify(signing.PublicKey, message, signature));
            Assert.False(Sm2Signature.Verify(signing.PublicKey, [.. message, 0], signature));
        }
    }

    [Fact]
    public void ZIsSm2SignersZ()
    {
        // A signature by SM2Signer with the default ID verifies against our Z-based verification and vice versa only
        // when both compute the same Z; check it directly through a signature SM2Signer makes.
        var key = (ECPrivateKeyParameters)Sm2.GenerateKeyPair(Random).Private;
        var signing = new Sm2SigningKey(key);
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, Random), Sm2.DefaultUserId));
        var message = "abc"u8.ToArray();
        signer.BlockUpdate(message);
        var signature = signer.GenerateSignature();

        Assert.True(BouncyCastleVerify(signing.PublicKey, message, signature));
        Assert.Equal(32, Sm2SigningKey.Z(Sm2.DefaultUserId, signing.PublicKey.Q).Length);
    }

    [Fact]
    public void KeysOnTheGenericCurveMoveToTheDomain()
    {
        var x9 = GMNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1);
        var genericDomain = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(genericDomain, Random));
        var pair = generator.GenerateKeyPair();
        var genericPrivate = (ECPrivateKeyParameters)pair.Private;
        var genericPublic = (ECPublicKeyParameters)pair.Public;

        var moved = Sm2.OnDomain(genericPrivate);
        var signing = new Sm2SigningKey(genericPrivate);

        Assert.Same(Sm2.Domain, moved.Parameters);
        Assert.Equal(genericPrivate.D, moved.D);
        Assert.Equal(genericPublic.Q.GetEncoded(false), signing.PublicKey.Q.GetEncoded(false));
        Assert.True(BouncyCastleVerify(genericPublic, "m"u8.ToArray(), signing.Sign("m"u8, Random)));
        var ciphertext = Sm2Encryption.Encrypt(genericPublic, [1, 2, 3], Random);
        Assert.Equal([1, 2, 3], Sm2Encryption.TryDecrypt(moved, ciphertext));
    }

    private static bool BouncyCastleVerify(ECPublicKeyParameters key, byte[] message, byte[] signature)
    {
        var signer = new SM2Signer();
        signer.Init(false, new ParametersWithID(key, Sm2.DefaultUserId));
        signer.BlockUpdate(message);
        return signer.VerifySignature(signature);
    }
}
