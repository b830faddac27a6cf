namespace LoadBalancer.Configuration;

/// <summary>How errors name a resource: by its id when it has one, else by its JSON path.</summary>
internal static class ResourceNames
{
    public static string Of(string kind, string? id, string path) =>
        string.IsNullOrEmpty(id) ? path : $"{kind} '{id}'";

    public static string Listener(string? id, string path, string instance) =>
        string.IsNullOrEmpty(id) ? path : $"Listener '{id}' ({instance})";
}
