using LoadBalancer.Configuration;

namespace LoadBalancer.Certificates.Loading;

/// <summary>The problems found in one store entry, all named after that entry.</summary>
internal sealed class EntryErrors(string resource)
{
    private readonly List<ConfigError> _items = [];

    public string Resource { get; } = resource;

    public IReadOnlyList<ConfigError> Items => _items;

    public bool HasErrors => _items.Exists(e => e.IsError);

    public void Error(string field, string message) => _items.Add(new ConfigError(Resource, field, message));

    public void Warning(string field, string message) =>
        _items.Add(new ConfigError(Resource, field, message, ConfigSeverity.Warning));

    public static string ResourceName(string kind, string? id, string listName, int index) =>
        string.IsNullOrEmpty(id) ? $"{listName}[{index}]" : $"{kind} '{id}'";
}
