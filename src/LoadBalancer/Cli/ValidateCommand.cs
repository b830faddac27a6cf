using LoadBalancer.Hosting;

namespace LoadBalancer.Cli;

/// <summary><c>LoadBalancer validate</c>: everything the running process would check, without serving.</summary>
internal static class ValidateCommand
{
    public static int Run(ParsedArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var result = SnapshotBuilder.Load(arguments.Config, version: 1);
        foreach (var warning in result.Problems.Where(p => !p.IsError))
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
}
