using LoadBalancer.Certificates.Development;

namespace LoadBalancer.Cli;

/// <summary><c>LoadBalancer certs init</c>: a development PKI; existing files are kept.</summary>
internal static class CertsInitCommand
{
    public const string DefaultDirectory = "certs";

    public static int Run(ParsedArguments arguments, TextWriter stdout)
    {
        var directory = arguments.OutputDirectory ?? DefaultDirectory;
        var written = DevelopmentPki.Create(directory, stdout);
        stdout.WriteLine(written.Count == 0 ? $"{directory}: every development certificate already exists" : $"{directory}: wrote {written.Count} files");
        return 0;
    }
}
