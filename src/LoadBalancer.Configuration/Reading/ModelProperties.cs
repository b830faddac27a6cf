using System.Collections.Concurrent;
using System.Reflection;

namespace LoadBalancer.Configuration.Reading;

/// <summary>The JSON keys a record accepts: its settable public properties, by exact name.</summary>
internal static class ModelProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> s_cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) => s_cache.GetOrAdd(type, Find);

    public static Type? ListElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    private static Dictionary<string, PropertyInfo> Find(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
}
