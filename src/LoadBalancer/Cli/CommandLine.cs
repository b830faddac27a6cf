namespace LoadBalancer.Cli;

/// <summary>The command line of shared/design/config.md: run, validate, certs init, explain, policies.</summary>
internal static class CommandLine
{
    public const string DefaultConfigPath = "config/loadbalancer.json";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = ParsedArguments.Parse(args);
        if (parsed.Error is not null)
        {
            await stderr.WriteLineAsync($"error: {parsed.Error}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        return parsed.Command switch
        {
            "run" => await RunCommand.RunAsync(parsed, stdout, stderr),
            "validate" => ValidateCommand.Run(parsed, stdout, stderr),
            "certs init" => CertsInitCommand.Run(parsed, stdout),
            "explain" => ExplainCommand.Run(parsed, stdout, stderr),
            "policies" => PoliciesCommand.Run(parsed, stdout, stderr),
            _ => await Help(stdout),
        };
    }

    private static async Task<int> Help(TextWriter stdout)
    {
        await stdout.WriteLineAsync(Usage);
        return 0;
    }

    public const string Usage = """
        usage:
          LoadBalancer [--config FILE]                      run (default config/loadbalancer.json)
          LoadBalancer validate [--config FILE]             check the file; exit 0, or 1 with every error
          LoadBalancer certs init [--out DIR]               make a development PKI (default certs/)
          LoadBalancer explain --listener ID --sni NAME [--rsa-only] [--config FILE]
                                                            show how a listener ranks its certificates for a name
          LoadBalancer policies [--config FILE]             the system security policies and the file's custom ones
        """;
}
