namespace LoadBalancer.Configuration;

/// <summary>
/// One thing wrong with the listener file: the resource it belongs to (for example <c>Listener 'lsn-https'</c>),
/// the field (a JSON path inside that resource) and what is wrong, phrased so the user knows the fix.
/// Warnings are reported but do not stop the file from being applied.
/// </summary>
public sealed record ConfigError(string Resource, string Field, string Message, ConfigSeverity Severity = ConfigSeverity.Error)
{
    public bool IsError => Severity == ConfigSeverity.Error;

    public override string ToString()
    {
        var prefix = Severity == ConfigSeverity.Warning ? "warning: " : "";
        return Field.Length == 0 ? $"{prefix}{Resource}: {Message}" : $"{prefix}{Resource}: {Field}: {Message}";
    }
}
