namespace LoadBalancer;

internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        Hosting.SocketEventLoop.PreferInline();
        return Cli.CommandLine.RunAsync(args, Console.Out, Console.Error);
    }
}
