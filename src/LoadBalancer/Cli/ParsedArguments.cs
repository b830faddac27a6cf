namespace LoadBalancer.Cli;

/// <summary>The command and its options, or the reason the arguments make no sense.</summary>
internal sealed record ParsedArguments(string Command, string? ConfigPath, string? OutputDirectory, string? ListenerId, string? ServerName, bool RsaOnly, string? Error)
{
    public string Config => ConfigPath ?? CommandLine.DefaultConfigPath;

    public static ParsedArguments Parse(string[] args)
    {
        var command = args switch
        {
            ["validate", ..] => "validate",
            ["certs", "init", ..] => "certs init",
            ["explain", ..] => "explain",
            ["policies", ..] => "policies",
            ["help", ..] or ["--help", ..] or ["-h", ..] => "help",
            _ => "run",
        };
        var skip = command switch { "run" => 0, "certs init" => 2, _ => 1 };
        var result = new ParsedArguments(command, null, null, null, null, false, null);
        for (var i = skip; i < args.Length; i++)
        {
            var option = args[i];
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            result = option switch
            {
                "--config" or "-c" => result with { ConfigPath = Value() ?? "" },
                "--out" => result with { OutputDirectory = Value() ?? "" },
                "--listener" => result with { ListenerId = Value() ?? "" },
                "--sni" => result with { ServerName = Value() ?? "" },
                "--rsa-only" => result with { RsaOnly = true },
                _ => result with { Error = $"unknown argument '{option}'" },
            };
            if (result.Error is not null)
            {
                return result;
            }
        }

        return result.Check();
    }

    private ParsedArguments Check()
    {
        if (ConfigPath == "" || OutputDirectory == "" || ListenerId == "" || ServerName == "")
        {
            return this with { Error = "an option is missing its value" };
        }

        if (Command == "explain" && (ListenerId is null || ServerName is null))
        {
            return this with { Error = "explain needs --listener ID and --sni NAME" };
        }

        return this;
    }
}
