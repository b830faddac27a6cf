namespace LoadBalancer.Configuration.Validation;

/// <summary>One id in the file: its value, the resource and field errors name, and where it is (for "already used by").</summary>
internal sealed record IdEntry(string? Id, string Resource, string Field, string Path);
