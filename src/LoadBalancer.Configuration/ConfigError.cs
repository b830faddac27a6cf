namespace LoadBalancer.Configuration;

/// <summary>
/// One thing wrong with the listener file: the resource it belongs to (for example <c>Listener 'lsn-https'</c>),
/// the field (a JSON path inside that resource) and what is wrong, phrased so the user knows the fix.
/// </summary>
public sealed record ConfigError(string Resource, string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? $"{Resource}: {Message}" : $"{Resource}: {Field}: {Message}";
}
