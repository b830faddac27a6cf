namespace LoadBalancer.Tlcp.Certificates;

/// <summary>Server credentials that cannot serve: every problem found, each a sentence naming the certificate or key.</summary>
public sealed class TlcpCredentialsException : Exception
{
    public TlcpCredentialsException()
    {
    }

    public TlcpCredentialsException(string message)
        : base(message)
    {
    }

    public TlcpCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TlcpCredentialsException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
