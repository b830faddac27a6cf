using System.Text.Json;

namespace LoadBalancer.Tests.Support;

/// <summary>What a demo (echo) backend says it received.</summary>
internal sealed record EchoReply(string Backend, string Method, string Path, string Protocol, IReadOnlyDictionary<string, string> Headers)
{
    public static async Task<EchoReply> ReadAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadAsStringAsync();
        return Parse(json);
    }

    public static EchoReply Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
        return new EchoReply(root.GetProperty("backend").GetString()!, root.GetProperty("method").GetString()!, root.GetProperty("path").GetString()!,
            root.GetProperty("protocol").GetString()!, headers);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
