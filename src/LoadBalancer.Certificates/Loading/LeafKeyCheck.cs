using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Whether the leaf's public key is one the load balancer serves: RSA, or ECC on P-256, P-384 or P-521.</summary>
internal static class LeafKeyCheck
{
    public static KeyKind? Check(X509Certificate2 leaf, string path, string field, EntryErrors errors)
    {
        var oid = leaf.PublicKey.Oid.Value;
        var kind = KeyOids.KindOf(oid);
        if (kind == KeyKind.Other)
        {
            errors.Error(field, $"the certificate in '{path}' has a public key of an unsupported algorithm ({KeyOids.Describe(oid)}); use an RSA or ECC (P-256, P-384, P-521) certificate");
            return null;
        }

        if (kind == KeyKind.Ec && !KeyOids.IsSupportedCurve(ReadCurveOid(leaf)))
        {
            errors.Error(field, $"the certificate in '{path}' has an ECC key on curve {ReadCurveOid(leaf) ?? "(explicit parameters)"}, which is not supported; use P-256, P-384 or P-521 (SM2 certificates go in the Sign…/Encrypt… fields)");
            return null;
        }

        return kind;
    }

    private static string? ReadCurveOid(X509Certificate2 leaf)
    {
        var parameters = leaf.PublicKey.EncodedParameters?.RawData;
        if (parameters is null)
        {
            return null;
        }

        try
        {
            return AsnDecoder.ReadObjectIdentifier(parameters, AsnEncodingRules.DER, out _);
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
