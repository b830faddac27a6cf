namespace LoadBalancer.Tests.Support;

/// <summary>PEM boundary lines by label, so test sources hold no literal key header (no key is ever committed).</summary>
internal static class PemLabel
{
    public static string Begin(string label) => $"-----BEGIN {label}-----";
}
