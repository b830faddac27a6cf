using LoadBalancer.Configuration.Model;

namespace LoadBalancer.Configuration;

/// <summary>A parsed listener file and where it came from; relative paths inside it resolve against its folder.</summary>
public sealed record ConfigFile(string Path, LoadBalancerConfig Config)
{
    public string BaseDirectory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";

    public string Resolve(string path) => System.IO.Path.GetFullPath(path, BaseDirectory);
}
