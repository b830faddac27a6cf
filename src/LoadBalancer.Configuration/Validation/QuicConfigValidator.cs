namespace LoadBalancer.Configuration.Validation;

/// <summary>
/// QuicUpgradeEnabled on an HTTPS listener advertises HTTP/3 (Alt-Svc) on the QUIC listener that QuicListenerId
/// names, which must be a QUIC listener of the same instance.
/// </summary>
internal sealed class QuicConfigValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttps && s.Listener.QuicConfig is { QuicUpgradeEnabled: true }))
        {
            var id = scope.Listener.QuicConfig!.QuicListenerId;
            if (string.IsNullOrWhiteSpace(id))
            {
                context.Add(scope.Resource, "QuicConfig.QuicListenerId",
                    $"QuicUpgradeEnabled needs QuicListenerId naming a QUIC listener of {scope.InstanceResource}: give its ListenerId, or set QuicUpgradeEnabled to false");
                continue;
            }

            var target = context.Listeners.FirstOrDefault(s => s.Listener.ListenerId == id);
            var problem = target switch
            {
                null => $"listener '{id}' does not exist",
                _ when !ReferenceEquals(target.Instance, scope.Instance) => $"'{id}' belongs to {target.InstanceResource}, not {scope.InstanceResource}",
                _ when !target.IsQuic => $"'{id}' is not a QUIC listener (its ListenerProtocol is {target.Protocol})",
                _ => null,
            };
            if (problem is not null)
            {
                context.Add(scope.Resource, "QuicConfig.QuicListenerId",
                    $"{problem}: QuicListenerId must name a QUIC listener of {scope.InstanceResource} (the one HTTP/3 clients are sent to)");
            }
        }
    }
}
