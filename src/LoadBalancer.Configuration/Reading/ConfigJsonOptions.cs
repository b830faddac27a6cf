using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoadBalancer.Configuration.Reading;

/// <summary>One set of JSON settings for the listener file: comments and trailing commas, exact names.</summary>
internal static class ConfigJsonOptions
{
    public static JsonDocumentOptions Document { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static JsonSerializerOptions Serializer { get; } = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    /// <summary>As <see cref="Serializer"/> but skipping unknown keys (already reported by the shape check).</summary>
    public static JsonSerializerOptions LenientSerializer { get; } = new(Serializer)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}
