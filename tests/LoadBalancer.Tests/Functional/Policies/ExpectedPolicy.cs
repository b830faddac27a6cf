namespace LoadBalancer.Tests.Functional.Policies;

/// <summary>A policy of the table and what a scanner must see of it on a listener with an ECC and an RSA certificate.</summary>
internal sealed record ExpectedPolicy(string Id, string[] Versions, string[] Ciphers)
{
    /// <summary>The OpenSSL the tests run on (the server's too) is built without 3DES: DES-CBC3-SHA is never offered.</summary>
    public static bool TripleDesAvailable { get; } = OpensslHas("DES-CBC3-SHA");

    /// <summary>Listed, a TLS cipher, and available on this machine.</summary>
    public IEnumerable<string> OfferedCiphers => Ciphers.Where(c => ProductPolicyTable.VersionsOf(c).Count > 0 && (c != "DES-CBC3-SHA" || TripleDesAvailable));

    /// <summary>
    /// What a scanner sees under one version, in order: a client that offers ECDSA suites gets the ECC certificate,
    /// so the ECDHE-ECDSA suites come first, then (once the scanner stops offering them) the RSA ones, each group in
    /// the policy's order. TLS 1.3 suites work with either certificate: the policy's order.
    /// </summary>
    public IReadOnlyList<string> ScannedUnder(string version)
    {
        if (!Versions.Contains(version))
        {
            return [];
        }

        var offered = OfferedCiphers.Where(c => ProductPolicyTable.VersionsOf(c).Contains(version)).ToList();
        return [.. offered.Where(c => c.Contains("ECDSA", StringComparison.Ordinal)), .. offered.Where(c => !c.Contains("ECDSA", StringComparison.Ordinal))];
    }

    /// <summary>The version a client offering everything up to <paramref name="maxVersion"/> gets with only this cipher; null if refused.</summary>
    public string? NegotiatedWith(string cipher, string maxVersion) =>
        OfferedCiphers.Contains(cipher)
            ? ProductPolicyTable.VersionsOf(cipher).Where(v => Versions.Contains(v) && string.CompareOrdinal(v, maxVersion) <= 0).LastOrDefault()
            : null;

    public override string ToString() => Id;

    private static bool OpensslHas(string cipher)
    {
        var start = new System.Diagnostics.ProcessStartInfo("openssl", ["ciphers", $"{cipher}:@SECLEVEL=0"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
