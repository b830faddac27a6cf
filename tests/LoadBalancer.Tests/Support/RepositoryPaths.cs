namespace LoadBalancer.Tests.Support;

/// <summary>Files of this repository (the shipped config), found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LoadBalancer.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("LoadBalancer.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string ShippedConfig => Path.Combine(Root, "config", "loadbalancer.json");
}
