namespace LoadBalancer.Hosting;

/// <summary>
/// Socket work runs on .NET's socket event threads, one per core, instead of being handed from the event thread to
/// the thread pool: a request or handshake is read, decrypted, forwarded and answered on the thread its event came
/// in on, as nginx's and HAProxy's workers run. .NET reads the switch from the environment once, at the process's
/// first socket; <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c> keeps .NET's default (one event thread
/// queueing every completion to the thread pool).
/// </summary>
internal static class SocketEventLoop
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Whether the process runs socket completions on the event threads (Kestrel's pipes then run inline too).</summary>
    public static bool Inline => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Turns it on unless the environment chose; to be called before any socket is made.</summary>
    public static void PreferInline()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
