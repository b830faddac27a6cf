namespace LoadBalancer.Configuration.Validation;

/// <summary>Listener ports are in range and no two listeners bind the same port on overlapping addresses.</summary>
internal sealed class ListenerPortValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        var listeners = context.Listeners;
        for (var i = 0; i < listeners.Count; i++)
        {
            var scope = listeners[i];
            if (!Ranges.Check(context, scope.Resource, "ListenerPort", scope.Listener.ListenerPort, 1, 65535))
            {
                continue;
            }

            var clash = listeners.Take(i).FirstOrDefault(other => Clash(scope, other));
            if (clash is not null)
            {
                context.Add(scope.Resource, "ListenerPort",
                    $"port {scope.Listener.ListenerPort} on {scope.Instance.Address} is already bound by {clash.Resource} on {clash.Instance.Address}: choose another ListenerPort or Address");
            }
        }
    }

    // QUIC listeners bind UDP, the others TCP: only the same transport clashes.
    private static bool Clash(ListenerScope scope, ListenerScope other) =>
        other.Listener.ListenerPort == scope.Listener.ListenerPort
        && other.IsQuic == scope.IsQuic
        && IpAddresses.Overlap(scope.Instance.Address, other.Instance.Address);
}
