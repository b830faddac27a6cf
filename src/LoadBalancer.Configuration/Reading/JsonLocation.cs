namespace LoadBalancer.Configuration.Reading;

/// <summary>Where a JSON value sits: the enclosing resource, the field path inside it, and the path from the root.</summary>
internal readonly record struct JsonLocation(string Resource, string Field, string Path)
{
    public JsonLocation Property(string name) => new(Resource, Join(Field, name), Join(Path, name));

    public JsonLocation Item(int index) => new(Resource, $"{Field}[{index}]", $"{Path}[{index}]");

    public JsonLocation Enter(string resource) => new(resource, "", Path);

    private static string Join(string left, string right) => left.Length == 0 ? right : $"{left}.{right}";
}
