namespace LoadBalancer.Configuration.Validation;

/// <summary>Demo backends: an IP address and a port that no listener takes.</summary>
internal sealed class DemoBackendValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < context.Config.DemoBackends.Count; i++)
        {
            var backend = context.Config.DemoBackends[i];
            var resource = ResourceNames.Of("DemoBackend", backend.DemoBackendId, $"DemoBackends[{i}]");
            if (!IpAddresses.IsValid(backend.Address))
            {
                context.Add(resource, "Address", $"'{backend.Address}' is not an IP address: give an IPv4 or IPv6 address");
            }

            if (Ranges.Check(context, resource, "Port", backend.Port, 1, 65535))
            {
                CheckCollisions(context, resource, backend.Address, backend.Port);
            }
        }
    }

    private static void CheckCollisions(ValidationContext context, string resource, string address, int port)
    {
        foreach (var scope in context.Listeners)
        {
            if (scope.Listener.ListenerPort == port && !scope.IsQuic && IpAddresses.Overlap(address, scope.Instance.Address))
            {
                context.Add(resource, "Port",
                    $"{address}:{port} is also bound by {scope.Resource} on {scope.Instance.Address}: give the demo backend another port");
            }
        }
    }
}
