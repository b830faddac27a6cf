using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration.Validation;

/// <summary>A listener with the instance it belongs to and the name errors give it.</summary>
internal sealed record ListenerScope(ListenerConfig Listener, LoadBalancerInstanceConfig Instance, string InstanceResource, string Resource)
{
    public bool IsAlb => Instance.LoadBalancerType == LoadBalancerTypes.Alb;

    public bool IsNlb => Instance.LoadBalancerType == LoadBalancerTypes.Nlb;

    public string? Protocol => Listener.ListenerProtocol;

    public bool IsHttp => IsAlb && Protocol == ListenerProtocols.Http;

    public bool IsHttps => IsAlb && Protocol == ListenerProtocols.Https;

    public bool IsQuic => IsAlb && Protocol == ListenerProtocols.Quic;

    public bool IsTcp => IsNlb && Protocol == ListenerProtocols.Tcp;

    public bool IsTcpSsl => IsNlb && Protocol == ListenerProtocols.TcpSsl;

    public bool IsBasicEdition => IsAlb && Instance.LoadBalancerEdition == LoadBalancerTypes.Basic;

    public static IReadOnlyList<ListenerScope> All(LoadBalancerConfig config) =>
        config.LoadBalancers.SelectMany((instance, i) => Of(instance, i)).ToList();

    private static IEnumerable<ListenerScope> Of(LoadBalancerInstanceConfig instance, int instanceIndex)
    {
        var instanceResource = InstanceName(instance, instanceIndex);
        return instance.Listeners.Select((listener, j) => new ListenerScope(
            listener,
            instance,
            instanceResource,
            ResourceNames.Listener(listener.ListenerId, $"LoadBalancers[{instanceIndex}].Listeners[{j}]", instanceResource)));
    }

    public static string InstanceName(LoadBalancerInstanceConfig instance, int index) =>
        ResourceNames.Of("LoadBalancer", instance.LoadBalancerId, $"LoadBalancers[{index}]");
}
