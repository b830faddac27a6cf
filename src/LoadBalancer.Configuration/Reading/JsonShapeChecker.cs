using System.Reflection;
using System.Text.Json;
using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Reading;

/// <summary>
/// Walks the parsed document against the record types before anything is deserialized, so that every unknown
/// key and every wrongly typed value in the file is reported, not only the first.
/// </summary>
internal sealed class JsonShapeChecker
{
    private readonly NullabilityInfoContext _nullability = new();
    private readonly List<ConfigError> _errors = [];

    public static List<ConfigError> Check(JsonElement root, string path)
    {
        var checker = new JsonShapeChecker();
        checker.CheckValue(root, typeof(LoadBalancerConfig), nullable: false, new JsonLocation(path, "", ""));
        return checker._errors;
    }

    private void CheckValue(JsonElement element, Type type, bool nullable, JsonLocation at)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                Add(at, "must not be null: give a value or remove the key");
            }

            return;
        }

        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string))
        {
            ExpectKind(element, JsonValueKind.String, "a string", at);
        }
        else if (plain == typeof(int))
        {
            CheckInteger(element, at);
        }
        else if (plain == typeof(bool))
        {
            CheckBoolean(element, at);
        }
        else if (ModelProperties.ListElementType(plain) is { } elementType)
        {
            CheckArray(element, elementType, at);
        }
        else
        {
            CheckObject(element, plain, at);
        }
    }

    private void CheckArray(JsonElement element, Type elementType, JsonLocation at)
    {
        if (!ExpectKind(element, JsonValueKind.Array, "an array", at))
        {
            return;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            CheckValue(item, elementType, nullable: false, at.Item(index++));
        }
    }

    private void CheckObject(JsonElement element, Type type, JsonLocation at)
    {
        if (!ExpectKind(element, JsonValueKind.Object, "an object", at))
        {
            return;
        }

        var here = EnterResource(element, type, at);
        var properties = ModelProperties.Of(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            CheckMember(member, properties, seen, here.Property(member.Name));
        }
    }

    private void CheckMember(JsonProperty member, IReadOnlyDictionary<string, PropertyInfo> properties, HashSet<string> seen, JsonLocation at)
    {
        if (!seen.Add(member.Name))
        {
            Add(at, $"duplicate key '{member.Name}': keep only one");
        }
        else if (!properties.TryGetValue(member.Name, out var property))
        {
            Add(at, UnknownKey(member.Name, properties.Keys));
        }
        else
        {
            CheckValue(member.Value, property.PropertyType, IsNullable(property), at);
        }
    }

    private static JsonLocation EnterResource(JsonElement element, Type type, JsonLocation at)
    {
        if (ResourceKind.Of(type) is not { } kind)
        {
            return at;
        }

        var id = element.TryGetProperty(kind.IdKey, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        var resource = type == typeof(ListenerConfig)
            ? ResourceNames.Listener(id, at.Path, at.Resource)
            : ResourceNames.Of(kind.Name, id, at.Path);
        return at.Enter(resource);
    }

    private void CheckInteger(JsonElement element, JsonLocation at)
    {
        if (ExpectKind(element, JsonValueKind.Number, "a whole number", at) && !element.TryGetInt32(out _))
        {
            Add(at, $"must be a whole number, not {element.GetRawText()}");
        }
    }

    private void CheckBoolean(JsonElement element, JsonLocation at)
    {
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(at, $"must be true or false, not {Describe(element)}");
        }
    }

    private bool ExpectKind(JsonElement element, JsonValueKind kind, string expected, JsonLocation at)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        Add(at, $"must be {expected}, not {Describe(element)}");
        return false;
    }

    private bool IsNullable(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : _nullability.Create(property).WriteState == NullabilityState.Nullable;

    private static string UnknownKey(string key, IEnumerable<string> known) =>
        KeySuggester.Suggest(key, known) is { } suggestion
            ? $"unknown key '{key}' (did you mean '{suggestion}'?)"
            : $"unknown key '{key}': remove it or check its spelling against the documented keys";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private void Add(JsonLocation at, string message) => _errors.Add(new ConfigError(at.Resource, at.Field, message));
}
