using LoadBalancer.Tlcp.Certificates;

namespace LoadBalancer.Certificates.Development;

/// <summary>
/// The SM2 part of <c>certs init</c>: an SM2 root CA (<c>sm2-ca.crt/.key</c>) and a signing + encryption pair for the
/// development names (<c>www-sm2-sign.*</c>, <c>www-sm2-enc.*</c>, each certificate file followed by the CA), signed
/// with SM3withSM2 and the ID 1234567812345678 as real TLCP peers expect.
/// </summary>
internal static class DevelopmentSm2Pki
{
    public const string CaName = "LoadBalancer Development SM2 CA";
    private static readonly string[] Names = ["localhost", "www.example.com", "api.example.com", "demo.example.com"];

    public static void Make(DevelopmentPkiRun run)
    {
        var now = DateTime.UtcNow;
        Sm2IssuedCertificate ca;
        if (run.AllExist("sm2-ca.crt", "sm2-ca.key"))
        {
            var certificate = Sm2Pem.ReadCertificates(File.ReadAllText(run.PathOf("sm2-ca.crt")))[0];
            var key = Sm2Pem.ReadPrivateKey(File.ReadAllText(run.PathOf("sm2-ca.key")))
                ?? throw new InvalidOperationException($"'{run.PathOf("sm2-ca.key")}' holds no SM2 private key");
            ca = new Sm2IssuedCertificate(certificate, key);
        }
        else
        {
            // At most 3653 days in all: GmSSL refuses certificates valid for longer (X509_VALIDITY_MAX_DAYS).
            ca = Sm2CertificateFactory.CreateRootCa(CaName, now.AddDays(-1), now.AddYears(5));
            run.Pem("sm2-ca.key", ca.PrivateKeyPem, secret: true);
            run.Pem("sm2-ca.crt", ca.CertificatePem, secret: false);
        }

        if (run.AllExist("www-sm2-sign.crt", "www-sm2-sign.key", "www-sm2-enc.crt", "www-sm2-enc.key"))
        {
            return;
        }

        var (sign, encrypt) = Sm2CertificateFactory.CreateDualLeaf(ca, Names, now.AddDays(-1), now.AddYears(1), "localhost");
        run.Pem("www-sm2-sign.key", sign.PrivateKeyPem, secret: true);
        run.Pem("www-sm2-sign.crt", sign.CertificatePem + ca.CertificatePem, secret: false);
        run.Pem("www-sm2-enc.key", encrypt.PrivateKeyPem, secret: true);
        run.Pem("www-sm2-enc.crt", encrypt.CertificatePem + ca.CertificatePem, secret: false);
    }
}
