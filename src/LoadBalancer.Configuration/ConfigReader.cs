using System.Text.Json;
using LoadBalancer.Configuration.Model;
using LoadBalancer.Configuration.Reading;

namespace LoadBalancer.Configuration;

/// <summary>
/// Reads the listener file: JSON with comments and trailing commas, exact (Alibaba) property names, and every
/// unknown key or wrongly typed value reported before anything is deserialized.
/// </summary>
public static class ConfigReader
{
    public static ConfigReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ReadText(path, out var error);
        return text is null ? Failed(error!) : Parse(text, path);
    }

    public static ConfigReadResult Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        var shapeErrors = CheckShape(json, path);
        if (shapeErrors.Count > 0)
        {
            return new ConfigReadResult(null, shapeErrors) { Lenient = DeserializeLeniently(json, path) };
        }

        return Deserialize(json, path);
    }

    private static string? ReadText(string path, out ConfigError? error)
    {
        error = null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new ConfigError(path, "", "the file does not exist: give an existing file (--config FILE)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = new ConfigError(path, "", $"the file cannot be read ({ex.Message}): check the path and its permissions");
        }

        return null;
    }

    private static List<ConfigError> CheckShape(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json, ConfigJsonOptions.Document);
            return JsonShapeChecker.Check(document.RootElement, path);
        }
        catch (JsonException ex)
        {
            return [SyntaxError(ex, path)];
        }
    }

    /// <summary>The file with unknown keys skipped, or null when it does not deserialize even so (a wrong type).</summary>
    private static ConfigFile? DeserializeLeniently(string json, string path)
    {
        try
        {
            var config = JsonSerializer.Deserialize<LoadBalancerConfig>(json, ConfigJsonOptions.LenientSerializer);
            return config is null ? null : new ConfigFile(path, config);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ConfigReadResult Deserialize(string json, string path)
    {
        try
        {
            var config = JsonSerializer.Deserialize<LoadBalancerConfig>(json, ConfigJsonOptions.Serializer);
            return config is null
                ? Failed(new ConfigError(path, "", "the file holds null: it must be a JSON object"))
                : new ConfigReadResult(new ConfigFile(path, config), []);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "" : ex.Path.TrimStart('$', '.');
            return Failed(new ConfigError(path, field, $"{JsonErrorText.Clean(ex.Message)}: fix the value's type"));
        }
    }

    private static ConfigError SyntaxError(JsonException ex, string path)
    {
        var line = (ex.LineNumber ?? 0) + 1;
        var column = (ex.BytePositionInLine ?? 0) + 1;
        return new ConfigError(path, "", $"JSON syntax error at line {line}, column {column}: {JsonErrorText.Clean(ex.Message)}");
    }

    private static ConfigReadResult Failed(ConfigError error) => new(null, [error]);
}
