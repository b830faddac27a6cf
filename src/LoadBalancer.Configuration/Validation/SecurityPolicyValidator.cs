using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Reading;
using LoadBalancer.Tls.Policies;

namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// Custom security policies: an id of their own, known TLS versions and cipher names, each listed once, and every
/// cipher usable under a chosen version (the SM suites excepted: they are TLCP's). A chosen version that none of
/// the ciphers works under is only a warning: it is not offered.
/// </summary>
internal sealed class SecurityPolicyValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.SecurityPolicies.Count; i++)
        {
            var policy = context.Config.SecurityPolicies[i];
            var resource = ResourceNames.Of("SecurityPolicy", policy.SecurityPolicyId, $"SecurityPolicies[{i}]");
            CheckId(context, policy, resource);
            var chosen = CheckVersions(context, resource, policy.TLSVersions);
            var ciphers = CheckCiphers(context, resource, policy.Ciphers, chosen);
            WarnAboutVersionsWithoutCiphers(context, resource, chosen, ciphers);
        }
    }

    private static void CheckId(ValidationContext context, SecurityPolicyConfig policy, string resource)
    {
        if (SystemSecurityPolicies.Contains(policy.SecurityPolicyId))
        {
            context.Add(resource, "SecurityPolicyId",
                $"'{policy.SecurityPolicyId}' is a system policy and needs no entry: remove the entry or give the custom policy another id");
        }
    }

    private static TlsVersions CheckVersions(ValidationContext context, string resource, List<string> names)
    {
        var allowed = string.Join(", ", TlsVersionNames.All);
        if (names.Count == 0)
        {
            context.Add(resource, "TLSVersions", $"TLSVersions must not be empty: list one or more of {allowed}");
        }

        var chosen = TlsVersions.None;
        for (var i = 0; i < names.Count; i++)
        {
            if (!TlsVersionNames.TryParse(names[i], out var version))
            {
                var suggestion = KeySuggester.Suggest(names[i] ?? "", TlsVersionNames.All);
                context.Add(resource, $"TLSVersions[{i}]", $"'{names[i]}' is not a known value: use {(suggestion is null ? allowed : $"{suggestion} (or {allowed})")}");
            }
            else if (chosen.HasFlag(version))
            {
                context.Add(resource, $"TLSVersions[{i}]", $"'{names[i]}' is listed twice: remove one");
            }

            chosen |= version;
        }

        return chosen;
    }

    private static List<CipherSuite> CheckCiphers(ValidationContext context, string resource, List<string> names, TlsVersions chosen)
    {
        if (names.Count == 0)
        {
            context.Add(resource, "Ciphers", "Ciphers must not be empty: list one or more cipher names (`LoadBalancer policies` shows them)");
        }

        var known = new List<CipherSuite>();
        for (var i = 0; i < names.Count; i++)
        {
            var field = $"Ciphers[{i}]";
            if (!CipherSuites.TryFind(names[i], out var suite))
            {
                context.Add(resource, field, UnknownCipher(names[i]));
            }
            else if (known.Contains(suite))
            {
                context.Add(resource, field, $"'{names[i]}' is listed twice{(names[i] == suite.Name ? "" : $" (as '{suite.Name}')")}: remove one");
            }
            else
            {
                known.Add(suite);
                CheckVersionSupport(context, resource, field, suite, chosen);
            }
        }

        return known;
    }

    private static string UnknownCipher(string? name)
    {
        var suggestion = KeySuggester.Suggest(name ?? "", CipherSuites.Names);
        var hint = suggestion is null ? "" : $"did you mean '{suggestion}'? ";
        return $"'{name}' is not a cipher suite of the product: {hint}use one of {string.Join(", ", CipherSuites.Names)}";
    }

    /// <summary>A cipher takes effect only under a version that supports it; one that no chosen version supports is a mistake.</summary>
    private static void CheckVersionSupport(ValidationContext context, string resource, string field, CipherSuite suite, TlsVersions chosen)
    {
        if (suite.IsTlcp || chosen == TlsVersions.None || suite.WorksUnder(chosen))
        {
            return;
        }

        var versions = string.Join(", ", TlsVersionNames.Of(suite.Versions));
        context.Add(resource, field, $"'{suite.Name}' works only under {versions}, which TLSVersions does not choose: add {(suite.Versions == TlsVersions.Tls10To12 ? "one of them" : versions)} to TLSVersions or remove the cipher");
    }

    private static void WarnAboutVersionsWithoutCiphers(ValidationContext context, string resource, TlsVersions chosen, List<CipherSuite> ciphers)
    {
        if (ciphers.Count == 0)
        {
            return;
        }

        foreach (var version in TlsVersionNames.EachVersion)
        {
            if (chosen.HasFlag(version) && !ciphers.Any(c => c.WorksUnder(version)))
            {
                var name = TlsVersionNames.Of(version)[0];
                var candidates = string.Join(", ", CipherSuites.All.Where(c => c.WorksUnder(version)).Select(c => c.Name).Take(3));
                context.AddWarning(resource, "TLSVersions",
                    $"{name} is chosen but none of Ciphers works under it, so {name} is not offered: add a {name} cipher ({candidates}, ...) or remove {name}");
            }
        }
    }
}
