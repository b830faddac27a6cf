namespace LoadBalancer.Benchmarks.Compare;

/// <summary>One certificate for the proxies: its name, PEM certificate and PEM key files, and both in one file (HAProxy).</summary>
internal sealed record Leaf(string Name, string Certificate, string Key, string Combined);

/// <summary>
/// What every proxy is given alike: a folder of its own, the certificates (the first is the default), the ports to
/// listen on (HTTPS, and TCPSSL when not 0), the HTTP backend and the TCP echo backend.
/// </summary>
internal sealed record ProxySetup(string Directory, IReadOnlyList<Leaf> Leaves, int HttpsPort, int TcpSslPort, int HttpBackendPort, int EchoPort)
{
    /// <summary>Idle keep-alive connections are kept this long by all three (ALB's maximum IdleTimeout is 60 s).</summary>
    public const int IdleSeconds = 60;

    /// <summary>
    /// The process's open-file limit (a container may hold it at its hard limit, e.g. 20,000): HAProxy is told to
    /// use it as it is rather than refuse to start because twice its connection limit does not fit.
    /// </summary>
    public static int FileLimit => (int)Math.Min(int.MaxValue, OpenFileLimit());

    /// <summary>
    /// Connections each proxy accepts: 12,000, or what HAProxy can hold within the open-file limit (it counts two
    /// descriptors per connection, client and server side, and refuses to start otherwise).
    /// </summary>
    public static int MaxConnections => Math.Min(12_000, (FileLimit - 100) / 2);

    /// <summary>Idle connections the memory scenario can open in every proxy: 10,000, fewer under a low open-file limit.</summary>
    public static int IdleConnectionsPossible => Math.Min(10_000, (MaxConnections - 500) / 1000 * 1000);

    /// <summary>Threads or worker processes of each proxy: the machine's cores.</summary>
    public static int Workers => Environment.ProcessorCount;

    private static long OpenFileLimit()
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        return soft is null or "unlimited" ? 1_048_576 : long.Parse(soft, System.Globalization.CultureInfo.InvariantCulture);
    }
}
