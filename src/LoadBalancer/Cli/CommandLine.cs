namespace LoadBalancer.Cli;

/// <summary>The command line of shared/design/config.md: run, validate, certs init, explain.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("not yet");
        return Task.FromResult(2);
    }
}
