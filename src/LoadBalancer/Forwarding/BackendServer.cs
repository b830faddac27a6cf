namespace LoadBalancer.Forwarding;

/// <summary>One server of a group in one snapshot: its address and weight; its live state is per address.</summary>
internal sealed class BackendServer
{
    public BackendServer(string address, int port, int weight, string scheme)
    {
        Address = address;
        Port = port;
        Weight = weight;
        DestinationPrefix = $"{scheme}://{(address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address)}:{port}/";
        State = BackendServerState.For(DestinationPrefix);
    }

    public string Address { get; }

    public int Port { get; }

    public int Weight { get; }

    public string DestinationPrefix { get; }

    public BackendServerState State { get; }

    public override string ToString() => $"{Address}:{Port}";
}
