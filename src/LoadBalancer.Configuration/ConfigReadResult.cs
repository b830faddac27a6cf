namespace LoadBalancer.Configuration;

/// <summary>
/// The outcome of reading a listener file: the file when it could be read, else every reading error. When the only
/// reading errors are unknown keys, <see cref="Lenient"/> holds the file read without them: never to be served,
/// only validated further so that one pass reports every error of the file.
/// </summary>
public sealed record ConfigReadResult(ConfigFile? File, IReadOnlyList<ConfigError> Errors)
{
    public ConfigFile? Lenient { get; init; }
}
