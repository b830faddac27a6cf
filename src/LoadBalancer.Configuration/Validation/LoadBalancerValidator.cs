using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>Instances: ALB or NLB, an edition only on ALB, a bind address; and the file serves at least one listener.</summary>
internal sealed class LoadBalancerValidator : IConfigValidator
{
    public void Validate(ValidationContext context)
    {
        var instances = context.Config.LoadBalancers;
        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            var resource = ListenerScope.InstanceName(instance, i);
            CheckType(context, instance, resource);
            if (!IpAddresses.IsValid(instance.Address))
            {
                context.Add(resource, "Address", $"'{instance.Address}' is not an IP address: give the local address to bind (0.0.0.0 for any)");
            }
        }

        if (context.Listeners.Count == 0)
        {
            context.Add("LoadBalancers", "",
                "the file declares no listener, so there is nothing to serve: add a load balancer with at least one entry in Listeners");
        }
    }

    private static void CheckType(ValidationContext context, LoadBalancerInstanceConfig instance, string resource)
    {
        var edition = instance.LoadBalancerEdition;
        switch (instance.LoadBalancerType)
        {
            case LoadBalancerTypes.Alb when edition is not null && !LoadBalancerTypes.Editions.Contains(edition, StringComparer.Ordinal):
                context.Add(resource, "LoadBalancerEdition",
                    $"'{edition}' is not an ALB edition: use Basic, Standard or StandardWithWaf (absent means Standard)");
                break;
            case LoadBalancerTypes.Nlb when edition is not null:
                context.Add(resource, "LoadBalancerEdition", "an NLB instance has no edition: remove LoadBalancerEdition");
                break;
            case LoadBalancerTypes.Alb or LoadBalancerTypes.Nlb:
                break;
            default:
                context.Add(resource, "LoadBalancerType", $"'{instance.LoadBalancerType}' is not a load balancer type: use ALB or NLB");
                break;
        }
    }
}
