using System.Net;

namespace LoadBalancer.Forwarding;

/// <summary>
/// A server group in one snapshot: its servers and its scheduler (Wrr, Wlc or Sch). A server of weight 0 takes no
/// new requests; servers that just refused a connection are skipped while others are healthy.
/// </summary>
internal sealed class ServerGroupRuntime
{
    private readonly SmoothWeightedRoundRobin _wrr;
    private readonly string _scheduler;

    public ServerGroupRuntime(string id, string scheduler, IReadOnlyList<BackendServer> servers)
    {
        Id = id;
        _scheduler = scheduler;
        Servers = servers.ToArray();
        _wrr = new SmoothWeightedRoundRobin(Servers.Select(s => s.Weight).ToArray());
    }

    public string Id { get; }

    public BackendServer[] Servers { get; }

    public BackendServer? Pick(IPAddress? client)
    {
        var eligible = new Healthy(Servers, Servers.Any(s => s.Weight > 0 && s.State.IsHealthy));
        var index = _scheduler switch
        {
            "Wlc" => LeastConnections(eligible),
            "Sch" => SourceHash(client, eligible),
            _ => _wrr.Next(eligible),
        };
        return index < 0 ? null : Servers[index];
    }

    /// <summary>Weighted least connections: the lowest active/weight ratio.</summary>
    private int LeastConnections(Healthy eligible)
    {
        var best = -1;
        for (var i = 0; i < Servers.Length; i++)
        {
            if (Servers[i].Weight <= 0 || !eligible.Allows(i))
            {
                continue;
            }

            if (best < 0 || (long)Servers[i].State.ActiveRequests * Servers[best].Weight < (long)Servers[best].State.ActiveRequests * Servers[i].Weight)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Source IP hash: the same client goes to the same server while the group is unchanged.</summary>
    private int SourceHash(IPAddress? client, Healthy eligible)
    {
        var total = 0;
        for (var i = 0; i < Servers.Length; i++)
        {
            total += Servers[i].Weight > 0 && eligible.Allows(i) ? Servers[i].Weight : 0;
        }

        if (total == 0)
        {
            return -1;
        }

        Span<byte> address = stackalloc byte[16];
        var length = client is not null && client.TryWriteBytes(address, out var written) ? written : 0;
        var point = (int)(System.IO.Hashing.XxHash32.HashToUInt32(address[..length]) % (uint)total);
        for (var i = 0; i < Servers.Length; i++)
        {
            var share = Servers[i].Weight > 0 && eligible.Allows(i) ? Servers[i].Weight : 0;
            if (point < share)
            {
                return i;
            }

            point -= share;
        }

        return -1;
    }

    /// <summary>Servers that just refused a connection are skipped, unless no server of weight is healthy.</summary>
    private readonly struct Healthy(BackendServer[] servers, bool anyHealthy) : IIndexFilter
    {
        public bool Allows(int index) => !anyHealthy || servers[index].State.IsHealthy;
    }
}
