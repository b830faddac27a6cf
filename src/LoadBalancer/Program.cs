namespace LoadBalancer;

internal static class Program
{
    public static Task<int> Main(string[] args) => Cli.CommandLine.RunAsync(args, Console.Out, Console.Error);
}
