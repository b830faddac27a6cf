namespace LoadBalancer.Configuration.Validation;

/// <summary>ALB listeners are HTTP, HTTPS or QUIC; NLB listeners TCP or TCPSSL.</summary>
internal sealed class ListenerProtocolValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners)
        {
            var message = scope.IsAlb ? AlbProblem(scope.Protocol) : scope.IsNlb ? NlbProblem(scope.Protocol) : null;
            if (message is not null)
            {
                context.Add(scope.Resource, "ListenerProtocol", message);
            }
        }
    }

    private static string? AlbProblem(string? protocol) => protocol switch
    {
        ListenerProtocols.Http or ListenerProtocols.Https or ListenerProtocols.Quic => null,
        _ => $"'{protocol}' is not an ALB listener protocol: use HTTP, HTTPS or QUIC (TCP and TCPSSL belong to NLB instances)",
    };

    private static string? NlbProblem(string? protocol) => protocol switch
    {
        ListenerProtocols.Tcp or ListenerProtocols.TcpSsl => null,
        _ => $"'{protocol}' is not an NLB listener protocol: use TCP or TCPSSL (HTTP, HTTPS and QUIC belong to ALB instances)",
    };
}
