using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace LoadBalancer.Tlcp.Crypto;

/// <summary>SM2 signatures with SM3 and the default user ID, DER encoded (the form TLCP carries).</summary>
internal static class Sm2Signature
{
    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> message, SecureRandom random)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, random), Sm2.DefaultUserId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    public static bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> message, byte[] signature)
    {
        var signer = new SM2Signer();
        signer.Init(false, new ParametersWithID(key, Sm2.DefaultUserId));
        signer.BlockUpdate(message);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
