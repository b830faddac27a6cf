namespace LoadBalancer.Configuration.Validation;

/// <summary>QuicUpgradeEnabled names a QUIC listener of the same instance; since QUIC is not served yet, it cannot be on.</summary>
internal sealed class QuicConfigValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        foreach (var scope in context.Listeners.Where(s => s.IsHttps && s.Listener.QuicConfig is { QuicUpgradeEnabled: true }))
        {
            var id = scope.Listener.QuicConfig!.QuicListenerId;
            var target = string.IsNullOrWhiteSpace(id)
                ? "QuicListenerId is missing"
                : $"QuicListenerId '{id}' must name a QUIC listener of {scope.InstanceResource}";
            context.Add(scope.Resource, "QuicConfig.QuicUpgradeEnabled",
                $"QuicUpgradeEnabled needs QuicListenerId naming a QUIC listener of the same instance ({target}), and QUIC listeners are not served by this version yet: set QuicUpgradeEnabled to false");
        }
    }
}
