using LoadBalancer.Configuration;

namespace LoadBalancer.Certificates.Loading;

/// <summary>Loads entries in parallel and gathers them, in file order, into one dictionary and one error list.</summary>
internal static class StoreAssembler
{
    public static (Dictionary<string, T> ById, List<ConfigError> Errors) Run<TConfig, T>(
        IReadOnlyList<TConfig> entries, Func<TConfig, int, EntryLoad<T>> load, string kind)
        where T : class
    {
        var loads = new EntryLoad<T>[entries.Count];
        Parallel.For(0, entries.Count, i => loads[i] = load(entries[i], i));
        return Gather(loads, kind);
    }

    private static (Dictionary<string, T>, List<ConfigError>) Gather<T>(EntryLoad<T>[] loads, string kind)
        where T : class
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<ConfigError>();
        for (var i = 0; i < loads.Length; i++)
        {
            errors.AddRange(loads[i].Errors);
            if (loads[i].Id is { Length: > 0 } id && !seen.Add(id))
            {
                errors.Add(new ConfigError($"{kind} '{id}'", "CertificateId", $"CertificateId '{id}' is used by more than one entry; give each entry its own id"));
            }
            else if (loads[i] is { Id: { Length: > 0 } loadedId, Value: { } value })
            {
                byId[loadedId] = value;
            }
        }

        return (byId, errors);
    }
}
