using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LoadBalancer.Certificates.Development;

/// <summary>
/// <c>LoadBalancer certs init</c>: a local PKI for development (root and intermediate CA, RSA and ECC server
/// certificates for the default config's names, an SM2 CA with a signing + encryption pair, a client CA and a client
/// certificate). Existing files are kept;
/// a missing certificate is signed with its issuer's existing key.
/// </summary>
public static class DevelopmentPki
{
    public const string RootName = "LoadBalancer Development Root CA";
    public const string IntermediateName = "LoadBalancer Development Intermediate CA";
    public const string ClientCaName = "LoadBalancer Development Client CA";
    public const string ClientName = "dev-client";

    /// <summary>Makes the missing files in <paramref name="outputDirectory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Create(string outputDirectory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(log);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var run = new DevelopmentPkiRun(directory, log);
        MakeServerSide(run);
        DevelopmentSm2Pki.Make(run);
        MakeClientSide(run);
        run.Text("README.txt", DevelopmentPkiReadme.Text);
        return run.Written;
    }

    private static void MakeServerSide(DevelopmentPkiRun run)
    {
        using var root = run.Issuer("ca", () => DevelopmentIssuer.CreateRoot(RootName, ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384));
        using var intermediate = run.Issuer("intermediate", () => DevelopmentIssuer.CreateIntermediate(root, IntermediateName));
        run.Leaf("www-rsa", () => CreateServerLeaf(intermediate, RSA.Create(2048)), intermediate, KeyForm.Traditional);
        run.Leaf("www-ecc", () => CreateServerLeaf(intermediate, ECDsa.Create(ECCurve.NamedCurves.nistP256)), intermediate, KeyForm.Pkcs8);
    }

    private static void MakeClientSide(DevelopmentPkiRun run)
    {
        using var clientCa = run.Issuer("client-ca", () => DevelopmentIssuer.CreateRoot(ClientCaName, ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256));
        run.Leaf("client", () => DevelopmentIssuer.CreateClientLeaf(clientCa, ClientName), chain: null, KeyForm.Pkcs8);
    }

    private static X509Certificate2 CreateServerLeaf(X509Certificate2 issuer, AsymmetricAlgorithm key)
    {
        using (key)
        {
            return DevelopmentIssuer.CreateServerLeaf(issuer, key);
        }
    }
}
