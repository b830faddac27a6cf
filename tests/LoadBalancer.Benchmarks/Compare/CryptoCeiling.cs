using System.Globalization;
using System.Text.RegularExpressions;

namespace LoadBalancer.Benchmarks.Compare;

/// <summary>
/// The machine's crypto ceiling for a full handshake: <c>openssl speed</c> (one core) for the server's signature
/// (ECDSA P-256, or RSA-2048) and the key exchange (X25519).
/// </summary>
internal static partial class CryptoCeiling
{
    public static async Task<Dictionary<string, double>> MeasureAsync(bool rsa, string log)
    {
        string[] algorithms = rsa ? ["ecdsap256", "ecdhx25519", "rsa2048"] : ["ecdsap256", "ecdhx25519"];
        var output = (await ChildProcess.RunAsync("openssl", ["speed", "-seconds", "2", .. algorithms], log, TimeSpan.FromMinutes(2))).Output;
        var figures = new Dictionary<string, double>();
        if (Ecdsa().Match(output) is { Success: true } ecdsa)
        {
            figures["ecdsaP256SignPerSecond"] = Number(ecdsa.Groups[1]);
            figures["ecdsaP256VerifyPerSecond"] = Number(ecdsa.Groups[2]);
        }

        if (X25519().Match(output) is { Success: true } x25519)
        {
            figures["x25519PerSecond"] = Number(x25519.Groups[1]);
        }

        if (Rsa().Match(output) is { Success: true } rsa2048)
        {
            figures["rsa2048SignPerSecond"] = Number(rsa2048.Groups[1]);
            figures["rsa2048VerifyPerSecond"] = Number(rsa2048.Groups[2]);
        }

        return figures;
    }

    /// <summary>One line for the terminal, e.g. "openssl speed, one core: ECDSA P-256 sign 33000/s, verify 11000/s; X25519 23000/s".</summary>
    public static string Describe(Dictionary<string, double> figures)
    {
        string Of(string key) => figures.TryGetValue(key, out var value) ? value.ToString("F0", CultureInfo.InvariantCulture) : "?";
        var line = $"openssl speed, one core: ECDSA P-256 sign {Of("ecdsaP256SignPerSecond")}/s, verify {Of("ecdsaP256VerifyPerSecond")}/s; X25519 {Of("x25519PerSecond")}/s";
        return figures.ContainsKey("rsa2048SignPerSecond") ? $"{line}; RSA-2048 sign {Of("rsa2048SignPerSecond")}/s, verify {Of("rsa2048VerifyPerSecond")}/s" : line;
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ecdsa \(nistp256\)\s+\S+\s+\S+\s+([\d.]+)\s+([\d.]+)")]
    private static partial Regex Ecdsa();

    [GeneratedRegex(@"ecdh \(X25519\)\s+\S+\s+([\d.]+)")]
    private static partial Regex X25519();

    [GeneratedRegex(@"rsa\s+2048 bits\s+\S+\s+\S+\s+([\d.]+)\s+([\d.]+)")]
    private static partial Regex Rsa();
}
