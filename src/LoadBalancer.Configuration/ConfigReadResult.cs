namespace LoadBalancer.Configuration;

/// <summary>The outcome of reading a listener file: the file when it could be read, else every reading error.</summary>
public sealed record ConfigReadResult(ConfigFile? File, IReadOnlyList<ConfigError> Errors);
