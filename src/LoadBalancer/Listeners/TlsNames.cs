using System.Security.Authentication;

namespace LoadBalancer.Listeners;

internal static class TlsNames
{
#pragma warning disable SYSLIB0039, CS0618, CA5397 // naming old protocol versions is not using them
    public static string Version(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
        SslProtocols.Tls11 => "TLSv1.1",
        SslProtocols.Tls => "TLSv1.0",
        _ => protocol.ToString(),
    };
#pragma warning restore SYSLIB0039, CS0618, CA5397
}
