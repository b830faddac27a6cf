using LoadBalancer.Configuration;
using LoadBalancer.Hosting;
using LoadBalancer.Listeners;
using LoadBalancer.Listeners.Quic;

namespace LoadBalancer.Cli;

/// <summary>
/// <c>LoadBalancer validate</c>: everything the running process would check, without serving. A QUIC listener on a
/// machine without libmsquic is a warning: the file is valid, and the process would serve everything else.
/// </summary>
internal static class ValidateCommand
{
    public static int Run(ParsedArguments arguments, TextWriter stdout, TextWriter stderr, QuicSupport? quic = null)
    {
        var result = SnapshotBuilder.Load(arguments.Config, version: 1);
        var quicWarnings = result.Snapshot is null ? [] : QuicWarnings(result.Snapshot, quic ?? QuicSupport.Machine);
        foreach (var warning in result.Problems.Where(p => !p.IsError).Concat(quicWarnings))
        {
            stderr.WriteLine(warning);
        }

        var errors = result.Errors.ToList();
        if (result.Snapshot is null)
        {
            errors.ForEach(e => stderr.WriteLine(e));
            stderr.WriteLine($"{arguments.Config}: {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
            return 1;
        }

        var snapshot = result.Snapshot;
        stdout.WriteLine($"{arguments.Config}: OK ({snapshot.Listeners.Count} listeners, {snapshot.Certificates.ById.Count} certificates, {snapshot.ServerGroups.Count} server groups)");
        return 0;
    }

    private static IEnumerable<ConfigError> QuicWarnings(RuntimeSnapshot snapshot, QuicSupport quic) => quic.IsAvailable
        ? []
        : snapshot.Listeners.Values.Where(l => l.Kind == ListenerKind.Quic).Select(l => new ConfigError(
            $"Listener '{l.Id}' (LoadBalancer '{l.LoadBalancerId}')", "ListenerProtocol",
            $"HTTP/3 is unavailable on this machine, so this QUIC listener would not be served (the others would): {quic.Reason}",
            ConfigSeverity.Warning));
}
