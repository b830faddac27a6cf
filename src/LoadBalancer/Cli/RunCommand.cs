using LoadBalancer.Certificates.Development;
using LoadBalancer.Hosting;

namespace LoadBalancer.Cli;

/// <summary>
/// Runs the load balancer. On the shipped default config it first makes the development PKI the config names
/// (certs/ beside config/), so a fresh clone serves at once.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(ParsedArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        if (arguments.ConfigPath is null)
        {
            var certificates = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(arguments.Config))!, "..", CertsInitCommand.DefaultDirectory));
            DevelopmentPki.Create(certificates, stdout);
        }

        var result = SnapshotBuilder.Load(arguments.Config, version: 1);
        if (result.Snapshot is null)
        {
            result.Errors.ToList().ForEach(e => stderr.WriteLine(e));
            await stderr.WriteLineAsync($"{arguments.Config}: not started, {result.Errors.Count()} errors");
            return 1;
        }

        var app = LoadBalancerHost.Create(result.Snapshot, new HostSettings(Path.GetFullPath(arguments.Config)));
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
