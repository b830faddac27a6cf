using System.Globalization;
using LoadBalancer.Tlcp;
using LoadBalancer.Tlcp.Certificates;
using Org.BouncyCastle.X509;

namespace LoadBalancer.Tests.Tlcp;

/// <summary>One captured TLCP connection of tests/vectors (see shared/tlcp/README.md): both directions, keylog, PKI.</summary>
public sealed record CapturedSession(string Name, TlcpCipherSuite Suite, bool ClientAuth)
{
    /// <summary>Inside the validity of every vector certificate (they run November 2026 to November 2027).</summary>
    public static readonly DateTime VectorTime = new(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly CapturedSession[] All =
    [
        new("tongsuo-client_ecc-sm4-cbc-sm3", TlcpCipherSuite.EccSm4CbcSm3, false),
        new("tongsuo-client_ecc-sm4-gcm-sm3", TlcpCipherSuite.EccSm4GcmSm3, false),
        new("tongsuo-client_ecdhe-sm4-gcm-sm3_client-auth", TlcpCipherSuite.EcdheSm4GcmSm3, true),
        new("gmssl-client_ecc-sm4-cbc-sm3", TlcpCipherSuite.EccSm4CbcSm3, false),
        new("gmssl-client_ecc-sm4-gcm-sm3", TlcpCipherSuite.EccSm4GcmSm3, false),
        new("gmssl-client_ecc-sm4-cbc-sm3_client-auth", TlcpCipherSuite.EccSm4CbcSm3, true),
    ];

    public static TheoryData<string> Names => [.. All.Select(s => s.Name)];

    public static CapturedSession Get(string name) => All.Single(s => s.Name == name);

    public bool IsTongsuo => Name.StartsWith("tongsuo", StringComparison.Ordinal);

    /// <summary>The GmSSL client-auth session ends with the capturing server refusing the client (unsupported_certificate).</summary>
    public bool ServerFinished => Name != "gmssl-client_ecc-sm4-cbc-sm3_client-auth";

    public byte[] ClientToServer => File.ReadAllBytes(SessionPath("client-to-server.bin"));

    public byte[] ServerToClient => File.ReadAllBytes(SessionPath("server-to-client.bin"));

    /// <summary>The master secret of the keylog, or null for sessions without one.</summary>
    public byte[]? KeylogMaster
    {
        get
        {
            var path = SessionPath("keylog.txt");
            if (!File.Exists(path))
            {
                return null;
            }

            var fields = File.ReadAllLines(path).Single(l => l.StartsWith("CLIENT_RANDOM ", StringComparison.Ordinal)).Split(' ');
            return Convert.FromHexString(fields[2]);
        }
    }

    public static string PkiPath(string file) => Path.Combine(AppContext.BaseDirectory, "vectors", "pki", file);

    public static TlcpServerCredentials ServerCredentials() => TlcpServerCredentials.FromPemFiles(
        PkiPath("server_sign.crt"), PkiPath("server_sign.key"), PkiPath("server_enc.crt"), PkiPath("server_enc.key"));

    public static X509Certificate Ca() => Sm2Pem.ReadCertificates(File.ReadAllText(PkiPath("ca.crt")))[0];

    private string SessionPath(string file) => Path.Combine(AppContext.BaseDirectory, "vectors", "sessions", Name, file);

    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}
